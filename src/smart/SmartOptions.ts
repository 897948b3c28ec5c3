import type { Locale } from "../contract/schema.js";
import type { PeriodFactsInput } from "../facts/schema.js";
import type { KpiDefinition } from "../kpis/types.js";
import type { RatioString } from "../values/ratio.js";

/**
 * Options of {@link validateContract} and {@link validateTarget}.
 *
 * @example
 * ```ts
 * const options: SmartOptions = { locale: "zh-CN", history, maxChange: { higherIsBetter: "0.8" } };
 * ```
 */
export interface SmartOptions {
  /** Locale of the rendered messages: `"en"` (default, SPEC §5) or `"zh-CN"`. The contract's own `locale` is not used here. */
  readonly locale?: Locale;
  /**
   * Earlier cycles (one store and one whole cycle each) so that baselines computed from history,
   * and the achievability rules that need their values, are judged on real data. Facts in another
   * currency than the fee schedule are converted with the contract's fx table, as settlement does.
   */
  readonly history?: readonly PeriodFactsInput[];
  /**
   * The largest relative change |target − baseline| ÷ baseline judged achievable, by polarity:
   * default `"1.0"` (+100%) for higher-is-better KPIs and `"0.5"` (−50%) for lower-is-better ones.
   * Ratios, percent strings accepted.
   */
  readonly maxChange?: { readonly higherIsBetter?: RatioString; readonly lowerIsBetter?: RatioString };
  /**
   * How far above the best month-on-month growth of the baseline window the required compound
   * monthly growth may be (additive, default `"0.10"`: best 6.67% allows up to 16.67%).
   */
  readonly growthMargin?: RatioString;
  /** KPI definitions to know besides the catalogue (the contract's own `kpis` are added automatically). */
  readonly customKpis?: readonly KpiDefinition[];
}
