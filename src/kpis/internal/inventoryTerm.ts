import { D } from "../../internal/decimal.js";
import { type Expr, literal, over, plus } from "./expr.js";
import { choiceKnob } from "./knobs.js";
import { type KpiRun, readAll, step } from "./run.js";

/** The `basis` knob of inventory KPIs: cost (COGS over inventory value) or units. */
export const inventoryBasisKnob = choiceKnob("basis", ["cost", "units"]);

/** The inventory basis. */
export type InventoryBasis = "cost" | "units";

const PATHS = {
  cost: { sold: "costs.cogs", opening: "inventory.openingValue", closing: "inventory.closingValue" },
  units: { sold: "sales.units", opening: "inventory.openingUnits", closing: "inventory.closingUnits" },
} as const;

/** The fact paths an inventory KPI reads on a basis. */
export function inventoryReads(basis: InventoryBasis): string[] {
  const p = PATHS[basis];
  return [p.sold, p.opening, p.closing];
}

/**
 * What left the shelf (COGS, or units sold) and the average inventory (opening + closing) ÷ 2,
 * recorded as the step `average inventory`; undefined when a fact is missing.
 *
 * @internal
 */
export function inventoryTerms(
  run: KpiRun,
  basis: InventoryBasis,
): { sold: Expr; average: Expr } | undefined {
  const f = readAll(run, PATHS[basis]);
  if (f === undefined) return undefined;
  // Division by the literal 2 cannot fail.
  const average = over(plus(f.opening, f.closing), literal(new D(2))) as Expr;
  return { sold: f.sold, average: step(run, "average inventory", average) };
}
