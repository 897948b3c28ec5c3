// Invariant: parse(serialise(x)) round-trips. A parsed contract or period facts record, written to JSON
// text and parsed again, gives the same value: nothing is lost or changed by serialising, so an ERP can
// store the parsed form and read it back. Parsing is also idempotent on what it produced.
import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { parseContract } from "../../src/contract/parseContract.js";
import { periodFactsSchema } from "../../src/facts/schema.js";
import { periodFactsArbitrary } from "../../src/testing/arbitraries.js";
import { contractArbitrary } from "../../src/testing/contractArbitrary.js";

const roundTrip = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe("parse(serialise(x)) round-trips", { timeout: 60_000 }, () => {
  test.prop([contractArbitrary()], { numRuns: 100 })("for contracts", (json) => {
    const parsed = parseContract(json);
    const again = parseContract(roundTrip(parsed));
    expect(again).toEqual(parsed);
    expect(JSON.stringify(again)).toBe(JSON.stringify(parsed));
  });

  test.prop([periodFactsArbitrary()], { numRuns: 500 })("for period facts", (facts) => {
    const parsed = periodFactsSchema.parse(roundTrip(facts));
    expect(parsed).toEqual(facts);
    expect(periodFactsSchema.parse(roundTrip(parsed))).toEqual(parsed);
  });
});
