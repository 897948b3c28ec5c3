import { parseContract } from "../contract/parseContract.js";
import type { Contract, Locale } from "../contract/schema.js";
import { attributedFactPath, FACT_PATHS, type FactPath, readFact } from "../facts/readFact.js";
import type { PeriodFacts } from "../facts/schema.js";
import { D, type Dec, formatDecimal } from "../internal/decimal.js";
import { getKpiDefinition } from "../kpis/catalogue.js";
import { customKpiFromJson } from "../kpis/customKpi.js";
import { type ExactRatio, withExactRatios } from "../kpis/internal/run.js";
import type { KpiDefinition } from "../kpis/types.js";
import type { SettlementStatement } from "../settlement/SettlementStatement.js";
import { settle } from "../settlement/settle.js";
import { evaluateTargets, type TargetEvaluation } from "../targets/evaluateTargets.js";
import type { Target } from "../targets/target.js";
import { KpiContractError, type SafeResult } from "../values/KpiContractError.js";
import type { Period } from "../values/period.js";
import { formatMoney } from "../values/rounding.js";
import { compareValues, missingReason, moneyText, type ToleranceDec } from "./internal/compareValues.js";
import {
  type ParsedReconcileInput,
  type ParsedReconcileOptions,
  parseReconcileInput,
  parseReconcileOptions,
} from "./internal/parseReconcileInput.js";
import type {
  FactReconciliation,
  FeeLineReconciliation,
  FeeReconciliation,
  KpiReconciliation,
  ReconciledTargetStatus,
  ReconcileInput,
  ReconcileOptions,
  ReconcileSideError,
  Reconciliation,
  ReconciliationSummary,
} from "./Reconciliation.js";

/**
 * Errors that come from one version's facts (a store or field a basis or target needs, an FX rate
 * for its currency): they make that version unavailable instead of failing the whole audit. Every
 * other error (contract, SMART, input) is the same for both versions and is thrown.
 */
const FACT_ERRORS: ReadonlySet<string> = new Set(["facts-missing", "fx-rate-missing"]);

type Side<T> = { readonly value: T } | { readonly error: ReconcileSideError };

function attempt<T>(run: () => T): Side<T> {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof KpiContractError && FACT_ERRORS.has(error.code)) {
      return { error: { code: error.code, message: error.message } };
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Fact fields

/** The fact paths present in either version, in SPEC §2 order; attribution windows by key after `ads.impressions`. */
function pathsOf(a: PeriodFacts | undefined, b: PeriodFacts | undefined): FactPath[] {
  const windows = [
    ...new Set([...Object.keys(a?.ads?.attributed ?? {}), ...Object.keys(b?.ads?.attributed ?? {})]),
  ].sort(); // by UTF-16 code units, as `<` compares strings
  const attributed = windows.flatMap((w) => [
    attributedFactPath(w, "sales"),
    attributedFactPath(w, "orders"),
  ]);
  const at = FACT_PATHS.indexOf("ads.impressions") + 1;
  return [...FACT_PATHS.slice(0, at), ...attributed, ...FACT_PATHS.slice(at)];
}

/** Money fields are decimal strings in parsed facts, counts are numbers; star counts are counts. */
function unitOf(facts: PeriodFacts, path: FactPath): "money" | "count" {
  if (path.startsWith("reviews.")) return "count";
  let node: unknown = facts;
  for (const key of path.split(".")) {
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  return typeof node === "string" ? "money" : "count";
}

function reconcileFields(
  contract: Contract,
  input: ParsedReconcileInput,
  tolerance: ToleranceDec,
): FactReconciliation[] {
  const rows: FactReconciliation[] = [];
  for (const store of contract.stores) {
    const reported = input.reported.find((f) => f.store === store.id);
    const verified = input.verified.find((f) => f.store === store.id);
    const either = reported ?? verified;
    if (either === undefined) continue;
    const currency = either.currency;
    for (const field of pathsOf(reported, verified)) {
      const r = reported === undefined ? undefined : readFact(reported, field);
      const v = verified === undefined ? undefined : readFact(verified, field);
      if (r === undefined && v === undefined) continue;
      const unit = unitOf(r !== undefined && reported !== undefined ? reported : either, field);
      const text = (value: Dec) => (unit === "money" ? moneyText(value, currency) : formatDecimal(value));
      const base = { store: store.id, field, unit, ...(unit === "money" ? { currency } : {}) };
      if (r === undefined || v === undefined) {
        const status = missingReason(r !== undefined, v !== undefined) as
          | "missing-reported"
          | "missing-verified";
        rows.push({
          ...base,
          status,
          reported: r === undefined ? null : text(new D(r)),
          verified: v === undefined ? null : text(new D(v)),
          difference: null,
          relative: null,
          reason: status,
          exceeds: false,
        });
        continue;
      }
      const compared = compareValues(new D(r), new D(v), tolerance, true);
      rows.push({
        ...base,
        status: "compared",
        reported: text(new D(r)),
        verified: text(new D(v)),
        difference: text(compared.difference),
        relative: compared.relative === null ? null : formatDecimal(compared.relative),
        ...(compared.relative === null ? { reason: "zero-verified" as const } : {}),
        exceeds: compared.exceeds,
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// KPIs of the targets

/** One target evaluated alone on one version, by the evaluation `settle` runs. */
function evaluateOne(
  contract: Contract,
  target: Target,
  cycle: Period,
  facts: readonly PeriodFacts[],
  history: readonly PeriodFacts[],
): Side<JudgedVersion> {
  return attempt(() => {
    const { value: report, exactRatioOf } = withExactRatios(() =>
      evaluateTargets({ ...contract, targets: [target] }, { cycle, facts, history }),
    );
    const evaluation = report.evaluations[0] as TargetEvaluation;
    const kpi = evaluation.trace.kpi;
    return { evaluation, exact: kpi === undefined ? undefined : exactRatioOf(kpi) };
  });
}

/** A target judged on one version, with the exact fraction of its actual when it is one division. */
interface JudgedVersion {
  readonly evaluation: TargetEvaluation;
  readonly exact: ExactRatio | undefined;
}

function sideOf(side: Side<JudgedVersion>): {
  value: string | null;
  status: ReconciledTargetStatus;
  reason?: string;
  exact?: ExactRatio;
} {
  if ("error" in side) return { value: null, status: "unavailable", reason: side.error.code };
  const e = side.value.evaluation;
  if (e.status === "pending") return { value: null, status: "pending", reason: "pending" };
  return {
    value: e.actual,
    status: e.status,
    ...(e.actual === null && e.reason !== undefined ? { reason: e.reason } : {}),
    ...(e.actual !== null && side.value.exact !== undefined ? { exact: side.value.exact } : {}),
  };
}

function reconcileKpis(
  contract: Contract,
  input: ParsedReconcileInput,
  tolerance: ToleranceDec,
): KpiReconciliation[] {
  const customKpis: KpiDefinition[] = (contract.kpis ?? []).map((k) => customKpiFromJson(k));
  return contract.targets.map((target): KpiReconciliation => {
    const unit = getKpiDefinition(target.kpi, customKpis).unit;
    const evaluation = target.evaluation;
    const period =
      evaluation !== undefined && "window" in evaluation ? evaluation.window : { ...input.cycle };
    const r = sideOf(evaluateOne(contract, target, input.cycle, input.reported, input.history));
    const v = sideOf(evaluateOne(contract, target, input.cycle, input.verified, input.history));
    const base = {
      targetId: target.id,
      kpi: target.kpi,
      unit,
      period: { start: period.start, end: period.end },
      reported: r.value,
      verified: v.value,
      reportedStatus: r.status,
      verifiedStatus: v.status,
      ...(r.reason !== undefined ? { reportedReason: r.reason } : {}),
      ...(v.reason !== undefined ? { verifiedReason: v.reason } : {}),
    };
    const statusChanged = r.status !== v.status;
    if (r.value === null || v.value === null) {
      return {
        ...base,
        difference: null,
        relative: null,
        reason: missingReason(r.value !== null, v.value !== null),
        // A value that cannot be checked against the other version is itself a finding.
        exceeds: (r.value === null) !== (v.value === null),
        statusChanged,
      };
    }
    const useAbsolute = unit === "money" || unit === "count";
    // Ratios compare as the exact fractions they were divided from: the relative difference of
    // 1/300 against 2/300 is exactly −0.5, not a figure of their 34-digit roundings.
    const exact =
      r.exact !== undefined && v.exact !== undefined ? { reported: r.exact, verified: v.exact } : undefined;
    const compared = compareValues(new D(r.value), new D(v.value), tolerance, useAbsolute, exact);
    return {
      ...base,
      difference: formatDecimal(compared.difference),
      relative: compared.relative === null ? null : formatDecimal(compared.relative),
      ...(compared.relative === null ? { reason: "zero-verified" as const } : {}),
      exceeds: compared.exceeds,
      statusChanged,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Fees

function settleVersion(
  contract: Contract,
  input: ParsedReconcileInput,
  facts: readonly PeriodFacts[],
  options: ParsedReconcileOptions,
  locale: Locale,
): Side<SettlementStatement> {
  return attempt(() =>
    settle(
      contract,
      { cycle: input.cycle, facts, history: input.history },
      { locale, ...(options.allowInvalid !== undefined ? { allowInvalid: options.allowInvalid } : {}) },
    ),
  );
}

function reconcileFees(
  contract: Contract,
  reported: Side<SettlementStatement>,
  verified: Side<SettlementStatement>,
): FeeReconciliation {
  const currency = contract.fees.currency;
  const money = (value: Dec) => formatMoney(value, currency);
  const r = "value" in reported ? reported.value : undefined;
  const v = "value" in verified ? verified.value : undefined;
  const both = r !== undefined && v !== undefined;
  const key = (l: { kind: string; component: string }) => `${l.kind}\u0000${l.component}`;
  const rLines = new Map((r?.lines ?? []).map((l) => [key(l), l]));
  const vLines = new Map((v?.lines ?? []).map((l) => [key(l), l]));
  const keys = [...new Set([...rLines.keys(), ...vLines.keys()])];
  const lines = keys.map((k): FeeLineReconciliation => {
    const a = rLines.get(k);
    const b = vLines.get(k);
    const line = (a ?? b) as NonNullable<typeof a>;
    return {
      component: line.component,
      kind: line.kind,
      reported: a?.amount ?? null,
      verified: b?.amount ?? null,
      // Settled lines are already rounded: their difference is exact in minor units.
      difference: both ? money(new D(a?.amount ?? "0").minus(b?.amount ?? "0")) : null,
    };
  });
  return {
    currency,
    reportedTotal: r?.total ?? null,
    verifiedTotal: v?.total ?? null,
    difference: both ? money(new D(r.total).minus(v.total)) : null,
    lines,
    ...(r !== undefined ? { reportedDigest: r.digest } : {}),
    ...(v !== undefined ? { verifiedDigest: v.digest } : {}),
    ...("error" in reported ? { reportedError: reported.error } : {}),
    ...("error" in verified ? { verifiedError: verified.error } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Summary

function summaryMessage(
  contractId: string,
  cycle: Period,
  counts: Omit<ReconciliationSummary, "message">,
  fees: FeeReconciliation,
  ok: boolean,
  locale: Locale,
): string {
  const zh = locale === "zh-CN";
  const where = zh
    ? `合同 ${contractId} 在 ${cycle.start}..${cycle.end} 的对账`
    : `Reconciliation of contract ${contractId} for ${cycle.start}..${cycle.end}`;
  if (ok) {
    return zh
      ? `${where}：上报数据与核验数据在容差内一致，费用相同（${fees.verifiedTotal} ${fees.currency}）。`
      : `${where}: the reported facts agree with the verified facts within the tolerance and give the same fee (${fees.verifiedTotal} ${fees.currency}).`;
  }
  const { fields, kpis } = counts;
  let fee: string;
  const failed = fees.reportedError ?? fees.verifiedError;
  if (failed !== undefined) {
    const which = fees.reportedError !== undefined ? (zh ? "上报" : "reported") : zh ? "核验" : "verified";
    fee = zh
      ? `${which}数据无法计算费用（${failed.code}）`
      : `the fee of the ${which} facts could not be computed (${failed.code})`;
  } else {
    // Both versions settled (neither has an error): the difference is set.
    const diff = new D(fees.difference!);
    const amount = `${formatMoney(diff.abs(), fees.currency)} ${fees.currency}`;
    if (diff.isZero()) fee = zh ? "费用相同" : "the fee is the same";
    else if (zh) fee = `按上报数据计算的费用比核验数据${diff.isPos() ? "高" : "低"} ${amount}`;
    else
      fee = `the reported facts give a fee ${amount} ${diff.isPos() ? "higher" : "lower"} than the verified facts`;
  }
  // Fields and KPIs with a value on one version only were not compared: they are said apart.
  const oneSided = (fieldCount: number, kpiCount: number, which: "reported" | "verified"): string => {
    const items = [
      ...(fieldCount > 0
        ? [zh ? `${fieldCount} 个事实字段` : `${fieldCount} fact field${fieldCount === 1 ? "" : "s"}`]
        : []),
      ...(kpiCount > 0 ? [zh ? `${kpiCount} 个 KPI` : `${kpiCount} KPI${kpiCount === 1 ? "" : "s"}`] : []),
    ];
    if (items.length === 0) return "";
    // Chinese puts a space between a Latin word and the characters after it: "3 个 KPI 仅…".
    if (zh)
      return `，${items.join("和 ")}${kpiCount > 0 ? " " : ""}仅${which === "reported" ? "上报" : "核验"}数据有值`;
    const verb = fieldCount + kpiCount === 1 ? "has" : "have";
    return `, ${items.join(" and ")} ${verb} a value in the ${which} facts only`;
  };
  const missing =
    oneSided(fields.missingVerified, kpis.missingVerified, "reported") +
    oneSided(fields.missingReported, kpis.missingReported, "verified");
  return zh
    ? `${where}：${fields.compared} 个事实字段中有 ${fields.exceeding} 个、${kpis.compared} 个 KPI 中有 ${kpis.exceeding} 个超出容差${missing}，${kpis.statusChanged} 个目标状态改变；${fee}。`
    : `${where}: ${fields.exceeding} of ${fields.compared} fact fields and ${kpis.exceeding} of ${kpis.compared} KPIs exceed the tolerance${missing}, ${kpis.statusChanged} target${kpis.statusChanged === 1 ? "" : "s"} change${kpis.statusChanged === 1 ? "s" : ""} status; ${fee}.`;
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Reconciles the facts an agency reports with facts rebuilt from the platform's own exports (SPEC
 * §11, "trust, but verify"): per store and fact field, and per KPI of the contract's targets (judged
 * exactly as `settle` judges them, pooled over the target's stores), the difference reported −
 * verified, the relative difference ÷ |verified|, and which exceed the tolerance; then settles the
 * cycle on each version so the impact is in money, line by line.
 *
 * Tolerance rule: a difference exceeds when |difference| > `absolute` AND |relative| > `relative`,
 * so a small amount on a small figure and a small percentage of a large figure both pass. Ratio,
 * days and stars KPIs use the relative test alone. A field present on one side only is listed as
 * `missing-reported` or `missing-verified`, never taken as 0.
 *
 * @param contract - the contract, as raw JSON or parsed
 * @param input - `{ cycle, reported, verified, history }`: the cycle, each version's facts (one
 *   entry per store), and the earlier cycles both versions share
 * @param options - `{ tolerance: { absolute, relative } }`, and `allowInvalid` / `locale` passed to `settle`
 * @returns the reconciliation: `ok`, `fields`, `kpis`, `fees` and a `summary`
 * @throws {@link KpiContractError} `contract-invalid`, `input-invalid` (listing every issue with its
 *   path: `cycle-invalid`, `store-missing`, `store-unknown`, `facts-duplicate`, `period-mismatch`,
 *   `currency-mismatch`…), `options-invalid`, and the errors `settle` throws for the contract itself
 *   (`contract-not-smart` unless `allowInvalid`, `target-incomplete`…). Facts that lack what a fee
 *   basis or target needs (`facts-missing`, `fx-rate-missing`) do not throw: that version is reported
 *   `unavailable` with the error.
 * @example
 * ```ts
 * const result = reconcile(contract, { cycle, reported: [agencyMarch], verified: [platformMarch], history }, {
 *   tolerance: { absolute: "10.00", relative: "1%" },
 * });
 * result.ok;                  // false
 * result.fees.difference;     // "320.00": the reported GMV would cost the seller 320.00 more
 * result.fields.filter((f) => f.exceeds).map((f) => f.field); // ["sales.gross"]
 * ```
 */
export function reconcile(
  contract: unknown,
  input: ReconcileInput,
  options: ReconcileOptions,
): Reconciliation {
  const parsedContract = parseContract(contract);
  const parsedOptions = parseReconcileOptions(options);
  const parsed = parseReconcileInput(parsedContract, input);
  const locale = parsedOptions.locale ?? parsedContract.locale;
  const tolerance: ToleranceDec = {
    absolute: new D(parsedOptions.tolerance.absolute),
    relative: new D(parsedOptions.tolerance.relative),
  };

  // Settling first refuses a contract with SMART errors (unless allowInvalid) before anything else.
  const reportedStatement = settleVersion(parsedContract, parsed, parsed.reported, parsedOptions, locale);
  const verifiedStatement = settleVersion(parsedContract, parsed, parsed.verified, parsedOptions, locale);
  const fees = reconcileFees(parsedContract, reportedStatement, verifiedStatement);
  const fields = reconcileFields(parsedContract, parsed, tolerance);
  const kpis = reconcileKpis(parsedContract, parsed, tolerance);

  const counts = {
    fields: {
      compared: fields.filter((f) => f.status === "compared").length,
      exceeding: fields.filter((f) => f.exceeds).length,
      missingReported: fields.filter((f) => f.status === "missing-reported").length,
      missingVerified: fields.filter((f) => f.status === "missing-verified").length,
    },
    kpis: {
      compared: kpis.filter((k) => k.reported !== null && k.verified !== null).length,
      // A one-sided KPI exceeds in its row but was not compared: it is counted apart, not here.
      exceeding: kpis.filter((k) => k.exceeds && k.reported !== null && k.verified !== null).length,
      missingReported: kpis.filter((k) => k.reason === "missing-reported").length,
      missingVerified: kpis.filter((k) => k.reason === "missing-verified").length,
      statusChanged: kpis.filter((k) => k.statusChanged).length,
    },
    feeDifference: fees.difference,
  };
  const ok =
    counts.fields.exceeding === 0 &&
    counts.kpis.exceeding === 0 &&
    counts.kpis.missingReported === 0 &&
    counts.kpis.missingVerified === 0 &&
    counts.kpis.statusChanged === 0 &&
    fees.difference !== null &&
    new D(fees.difference).isZero();
  return {
    contractId: parsedContract.id,
    cycle: { start: parsed.cycle.start, end: parsed.cycle.end },
    tolerance: parsedOptions.tolerance,
    ok,
    fields,
    kpis,
    fees,
    summary: {
      ...counts,
      message: summaryMessage(parsedContract.id, parsed.cycle, counts, fees, ok, locale),
    },
  };
}

/**
 * Reconciles like {@link reconcile} but returns the refusal instead of throwing it.
 *
 * @param contract - the contract, as raw JSON or parsed
 * @param input - `{ cycle, reported, verified, history }`
 * @param options - as for {@link reconcile}
 * @returns `{ success: true, data: reconciliation }` or `{ success: false, error }` with the
 *   `KpiContractError` `reconcile` would have thrown (its `code`, `params` and `issues`)
 * @throws only errors that are not a `KpiContractError` (a bug)
 * @example
 * ```ts
 * const result = safeReconcile(contract, { cycle, reported, verified: [] }, { tolerance: { absolute: "-1", relative: "1%" } });
 * if (!result.success) result.error.code; // "options-invalid"
 * ```
 */
export function safeReconcile(
  contract: unknown,
  input: ReconcileInput,
  options: ReconcileOptions,
): SafeResult<Reconciliation> {
  try {
    return { success: true, data: reconcile(contract, input, options) };
  } catch (error) {
    if (error instanceof KpiContractError) return { success: false, error };
    throw error;
  }
}
