import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS } from "../testing/specExampleFacts.js";
import { factsJsonSchema } from "./jsonSchema.js";

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat("date", /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/);
const validate = ajv.compile(factsJsonSchema());

/** Walks down a JSON object by keys. */
function at(node: unknown, ...keys: string[]): unknown {
  return keys.reduce((n, k) => (n as Record<string, unknown>)[k], node);
}

describe("factsJsonSchema", () => {
  test("is draft 2020-12 and describes decimals as a pattern string or a non-negative number", () => {
    const schema = factsJsonSchema();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const gross = at(schema, "properties", "sales", "properties", "gross") as { anyOf: unknown };
    expect(gross.anyOf).toEqual([
      expect.objectContaining({ type: "string", pattern: expect.any(String) }),
      expect.objectContaining({ type: "number", minimum: 0 }),
    ]);
    expect(at(schema, "properties", "period", "properties", "start")).toMatchObject({
      type: "string",
      format: "date",
    });
    // The codes the runtime knows, as the contract schema lists them.
    const currency = at(schema, "properties", "currency") as { type: string; enum: string[] };
    expect(currency.type).toBe("string");
    expect(currency.enum).toContain("USD");
    expect(currency.enum).toContain("JPY");
    expect(currency.enum).not.toContain("XXX");
  });

  test("accepts the SPEC §2 example and numbers in decimal fields", () => {
    expect(validate(SPEC_EXAMPLE_FACTS)).toBe(true);
    // A well-formed code the runtime refuses is refused by the JSON Schema too.
    expect(validate({ ...SPEC_EXAMPLE_FACTS, currency: "XXX" })).toBe(false);
    expect(validate({ ...SPEC_EXAMPLE_FACTS, sales: { gross: 46000.5 } })).toBe(true);
    expect(validate({ ...SPEC_EXAMPLE_FACTS, ads: { attributed: { "1d-view": { sales: "1.00" } } } })).toBe(
      true,
    );
  });

  test.each([
    ["an exponent", { sales: { gross: "1e3" } }],
    ["a negative amount", { sales: { gross: "-5.00" } }],
    ["a thousands separator", { sales: { gross: "1,000.00" } }],
    ["an unknown field", { sales: { revenue: "1.00" } }],
    ["a fractional count", { sales: { orders: 1.5 } }],
    ["an upper-case window", { ads: { attributed: { "14D": { sales: "1" } } } }],
    ["a sixth star", { reviews: { byStars: { "6": 1 } } }],
  ])("refuses %s", (_, patch) => {
    expect(validate({ ...SPEC_EXAMPLE_FACTS, ...patch })).toBe(false);
  });

  test("returns a fresh object each time", () => {
    expect(factsJsonSchema()).not.toBe(factsJsonSchema());
    expect(factsJsonSchema()).toEqual(factsJsonSchema());
  });
});
