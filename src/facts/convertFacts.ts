import { D, type Dec } from "../internal/decimal.js";
import { refuse, toValidationIssues } from "../internal/issues.js";
import { minorUnits } from "../values/currency.js";
import { type DecimalString, describeInput, isDecimalString } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { FLAT_FIELDS, type FlatGroup } from "./internal/factFields.js";
import { formatFactMoney } from "./internal/factMoney.js";
import { safeParsePeriodFacts } from "./internal/readPeriodFacts.js";
import type { PeriodFacts, PeriodFactsInput } from "./schema.js";

type Mutable = Record<string, unknown>;

function convertGroup(
  group: Readonly<Record<string, unknown>>,
  fields: Readonly<Record<string, "money" | "count">>,
  rate: Dec,
  to: string,
): Mutable {
  const out: Mutable = { ...group };
  for (const [field, kind] of Object.entries(fields)) {
    const value = group[field];
    if (kind === "money" && typeof value === "string") out[field] = formatFactMoney(rate.times(value), to);
  }
  return out;
}

/**
 * Converts period facts to another currency: every money field is multiplied by `rate` exactly
 * (products never round, whatever their length); counts
 * are unchanged. Nothing is rounded to the target's minor unit, because facts are inputs: rounding
 * converted facts first and computing a fee from them would round twice, and pooled stores would
 * each carry their own rounding error. Money is rounded once, on the fee line (SPEC §1.2).
 *
 * @param facts - period facts (validated: numbers in decimal fields are converted exactly)
 * @param to - the target ISO 4217 code
 * @param rate - units of `to` per unit of `facts.currency`, a positive decimal string
 * @returns new facts in `to` (the input is not changed)
 * @throws {@link KpiContractError} `facts-invalid` (each issue with its path); `currency-unknown` for an unknown `to`; `fx-rate-invalid` when the
 *   rate is not a positive decimal string, or is not 1 while `to` is the facts' own currency
 * @example
 * ```ts
 * convertFacts(eurFacts, "USD", "1.0850").sales?.gross; // "49910.00" for a gross of "46000.00"
 * ```
 */
export function convertFacts(facts: PeriodFactsInput, to: string, rate: DecimalString): PeriodFacts {
  const parsed = safeParsePeriodFacts(facts);
  if (!parsed.success) refuse("facts-invalid", "Invalid facts", toValidationIssues(parsed.error));
  return convertParsedFacts(parsed.data, to, rate);
}

/**
 * {@link convertFacts} on facts already parsed (the library's own callers, after their boundary).
 *
 * @internal
 */
export function convertParsedFacts(facts: PeriodFacts, to: string, rate: DecimalString): PeriodFacts {
  minorUnits(to);
  if (!isDecimalString(rate) || !new D(rate).gt(0)) {
    throw new KpiContractError(
      "fx-rate-invalid",
      `An exchange rate is a positive decimal string, received ${describeInput(rate)}`,
      {
        rate,
      },
    );
  }
  const r = new D(rate);
  if (facts.currency === to) {
    if (!r.eq(1)) {
      throw new KpiContractError(
        "fx-rate-invalid",
        `Facts are already in ${to}; converting them at ${rate} instead of 1 would change every amount`,
        { rate, from: facts.currency, to },
      );
    }
    return { ...facts };
  }
  const out: Mutable = { ...facts, currency: to };
  for (const group of Object.keys(FLAT_FIELDS) as FlatGroup[]) {
    const value = facts[group];
    if (value !== undefined) out[group] = convertGroup(value, FLAT_FIELDS[group], r, to);
  }
  const attributed = facts.ads?.attributed;
  if (attributed !== undefined) {
    const windows: Mutable = {};
    for (const [window, figures] of Object.entries(attributed)) {
      windows[window] = convertGroup(figures, { sales: "money", orders: "count" }, r, to);
    }
    (out.ads as Mutable).attributed = windows;
  }
  return out as PeriodFacts;
}
