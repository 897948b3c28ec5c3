import { allocate } from "../values/allocate.js";
import { type DecimalString, numberToDecimalString } from "../values/decimal.js";
import type { SettlementStatement, StatementAllocation } from "./SettlementStatement.js";

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
 *   weight, all weights zero)
 * @example
 * ```ts
 * allocateStatement(statement, [{ store: "us", weight: "44160" }, { store: "de", weight: "12000" }]);
 * ```
 */
export function allocateStatement(
  statement: Pick<SettlementStatement, "total" | "currency">,
  weights: readonly { readonly store: string; readonly weight: DecimalString | number }[],
): StatementAllocation[] {
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
