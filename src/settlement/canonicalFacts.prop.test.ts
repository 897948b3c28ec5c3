import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { periodFactsSchema } from "../facts/schema.js";
import { periodFactsArbitrary } from "../testing/arbitraries.js";
import { canonicalFacts, canonicalFactsList, canonicalPeriod } from "./canonicalFacts.js";
import { canonicalJson } from "./normalizeDecimals.js";

/** Window keys as the schema takes them, including ones that read like ids or numbers. */
const windowKeys = fc.uniqueArray(
  fc.oneof(
    fc.constantFrom("7d", "14d", "1d-view", "id", "name", "kind", "10", "2"),
    fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,5}$/),
  ),
  { maxLength: 4 },
);

/** Store ids with quotes, escapes, astral characters and digits. */
const storeIds = fc.option(
  fc.oneof(fc.constantFrom("1.50", 'a"b', "a\\b", "\u2028", "店铺-𝒜", "0"), fc.string({ minLength: 1 })),
  { nil: undefined },
);

/** Parsed facts whose money may be written in any valid way (trailing zeros, no fraction). */
const parsedFacts = fc
  .tuple(
    windowKeys.chain((windows) => periodFactsArbitrary({ windows, store: null })),
    storeIds,
    fc.constantFrom("", "0", "00"),
  )
  .map(([facts, store, pad]) =>
    periodFactsSchema.parse(
      JSON.parse(JSON.stringify({ ...facts, ...(store === undefined ? {} : { store }) }), (_key, value) =>
        typeof value === "string" && /^[0-9]+\.[0-9]+$/.test(value) ? `${value}${pad}` : value,
      ),
    ),
  );

describe("canonicalFacts", () => {
  fcTest.prop([parsedFacts])("writes what canonicalJson writes, byte for byte", (facts) => {
    expect(canonicalFacts(facts)).toBe(canonicalJson(facts));
  });

  fcTest.prop([fc.array(parsedFacts, { maxLength: 4 })])("a list is the canonical JSON array", (list) => {
    expect(canonicalFactsList(list)).toBe(canonicalJson(list));
  });

  fcTest.prop([parsedFacts])("a period alone is written as canonicalJson writes it", (facts) => {
    expect(canonicalPeriod(facts.period)).toBe(canonicalJson(facts.period));
  });
});

describe("canonicalFacts refuses what cannot be hashed, as the general writer does", () => {
  const facts = (orders: unknown) =>
    ({
      period: { start: "2026-03-01", end: "2026-03-31" },
      currency: "USD",
      sales: { gross: "10.00", orders },
    }) as unknown as Parameters<typeof canonicalFacts>[0];

  test.each([NaN, Infinity, -Infinity, 10n])("a count of %s", (orders) => {
    expect(() => canonicalFacts(facts(orders))).toThrow(/cannot be part of the hashed settlement input/);
  });

  test("a count of -0 is written 0, as JSON writes it", () => {
    expect(canonicalFacts(facts(-0))).toBe(canonicalJson(facts(0)));
  });
});
