import * as z from "zod";
import { describeInput, nonNegativeDecimalSchema } from "../../values/decimal.js";

type KnobValue = string | number | boolean;

/**
 * A scope knob with a closed list of values, the first being the library default (SPEC §3 lists
 * the default first). A bad value is refused with a message naming the knob and the allowed values.
 *
 * @internal
 */
export function choiceKnob<const T extends readonly [KnobValue, ...KnobValue[]]>(knob: string, values: T) {
  const allowed = values.map((v) => JSON.stringify(v)).join(", ");
  return z
    .literal(values, {
      error: (iss) => `Knob "${knob}" must be one of ${allowed}; received ${describeInput(iss.input)}`,
    })
    .default(values[0] as Exclude<T[number], undefined>);
}

/**
 * The optional `minSample` knob of ratio KPIs: a minimum denominator, in the denominator's own
 * unit (orders, reviews, clicks, money), below which the value is `insufficient-data`.
 *
 * @internal
 */
export const minSampleKnob = nonNegativeDecimalSchema
  .optional()
  .meta({ description: "Minimum denominator below which the value is null with reason insufficient-data" });

/** The attribution window knob: any key of `ads.attributed`, `14d` by default. */
export const attributionWindowKnob = z
  .string({ error: (iss) => windowMessage(iss.input) })
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, { error: (iss) => windowMessage(iss.input) })
  .default("14d");

function windowMessage(input: unknown): string {
  return `Knob "attributionWindow" must be a key of ads.attributed such as "14d" or "7d" (lower-case letters, digits and -); received ${describeInput(input)}`;
}
