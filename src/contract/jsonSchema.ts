import * as z from "zod";
import type { JsonSchema } from "../facts/jsonSchema.js";
import { weightSchema } from "../targets/target.js";
import { CURRENCY_CODES, currencySchema } from "../values/currency.js";
import { decimalSchema, nonNegativeDecimalSchema } from "../values/decimal.js";
import { timeZoneSchema } from "../values/localDate.js";
import { dateSchema } from "../values/period.js";
import { ratioSchema } from "../values/ratio.js";
import { contractSchema } from "./schema.js";

export type { JsonSchema };

const DECIMAL = "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$";
/** Zero or more; "-0" and "-0.00" are zero. */
const NON_NEGATIVE = "^((0|[1-9][0-9]*)(\\.[0-9]+)?|-0(\\.0+)?)$";
const RATIO = "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?%?$";

/**
 * What the JSON Schema says for the value schemas whose zod form is a transform or a refinement
 * (so `z.toJSONSchema` alone would only say "string or number").
 */
function replacements(): Map<unknown, Record<string, unknown>> {
  const decimal = {
    description:
      'A decimal: a string such as "1234.50" (no exponent, separators or "+"), or a finite number.',
    anyOf: [{ type: "string", pattern: DECIMAL }, { type: "number" }],
  };
  const ratio = {
    description: 'A ratio: a fraction such as "0.22" or 0.22, or a percent string such as "22%".',
    anyOf: [{ type: "string", pattern: RATIO }, { type: "number" }],
  };
  return new Map<unknown, Record<string, unknown>>([
    [decimalSchema, decimal],
    [
      nonNegativeDecimalSchema,
      {
        description: 'A decimal of zero or more: a string such as "1500.00", or a finite number.',
        anyOf: [
          { type: "string", pattern: NON_NEGATIVE },
          { type: "number", minimum: 0 },
        ],
      },
    ],
    [ratioSchema, ratio],
    [weightSchema, ratio],
    [
      dateSchema,
      {
        description: "A calendar date YYYY-MM-DD that exists (2026-02-30 is refused by the parser).",
        type: "string",
        pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
        format: "date",
      },
    ],
    [
      timeZoneSchema,
      {
        description: "An IANA time zone name such as America/Los_Angeles or Asia/Singapore.",
        type: "string",
        minLength: 1,
      },
    ],
    [
      currencySchema,
      {
        description: "An active ISO 4217 currency code.",
        type: "string",
        enum: [...CURRENCY_CODES],
      },
    ],
  ]);
}

/**
 * A refinement of a value schema (`decimalSchema.refine(…)`) is a clone sharing its input schema:
 * find the value schema it was made from.
 */
function refinedFrom(schema: unknown, table: Map<unknown, unknown>): unknown {
  const input = (schema as { _zod?: { def?: { type?: string; in?: unknown } } })._zod?.def;
  if (input?.type !== "pipe" || input.in === undefined) return undefined;
  for (const known of table.keys()) {
    const def = (known as { _zod?: { def?: { type?: string; in?: unknown } } })._zod?.def;
    if (def?.type === "pipe" && def.in === input.in) return known;
  }
  return undefined;
}

function replaceInPlace(target: Record<string, unknown>, value: Record<string, unknown>): void {
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, structuredClone(value));
}

/**
 * The JSON Schema (draft 2020-12) of a contract as accepted on input (SPEC §9), for ERPs written in
 * other languages. Generated from the zod schema, with the decimal, ratio, date, currency and time
 * zone fields spelled out (string patterns or numbers, the ISO 4217 code list) since their zod
 * forms are transforms and refinements. Unknown keys are refused (`additionalProperties: false`).
 *
 * Some checks cannot be written in JSON Schema and are left to `parseContract`: dates that do not
 * exist (2026-02-30), `end ≥ start`, unique ids, references between targets and fee components,
 * tier order, and time zones the runtime does not know.
 *
 * @returns a fresh JSON Schema document (plain data; safe to mutate)
 * @example
 * ```ts
 * import Ajv2020 from "ajv/dist/2020.js";
 * const validate = new Ajv2020({ strict: false }).compile(contractJsonSchema());
 * validate(json); // true or false, with validate.errors
 * ```
 */
export function contractJsonSchema(): JsonSchema {
  const table = replacements();
  const schema = z.toJSONSchema(contractSchema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      const replacement = table.get(ctx.zodSchema) ?? table.get(refinedFrom(ctx.zodSchema, table));
      if (replacement !== undefined) replaceInPlace(ctx.jsonSchema as Record<string, unknown>, replacement);
    },
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: "https://kpi-contract.dev/schema/contract-1.json",
    title: "kpi-contract contract (schemaVersion 1)",
    description:
      "A KPI-based e-commerce operation contract: stores, targets, fee schedule. Structure only; parseContract adds the checks JSON Schema cannot express and validateContract the SMART rules.",
  };
}
