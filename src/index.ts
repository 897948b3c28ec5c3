// Public API of kpi-contract: a curated barrel of named exports, grouped by folder, alphabetical.
export type {
  AnomalySignal,
  AnomalySignalCode,
  AnomalySignalSeverity,
  BuyerConcentrationSignal,
  ConcentrationLeader,
  CycleSignalOptions,
  RefundCohortJumpSignal,
  ReviewBurstSignal,
  SignalBase,
  SignalOptions,
  SignalStore,
} from "./audit/AnomalySignal.js";
export {
  type BuyerConcentrationOptions,
  type BuyerConcentrationRows,
  buyerConcentration,
  safeBuyerConcentration,
} from "./audit/buyerConcentration.js";
export type {
  FactFieldStatus,
  FactReconciliation,
  FeeLineReconciliation,
  FeeReconciliation,
  KpiReconciliation,
  ReconciledTargetStatus,
  ReconcileInput,
  ReconcileOptions,
  ReconcileSideError,
  ReconcileTolerance,
  ReconcileToleranceInput,
  Reconciliation,
  ReconciliationSummary,
  RelativeNullReason,
} from "./audit/Reconciliation.js";
export { reconcile, safeReconcile } from "./audit/reconcile.js";
export {
  type RefundCohortJumpOptions,
  type RefundCohortJumpRows,
  refundCohortJump,
  safeRefundCohortJump,
} from "./audit/refundCohortJump.js";
export {
  type ReviewBurstOptions,
  type ReviewBurstRows,
  reviewBurst,
  safeReviewBurst,
} from "./audit/reviewBurst.js";
export {
  type SignalOrderRow,
  type SignalOrderRowInput,
  signalOrderRowSchema,
} from "./audit/signalOrderRowSchema.js";
export { contractJsonSchema } from "./contract/jsonSchema.js";
export { migrateContract } from "./contract/migrateContract.js";
export { ContractError, parseContract, safeParseContract } from "./contract/parseContract.js";
export {
  CONTRACT_SCHEMA_VERSION,
  type Contract,
  type ContractInput,
  contractSchema,
  type Locale,
  localeSchema,
  type StandingRules,
  type Store,
  standingRulesSchema,
  storeSchema,
} from "./contract/schema.js";
export { convertFacts } from "./facts/convertFacts.js";
export {
  type FxRate,
  type FxRateSelection,
  type FxTable,
  type FxTableInput,
  fxRateSchema,
  fxSchema,
  selectRate,
} from "./facts/fx.js";
export { factsJsonSchema, type JsonSchema } from "./facts/jsonSchema.js";
export { poolFacts } from "./facts/poolFacts.js";
export { attributedFactPath, FACT_PATHS, type FactPath, isFactPath, readFact } from "./facts/readFact.js";
export {
  attributionWindowKeySchema,
  FACT_GROUPS,
  type FactGroup,
  type PeriodFacts,
  type PeriodFactsInput,
  periodFactsSchema,
} from "./facts/schema.js";
export {
  type BaseFeePlusBonusOptions,
  type BasisOptions,
  type BonusOptions,
  baseFeePlusBonus,
  type DecimalInput,
  type PenaltyOptions,
  type RatioInput,
  type RevenueShareOptions,
  revenueShare,
  type ScheduleOptions,
  type TierOptions,
} from "./fees/builders.js";
export type { FeeLine, FeeLineKind, FeeLineTrace, FeeTraceStep, FeeTraceTarget } from "./fees/feeLine.js";
export {
  type BonusComponent,
  bonusComponentSchema,
  bonusPayoutSchema,
  type FeeBasis,
  type FeeComponent,
  type FeeSchedule,
  type FeeScheduleInput,
  type FixedComponent,
  feeBasisSchema,
  feeComponentSchema,
  feeScheduleSchema,
  fixedComponentSchema,
  type PenaltyComponent,
  penaltyComponentSchema,
  type ReimbursementComponent,
  reimbursementComponentSchema,
  type ScorecardComponent,
  type ShareComponent,
  scorecardComponentSchema,
  shareComponentSchema,
  type Tier,
  tierSchema,
  tiersSchema,
} from "./fees/schema.js";
export {
  type ApplyTiersOptions,
  applyTiers,
  type ProrationDays,
  type TierMode,
  type TierPart,
  type TierResult,
} from "./fees/tiers.js";
export { type AcosScope, acosScopeSchema } from "./kpis/acos.js";
export { adSpendScopeSchema } from "./kpis/adSpend.js";
export { type AverageOrderValueScope, averageOrderValueScopeSchema } from "./kpis/averageOrderValue.js";
export { type AverageRatingScope, averageRatingScopeSchema } from "./kpis/averageRating.js";
export { getKpiDefinition, isCatalogueKpi, KPI_CATALOGUE, type KpiId, listKpis } from "./kpis/catalogue.js";
export { clickThroughRateScopeSchema } from "./kpis/clickThroughRate.js";
export { type ComputeKpiOptions, computeKpi, safeComputeKpi } from "./kpis/computeKpi.js";
export { type ConversionRateScope, conversionRateScopeSchema } from "./kpis/conversionRate.js";
export {
  type CustomKpi,
  type CustomKpiInput,
  customKpiExpressionSchema,
  customKpiFromJson,
  customKpiSchema,
  type KpiExpression,
  type KpiExpressionInput,
  MAX_EXPRESSION_DEPTH,
  MAX_EXPRESSION_NODES,
} from "./kpis/customKpi.js";
export { type DaysOfInventoryScope, daysOfInventoryScopeSchema } from "./kpis/daysOfInventory.js";
export { type DefineKpiSpec, defineKpi } from "./kpis/defineKpi.js";
export { type GmvScope, gmvScopeSchema } from "./kpis/gmv.js";
export { type GrossMarginScope, grossMarginScopeSchema } from "./kpis/grossMargin.js";
export { type GrossProfitScope, grossProfitScopeSchema } from "./kpis/grossProfit.js";
export { type InventoryTurnoverScope, inventoryTurnoverScopeSchema } from "./kpis/inventoryTurnover.js";
export { listingOptimizationRateScopeSchema } from "./kpis/listingOptimizationRate.js";
export { type NegativeReviewRateScope, negativeReviewRateScopeSchema } from "./kpis/negativeReviewRate.js";
export { ordersScopeSchema } from "./kpis/orders.js";
export {
  KPI_PRESETS,
  type KpiPreset,
  listPresets,
  type PresetSummary,
  type ResolvedPreset,
  resolvePreset,
} from "./kpis/presets.js";
export { type RefundRateScope, refundRateScopeSchema } from "./kpis/refundRate.js";
export { responseRateScopeSchema } from "./kpis/responseRate.js";
export { type ReturnRateScope, returnRateScopeSchema } from "./kpis/returnRate.js";
export { type ReviewRateScope, reviewRateScopeSchema } from "./kpis/reviewRate.js";
export { type RoasScope, roasScopeSchema } from "./kpis/roas.js";
export { type SalesGrowthScope, salesGrowthScopeSchema } from "./kpis/salesGrowth.js";
export { type SellThroughRateScope, sellThroughRateScopeSchema } from "./kpis/sellThroughRate.js";
export { type TacosScope, tacosScopeSchema } from "./kpis/tacos.js";
export type {
  KpiComputeContext,
  KpiDefinition,
  KpiNullReason,
  KpiNullResult,
  KpiPolarity,
  KpiResult,
  KpiTrace,
  KpiUnit,
  KpiValueResult,
  ScopePredicate,
} from "./kpis/types.js";
export { MESSAGES, renderFinding } from "./locales/index.js";
export type { LocaleCatalogue, LocaleWords, ParamReader } from "./locales/paramReader.js";
export { type AdsDayRow, type AdsDayRowInput, adsDayRowSchema } from "./records/adsDayRowSchema.js";
export {
  type AggregateFactsOptions,
  type AggregateFactsResult,
  aggregateFacts,
  type RecordSourceSummary,
  type RecordSources,
  type RecordStore,
  type RecordStream,
  type RecordWarning,
  type RejectedRow,
  type RejectionReason,
} from "./records/aggregateFacts.js";
export {
  type InventorySnapshotRow,
  type InventorySnapshotRowInput,
  inventorySnapshotRowSchema,
} from "./records/inventorySnapshotRowSchema.js";
export {
  type OrderLineRow,
  type OrderLineRowInput,
  orderLineRowSchema,
} from "./records/orderLineRowSchema.js";
export { RECORD_SOURCES, type RecordSource } from "./records/recordSchemas.js";
export { recordsJsonSchema } from "./records/recordsJsonSchema.js";
export { type RefundRow, type RefundRowInput, refundRowSchema } from "./records/refundRowSchema.js";
export { type ReviewRow, type ReviewRowInput, reviewRowSchema } from "./records/reviewRowSchema.js";
export {
  type TrafficDayRow,
  type TrafficDayRowInput,
  trafficDayRowSchema,
} from "./records/trafficDayRowSchema.js";
export { allocateStatement } from "./settlement/allocateStatement.js";
export {
  type CompareBase,
  type CompareScenario,
  type CompareSchedulesOptions,
  compareSchedules,
  type NamedSchedule,
  type ScheduleComparison,
  type ScheduleComparisonCell,
  type ScheduleComparisonRow,
} from "./settlement/compareSchedules.js";
export {
  type EvaluateStandingOptions,
  evaluateStanding,
  type StandingEntry,
  type StandingReason,
  type StandingReasonCode,
  type StandingResult,
  type StandingState,
} from "./settlement/evaluateStanding.js";
export type {
  PreviousCycleStatement,
  PreviousStatement,
  SettlementInput,
  SettlementStatement,
  SettleOptions,
  StatementAdjustment,
  StatementAllocation,
  StatementLine,
  StatementOptions,
} from "./settlement/SettlementStatement.js";
export { safeSettle, settle } from "./settlement/settle.js";
export {
  type StatementDifference,
  type StatementVerification,
  verifyStatement,
} from "./settlement/verifyStatement.js";
export {
  SMART_CODES,
  SMART_RULES,
  type SmartCode,
  type SmartCriterion,
  type SmartFinding,
  type SmartFindingData,
  type SmartParams,
  type SmartSeverity,
} from "./smart/SmartFinding.js";
export type { SmartOptions } from "./smart/SmartOptions.js";
export { type ValidationReport, validateContract } from "./smart/validateContract.js";
export { validateTarget } from "./smart/validateTarget.js";
export {
  type BaselineResult,
  type BaselineSpec,
  type BaselineSpecInput,
  type BaselineTrace,
  baselineSchema,
  type ComputeBaselineOptions,
  computeBaseline,
} from "./targets/baseline.js";
export {
  type EvaluationContract,
  type EvaluationInput,
  evaluateTargets,
  type FxRateUse,
  type ResolvedScope,
  resolveScope,
  scoreOf,
  storeFactsInCurrency,
  type TargetEvaluation,
  type TargetEvaluationReport,
  type TargetEvaluationTrace,
  type TargetStatus,
} from "./targets/evaluateTargets.js";
export {
  GOAL_KINDS,
  type GoalKind,
  goalSchema,
  singleGoal,
  type Target,
  type TargetEvaluationSpec,
  type TargetGoal,
  type TargetInput,
  targetEvaluationSchema,
  targetSchema,
} from "./targets/target.js";
export { allocate } from "./values/allocate.js";
export {
  CURRENCIES,
  type CurrencyCode,
  type CurrencyInfo,
  currencySchema,
  isCurrencyCode,
  minorUnits,
} from "./values/currency.js";
export {
  type Cycle,
  type CycleProration,
  cycleContaining,
  cycleProration,
  cycleSchema,
  cyclesOf,
} from "./values/cycle.js";
export {
  countSchema,
  DECIMAL_PATTERN,
  type DecimalString,
  decimalSchema,
  isDecimalString,
  nonNegativeDecimalSchema,
  normalizeDecimal,
  numberToDecimalString,
} from "./values/decimal.js";
export { ID_PATTERN, idSchema } from "./values/id.js";
export { KpiContractError, type SafeResult, type ValidationIssue } from "./values/KpiContractError.js";
export {
  createLocalDater,
  isValidTimeZone,
  localDate,
  parseTimestamp,
  timeZoneSchema,
} from "./values/localDate.js";
export {
  addDays,
  type DateString,
  dateSchema,
  daysInPeriod,
  isDateString,
  type Period,
  periodContains,
  periodSchema,
  periodsOverlap,
  samePeriod,
} from "./values/period.js";
export { parseRatio, type RatioString, ratioSchema } from "./values/ratio.js";
export { ROUNDING_MODES, type RoundingMode, roundingModeSchema, roundMoney } from "./values/rounding.js";
export { VERSION } from "./version.js";
