import * as z from "zod";
import { CURRENCY_CODES } from "../values/currency.js";
import { periodFactsSchema } from "./schema.js";

/** A JSON Schema document, as plain JSON data. */
export type JsonSchema = { readonly [key: string]: unknown };

/** Non-negative decimal strings as the facts schema accepts them ("-0" is zero, so it is accepted). */
const NON_NEGATIVE_DECIMAL = "^(-?0(\\.0+)?|(0|[1-9][0-9]*)(\\.[0-9]+)?)$";
const DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

type Node = Record<string, unknown>;

/**
 * zod renders a decimal input (a string checked inside a transform, or a number) as
 * `type: ["string", "number"]`; spell out what is accepted instead.
 */
function rewrite(node: unknown, key: string | undefined): unknown {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, undefined));
  if (typeof node !== "object" || node === null) return node;
  const n = node as Node;
  const type = n.type;
  if (Array.isArray(type) && type.length === 2 && type.includes("string") && type.includes("number")) {
    const { type: _, ...rest } = n;
    return {
      ...rest,
      anyOf: [
        { type: "string", pattern: NON_NEGATIVE_DECIMAL, description: 'A decimal string such as "1234.50"' },
        {
          type: "number",
          minimum: 0,
          description: "A finite number, converted exactly from its shortest text",
        },
      ],
    };
  }
  const out: Node = {};
  for (const [k, v] of Object.entries(n)) out[k] = k === "properties" ? rewriteProperties(v) : rewrite(v, k);
  // The codes the runtime knows, as the contract schema lists them: "XXX" fails here too.
  if (key === "currency") {
    return { ...out, enum: [...CURRENCY_CODES], description: "An active ISO 4217 code" };
  }
  return out;
}

function rewriteProperties(properties: unknown): unknown {
  if (typeof properties !== "object" || properties === null) return properties;
  const out: Node = {};
  for (const [name, schema] of Object.entries(properties)) {
    if ((name === "start" || name === "end") && (schema as Node).type === "string") {
      out[name] = {
        type: "string",
        format: "date",
        pattern: DATE,
        description: "A calendar date YYYY-MM-DD",
      };
    } else {
      out[name] = rewrite(schema, name);
    }
  }
  return out;
}

/**
 * The JSON Schema (draft 2020-12) of period facts as accepted on input (SPEC §2), for ERPs written
 * in other languages. Generated from the zod schema; decimals appear as a string with a pattern or
 * a non-negative number, dates with a pattern. A few rules are only checked by the library (a real
 * calendar date, `end` not before `start`, an active ISO 4217 code).
 *
 * @returns a new JSON Schema object
 * @example
 * ```ts
 * const schema = factsJsonSchema();
 * schema.$schema; // "https://json-schema.org/draft/2020-12/schema"
 * ```
 */
export function factsJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(periodFactsSchema, { io: "input", target: "draft-2020-12" });
  return {
    ...(rewrite(generated, undefined) as Node),
    title: "PeriodFacts",
    description:
      "Aggregated figures of one store (or pooled stores) for one period. Every group and field is optional; money is in `currency`.",
  };
}
