/**
 * Invariant: the one-pass canonical writer gives exactly the text of `canonicalize` (RFC 8785)
 * applied to `normalizeDecimals` of the same value, for any JSON-like value: the digest of a
 * statement does not depend on which of the two wrote it.
 */
import { test as fcTest } from "@fast-check/vitest";
import canonicalize from "canonicalize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KpiContractError } from "../values/KpiContractError.js";
import { canonicalJson, normalizeDecimals } from "./normalizeDecimals.js";

const reference = (value: unknown) => canonicalize(normalizeDecimals(value));

/** JSON-like values with decimal strings, verbatim keys, undefined members and odd characters. */
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom("1500.00", "-0.0", "0.10", "2026.10", "12", "-3.500", 'é\u2028"\\', "\ud83d\ude00"),
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(-0, 0.1, 1e21, 5e-7),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom(
          "id",
          "amount",
          "store",
          "stores",
          "currency",
          "usedFor",
          "b",
          "a",
          "é",
          "\u00e9t",
          "B",
          "10",
          "9",
        ),
        fc.string(),
      ),
      tie("value"),
      { maxKeys: 6 },
    ),
  ),
})).value;

describe("canonicalJson", () => {
  fcTest.prop([value], { numRuns: 1000 })("writes what canonicalize(normalizeDecimals(x)) writes", (x) => {
    expect(canonicalJson(x)).toBe(reference(x));
  });

  fcTest.prop(
    [
      fc.dictionary(fc.string({ unit: "binary", maxLength: 4 }), fc.oneof(fc.integer(), fc.string()), {
        minKeys: 0,
        maxKeys: 40,
      }),
    ],
    { numRuns: 500 },
  )("sorts any number of keys by UTF-16 code units, few or many", (x) => {
    expect(canonicalJson(x)).toBe(reference(x));
  });

  it("matches on the edge cases: a __proto__ member, undefined items and members, -0", () => {
    const cases: unknown[] = [
      JSON.parse('{"a":"1.50","__proto__":{"x":"2.0"},"b":[1,"2.00"]}'),
      JSON.parse('{"__proto__":"3.10","id":"0.50"}'),
      { a: undefined, b: [undefined, "0.0"], c: -0 },
      ["1.0", { stores: ["1.0"], amount: "1.0" }],
      undefined,
      "-0.00",
      {},
      [],
    ];
    for (const c of cases) expect(canonicalJson(c)).toBe(reference(c));
    expect(canonicalJson({ id: "0.50", amount: "0.50" })).toBe('{"amount":"0.5","id":"0.50"}');
  });

  it("refuses what cannot be hashed, as normalizeDecimals does", () => {
    for (const bad of [
      { a: () => 1 },
      [Symbol("s")],
      { n: 10n },
      { x: Number.NaN },
      [Number.POSITIVE_INFINITY],
    ]) {
      expect(() => canonicalJson(bad)).toThrow(KpiContractError);
      expect(() => normalizeDecimals(bad)).toThrow(KpiContractError);
    }
  });
});
