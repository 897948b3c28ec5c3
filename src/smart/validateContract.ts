import { safeParseContract } from "../contract/parseContract.js";
import { renderFinding } from "../locales/index.js";
import { baselineMissing } from "./baselineMissing.js";
import { baselineNotChecked } from "./baselineNotChecked.js";
import { baselineTooShort } from "./baselineTooShort.js";
import { baselineUnavailable } from "./baselineUnavailable.js";
import { basisBaselineMismatch } from "./basisBaselineMismatch.js";
import { comparisonUnavailable } from "./comparisonUnavailable.js";
import { conflictingTargets } from "./conflictingTargets.js";
import { factsUnavailable } from "./factsUnavailable.js";
import { fxRateMissing } from "./fxRateMissing.js";
import { gateNotEveryCycle } from "./gateNotEveryCycle.js";
import { goalInvalid } from "./goalInvalid.js";
import { kpiUnknown } from "./kpiUnknown.js";
import { noGuardrail } from "./noGuardrail.js";
import { noWindow } from "./noWindow.js";
import type { SmartFinding, SmartFindingData } from "./SmartFinding.js";
import type { SmartOptions } from "./SmartOptions.js";
import { schemaInvalid } from "./schemaInvalid.js";
import { scopeIncomplete } from "./scopeIncomplete.js";
import { scopeInvalid } from "./scopeInvalid.js";
import { buildSmartContext, parseSmartOptions, type SmartContext } from "./smartContext.js";
import { standingMissing } from "./standingMissing.js";
import { storesUnknown } from "./storesUnknown.js";
import { targetAlreadyMet } from "./targetAlreadyMet.js";
import { targetUnrealistic } from "./targetUnrealistic.js";
import { targetWithoutEffect } from "./targetWithoutEffect.js";
import { weightOnGuardrail } from "./weightOnGuardrail.js";
import { weightsInvalid } from "./weightsInvalid.js";
import { windowBeforeBaseline } from "./windowBeforeBaseline.js";
import { windowMisaligned } from "./windowMisaligned.js";
import { windowOutsideTerm } from "./windowOutsideTerm.js";
import { windowTooShort } from "./windowTooShort.js";

/** The result of SMART validation: `ok` when no finding is an error. */
export interface ValidationReport {
  /** True when no finding has severity `error` (warnings and infos do not block settlement). */
  readonly ok: boolean;
  /** Every finding, grouped by criterion (specific, measurable, achievable, relevant, time-bound). */
  readonly findings: readonly SmartFinding[];
}

/** The rules in the order their findings are reported: by SMART criterion. */
const RULES: readonly ((ctx: SmartContext) => SmartFindingData[])[] = [
  kpiUnknown,
  scopeInvalid,
  scopeIncomplete,
  storesUnknown,
  basisBaselineMismatch,
  goalInvalid,
  factsUnavailable,
  fxRateMissing,
  comparisonUnavailable,
  baselineMissing,
  baselineTooShort,
  baselineUnavailable,
  baselineNotChecked,
  targetUnrealistic,
  targetAlreadyMet,
  weightsInvalid,
  weightOnGuardrail,
  noGuardrail,
  conflictingTargets,
  targetWithoutEffect,
  noWindow,
  windowOutsideTerm,
  windowMisaligned,
  windowBeforeBaseline,
  windowTooShort,
  gateNotEveryCycle,
  standingMissing,
];

function report(data: readonly SmartFindingData[], locale: "en" | "zh-CN"): ValidationReport {
  // Messages are rendered last, from code and params only.
  const findings = data.map((f): SmartFinding => ({ ...f, message: renderFinding(f, locale) }));
  return { ok: !findings.some((f) => f.severity === "error"), findings };
}

/**
 * Validates a contract against the SMART rules (SPEC §5). Raw JSON is parsed first: structural
 * problems become `schema-invalid` findings, one per issue with its path, and validation stops
 * there. Otherwise every rule runs on the parsed contract (its own custom `kpis` registered).
 *
 * @param input - a contract: raw JSON data or a parsed `Contract`
 * @param options - `locale` of the messages (default `"en"`), `history` to compute baselines,
 *   `maxChange` and `growthMargin` for achievability, extra `customKpis`
 * @returns `{ ok, findings }`; `ok` is false when any finding is an error
 * @throws {@link KpiContractError} `options-invalid` when the options themselves are malformed
 *   (never for a malformed contract)
 * @example
 * ```ts
 * const { ok, findings } = validateContract(json, { locale: "zh-CN", history });
 * for (const f of findings) console.log(f.severity, f.code, f.message);
 * ```
 */
export function validateContract(input: unknown, options?: SmartOptions): ValidationReport {
  const parsedOptions = parseSmartOptions(options);
  const parsed = safeParseContract(input);
  if (!parsed.success) return report(parsed.error.issues.map(schemaInvalid), parsedOptions.locale);
  const ctx = buildSmartContext(parsed.data, parsedOptions);
  if (ctx.customKpiIssues.length > 0)
    return report(ctx.customKpiIssues.map(schemaInvalid), parsedOptions.locale);
  return report(
    RULES.flatMap((rule) => rule(ctx)),
    parsedOptions.locale,
  );
}
