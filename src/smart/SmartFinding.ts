/** The SMART criterion a finding belongs to (SPEC §5). */
export type SmartCriterion = "specific" | "measurable" | "achievable" | "relevant" | "time-bound";

/** How serious a finding is: an `error` makes settlement refuse the contract. */
export type SmartSeverity = "error" | "warning" | "info";

/** Every finding code the SMART validator produces, grouped by criterion. */
export const SMART_CODES = Object.freeze([
  "schema-invalid",
  "kpi-unknown",
  "scope-incomplete",
  "scope-invalid",
  "stores-unknown",
  "basis-baseline-mismatch",
  "goal-invalid",
  "facts-unavailable",
  "fx-rate-missing",
  "comparison-unavailable",
  "baseline-missing",
  "baseline-too-short",
  "baseline-unavailable",
  "baseline-not-checked",
  "target-unrealistic",
  "target-already-met",
  "no-guardrail",
  "weights-invalid",
  "weight-on-guardrail",
  "conflicting-targets",
  "target-without-effect",
  "no-window",
  "window-before-baseline",
  "window-too-short",
  "window-outside-term",
  "window-misaligned",
  "gate-not-every-cycle",
  "standing-missing",
] as const);

/** A stable finding code, for example `"scope-incomplete"`. */
export type SmartCode = (typeof SMART_CODES)[number];

/** The criterion and the (usual) severity of each finding code. */
export const SMART_RULES: Readonly<
  Record<SmartCode, { criterion: SmartCriterion; severity: SmartSeverity }>
> = Object.freeze({
  "schema-invalid": { criterion: "specific", severity: "error" },
  "kpi-unknown": { criterion: "specific", severity: "error" },
  "scope-incomplete": { criterion: "specific", severity: "error" },
  "scope-invalid": { criterion: "specific", severity: "error" },
  "stores-unknown": { criterion: "specific", severity: "error" },
  "basis-baseline-mismatch": { criterion: "specific", severity: "error" },
  "goal-invalid": { criterion: "measurable", severity: "error" },
  "facts-unavailable": { criterion: "measurable", severity: "error" },
  "fx-rate-missing": { criterion: "measurable", severity: "error" },
  "comparison-unavailable": { criterion: "measurable", severity: "warning" },
  "baseline-missing": { criterion: "achievable", severity: "error" },
  "baseline-too-short": { criterion: "achievable", severity: "warning" },
  "baseline-unavailable": { criterion: "achievable", severity: "error" },
  "baseline-not-checked": { criterion: "achievable", severity: "info" },
  "target-unrealistic": { criterion: "achievable", severity: "warning" },
  "target-already-met": { criterion: "achievable", severity: "warning" },
  "no-guardrail": { criterion: "relevant", severity: "warning" },
  "weights-invalid": { criterion: "relevant", severity: "error" },
  "weight-on-guardrail": { criterion: "relevant", severity: "error" },
  "conflicting-targets": { criterion: "relevant", severity: "warning" },
  "target-without-effect": { criterion: "relevant", severity: "info" },
  "no-window": { criterion: "time-bound", severity: "error" },
  "window-before-baseline": { criterion: "time-bound", severity: "error" },
  "window-too-short": { criterion: "time-bound", severity: "warning" },
  "window-outside-term": { criterion: "time-bound", severity: "error" },
  "window-misaligned": { criterion: "time-bound", severity: "error" },
  "gate-not-every-cycle": { criterion: "time-bound", severity: "error" },
  "standing-missing": { criterion: "time-bound", severity: "info" },
});

/**
 * The values a finding is about. Numbers are decimal strings (ratios as fractions, `"0.22"`),
 * lists are arrays of strings. `reason` and `unit`, when present, select the wording of the message
 * rather than being shown as written.
 */
export type SmartParams = Readonly<Record<string, string | readonly string[]>>;

/** A finding before its message is rendered: what the rules return. */
export interface SmartFindingData {
  readonly code: SmartCode;
  readonly criterion: SmartCriterion;
  readonly severity: SmartSeverity;
  /** The target the finding is about, when it is about one. */
  readonly targetId?: string;
  /** Where in the contract JSON the problem is (keys and array indexes). */
  readonly path: readonly (string | number)[];
  readonly params: SmartParams;
}

/**
 * One SMART finding (SPEC §5): data first (`code`, `params`), `message` rendered last from them in
 * the requested locale.
 */
export interface SmartFinding extends SmartFindingData {
  /** A complete sentence naming the target and the numbers involved. */
  readonly message: string;
}

/**
 * Builds a finding without its message, taking criterion and severity from {@link SMART_RULES}.
 *
 * @param code - the finding code
 * @param path - where in the contract JSON
 * @param params - the values involved (numbers as decimal strings)
 * @param extra - the target it is about, and a severity other than the rule's usual one
 * @returns the finding data
 * @example
 * ```ts
 * finding("no-window", ["targets", 0, "evaluation"], { target: "acos" }, { targetId: "acos" });
 * ```
 * @internal
 */
export function finding(
  code: SmartCode,
  path: readonly (string | number)[],
  params: SmartParams,
  extra: { targetId?: string | undefined; severity?: SmartSeverity } = {},
): SmartFindingData {
  const rule = SMART_RULES[code];
  return {
    code,
    criterion: rule.criterion,
    severity: extra.severity ?? rule.severity,
    ...(extra.targetId !== undefined ? { targetId: extra.targetId } : {}),
    path,
    params,
  };
}
