import { formatDecimal, quotient, readableDecimal, ZERO } from "../internal/decimal.js";
import type { DecimalString } from "../values/decimal.js";
import {
  applyCap,
  dec,
  type FeeBasisValue,
  type FeeCycleContext,
  type FeeLineResult,
  failedGate,
  gateMessage,
  isWhole,
  makeLine,
  say,
  traceTarget,
} from "./feeLine.js";
import { resolveBasis } from "./resolveBasis.js";
import type { ShareComponent } from "./schema.js";
import { applyTiersDec } from "./tiers.js";

function overText(component: ShareComponent): string {
  const over = component.basis.over;
  if (over === undefined) return "";
  return typeof over === "string" ? ` over ${over}` : ` over the baseline of ${over.baselineOf}`;
}

/** Options of {@link shareLine}. */
export interface ShareLineOptions {
  /**
   * The negative basis carried from the previous cycle (its share line's `carryForward`), read only
   * when the component has `negativeBasis: "carry-forward"`.
   */
  readonly carryIn?: DecimalString | undefined;
}

/**
 * Computes the line of a `share` component (SPEC §6.2, §6.3): the basis (plus any carried negative
 * basis), a negative result counted as 0 or carried forward, minus `over` (prorated), through the
 * tiers (`upTo` prorated with `prorateTiers`), capped by `cap`, held back to 0 by a failed gate,
 * rounded once.
 *
 * @param component - the parsed share component
 * @param ctx - the cycle being settled
 * @param basis - the basis KPI value of this cycle in the schedule currency
 * @param options - `carryIn` from the previous cycle's statement
 * @returns the line (with `carryForward` in carry-forward mode) and its warnings
 * @throws {@link KpiContractError} `baseline-unavailable` when `over` names a target whose baseline
 *   has no value, `target-unknown`, `carry-forward-invalid` for a positive carried basis
 * @example
 * ```ts
 * const { line } = shareLine(
 *   { type: "share", name: "share", mode: "graduated", negativeBasis: "zero", prorateTiers: false,
 *     basis: { kpi: "gmv", scope: {} },
 *     tiers: [{ upTo: "20000", rate: "0.05" }, { upTo: null, rate: "0.03" }] },
 *   { currency: "USD", rounding: "half-up", cycle: { start: "2026-03-01", end: "2026-03-31" },
 *     proration: { days: 31, fullDays: 31 }, evaluations: [], score: null },
 *   { value: "30000" },
 * );
 * line.amount; // "1300.00"  (20,000 × 5% + 10,000 × 3%)
 * ```
 */
export function shareLine(
  component: ShareComponent,
  ctx: FeeCycleContext,
  basis: FeeBasisValue,
  options: ShareLineOptions = {},
): FeeLineResult {
  const resolved = resolveBasis(component.basis, basis, ctx, component.name, {
    negativeBasis: component.negativeBasis,
    carryIn: options.carryIn,
  });
  const warnings = [...resolved.warnings];
  const scale =
    component.prorateTiers && !isWhole(ctx.proration)
      ? { num: dec(String(ctx.proration.days)), den: dec(String(ctx.proration.fullDays)) }
      : undefined;
  const tiers = applyTiersDec(resolved.amount, component.tiers, component.mode, scale);
  const steps = [
    ...resolved.steps,
    { name: `tiers (${component.mode})`, value: formatDecimal(tiers.amount) },
  ];
  const capped = applyCap(tiers.amount, component.cap, steps);
  let exact = capped.amount;
  const cap = capped.cap;
  const gate = failedGate(ctx, component.gates, component.name);
  if (gate !== undefined) {
    steps.push({ name: `gate ${gate.targetId} ${gate.status}: held back`, value: "0" });
    exact = ZERO;
    warnings.push(gateMessage(ctx.locale, component.name, gate));
  }
  const single =
    component.mode === "volume"
      ? tiers.parts[0]?.rate
      : component.tiers.length === 1
        ? component.tiers[0]?.rate
        : undefined;
  const carryForward = resolved.carryForward === undefined ? undefined : formatDecimal(resolved.carryForward);
  const basisText = formatDecimal(resolved.amount);
  // Readable in the description (the exact basis is the line's field); read once for both languages.
  const shownBasis = gate === undefined ? readableDecimal(basisText) : basisText;
  const line = makeLine(
    {
      component: component.name,
      kind: "share",
      basis: basisText,
      ...(single !== undefined ? { rate: single } : {}),
      description:
        gate !== undefined
          ? gateMessage(ctx.locale, component.name, gate)
          : say(
              ctx.locale,
              `Share of ${component.basis.kpi}${overText(component)}: ${component.mode} tiers on ${shownBasis}${cap?.applied ? `, capped at ${cap.cap}` : ""}`,
              `${component.basis.kpi} ${component.basis.over !== undefined ? "超出基准部分的" : ""}分成：${component.mode === "graduated" ? "累进" : "全额"}阶梯费率，计费基数 ${shownBasis}${cap?.applied ? `，封顶 ${cap.cap}` : ""}`,
            ),
      ...(carryForward !== undefined ? { carryForward } : {}),
      trace: {
        formula:
          component.mode === "graduated"
            ? "Σ part inside tier i × rateᵢ + flats of reached tiers, capped"
            : "basis × rate of the tier containing it + its flat, capped",
        substituted: tiers.parts
          .filter((p) => p.amount !== "0" || p.tier === 0)
          .map((p) => `${p.part} × ${p.rate}${p.flat !== "0" ? ` + ${p.flat}` : ""}`)
          .join(" + "),
        steps,
        tiers: {
          mode: component.mode,
          basis: basisText,
          amount: formatDecimal(tiers.amount),
          parts: tiers.parts,
          ...(scale ? { prorationFactor: formatDecimal(quotient(scale.num, scale.den)) } : {}),
        },
        ...(basis.trace !== undefined ? { basis: basis.trace } : {}),
        ...(gate !== undefined ? { gate: traceTarget(gate) } : {}),
        ...(cap !== undefined ? { cap } : {}),
      },
    },
    exact,
    ctx,
  );
  return { line, warnings };
}
