// The `kpi-contract/testing` subpath: fast-check arbitraries of the library's data, so that ERP teams can
// property-test their own integrations with the same generators the library's tests use. fast-check is a
// peer dependency of this subpath only; the core entry never imports it.
export { type PeriodFactsArbitraryOptions, periodFactsArbitrary } from "./arbitraries.js";
export { type ContractArbitraryOptions, contractArbitrary } from "./contractArbitrary.js";
export { type DecimalStringArbitraryOptions, decimalStringArbitrary } from "./decimalStringArbitrary.js";
export {
  type FeeComponentKind,
  type FeeScheduleArbitraryOptions,
  feeScheduleArbitrary,
  NET_GMV_SCOPE,
} from "./feeScheduleArbitrary.js";
export { type MoneyArbitraryOptions, moneyArbitrary } from "./moneyArbitrary.js";
export {
  type SettlementCase,
  type SettlementCaseArbitraryOptions,
  settlementCaseArbitrary,
} from "./settlementCaseArbitrary.js";
export { SPEC_EXAMPLE_FACTS } from "./specExampleFacts.js";
export { type TierArbitraryValue, type TiersArbitraryOptions, tiersArbitrary } from "./tiersArbitrary.js";
