import type { Contract, Locale } from "../contract/schema.js";
import { isFactPath, readFactValue } from "../facts/readFact.js";
import type { PeriodFacts } from "../facts/schema.js";
import { bonusLine } from "../fees/bonus.js";
import {
  type FeeBasisValue,
  type FeeCycleContext,
  type FeeLine,
  type FeeLineResult,
  prorate,
  roundLine,
  say,
} from "../fees/feeLine.js";
import { fixedLine } from "../fees/fixed.js";
import { penaltyLine } from "../fees/penalty.js";
import { reimbursementLine } from "../fees/reimbursement.js";
import type { FeeBasis, ReimbursementComponent } from "../fees/schema.js";
import { scorecardLine } from "../fees/scorecard.js";
import { shareLine } from "../fees/share.js";
import { D, type Dec, formatDecimal, ZERO } from "../internal/decimal.js";
import { findKpiDefinition, getKpiDefinition } from "../kpis/catalogue.js";
import { computeKpiParsed } from "../kpis/computeKpi.js";
import { kpiValueDecimal } from "../kpis/internal/run.js";
import { COMPARISON_PREFIX } from "../kpis/salesGrowth.js";
import type { KpiDefinition } from "../kpis/types.js";
import { comparisonCycles, comparisonModeOf } from "../targets/comparison.js";
import {
  createFactsPool,
  dedupeRates,
  evaluateParsedTargets,
  type FactsPool,
  type FxRateUse,
  resolveScopeOnce,
  storeIdsOf,
  type TargetEvaluation,
} from "../targets/evaluateTargets.js";
import { allocate } from "../values/allocate.js";
import { cyclesOf } from "../values/cycle.js";
import type { DecimalString } from "../values/decimal.js";
import { KpiContractError, type SafeResult, type ValidationIssue } from "../values/KpiContractError.js";
import { addDays, type Period, sameDays } from "../values/period.js";
import { formatMoney, sumAmounts, sumMoneyAmounts } from "../values/rounding.js";
import { VERSION } from "../version.js";
import { canonicalFactsList, canonicalPeriod } from "./canonicalFacts.js";
import { evaluateStanding } from "./evaluateStanding.js";
import { parseSettlementInput } from "./parseSettlementInput.js";
import type {
  ParsedSettlementInput,
  SettlementInput,
  SettlementStatement,
  SettleOptions,
  StatementAdjustment,
  StatementAllocation,
  StatementLine,
  StatementOptions,
} from "./SettlementStatement.js";
import {
  type ContractEntry,
  smartErrors as cachedSmartErrors,
  contractDigestPrefix,
  contractEntry,
  cycleProrationOf,
  historyCanonical,
} from "./settleCache.js";
import { parseSettleOptions } from "./settleOptionsSchema.js";
import { canonicalText, digestOfCanonicalParts } from "./statementDigest.js";

/** A basis value with the FX rates used to compute it. */
interface ComputedBasis {
  readonly value: FeeBasisValue;
  readonly rates: readonly FxRateUse[];
}

/**
 * Computes a fee basis (SPEC §6.2): the basis KPI on the facts of its stores, each converted to the
 * schedule currency and pooled. A KPI without a value is a `facts-missing` error, never 0.
 */
function computeBasis(
  contract: Contract,
  basis: FeeBasis,
  stores: readonly string[] | undefined,
  input: ParsedSettlementInput,
  pool: FactsPool,
  component: string,
  custom: readonly KpiDefinition[],
): ComputedBasis {
  const pooled = pool.current(stores);
  const resolved = resolveScopeOnce(contract, basis.kpi, basis.scope);
  // The facts were parsed at the boundary; pooling and conversion keep them valid.
  const result = computeKpiParsed(getKpiDefinition(basis.kpi, custom), pooled.facts, resolved.scope);
  if (result.value === null) {
    const cycle = input.cycle;
    const what = `The basis of ${component} (${basis.kpi})`;
    throw new KpiContractError(
      "facts-missing",
      `${what} has no value in ${cycle.start}..${cycle.end}: ${result.reason}${result.missing ? ` (missing ${result.missing.join(", ")})` : ""}`,
      { component, kpi: basis.kpi, reason: result.reason, missing: result.missing ?? [], period: cycle },
      // A basis is GMV or gross profit: sums, so no value means missing facts, which it names.
      missingFactIssues(input, stores, result.missing ?? [], `${what} needs`),
    );
  }
  return {
    value: {
      value: result.value,
      decimal: kpiValueDecimal(result),
      trace: {
        stores: stores ?? contract.stores.map((s) => s.id),
        scope: resolved.scope,
        ...(resolved.preset ? { preset: resolved.preset } : {}),
        kpi: result.trace,
      },
    },
    rates: pooled.rates,
  };
}

/**
 * One `facts-missing` issue per record of the cycle (of `stores`, or of every store) that lacks a
 * fact named in `missing`, at the fact's path inside the record. Pooling leaves a figure out when
 * any record lacks it, so every name that is a fact path has at least one such record.
 */
function missingFactIssues(
  input: ParsedSettlementInput,
  stores: readonly string[] | undefined,
  missing: readonly string[],
  what: string,
): ValidationIssue[] {
  // The cycle's facts all cover the cycle (checked at the boundary).
  return missing.flatMap((name) => recordsMissing(input.facts, "facts", stores, [input.cycle], name, what));
}

/**
 * SPEC §6.5: a target whose facts are missing refuses the settlement. `evaluateTargets` reports
 * such a target with a null actual (`missing-facts`), which SPEC §4.3 would judge missed: a
 * statement must not charge a penalty or hold back a gated share on figures that were never given.
 * Only targets judged in this cycle count (a pending window, or one that ended before, acts on
 * nothing). A mean of cycles is refused when any of its cycles lacks a figure, whichever null cycle
 * comes first. One issue per record of the target's stores that lacks a named figure: inside the
 * judged period, or, for a comparison (`comparison.…`, salesGrowth), in the comparison cycles; a
 * figure no record can be pointed at (a contract comparing with its baseline) is one issue at the
 * input's root.
 */
function refuseMissingTargetFacts(
  contract: Contract,
  evaluations: readonly TargetEvaluation[],
  input: ParsedSettlementInput,
  custom: readonly KpiDefinition[],
): void {
  const issues: ValidationIssue[] = [];
  const refused: { targetId: string; kpi: string; missing: readonly string[]; period: Period }[] = [];
  evaluations.forEach((e, index) => {
    if (!e.judged) return;
    const target = contract.targets[index] as Contract["targets"][number];
    // A pooled KPI names what its facts lack; a mean of cycles, what each cycle's facts lack (a
    // `missing-facts` result always names them; a judged evaluation has one or the other trace).
    const kpi = e.trace.kpi;
    const gaps =
      kpi !== undefined
        ? kpi.value === null && kpi.reason === "missing-facts"
          ? [{ period: e.trace.period, missing: kpi.missing as readonly string[], pooled: true }]
          : []
        : (e.trace.cycles as NonNullable<TargetEvaluation["trace"]["cycles"]>).flatMap((c) =>
            c.reason === "missing-facts"
              ? [{ period: c.period, missing: c.missing as readonly string[], pooled: false }]
              : [],
          );
    if (gaps.length === 0) return;
    const stores = storeIdsOf(contract, target.stores);
    const mode = comparisonModeOf(findKpiDefinition(e.kpi, custom) as KpiDefinition, e.scope);
    const what = `Target ${e.targetId} (${e.kpi}) needs`;
    for (const gap of gaps) {
      refused.push({ targetId: e.targetId, kpi: e.kpi, missing: gap.missing, period: gap.period });
      // The comparison cycles of the judged cycles, as the evaluation read them.
      const judged =
        gap.pooled && target.evaluation !== undefined && !("every" in target.evaluation)
          ? cyclesOf(gap.period, contract.cycle)
          : [gap.period];
      const compared =
        mode === undefined ? [] : comparisonCycles(mode, judged, contract.cycle, contract.term);
      for (const name of gap.missing) {
        const comparison = name.startsWith(COMPARISON_PREFIX);
        const path = comparison ? name.slice(COMPARISON_PREFIX.length) : name;
        const periods = comparison ? compared : [gap.period];
        const found = [
          ...recordsMissing(input.facts, "facts", stores, periods, path, what),
          ...recordsMissing(input.history, "history", stores, periods, path, what),
        ];
        issues.push(
          ...(found.length > 0
            ? found
            : [{ code: "facts-missing", path: [], message: `${what} ${name}, which no record given holds` }]),
        );
      }
    }
  });
  if (refused.length === 0) return;
  const described = refused.map(
    (r) =>
      `target ${r.targetId} (${r.kpi}) in ${r.period.start}..${r.period.end} (missing ${r.missing.join(", ")})`,
  );
  throw new KpiContractError(
    "facts-missing",
    `Facts a target needs are missing, so it cannot be judged: ${described.join("; ")}`,
    { targets: refused, period: input.cycle },
    issues,
  );
}

/**
 * Issues for the records of `stores` (or of every store) inside one of `periods` that lack the
 * fact at `path`; none when `path` is not a fact path.
 */
function recordsMissing(
  records: readonly PeriodFacts[],
  name: "facts" | "history",
  stores: readonly string[] | undefined,
  periods: readonly Period[],
  path: string,
  what: string,
): ValidationIssue[] {
  if (!isFactPath(path)) return [];
  // Settlement facts and history name their store (checked at the boundary).
  const inside = (f: PeriodFacts) =>
    (stores === undefined || stores.includes(f.store as string)) &&
    periods.some((p) => f.period.start >= p.start && f.period.end <= p.end);
  return records.flatMap((f, i) =>
    inside(f) && readFactValue(f, path) === undefined
      ? [
          {
            code: "facts-missing",
            path: [name, i, ...path.split(".")],
            message: `${what} ${path}, which the ${name === "facts" ? "facts" : "history record"} of ${f.period.start}..${f.period.end} ${name === "facts" ? "do" : "does"} not hold`,
          },
        ]
      : [],
  );
}

/** Reads a money fact (a decimal string) by its dotted path, such as `ads.spend`. */
function readMoneyFact(
  facts: PeriodFacts,
  path: string,
  component: string,
  input: ParsedSettlementInput,
  stores: readonly string[] | undefined,
): DecimalString {
  const cycle = input.cycle;
  if (!isFactPath(path)) {
    throw new KpiContractError(
      "reimbursement-fact-invalid",
      `Component ${component} re-bills "${path}", which is not a fact path such as ads.spend`,
      { component, fact: path },
    );
  }
  const node = readFactValue(facts, path);
  if (node === undefined) {
    throw new KpiContractError(
      "facts-missing",
      `Component ${component} re-bills ${path}, which the facts of ${cycle.start}..${cycle.end} do not hold`,
      { component, missing: [path], period: cycle },
      missingFactIssues(input, stores, [path], `Component ${component} re-bills`),
    );
  }
  if (typeof node !== "string") {
    throw new KpiContractError(
      "reimbursement-fact-invalid",
      `Component ${component} re-bills ${path}, which is not a money amount`,
      { component, fact: path },
    );
  }
  return node;
}

function computeReimbursement(
  contract: Contract,
  component: ReimbursementComponent,
  input: ParsedSettlementInput,
  pool: FactsPool,
): ComputedBasis {
  const pooled = pool.current(component.stores);
  const value = readMoneyFact(pooled.facts, component.fact, component.name, input, component.stores);
  return {
    value: {
      value,
      trace: { stores: component.stores ?? contract.stores.map((s) => s.id), fact: component.fact, value },
    },
    rates: pooled.rates,
  };
}

function money(value: Dec, currency: string): DecimalString {
  return formatMoney(value, currency);
}

function sumLines(lines: readonly FeeLine[]): Dec {
  return sumAmounts(lines);
}

/**
 * The issues of a `previous` or `previousCycle` statement that belongs elsewhere: its `contractId`
 * and its `cycle`, each when it is wrong, at its path under `options`.
 */
function statementMismatches(
  option: "previous" | "previousCycle",
  prev: { readonly contractId: string; readonly cycle: Period },
  contractId: string,
  cycleFits: (cycle: Period) => boolean,
  cycleShould: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (prev.contractId !== contractId) {
    issues.push({
      code: "contract-mismatch",
      path: ["options", option, "contractId"],
      message: `The statement is of contract ${prev.contractId}, not ${contractId}`,
    });
  }
  if (!cycleFits(prev.cycle)) {
    issues.push({
      code: "cycle-mismatch",
      path: ["options", option, "cycle"],
      message: `The statement's cycle ${prev.cycle.start}..${prev.cycle.end} should ${cycleShould}`,
    });
  }
  return issues;
}

/** The carried negative bases read from the previous cycle's statement, by component name. */
function carryIn(
  contract: Contract,
  cycle: Period,
  options: SettleOptions,
): StatementOptions["previousCycle"] {
  const prev = options.previousCycle;
  if (prev === undefined) return undefined;
  if (prev.contractId !== contract.id || addDays(prev.cycle.end, 1) !== cycle.start) {
    throw new KpiContractError(
      "previous-cycle-mismatch",
      `previousCycle must be the statement of contract ${contract.id} for the cycle just before ${cycle.start}; it is of ${prev.contractId} for ${prev.cycle.start}..${prev.cycle.end}`,
      { contractId: prev.contractId, cycle: prev.cycle },
      statementMismatches(
        "previousCycle",
        prev,
        contract.id,
        (c) => addDays(c.end, 1) === cycle.start,
        `end the day before ${cycle.start}`,
      ),
    );
  }
  const carryForward: Record<string, DecimalString> = {};
  for (const line of prev.lines) {
    if (line.kind === "share" && line.carryForward !== undefined) {
      carryForward[line.component] = formatDecimal(new D(line.carryForward));
    }
  }
  return { cycle: { start: prev.cycle.start, end: prev.cycle.end }, digest: prev.digest, carryForward };
}

function recordPrevious(
  contract: Contract,
  cycle: Period,
  options: SettleOptions,
): StatementOptions["previous"] {
  const prev = options.previous;
  if (prev === undefined) return undefined;
  if (prev.contractId !== contract.id || !sameDays(prev.cycle, cycle)) {
    throw new KpiContractError(
      "previous-mismatch",
      `previous must be an earlier statement of contract ${contract.id} for ${cycle.start}..${cycle.end}; it is of ${prev.contractId} for ${prev.cycle.start}..${prev.cycle.end}`,
      { contractId: prev.contractId, cycle: prev.cycle },
      statementMismatches(
        "previous",
        prev,
        contract.id,
        (c) => sameDays(c, cycle),
        `be ${cycle.start}..${cycle.end}`,
      ),
    );
  }
  return {
    cycle: { start: prev.cycle.start, end: prev.cycle.end },
    digest: prev.digest,
    total: prev.total,
    lines: prev.lines.map((l) => ({ component: l.component, kind: l.kind, amount: l.amount })),
  };
}

/** True-up (SPEC §6.5): one adjustment per line whose amount changed, new − previous, both ways. */
function adjustmentsOf(
  lines: readonly FeeLine[],
  previous: NonNullable<StatementOptions["previous"]>,
  currency: string,
): { adjustments: StatementAdjustment[]; total: DecimalString } {
  const key = (l: { kind: string; component: string }) => `${l.kind}\u0000${l.component}`;
  const before = new Map(previous.lines.map((l) => [key(l), l]));
  const now = new Map(lines.map((l) => [key(l), l]));
  const keys = [...new Set([...lines.map(key), ...previous.lines.map(key)])];
  const adjustments: StatementAdjustment[] = [];
  let total = ZERO;
  for (const k of keys) {
    const a = before.get(k);
    const b = now.get(k);
    const line = (b ?? a) as Pick<FeeLine, "component" | "kind">;
    const prevAmount = new D(a?.amount ?? "0");
    const curAmount = new D(b?.amount ?? "0");
    const diff = curAmount.minus(prevAmount);
    if (diff.isZero()) continue;
    total = total.plus(diff);
    adjustments.push({
      component: line.component,
      kind: line.kind,
      previous: money(prevAmount, currency),
      current: money(curAmount, currency),
      amount: money(diff, currency),
    });
  }
  return { adjustments, total: money(total, currency) };
}

/** The statement options as recorded (and hashed). */
function recordOptions(
  contract: Contract,
  cycle: Period,
  options: SettleOptions,
  locale: Locale,
  smartErrors: readonly string[],
): StatementOptions {
  const previousCycle = carryIn(contract, cycle, options);
  const previous = recordPrevious(contract, cycle, options);
  return {
    locale,
    allowInvalid: options.allowInvalid === true,
    ...(smartErrors.length > 0 ? { smartErrors } : {}),
    ...(previousCycle !== undefined ? { previousCycle } : {}),
    ...(previous !== undefined ? { previous } : {}),
    ...(options.standingHistory !== undefined
      ? {
          standingHistory: options.standingHistory.map((e) => ({
            cycle: { start: e.cycle.start, end: e.cycle.end },
            score: e.score,
          })),
        }
      : {}),
    ...(options.allocateBy !== undefined ? { allocateBy: options.allocateBy } : {}),
  };
}

function checkSmart(
  entry: ContractEntry,
  history: readonly PeriodFacts[],
  options: SettleOptions,
  locale: Locale,
): string[] {
  const contract = entry.contract;
  const errors = cachedSmartErrors(entry, history, locale);
  if (errors.length > 0 && options.allowInvalid !== true) {
    throw new KpiContractError(
      "contract-not-smart",
      `Contract ${contract.id} has ${errors.length} SMART error${errors.length === 1 ? "" : "s"}; settlement refuses it unless allowInvalid is set:\n${errors.map((f) => `${f.code}: ${f.message}`).join("\n")}`,
      { contractId: contract.id, findings: [...errors] },
      errors.map((f) => ({ code: f.code, path: f.path, message: f.message })),
    );
  }
  return [...new Set(errors.map((f) => f.code))];
}

/** What differs between the minimum top-up and the maximum reduction; the arithmetic is shared. */
const BOUNDS = {
  minimum: {
    applies: (subtotal: Dec, bound: Dec) => subtotal.lt(bound),
    description: ["Top-up to the minimum fee", "保底补足至"],
    warning: ["is below the minimum", "topped up", "低于保底", "已补足"],
  },
  maximum: {
    applies: (subtotal: Dec, bound: Dec) => subtotal.gt(bound),
    description: ["Reduction to the maximum fee", "封顶扣减至"],
    warning: ["is above the maximum", "reduced", "高于封顶", "已扣减"],
  },
} as const;

/** The schedule-level lines (SPEC §6.1 steps 3–5): minimum top-up, maximum reduction, tax. */
function scheduleLines(contract: Contract, ctx: FeeCycleContext, lines: FeeLine[]): string[] {
  const fees = contract.fees;
  const warnings: string[] = [];
  const { days, fullDays } = ctx.proration;
  const partial = days !== fullDays;
  // SPEC §6.4: a partial cycle scales the minimum and the maximum by d ÷ D exactly; nothing but a
  // line is rounded, so the top-up or reduction is the exact bound minus the subtotal, rounded once.
  for (const kind of ["minimum", "maximum"] as const) {
    const amount = fees[kind];
    if (amount === undefined) continue;
    const rule = BOUNDS[kind];
    const bound = prorate(new D(amount), ctx.proration);
    const subtotal = sumLines(lines);
    if (!rule.applies(subtotal, bound)) continue;
    const exact = bound.minus(subtotal);
    // How the bound reads: as written, or its proration when the cycle is partial.
    const written = partial ? `${amount} × ${days} ÷ ${fullDays}` : amount;
    const sub = money(subtotal, ctx.currency);
    const [enLine, zhLine] = rule.description;
    const [enState, enDone, zhState, zhDone] = rule.warning;
    lines.push({
      component: kind,
      kind,
      amount: roundLine(exact, ctx),
      description: say(
        ctx.locale,
        `${enLine} ${written} (subtotal ${sub})`,
        `${zhLine} ${written}（小计 ${sub}）`,
      ),
      trace: {
        formula: partial ? `${kind} × d ÷ D − subtotal` : `${kind} − subtotal`,
        substituted: `${written} − ${sub}`,
        exact: formatDecimal(exact),
        rounding: ctx.rounding,
        steps: [
          { name: kind, value: amount },
          ...(partial ? [{ name: `${kind} × ${days} ÷ ${fullDays}`, value: formatDecimal(bound) }] : []),
          { name: "subtotal", value: sub },
        ],
      },
    });
    warnings.push(
      say(
        ctx.locale,
        `The subtotal ${sub} ${enState} ${written}: ${enDone}`,
        `小计 ${sub} ${zhState} ${written}：${zhDone}`,
      ),
    );
  }
  if (fees.tax !== undefined) {
    const subtotal = sumLines(lines);
    const exact = subtotal.times(fees.tax.rate);
    lines.push({
      component: fees.tax.name,
      kind: "tax",
      basis: money(subtotal, ctx.currency),
      rate: fees.tax.rate,
      amount: roundLine(exact, ctx),
      description: say(
        ctx.locale,
        `${fees.tax.name} at ${fees.tax.rate} on the subtotal ${money(subtotal, ctx.currency)}`,
        `${fees.tax.name}：小计 ${money(subtotal, ctx.currency)} × 税率 ${fees.tax.rate}`,
      ),
      trace: {
        formula: "subtotal × rate",
        substituted: `${money(subtotal, ctx.currency)} × ${fees.tax.rate}`,
        exact: formatDecimal(exact),
        rounding: ctx.rounding,
        steps: [{ name: "subtotal", value: money(subtotal, ctx.currency) }],
      },
    });
  }
  return warnings;
}

/** Splits the total across stores by their part of the first share (or rate bonus) basis. */
function allocationByBasis(
  contract: Contract,
  parsed: ParsedSettlementInput,
  pool: FactsPool,
  total: DecimalString,
  warnings: string[],
  locale: Locale,
  custom: readonly KpiDefinition[],
): StatementAllocation[] {
  let basis: FeeBasis | undefined;
  let name = "";
  for (const c of contract.fees.components) {
    if (c.type === "share") {
      basis = c.basis;
      name = c.name;
      break;
    }
    if (c.type === "bonus" && "of" in c.payout) {
      basis = c.payout.of;
      name = c.name;
      break;
    }
  }
  if (basis === undefined) {
    throw new KpiContractError(
      "allocation-basis-missing",
      "allocateBy: basis needs a share or a rate bonus whose basis weighs the stores",
      { contractId: contract.id },
    );
  }
  const inBasis = new Set(basis.stores ?? contract.stores.map((s) => s.id));
  const weights = contract.stores.map((s) => {
    if (!inBasis.has(s.id)) return ZERO;
    const value = new D(computeBasis(contract, basis, [s.id], parsed, pool, name, custom).value.value);
    return value.isNeg() ? ZERO : value;
  });
  let used = weights;
  if (weights.every((w) => w.isZero())) {
    used = weights.map(() => new D(1));
    warnings.push(
      say(
        locale,
        "Every store's basis is 0: the total is split equally",
        "各店铺计费基数均为 0：总额平均分摊",
      ),
    );
  }
  const parts = allocate(
    total,
    contract.fees.currency,
    used.map((w) => formatDecimal(w)),
  );
  return contract.stores.map((s, i) => ({
    store: s.id,
    weight: formatDecimal(used[i] as Dec),
    amount: parts[i] as string,
  }));
}

/**
 * Settles one cycle of a contract (SPEC §6): evaluates the targets, computes every fee line in the
 * order of operations of SPEC §6.1 — (1) fixed, share, bonus, scorecard and reimbursement lines,
 * (2) penalties each capped by its own cap, (3) a minimum top-up, (4) a maximum reduction, (5) tax
 * on the subtotal — each line rounded once, and returns a statement whose total is the exact sum
 * of its lines, with a digest of the canonical inputs.
 *
 * @param contract - the contract, as raw JSON or parsed
 * @param input - `{ cycle, facts, history }`: the cycle (one of `cyclesOf(term, cycle)`), one facts
 *   entry per store for it, and earlier cycles for baselines and window targets
 * @param settleOptions - `allowInvalid`, `locale`, `previousCycle` (carry-forward), `previous` (true-up),
 *   `standingHistory`, `allocateBy`
 * @returns the settlement statement; the same inputs give a byte-identical statement
 * @throws {@link KpiContractError} `contract-invalid` (structure), `contract-not-smart` (SMART
 *   errors, carrying the findings), `cycle-invalid`, `facts-invalid`, `history-invalid`,
 *   `facts-missing` (a basis or target without the facts it needs), `fx-rate-missing`,
 *   `baseline-unavailable`, `previous-cycle-mismatch`, `previous-mismatch`,
 *   `allocation-basis-missing`, `options-invalid` (an unknown or malformed option, with its path),
 *   and the errors of target evaluation
 * @example
 * ```ts
 * const statement = settle(contract, { cycle: { start: "2026-03-01", end: "2026-03-31" }, facts: [march], history });
 * statement.lines.map((l) => [l.component, l.amount]); // [["base", "1500.00"], ["growth-share", "1075.20"]]
 * statement.total; // "2575.20"
 * ```
 */
export function settle(
  contract: unknown,
  input: SettlementInput,
  settleOptions?: SettleOptions,
): SettlementStatement {
  const options = parseSettleOptions(settleOptions);
  // Parse, custom KPIs and SMART findings are kept per contract object (see settleCache.ts).
  const entry = contractEntry(contract);
  const parsedContract = entry.contract;
  const custom = entry.customKpis;
  const parsed = parseSettlementInput(parsedContract, input);
  const locale: Locale = options.locale ?? parsedContract.locale;
  const smartErrors = checkSmart(entry, parsed.history, options, locale);
  const recorded = recordOptions(parsedContract, parsed.cycle, options, locale, smartErrors);
  const fees = parsedContract.fees;
  const { cycle, facts } = parsed;
  const proration = cycleProrationOf(entry, cycle);

  // Kept between calls: pooled facts of earlier periods, per (contract, history array).
  const pool = createFactsPool(parsedContract, cycle, facts, parsed.history, true);
  const report = evaluateParsedTargets(parsedContract, cycle, pool, parsed.history, custom);
  refuseMissingTargetFacts(parsedContract, report.evaluations, parsed, custom);
  const ctx: FeeCycleContext = {
    currency: fees.currency,
    rounding: fees.rounding,
    cycle,
    proration: { days: proration.days, fullDays: proration.fullDays },
    evaluations: report.evaluations,
    score: report.score,
    locale,
  };

  const warnings: string[] = [];
  if (smartErrors.length > 0) {
    warnings.push(
      say(
        locale,
        `Settled with allowInvalid although the contract has SMART errors: ${smartErrors.join(", ")}`,
        `合同存在 SMART 错误（${smartErrors.join("、")}），因设置 allowInvalid 仍予结算`,
      ),
    );
  }
  warnings.push(...report.warnings);
  const rates: FxRateUse[] = [...report.fxRates];
  const lines: FeeLine[] = [];
  const take = (result: FeeLineResult) => {
    lines.push(result.line);
    warnings.push(...result.warnings);
  };
  const basisFor = (b: FeeBasis, name: string) => {
    const computed = computeBasis(parsedContract, b, b.stores, parsed, pool, name, custom);
    rates.push(...computed.rates);
    return computed.value;
  };

  // (1) Fixed, share, bonus, scorecard and reimbursement lines, in schedule order.
  for (const c of fees.components) {
    switch (c.type) {
      case "fixed":
        take(fixedLine(c, ctx));
        break;
      case "share":
        take(
          shareLine(c, ctx, basisFor(c.basis, c.name), {
            carryIn: recorded.previousCycle?.carryForward[c.name],
          }),
        );
        if (
          c.negativeBasis === "carry-forward" &&
          recorded.previousCycle === undefined &&
          cycle.start !== parsedContract.term.start
        ) {
          // A negative basis carried from the cycle before cannot be applied without its statement.
          warnings.push(
            say(
              locale,
              `${c.name} carries a negative basis forward, but no previousCycle statement was given: anything carried from the cycle before ${cycle.start} is not applied`,
              `${c.name} 的负计费基数会结转至下期，但未提供上期结算单（previousCycle）：${cycle.start} 之前一期结转的金额未予计入`,
            ),
          );
        }
        break;
      case "bonus":
        take(bonusLine(c, ctx, "of" in c.payout ? basisFor(c.payout.of, c.name) : undefined));
        break;
      case "scorecard":
        take(scorecardLine(c, ctx));
        break;
      case "reimbursement": {
        const computed = computeReimbursement(parsedContract, c, parsed, pool);
        rates.push(...computed.rates);
        take(reimbursementLine(c, ctx, computed.value));
        break;
      }
      case "penalty":
        break;
    }
  }
  // (2) Penalties, each capped by its own cap; rateOfFixed reads this cycle's rounded fixed lines.
  const fixedTotal = sumMoneyAmounts(
    lines.filter((l) => l.kind === "fixed"),
    fees.currency,
  );
  for (const c of fees.components) {
    if (c.type !== "penalty") continue;
    const result = penaltyLine(c, ctx, { fixedTotal });
    if (result !== null) take(result);
  }
  // (3)–(5) Minimum top-up, maximum reduction, tax.
  warnings.push(...scheduleLines(parsedContract, ctx, lines));

  const total = sumMoneyAmounts(lines, fees.currency);
  if (total.charCodeAt(0) === 45 /* - */) {
    warnings.push(
      say(
        locale,
        `The total is negative (${total}): the agency owes the seller this amount for the cycle`,
        `本期合计为负（${total}）：服务商应向卖家退还该金额`,
      ),
    );
  }

  const standing =
    parsedContract.standing !== undefined
      ? evaluateStanding(
          parsedContract.standing,
          [...(recorded.standingHistory ?? []), { cycle, score: report.score }],
          { locale },
        )
      : undefined;
  const trueUp =
    recorded.previous !== undefined ? adjustmentsOf(lines, recorded.previous, fees.currency) : undefined;
  const allocation =
    options.allocateBy === "basis"
      ? allocationByBasis(parsedContract, parsed, pool, total, warnings, locale, custom)
      : undefined;

  // The canonical texts of the contract and the history are kept; splicing them is exact (RFC 8785).
  const digest = digestOfCanonicalParts(contractDigestPrefix(entry), {
    cycle: canonicalPeriod(cycle),
    facts: canonicalFactsList(facts),
    history: historyCanonical(parsed.history),
    options: canonicalText(recorded),
  });
  const statement: SettlementStatement = {
    contractId: parsedContract.id,
    cycle: { start: cycle.start, end: cycle.end },
    currency: fees.currency,
    proration: {
      days: proration.days,
      fullDays: proration.fullDays,
      factor: proration.factor,
    },
    lines: lines as StatementLine[],
    total,
    evaluations: report.evaluations,
    score: report.score,
    scoreTrace: report.scoreTrace,
    ...(standing !== undefined ? { standing } : {}),
    warnings,
    fxRates: dedupeRates(rates),
    options: recorded,
    ...(trueUp !== undefined ? { adjustments: trueUp.adjustments, adjustmentTotal: trueUp.total } : {}),
    ...(allocation !== undefined ? { allocation } : {}),
    version: VERSION,
    digest,
  };
  return statement;
}

/**
 * Settles one cycle like {@link settle} but returns the refusal instead of throwing it.
 *
 * @param contract - the contract, as raw JSON or parsed
 * @param input - `{ cycle, facts, history }`
 * @param options - as for {@link settle}
 * @returns `{ success: true, data: statement }` or `{ success: false, error }` with the
 *   `KpiContractError` `settle` would have thrown (its `code`, `params` and `issues`)
 * @throws only errors that are not a `KpiContractError` (a bug)
 * @example
 * ```ts
 * const result = safeSettle(contract, input);
 * if (!result.success && result.error.code === "contract-not-smart") console.log(result.error.issues);
 * ```
 */
export function safeSettle(
  contract: unknown,
  input: SettlementInput,
  options: SettleOptions = {},
): SafeResult<SettlementStatement> {
  try {
    return { success: true, data: settle(contract, input, options) };
  } catch (error) {
    if (error instanceof KpiContractError) return { success: false, error };
    throw error;
  }
}
