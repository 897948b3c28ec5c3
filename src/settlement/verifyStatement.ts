import { KpiContractError } from "../values/KpiContractError.js";
import type { SettlementInput, SettlementStatement, SettleOptions } from "./SettlementStatement.js";
import { settle } from "./settle.js";
import { checkVerifiedStatement } from "./settleOptionsSchema.js";

/** One way a statement differs from its recomputation. */
export interface StatementDifference {
  /** What differs: `digest`, `total`, `lines`, `lines[2].amount`, `adjustmentTotal`, `settle`… */
  readonly field: string;
  /** The value in the statement given. */
  readonly statement: unknown;
  /** The value recomputed from the contract and input. */
  readonly recomputed: unknown;
}

/** The result of {@link verifyStatement}. */
export interface StatementVerification {
  /** True when the recomputed digest, total, lines and adjustments all match. */
  readonly ok: boolean;
  readonly differences: readonly StatementDifference[];
}

/** The options recorded in a statement, as `settle` reads them back. */
function optionsOf(statement: SettlementStatement): SettleOptions {
  const o = statement.options;
  return {
    allowInvalid: o.allowInvalid,
    locale: o.locale,
    ...(o.previousCycle !== undefined
      ? {
          previousCycle: {
            contractId: statement.contractId,
            cycle: o.previousCycle.cycle,
            digest: o.previousCycle.digest,
            lines: Object.entries(o.previousCycle.carryForward).map(([component, carryForward]) => ({
              component,
              kind: "share" as const,
              carryForward,
            })),
          },
        }
      : {}),
    ...(o.previous !== undefined ? { previous: { contractId: statement.contractId, ...o.previous } } : {}),
    ...(o.standingHistory !== undefined ? { standingHistory: o.standingHistory } : {}),
    ...(o.allocateBy !== undefined ? { allocateBy: o.allocateBy } : {}),
  };
}

/**
 * Verifies a settlement statement (SPEC §6.5): settles the contract and input again with the
 * options recorded in the statement and compares the digest, the total, every line (component,
 * kind, basis, rate, amount, carry-forward) and any true-up adjustments.
 *
 * @param statement - the statement to check (for example as received from the other party)
 * @param contract - the contract, as raw JSON or parsed
 * @param input - the settlement input `{ cycle, facts, history }`
 * @returns `{ ok, differences }`; a settlement that now fails gives one difference `settle` with
 *   the error code
 * @throws {@link KpiContractError} `statement-invalid` when the statement is not one (a part it
 *   reads is missing or malformed, with its path); other errors only for a bug
 * @example
 * ```ts
 * const { ok, differences } = verifyStatement(statement, contract, input);
 * if (!ok) for (const d of differences) console.log(d.field, d.statement, "≠", d.recomputed);
 * ```
 */
export function verifyStatement(
  statement: SettlementStatement,
  contract: unknown,
  input: SettlementInput,
): StatementVerification {
  checkVerifiedStatement(statement);
  let recomputed: SettlementStatement;
  try {
    recomputed = settle(contract, input, optionsOf(statement));
  } catch (error) {
    if (!(error instanceof KpiContractError)) throw error;
    return {
      ok: false,
      differences: [{ field: "settle", statement: statement.total, recomputed: error.code }],
    };
  }
  const differences: StatementDifference[] = [];
  const compare = (field: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) differences.push({ field, statement: a, recomputed: b });
  };
  compare("digest", statement.digest, recomputed.digest);
  compare("total", statement.total, recomputed.total);
  if (statement.lines.length !== recomputed.lines.length) {
    compare(
      "lines",
      statement.lines.map((l) => `${l.kind}:${l.component}`),
      recomputed.lines.map((l) => `${l.kind}:${l.component}`),
    );
  } else {
    statement.lines.forEach((line, i) => {
      const other = recomputed.lines[i];
      for (const key of ["component", "kind", "basis", "rate", "amount", "carryForward"] as const) {
        compare(`lines[${i}].${key}`, line[key], other?.[key]);
      }
    });
  }
  compare("adjustmentTotal", statement.adjustmentTotal, recomputed.adjustmentTotal);
  compare("adjustments", statement.adjustments, recomputed.adjustments);
  return { ok: differences.length === 0, differences };
}
