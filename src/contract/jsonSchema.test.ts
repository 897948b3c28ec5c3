import { readdirSync, readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { cleanContract, targetOf } from "../../test/contract/smartTestKit.js";
import { contractJsonSchema } from "./jsonSchema.js";
import { safeParseContract } from "./parseContract.js";

const read = (url: URL) => JSON.parse(readFileSync(url, "utf8"));
const fixtureDir = new URL("../../test/fixtures/contracts/", import.meta.url);

const EXAMPLES: [string, unknown][] = [
  ["SPEC §8 worked contract", read(new URL("../../test/fixtures/worked/contract.json", import.meta.url))],
  [
    "examples/contracts/three-store.json",
    read(new URL("../../examples/contracts/three-store.json", import.meta.url)),
  ],
  ...readdirSync(fixtureDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f): [string, unknown] => [`test/fixtures/contracts/${f}`, read(new URL(f, fixtureDir))]),
  ["the clean test contract", cleanContract()],
];

function compile() {
  // Formats are not asserted by JSON Schema 2020-12 by default; the date pattern does the work.
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
  return ajv.compile(contractJsonSchema());
}

/** Every subschema of a JSON Schema document, with its JSON pointer. */
function nodes(schema: unknown, pointer = ""): [string, Record<string, unknown>][] {
  if (typeof schema !== "object" || schema === null) return [];
  const here: [string, Record<string, unknown>][] = Array.isArray(schema)
    ? []
    : [[pointer, schema as Record<string, unknown>]];
  return [...here, ...Object.entries(schema).flatMap(([k, v]) => nodes(v, `${pointer}/${k}`))];
}

describe("contractJsonSchema", () => {
  it("is a draft 2020-12 document that a strict validator compiles", () => {
    const schema = contractJsonSchema();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(() => compile()).not.toThrow();
  });

  it.each(EXAMPLES)("accepts %s, which the parser accepts too", (_name, contract) => {
    const validate = compile();
    expect(validate(contract), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(safeParseContract(contract).success).toBe(true);
  });

  it("refuses a typo'd key, like the parser", () => {
    const validate = compile();
    const c = cleanContract();
    targetOf(c, "acos").gaol = { atMost: "0.22" };
    expect(validate(c)).toBe(false);
    expect(validate.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          instancePath: "/targets/1",
          keyword: "additionalProperties",
          params: { additionalProperty: "gaol" },
        }),
      ]),
    );
    expect(safeParseContract(c).success).toBe(false);
  });

  it("spells out decimals, ratios, dates and currencies", () => {
    const validate = compile();
    const cases: [string, (c: ReturnType<typeof cleanContract>) => void, boolean][] = [
      ["amount as a number", (c) => (c.fees.components[0].amount = 1500), true],
      ["amount with an exponent", (c) => (c.fees.components[0].amount = "1e3"), false],
      ["amount with a separator", (c) => (c.fees.components[0].amount = "1,500.00"), false],
      ["negative amount", (c) => (c.fees.components[0].amount = "-1"), false],
      ["negative amount as a number", (c) => (c.fees.components[0].amount = -1), false],
      ["percent weight", (c) => (targetOf(c, "acos").weight = "50%"), true],
      ["percent goal", (c) => (targetOf(c, "acos").goal = { atMost: "22%" }), true],
      ["goal as words", (c) => (targetOf(c, "acos").goal = { atMost: "low" }), false],
      ["unknown currency", (c) => (c.fees.currency = "USX"), false],
      ["date with a slash", (c) => (c.term.start = "2026/01/01"), false],
      ["month 13", (c) => (c.term.start = "2026-13-01"), false],
      ["schemaVersion 2", (c) => (c.schemaVersion = 2), false],
    ];
    for (const [name, edit, ok] of cases) {
      const c = cleanContract();
      edit(c);
      expect(validate(c), name).toBe(ok);
    }
  });

  it("never leaves a transform as a bare string-or-number", () => {
    const loose = nodes(contractJsonSchema()).filter(([, n]) => {
      const type = n.type;
      return (
        Array.isArray(type) && type.includes("string") && type.includes("number") && n.pattern === undefined
      );
    });
    expect(loose.map(([p]) => p)).toEqual([]);
  });

  it("lists the ISO 4217 codes for currencies", () => {
    const currencies = nodes(contractJsonSchema()).filter(
      ([p, n]) => p.endsWith("/currency") && Array.isArray(n.enum),
    );
    expect(currencies.length).toBeGreaterThan(0);
    for (const [, n] of currencies)
      expect(n.enum).toEqual(expect.arrayContaining(["USD", "SGD", "GBP", "JPY", "KWD"]));
  });

  it("returns a fresh, identical document on every call", () => {
    const a = contractJsonSchema() as Record<string, unknown>;
    const text = JSON.stringify(a);
    a.title = "changed";
    expect(JSON.stringify(contractJsonSchema())).toBe(text);
  });
});
