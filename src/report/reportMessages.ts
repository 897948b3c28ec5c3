import type { FeeLineKind } from "../fees/feeLine.js";
import type { StandingState } from "../settlement/evaluateStanding.js";
import type { SmartCriterion, SmartSeverity } from "../smart/SmartFinding.js";
import type { TargetStatus } from "../targets/evaluateTargets.js";

/** The languages reports are written in. */
export type ReportLocale = "en" | "zh-CN";

/**
 * Every label a report prints, in one language. Plain strings, or small functions where a number or
 * an id has to sit inside the sentence.
 */
export interface ReportMessages {
  readonly statementTitle: (contractId: string) => string;
  readonly validationTitle: string;
  readonly comparisonTitle: string;
  readonly contract: string;
  readonly cycle: string;
  readonly currency: string;
  readonly total: string;
  readonly score: string;
  readonly scoreNone: string;
  readonly standing: string;
  readonly standingSince: (date: string) => string;
  readonly proration: string;
  readonly prorationValue: (days: number, fullDays: number) => string;
  readonly linesHeading: string;
  readonly component: string;
  readonly kind: string;
  readonly basis: string;
  readonly rate: string;
  readonly amount: string;
  readonly description: string;
  readonly adjustmentsHeading: string;
  readonly previous: string;
  readonly current: string;
  readonly difference: string;
  readonly adjustmentTotal: string;
  readonly allocationHeading: string;
  readonly store: string;
  readonly weight: string;
  readonly targetsHeading: string;
  readonly target: string;
  readonly kpi: string;
  readonly role: string;
  readonly baseline: string;
  readonly targetValue: string;
  readonly actual: string;
  readonly attainment: string;
  readonly status: string;
  readonly judgedOn: string;
  readonly trendsHeading: string;
  readonly trendCaption: (target: string, kpi: string) => string;
  readonly windowValue: string;
  readonly notAvailable: string;
  readonly warningsHeading: string;
  readonly fxHeading: string;
  readonly fxPair: string;
  readonly fxDate: string;
  readonly fxUsedFor: string;
  readonly version: string;
  readonly digest: string;
  readonly days: string;
  readonly validationPassed: string;
  /** No errors, but `count` baselines come from a history the validation was not given. */
  readonly validationPassedUnchecked: (count: number) => string;
  readonly validationRefused: (errors: number) => string;
  readonly findingCounts: (errors: number, warnings: number, infos: number) => string;
  readonly noFindings: string;
  readonly severity: string;
  readonly criterion: string;
  readonly code: string;
  readonly path: string;
  readonly message: string;
  readonly scenario: string;
  readonly growth: string;
  readonly kinds: Readonly<Record<FeeLineKind, string>>;
  readonly roles: Readonly<Record<"objective" | "guardrail", string>>;
  readonly statuses: Readonly<Record<TargetStatus, string>>;
  readonly standingStates: Readonly<Record<StandingState, string>>;
  readonly severities: Readonly<Record<SmartSeverity, string>>;
  readonly criteria: Readonly<Record<SmartCriterion, string>>;
}

const en: ReportMessages = {
  statementTitle: (contractId) => `Settlement statement: ${contractId}`,
  validationTitle: "SMART validation",
  comparisonTitle: "Fee schedules compared",
  contract: "Contract",
  cycle: "Cycle",
  currency: "Currency",
  total: "Total",
  score: "Score",
  scoreNone: "none (no objective judged this cycle)",
  standing: "Standing",
  standingSince: (date) => `since ${date}`,
  proration: "Proration",
  prorationValue: (days, fullDays) => `${days} of ${fullDays} days`,
  linesHeading: "Fee lines",
  component: "Component",
  kind: "Kind",
  basis: "Basis",
  rate: "Rate",
  amount: "Amount",
  description: "Description",
  adjustmentsHeading: "True-up adjustments",
  previous: "Previous",
  current: "Current",
  difference: "Difference",
  adjustmentTotal: "Adjustment due",
  allocationHeading: "Allocation by store",
  store: "Store",
  weight: "Weight",
  targetsHeading: "Targets",
  target: "Target",
  kpi: "KPI",
  role: "Role",
  baseline: "Baseline",
  targetValue: "Target value",
  actual: "Actual",
  attainment: "Attainment",
  status: "Status",
  judgedOn: "Judged on",
  trendsHeading: "Targets over the cycles",
  trendCaption: (target, kpi) => `${target} (${kpi})`,
  windowValue: "value of the whole evaluation window",
  notAvailable: "n/a",
  warningsHeading: "Warnings",
  fxHeading: "Exchange rates used",
  fxPair: "Pair",
  fxDate: "Rate date",
  fxUsedFor: "Used for",
  version: "Library version",
  digest: "Digest (SHA-256)",
  days: "days",
  validationPassed: "No errors: the contract can be settled.",
  validationPassedUnchecked: (count) =>
    `No errors, but ${count === 1 ? "1 baseline comes" : `${count} baselines come`} from history that was not given, so ${count === 1 ? "it was" : "they were"} not checked: settlement refuses the contract if the history it gets cannot provide ${count === 1 ? "it" : "them"}. Validate with the history to be sure.`,
  validationRefused: (errors) =>
    `${errors} ${errors === 1 ? "error" : "errors"}: settlement refuses this contract until ${errors === 1 ? "it is" : "they are"} fixed.`,
  findingCounts: (errors, warnings, infos) =>
    `${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}, ${infos} ${infos === 1 ? "note" : "notes"}`,
  noFindings: "No findings.",
  severity: "Severity",
  criterion: "Criterion",
  code: "Code",
  path: "Where",
  message: "Finding",
  scenario: "Scenario",
  growth: "Growth",
  kinds: {
    fixed: "Fixed fee",
    share: "Revenue share",
    bonus: "Bonus",
    scorecard: "Scorecard",
    penalty: "Penalty",
    reimbursement: "Reimbursement",
    minimum: "Minimum top-up",
    maximum: "Maximum reduction",
    tax: "Tax",
  },
  roles: { objective: "Objective", guardrail: "Guardrail" },
  statuses: { met: "Met", missed: "Missed", pending: "Pending" },
  standingStates: {
    good: "Good",
    warning: "Warning",
    rectification: "Rectification",
    "termination-eligible": "Termination eligible",
  },
  severities: { error: "Error", warning: "Warning", info: "Note" },
  criteria: {
    specific: "Specific",
    measurable: "Measurable",
    achievable: "Achievable",
    relevant: "Relevant",
    "time-bound": "Time-bound",
  },
};

const zhCN: ReportMessages = {
  statementTitle: (contractId) => `结算单：${contractId}`,
  validationTitle: "SMART 校验",
  comparisonTitle: "费用方案对比",
  contract: "合同",
  cycle: "结算周期",
  currency: "币种",
  total: "合计",
  score: "综合得分",
  scoreNone: "无（本周期没有评估的考核目标）",
  standing: "履约状态",
  standingSince: (date) => `自 ${date} 起`,
  proration: "按天折算",
  prorationValue: (days, fullDays) => `${fullDays} 天中的 ${days} 天`,
  linesHeading: "费用明细",
  component: "项目",
  kind: "类型",
  basis: "计费基数",
  rate: "费率",
  amount: "金额",
  description: "说明",
  adjustmentsHeading: "补差调整",
  previous: "原金额",
  current: "新金额",
  difference: "差额",
  adjustmentTotal: "应补（退）金额",
  allocationHeading: "按店铺分摊",
  store: "店铺",
  weight: "权重",
  targetsHeading: "KPI 目标达成",
  target: "目标",
  kpi: "KPI",
  role: "角色",
  baseline: "基线",
  targetValue: "目标值",
  actual: "实际值",
  attainment: "达成率",
  status: "状态",
  judgedOn: "评估期间",
  trendsHeading: "各周期目标走势",
  trendCaption: (target, kpi) => `${target}（${kpi}）`,
  windowValue: "整个考核窗口的数值",
  notAvailable: "无数据",
  warningsHeading: "提示",
  fxHeading: "所用汇率",
  fxPair: "币种对",
  fxDate: "汇率日期",
  fxUsedFor: "用于",
  version: "库版本",
  digest: "摘要（SHA-256）",
  days: "天",
  validationPassed: "没有错误：该合同可以结算。",
  validationPassedUnchecked: (count) =>
    `没有错误，但有 ${count} 个基线取自未提供的历史数据，因此未经检查：如果结算时提供的历史数据无法算出这些基线，结算将拒绝该合同。请提供历史数据再校验一次。`,
  validationRefused: (errors) => `${errors} 个错误：修正之前，结算将拒绝该合同。`,
  findingCounts: (errors, warnings, infos) => `${errors} 个错误，${warnings} 个警告，${infos} 条提示`,
  noFindings: "没有发现问题。",
  severity: "级别",
  criterion: "SMART 维度",
  code: "代码",
  path: "位置",
  message: "问题",
  scenario: "情景",
  growth: "增长",
  kinds: {
    fixed: "固定服务费",
    share: "销售提成",
    bonus: "奖金",
    scorecard: "计分卡奖金",
    penalty: "扣罚",
    reimbursement: "代垫费用",
    minimum: "保底补足",
    maximum: "封顶扣减",
    tax: "税费",
  },
  roles: { objective: "考核目标", guardrail: "底线指标" },
  statuses: { met: "达成", missed: "未达成", pending: "待评估" },
  standingStates: {
    good: "良好",
    warning: "预警",
    rectification: "整改期",
    "termination-eligible": "可解约",
  },
  severities: { error: "错误", warning: "警告", info: "提示" },
  criteria: {
    specific: "具体（S）",
    measurable: "可衡量（M）",
    achievable: "可实现（A）",
    relevant: "相关（R）",
    "time-bound": "有时限（T）",
  },
};

/**
 * The report labels in every shipped language, keyed by locale; a test fails when one language
 * misses a label the other has.
 *
 * @example
 * ```ts
 * REPORT_MESSAGES["zh-CN"].total; // "合计"
 * REPORT_MESSAGES.en.statuses.missed; // "Missed"
 * ```
 */
export const REPORT_MESSAGES: Readonly<Record<ReportLocale, ReportMessages>> = Object.freeze({
  en,
  "zh-CN": zhCN,
});
