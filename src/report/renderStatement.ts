import { getKpiDefinition, isCatalogueKpi } from "../kpis/catalogue.js";
import type { KpiUnit } from "../kpis/types.js";
import { MESSAGES } from "../locales/index.js";
import type { SettlementStatement } from "../settlement/SettlementStatement.js";
import type { TargetEvaluation } from "../targets/evaluateTargets.js";
import { type Period, sameDays } from "../values/period.js";
import { barChart, type ChartPoint } from "./internal/chart.js";
import type { Block, Cell, Chart, ReportDocument, Table } from "./internal/document.js";
import {
  cycleLabel,
  formatAmount,
  formatNumber,
  formatPercent,
  formatValue,
  periodText,
  type ValueStyle,
} from "./internal/format.js";
import { renderDocument } from "./internal/renderDocument.js";
import { checkHistory, checkStatement } from "./internal/reportInput.js";
import { checkReportOptions } from "./internal/reportOptions.js";
import type { ReportFormat } from "./ReportFormat.js";
import type { ReportLocale, ReportMessages } from "./reportMessages.js";

/** The fields of a target evaluation a report reads; a statement's `TargetEvaluation` satisfies it. */
export type ReportEvaluation = Pick<
  TargetEvaluation,
  "targetId" | "kpi" | "status" | "actual" | "target" | "baseline"
> & {
  readonly trace?: {
    /** The judged period: the cycle, or a target's evaluation window. */
    readonly period?: Period;
    /** Mean-of-cycles targets: each cycle's own value. */
    readonly cycles?: readonly { readonly period: Period; readonly value: string | null }[];
  };
};

/** One earlier cycle for the charts: a settlement statement, or just its cycle and evaluations. */
export interface ReportCycle {
  readonly cycle: Period;
  readonly evaluations: readonly ReportEvaluation[];
}

/** Options of {@link renderStatement}. */
export interface RenderStatementOptions {
  /** `"markdown"` (default), `"html"` (one self-contained file with charts) or `"text"`. */
  readonly format?: ReportFormat;
  /** Language of the labels: `"en"` (default) or `"zh-CN"`. Line descriptions stay as the statement wrote them. */
  readonly locale?: ReportLocale;
  /**
   * Statements (or `{ cycle, evaluations }`) of earlier cycles: each target's chart gets one bar
   * per cycle, these and the statement's own, in time order. Cycles on or after the statement's
   * are ignored.
   */
  readonly history?: readonly ReportCycle[];
}

function unitOf(evaluation: TargetEvaluation): KpiUnit | undefined {
  if (isCatalogueKpi(evaluation.kpi)) return getKpiDefinition(evaluation.kpi).unit;
  const kpi = evaluation.trace.kpi;
  return kpi !== undefined && kpi.value !== null ? kpi.unit : undefined;
}

const statusCell = (status: TargetEvaluation["status"], m: ReportMessages): Cell => ({
  text: m.statuses[status],
  className: status,
});

/** The cycles of the charts: the history before the statement's cycle, in time order, then the statement. */
function chartCycles(
  statement: SettlementStatement,
  history: readonly ReportCycle[],
): readonly ReportCycle[] {
  const earlier = new Map<string, ReportCycle>();
  for (const h of history) {
    if (h.cycle.start < statement.cycle.start && !earlier.has(h.cycle.start)) earlier.set(h.cycle.start, h);
  }
  const sorted = [...earlier.values()].sort((a, b) => (a.cycle.start < b.cycle.start ? -1 : 1));
  return [...sorted, statement];
}

interface SeriesPoint {
  readonly cycle: Period;
  readonly value: string | null;
  readonly tone: ChartPoint["tone"];
  readonly status: TargetEvaluation["status"] | null;
  /** True when the value covers the whole evaluation window rather than the cycle alone. */
  readonly window: boolean;
}

/**
 * The value of one target in each cycle: a cycle's own value listed in any evaluation's trace (mean
 * of cycles), else the evaluation of that cycle when it was judged on that cycle, else the window
 * value in the cycle that judged it, else none.
 */
function seriesOf(targetId: string, cycles: readonly ReportCycle[]): SeriesPoint[] {
  const evaluationIn = (c: ReportCycle) => c.evaluations.find((e) => e.targetId === targetId);
  const latestFirst = [...cycles].reverse();
  return cycles.map((c): SeriesPoint => {
    const own = evaluationIn(c);
    const status = own?.status ?? null;
    for (const entry of latestFirst) {
      const listed = evaluationIn(entry)?.trace?.cycles?.find((x) => sameDays(x.period, c.cycle));
      if (listed !== undefined)
        return { cycle: c.cycle, value: listed.value, tone: "neutral", status, window: false };
    }
    if (own === undefined) return { cycle: c.cycle, value: null, tone: "pending", status, window: false };
    const period = own.trace?.period;
    if (own.status !== "pending" && (period === undefined || sameDays(period, c.cycle))) {
      return {
        cycle: c.cycle,
        value: own.actual,
        tone: own.status === "met" ? "met" : "missed",
        status,
        window: false,
      };
    }
    if (own.status !== "pending" && own.actual !== null) {
      return { cycle: c.cycle, value: own.actual, tone: "neutral", status, window: true };
    }
    return { cycle: c.cycle, value: null, tone: "pending", status, window: false };
  });
}

function summaryBlock(statement: SettlementStatement, m: ReportMessages): Block {
  const rows: [string, Cell][] = [
    [m.contract, statement.contractId],
    [m.cycle, periodText(statement.cycle)],
    [m.currency, statement.currency],
    [m.total, { text: `${formatAmount(statement.total)} ${statement.currency}`, className: "total" }],
    [m.score, statement.score === null ? m.scoreNone : formatPercent(statement.score)],
  ];
  const p = statement.proration;
  if (p !== undefined && p.days !== p.fullDays)
    rows.push([m.proration, m.prorationValue(p.days, p.fullDays)]);
  if (statement.standing !== undefined) {
    const st = statement.standing;
    rows.push([
      m.standing,
      {
        text: `${m.standingStates[st.state]}${st.since ? ` (${m.standingSince(st.since)})` : ""}`,
        className: st.state === "good" ? "met" : "missed",
      },
    ]);
  }
  if (statement.adjustmentTotal !== undefined) {
    rows.push([m.adjustmentTotal, `${formatAmount(statement.adjustmentTotal)} ${statement.currency}`]);
  }
  return { kind: "facts", rows };
}

function linesTable(statement: SettlementStatement, m: ReportMessages): Table {
  return {
    headers: [m.component, m.kind, m.basis, m.rate, m.amount, m.description],
    numeric: [2, 3, 4],
    rows: statement.lines.map((l) => [
      l.component,
      m.kinds[l.kind] ?? l.kind,
      // Every line's basis is an amount in the schedule currency (GMV, gross profit, a fixed
      // total, a cost, a pool, a subtotal): shown as money, like money KPI values.
      l.basis === undefined
        ? ""
        : formatValue(l.basis, { unit: "money", currency: statement.currency, days: "" }),
      l.rate === undefined ? "" : formatPercent(l.rate),
      formatAmount(l.amount),
      l.description,
    ]),
    footer: [m.total, "", "", "", formatAmount(statement.total), statement.currency],
  };
}

function targetsTable(statement: SettlementStatement, m: ReportMessages, locale: ReportLocale): Table {
  const kpiNames = MESSAGES[locale].words.kpis;
  return {
    headers: [
      m.target,
      m.kpi,
      m.role,
      m.weight,
      m.baseline,
      m.targetValue,
      m.actual,
      m.judgedOn,
      m.attainment,
      m.status,
    ],
    numeric: [3, 4, 5, 6, 8],
    rows: statement.evaluations.map((e) => {
      const style: ValueStyle = { unit: unitOf(e), currency: statement.currency, days: m.days };
      const show = (v: string | null) => (v === null ? m.notAvailable : formatValue(v, style));
      return [
        { text: e.targetId, className: "nowrap" },
        kpiNames[e.kpi] ?? e.kpi,
        m.roles[e.role],
        e.weight === null ? "" : formatPercent(e.weight),
        show(e.baseline),
        show(e.target),
        e.status === "pending" ? "" : show(e.actual),
        { text: cycleLabel(e.trace.period), className: "nowrap" },
        e.status === "pending" ? "" : formatPercent(e.attainment),
        statusCell(e.status, m),
      ];
    }),
  };
}

function trendCharts(
  statement: SettlementStatement,
  history: readonly ReportCycle[],
  m: ReportMessages,
  locale: ReportLocale,
): Chart[] {
  const cycles = chartCycles(statement, history);
  const kpiNames = MESSAGES[locale].words.kpis;
  return statement.evaluations.map((e): Chart => {
    const style: ValueStyle = { unit: unitOf(e), currency: statement.currency, days: m.days };
    const show = (v: string | null) => (v === null ? m.notAvailable : formatValue(v, style));
    const series = seriesOf(e.targetId, cycles);
    const caption = m.trendCaption(e.targetId, kpiNames[e.kpi] ?? e.kpi);
    const targetText = `${m.targetValue} ${show(e.target)}`;
    const baselineText = `${m.baseline} ${show(e.baseline)}`;
    const svg = barChart({
      title: caption,
      points: series.map((p) => ({
        label: cycleLabel(p.cycle),
        value: p.value,
        tone: p.tone,
        text: `${show(p.value)}${p.window ? "*" : ""}`,
      })),
      target: e.target === null ? null : { value: e.target, label: targetText },
      baseline: e.baseline === null ? null : { value: e.baseline, label: baselineText },
    });
    const windowNote = series.some((p) => p.window) ? ` · * ${m.windowValue}` : "";
    const judgedOnWindow = e.status !== "pending" && !sameDays(e.trace.period, statement.cycle);
    const windowActual = judgedOnWindow
      ? ` · ${m.actual} (${periodText(e.trace.period)}) ${show(e.actual)}`
      : "";
    return {
      caption,
      svg,
      table: {
        headers: [m.cycle, m.actual, m.status],
        numeric: [1],
        rows: series.map((p) => [
          cycleLabel(p.cycle),
          `${show(p.value)}${p.window ? "*" : ""}`,
          p.status === null ? "" : statusCell(p.status, m),
        ]),
      },
      note: `${targetText} · ${baselineText}${windowActual}${windowNote}`,
    };
  });
}

/**
 * Renders a settlement statement as a report for people: the totals, every fee line, each target's
 * actual against its target and baseline, and per target a chart (HTML) or table (Markdown, text)
 * over the cycles given, then warnings, exchange rates, version and digest. The HTML is one
 * self-contained file (inline CSS and SVG, no script, no external resource); Markdown is tables to
 * paste into a monthly review. The output depends only on the arguments: no clock, no locale
 * formatting of the host.
 *
 * @param statement - a statement from `settle`
 * @param options - `format` (`"markdown"` default, `"html"`, `"text"`), `locale` (`"en"` default,
 *   `"zh-CN"`), `history`: statements of earlier cycles for the charts
 * @returns the report as one string
 * @throws `KpiContractError` `statement-invalid` when `statement` is not a statement the report can
 *   read (every issue listed with its path, such as `evaluations.0.target` for a target that is not
 *   a decimal string), `report-options-invalid` for an unknown format or locale or a malformed
 *   `history` (its issues at `history.0.evaluations.1.actual`…)
 * @example
 * ```ts
 * const march = settle(contract, { cycle, facts, history });
 * const html = renderStatement(march, { format: "html", locale: "zh-CN", history: [january, february] });
 * ```
 */
export function renderStatement(
  statement: SettlementStatement,
  options: RenderStatementOptions = {},
): string {
  const { format, locale, m } = checkReportOptions(options);
  checkStatement(statement);
  checkHistory(options.history);
  const history: readonly ReportCycle[] = options.history ?? [];
  const blocks: Block[] = [summaryBlock(statement, m), { kind: "heading", text: m.linesHeading }];
  blocks.push({ kind: "table", table: linesTable(statement, m) });
  if (statement.adjustments !== undefined && statement.adjustments.length > 0) {
    blocks.push(
      { kind: "heading", text: m.adjustmentsHeading },
      {
        kind: "table",
        table: {
          headers: [m.component, m.kind, m.previous, m.current, m.difference],
          numeric: [2, 3, 4],
          rows: statement.adjustments.map((a) => [
            a.component,
            m.kinds[a.kind] ?? a.kind,
            formatAmount(a.previous),
            formatAmount(a.current),
            formatAmount(a.amount),
          ]),
          footer: [m.adjustmentTotal, "", "", "", formatAmount(statement.adjustmentTotal ?? "0")],
        },
      },
    );
  }
  if (statement.allocation !== undefined && statement.allocation.length > 0) {
    blocks.push(
      { kind: "heading", text: m.allocationHeading },
      {
        kind: "table",
        table: {
          headers: [m.store, m.basis, m.amount],
          numeric: [1, 2],
          rows: statement.allocation.map((a) => [a.store, formatNumber(a.weight), formatAmount(a.amount)]),
        },
      },
    );
  }
  if (statement.evaluations.length > 0) {
    blocks.push({ kind: "heading", text: m.targetsHeading });
    blocks.push({ kind: "table", table: targetsTable(statement, m, locale) });
    blocks.push(
      { kind: "heading", text: m.trendsHeading },
      { kind: "charts", charts: trendCharts(statement, history, m, locale) },
    );
  }
  if (statement.warnings.length > 0) {
    blocks.push({ kind: "heading", text: m.warningsHeading }, { kind: "list", items: statement.warnings });
  }
  if (statement.fxRates !== undefined && statement.fxRates.length > 0) {
    blocks.push(
      { kind: "heading", text: m.fxHeading },
      {
        kind: "table",
        table: {
          headers: [m.fxPair, m.rate, m.fxDate, m.fxUsedFor],
          numeric: [1],
          rows: statement.fxRates.map((r) => [`${r.from} → ${r.to}`, r.rate, r.date ?? "", r.usedFor]),
        },
      },
    );
  }
  blocks.push({ kind: "small", text: `${m.version} ${statement.version} · ${m.digest} ${statement.digest}` });
  const doc: ReportDocument = { title: m.statementTitle(statement.contractId), lang: locale, blocks };
  return renderDocument(doc, format);
}
