import * as z from "zod";
import { checkArguments } from "../internal/arguments.js";
import { allocate } from "../values/allocate.js";
import { type DecimalString, numberToDecimalString } from "../values/decimal.js";
import type { SettlementStatement, StatementAllocation } from "./SettlementStatement.js";

/** What {@link allocateStatement} reads of a statement; `allocate` checks the amount and currency. */
const statementShape = z.looseObject(
  {
    total: z.string({ error: "Expected the statement's total, a decimal string" }),
    currency: z.string({ error: "Expected the statement's currency code" }),
  },
  { error: "Expected a settlement statement" },
);
const weightsShape = z.array(
  z.looseObject(
    { store: z.string({ error: "Expected a store id" }), weight: z.unknown() },
    { error: "Expected { store, weight }" },
  ),
  { error: "Expected an array of { store, weight }" },
);

/**
 * Splits a statement's total across stores by weights (for sellers who book fees per store), with
 * the largest-remainder method of `allocate`: the parts sum exactly to the total, ties go to the
 * earlier store.
 *
 * @param statement - a settlement statement (its `total` and `currency` are read)
 * @param weights - one entry per store, in the order ties should favour; non-negative weights such
 *   as each store's GMV
 * @returns one `{ store, weight, amount }` per entry, amounts summing to `statement.total`
 * @throws {@link KpiContractError} the `allocation-*` codes of `allocate` (no weights, a negative
 *   weight, all weights zero); `arguments-invalid` for a statement without a total and currency or
 *   weights that are not a list of `{ store, weight }`
 * @example
 * ```ts
 * allocateStatement(statement, [{ store: "us", weight: "44160" }, { store: "de", weight: "12000" }]);
 * ```
 */
export function allocateStatement(
  statement: Pick<SettlementStatement, "total" | "currency">,
  weights: readonly { readonly store: string; readonly weight: DecimalString | number }[],
): StatementAllocation[] {
  checkArguments("allocateStatement", [
    ["statement", statementShape, statement],
    ["weights", weightsShape, weights],
  ]);
  const parts = allocate(
    statement.total,
    statement.currency,
    weights.map((w) => w.weight),
  );
  return weights.map((w, i) => ({
    store: w.store,
    weight: typeof w.weight === "number" ? numberToDecimalString(w.weight) : w.weight,
    amount: parts[i] as string,
  }));
}
