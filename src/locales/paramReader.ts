import { D, formatDecimal } from "../internal/decimal.js";
import type { SmartCode, SmartParams } from "../smart/SmartFinding.js";
import { isCurrencyCode } from "../values/currency.js";
import { isDecimalString } from "../values/decimal.js";
import { roundMoney } from "../values/rounding.js";

/** How a locale writes lists, labels and units. */
export interface LocaleWords {
  /** Joins list items (`", "` or `"、"`). */
  readonly listSeparator: string;
  /** Quotes an id (`"x"` or `「x」`). */
  readonly quote: (id: string) => string;
  /** Human names of catalogue KPIs by id; unknown ids are shown as written. */
  readonly kpis: Readonly<Record<string, string>>;
  /** Names of fact groups; unknown groups are shown as written. */
  readonly factGroups: Readonly<Record<string, string>>;
  /** Names of goal kinds (`atLeast` → "at least"). */
  readonly goalKinds: Readonly<Record<string, string>>;
  /** Names of KPI null reasons (`zero-denominator` → …). */
  readonly nullReasons: Readonly<Record<string, string>>;
  /** Unit word after day counts, months and stars. */
  readonly days: string;
}

/** A locale: its words and one message function per finding code. */
export interface LocaleCatalogue {
  readonly words: LocaleWords;
  readonly messages: Readonly<Record<SmartCode, (p: ParamReader) => string>>;
}

/** Reads the params of one finding for a message, formatting numbers deterministically. */
export interface ParamReader {
  /** The `reason` param, which selects the wording. */
  readonly reason: string;
  /** Whether a param is present. */
  has(key: string): boolean;
  /** How many items a list param has (1 for a plain value, 0 when absent). */
  count(key: string): number;
  /** A param as plain text (lists joined). */
  text(key: string): string;
  /** A param that is an id, quoted (lists: each item quoted, then joined). */
  id(key: string): string;
  /** A KPI id as its human name. */
  kpi(key: string): string;
  /** A list of fact groups by name. */
  groups(key: string): string;
  /** A goal kind by name. */
  kind(key: string): string;
  /** A KPI null reason by name. */
  nullReason(key: string): string;
  /** A ratio as a percent, at most two decimals (`"0.2142857"` → `"21.43%"`). */
  pct(key: string): string;
  /** A ratio as a signed percent (`"0.4"` → `"+40%"`). */
  signedPct(key: string): string;
  /** A KPI value formatted by the `unit` param: percent for ratios, money with its currency, else a number. */
  value(key: string): string;
  /** A plain number, at most four decimals. */
  num(key: string): string;
}

function first(value: string | readonly string[] | undefined): string {
  if (value === undefined) return "?";
  return typeof value === "string" ? value : value.join(", ");
}

function asList(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return ["?"];
  return typeof value === "string" ? [value] : value;
}

/**
 * Writes a ratio as a percent with at most two decimals, half-even, trailing zeros removed.
 * Text that is not a decimal (for example a test sentinel) is returned unchanged.
 *
 * @param ratio - a decimal string such as `"0.22"`
 * @param signed - write `+` before positive values
 * @returns `"22%"`
 * @example
 * ```ts
 * formatPercent("0.2142857"); // "21.43%"
 * ```
 */
export function formatPercent(ratio: string, signed = false): string {
  if (!isDecimalString(ratio)) return ratio;
  const value = new D(ratio).times(100).toDecimalPlaces(2, D.ROUND_HALF_EVEN);
  const text = formatDecimal(value);
  return `${signed && value.gt(0) ? "+" : ""}${text}%`;
}

/**
 * Writes a plain number with at most four decimals, half-even, trailing zeros removed. Text that
 * is not a decimal is returned unchanged.
 *
 * @param value - a decimal string
 * @returns the number as text
 * @example
 * ```ts
 * formatNumber("41220.333333"); // "41220.3333"
 * ```
 */
export function formatNumber(value: string): string {
  if (!isDecimalString(value)) return value;
  return formatDecimal(new D(value).toDecimalPlaces(4, D.ROUND_HALF_EVEN));
}

/**
 * Creates the reader a locale's message functions use.
 *
 * @param params - the finding's params
 * @param words - the locale's words
 * @returns a {@link ParamReader}
 * @example
 * ```ts
 * paramReader({ change: "0.4" }, EN_WORDS).signedPct("change"); // "+40%"
 * ```
 */
export function paramReader(params: SmartParams, words: LocaleWords): ParamReader {
  const get = (key: string) => params[key];
  const label = (table: Readonly<Record<string, string>>, v: string): string =>
    Object.hasOwn(table, v) ? (table[v] ?? v) : v;
  const unit = first(get("unit"));
  return {
    reason: first(get("reason")),
    has: (key) => Object.hasOwn(params, key),
    count: (key) => {
      const v = get(key);
      return v === undefined ? 0 : typeof v === "string" ? 1 : v.length;
    },
    text: (key) => asList(get(key)).join(words.listSeparator),
    id: (key) => asList(get(key)).map(words.quote).join(words.listSeparator),
    kpi: (key) =>
      asList(get(key))
        .map((v) => label(words.kpis, v))
        .join(words.listSeparator),
    groups: (key) =>
      asList(get(key))
        .map((v) => label(words.factGroups, v))
        .join(words.listSeparator),
    kind: (key) => label(words.goalKinds, first(get(key))),
    nullReason: (key) => label(words.nullReasons, first(get(key))),
    pct: (key) => formatPercent(first(get(key))),
    signedPct: (key) => formatPercent(first(get(key)), true),
    num: (key) => formatNumber(first(get(key))),
    value: (key) => {
      const v = first(get(key));
      if (unit === "ratio") return formatPercent(v);
      if (unit === "money") {
        const currency = first(get("currency"));
        const amount =
          isDecimalString(v) && isCurrencyCode(currency) ? roundMoney(v, currency, "half-even") : v;
        return `${amount} ${currency}`;
      }
      return formatNumber(v);
    },
  };
}
