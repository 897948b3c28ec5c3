import * as z from "zod";
import { checkArguments } from "../internal/arguments.js";
import { D } from "../internal/decimal.js";
import { currencySchema } from "../values/currency.js";
import { type DecimalString, decimalSchema, isDecimalString } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { type DateString, dateSchema, isDateString } from "../values/period.js";

/**
 * Zod schema of one exchange rate: units of `to` per unit of `from`, with the date it applies to.
 *
 * @example
 * ```ts
 * fxRateSchema.parse({ from: "EUR", to: "USD", rate: "1.0850", date: "2026-03-31" });
 * ```
 */
export const fxRateSchema = z.strictObject({
  from: currencySchema,
  to: currencySchema,
  rate: decimalSchema.refine((v) => new D(v).gt(0), { error: "An exchange rate is greater than zero" }),
  date: dateSchema.optional(),
});

/** One exchange rate after parsing. */
export type FxRate = z.output<typeof fxRateSchema>;

/**
 * Zod schema of a contract's FX table (SPEC §6.4): `policy` `cycle-end` (every rate is dated; a
 * cycle uses the latest rate dated on or before its last day) or `fixed` (one undated rate per
 * pair for the whole term). A rate from a currency to itself, two rates of one pair under `fixed`,
 * or two rates of one pair on one date under `cycle-end` are errors.
 *
 * @example
 * ```ts
 * fxSchema.parse({ policy: "cycle-end", rates: [{ from: "EUR", to: "USD", rate: "1.0850", date: "2026-03-31" }] });
 * ```
 */
export const fxSchema = z
  .strictObject({
    policy: z.enum(["cycle-end", "fixed"], { error: 'Expected an FX policy: "cycle-end" or "fixed"' }),
    rates: z.array(fxRateSchema),
  })
  .superRefine((fx, ctx) => {
    const seen = new Map<string, number>();
    fx.rates.forEach((r, i) => {
      if (r.from === r.to) {
        ctx.addIssue({
          code: "custom",
          path: ["rates", i, "to"],
          message: `A rate from ${r.from} to itself is never used: the same currency needs no conversion`,
          params: { code: "fx-same-currency" },
        });
      }
      if (fx.policy === "fixed" && r.date !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["rates", i, "date"],
          message: `Under the fixed policy a rate has no date (the one rate of ${r.from}→${r.to} applies to the whole term)`,
          params: { code: "fx-rate-dated" },
        });
      }
      if (fx.policy === "cycle-end" && r.date === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["rates", i, "date"],
          message: `Under the cycle-end policy every rate has a date; ${r.from}→${r.to} has none`,
          params: { code: "fx-rate-undated" },
        });
      }
      const key = fx.policy === "fixed" ? `${r.from}→${r.to}` : `${r.from}→${r.to} on ${r.date ?? "?"}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["rates", i],
          message: `Rate ${key} is given twice (rates ${earlier} and ${i}); which one applies would be ambiguous`,
          params: { code: "fx-rate-duplicate" },
        });
      } else {
        seen.set(key, i);
      }
    });
  });

/** A parsed FX table. */
export type FxTable = z.output<typeof fxSchema>;
/** An FX table as accepted on input (rates may be numbers). */
export type FxTableInput = z.input<typeof fxSchema>;

/** The rate `selectRate` chose: the pair, the rate, and its date (absent for `fixed` and same-currency). */
export interface FxRateSelection {
  readonly from: string;
  readonly to: string;
  readonly rate: DecimalString;
  readonly date?: DateString;
}

/**
 * Picks the exchange rate for converting `from` to `to` on a day (SPEC §6.4): under `cycle-end`
 * the latest rate of the pair dated on or before `onDate`; under `fixed` the pair's one undated
 * rate. The inverse rate is never derived, and a missing rate is never taken as 1. The same
 * currency needs no rate and gives `"1"` without a lookup.
 *
 * @param fx - a parsed FX table
 * @param from - the facts' currency
 * @param to - the currency wanted
 * @param onDate - the day the rate must apply to (a cycle's last day)
 * @returns `{ from, to, rate, date? }`
 * @throws {@link KpiContractError} `fx-rate-missing` naming the pair and the date (params
 *   `{ from, to, date }`); `arguments-invalid` for a table `fxSchema` refuses (or one with a rate
 *   not written as a decimal string), a currency that is not a string or a date that is not one
 * @example
 * ```ts
 * const fx = fxSchema.parse({ policy: "cycle-end", rates: [{ from: "EUR", to: "USD", rate: "1.0850", date: "2026-03-31" }] });
 * selectRate(fx, "EUR", "USD", "2026-04-30"); // { from: "EUR", to: "USD", rate: "1.0850", date: "2026-03-31" }
 * selectRate(fx, "USD", "EUR", "2026-04-30"); // throws fx-rate-missing (no inverse is derived)
 * ```
 */
export function selectRate(fx: FxTable, from: string, to: string, onDate: DateString): FxRateSelection {
  if (
    !CHECKED_TABLES.has(fx) ||
    typeof from !== "string" ||
    typeof to !== "string" ||
    !isDateString(onDate)
  ) {
    checkSelectRateArguments(fx, from, to, onDate);
  }
  if (from === to) return { from, to, rate: "1" };
  let best: FxRate | undefined;
  for (const r of fx.rates) {
    if (r.from !== from || r.to !== to) continue;
    if (fx.policy === "fixed") {
      // fxSchema allows no dated rate under `fixed`; one added to a checked table is not taken.
      if (r.date === undefined) return chosen(fx, from, to, onDate, r);
      continue;
    }
    if (r.date !== undefined && r.date <= onDate && (best?.date === undefined || r.date > best.date))
      best = r;
  }
  if (best?.date === undefined) {
    const when = fx.policy === "fixed" ? "(fixed policy)" : `dated on or before ${onDate}`;
    throw new KpiContractError(
      "fx-rate-missing",
      `No ${from}→${to} exchange rate ${when}; add one to the FX table (inverse rates are never derived)`,
      { from, to, date: onDate },
    );
  }
  return chosen(fx, from, to, onDate, best);
}

/**
 * The selection of `rate`, whose text is checked again: a checked table is not checked on every
 * call, so a rate changed to a number or an object afterwards is refused here.
 */
function chosen(fx: FxTable, from: string, to: string, onDate: DateString, rate: FxRate): FxRateSelection {
  if (!isDecimalString(rate.rate)) {
    CHECKED_TABLES.delete(fx);
    checkSelectRateArguments(fx, from, to, onDate);
  }
  return rate.date === undefined
    ? { from, to, rate: rate.rate }
    : { from, to, rate: rate.rate, date: rate.date };
}

/** FX tables {@link selectRate} has checked: parsed tables are read many times, and checked once. */
const CHECKED_TABLES = new WeakSet<object>();

/** A parsed table's rates are decimal strings (fxSchema also takes numbers and converts them). */
const ratesWritten = z.custom<unknown>((t) => {
  const rates = (t as { rates?: unknown } | null)?.rates;
  return (
    !Array.isArray(rates) || rates.every((r) => typeof (r as { rate?: unknown } | null)?.rate === "string")
  );
}, "Expected a parsed FX table: every rate a decimal string");
const currencyArgument = z.string({ error: "Expected a currency code" });

/** What {@link selectRate} reads, checked with paths; a table that passes is remembered. */
function checkSelectRateArguments(fx: unknown, from: unknown, to: unknown, onDate: unknown): void {
  checkArguments("selectRate", [
    ["fx", fxSchema, fx],
    ["fx", ratesWritten, fx],
    ["from", currencyArgument, from],
    ["to", currencyArgument, to],
    ["onDate", dateSchema, onDate],
  ]);
  CHECKED_TABLES.add(fx as object);
}
