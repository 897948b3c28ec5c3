import { D, formatDecimal, ZERO } from "../internal/decimal.js";
import { isDecimalString } from "../values/decimal.js";
import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * SMART rule `weights-invalid` (relevant, error): an objective has no weight (SPEC §4.2: required on
 * objectives), a weight that is not a decimal or percent, or a negative weight; or the objective
 * weights do not add up to exactly 1 (checked once every weight is readable). A contract without
 * objectives needs no weights.
 *
 * @param ctx - the validation context
 * @returns one finding per bad weight, or one for the sum
 * @example
 * ```ts
 * weightsInvalid(ctx); // [{ code: "weights-invalid", path: ["targets"], params: { reason: "sum", sum: "0.9", targets: ["a", "b"] } }]
 * ```
 */
export function weightsInvalid(ctx: SmartContext): SmartFindingData[] {
  const objectives = ctx.targets.filter((t) => t.target.role === "objective");
  const out: SmartFindingData[] = [];
  let sum = ZERO;
  for (const t of objectives) {
    const targetId = t.target.id;
    const weight = t.target.weight;
    const path = [...t.path, "weight"];
    if (weight === undefined) {
      out.push(finding("weights-invalid", path, { reason: "missing", target: targetId }, { targetId }));
    } else if (!isDecimalString(weight)) {
      out.push(
        finding(
          "weights-invalid",
          path,
          { reason: "not-decimal", target: targetId, value: weight },
          { targetId },
        ),
      );
    } else if (new D(weight).isNeg() && !new D(weight).isZero()) {
      out.push(
        finding(
          "weights-invalid",
          path,
          { reason: "negative", target: targetId, value: weight },
          { targetId },
        ),
      );
    } else {
      sum = sum.plus(weight);
    }
  }
  if (out.length === 0 && objectives.length > 0 && !sum.eq(1)) {
    out.push(
      finding("weights-invalid", ["targets"], {
        reason: "sum",
        sum: formatDecimal(sum),
        targets: objectives.map((t) => t.target.id),
      }),
    );
  }
  return out;
}
