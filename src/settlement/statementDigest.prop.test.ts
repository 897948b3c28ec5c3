import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { canonicalText, digestOfCanonicalParts, digestPrefix, statementDigest } from "./statementDigest.js";

/** JSON values with decimal-looking strings, id-like keys, nesting and odd characters. */
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom("1500.00", "-0.0", "0.10", "2026.10", "12", 'é\u2028"\\'),
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom("id", "amount", "store", "stores", "name", "b", "a", "é", "\u00e9t"),
        fc.string(),
      ),
      tie("value"),
      { maxKeys: 5 },
    ),
  ),
})).value;

describe("digestOfCanonicalParts", () => {
  fcTest.prop([json, json, json, json, json], { numRuns: 300 })(
    "splicing pre-canonicalised parts gives the digest of the whole (RFC 8785 via canonicalize)",
    (contract, cycle, facts, history, options) => {
      const whole = statementDigest({ contract, input: { cycle, facts, history }, options });
      const prefix = digestPrefix(canonicalText(contract));
      const parts = {
        cycle: canonicalText(cycle),
        facts: canonicalText(facts),
        history: canonicalText(history),
        options: canonicalText(options),
      };
      expect(digestOfCanonicalParts(prefix, parts)).toBe(whole);
      // The kept prefix is cloned, never consumed: a second use gives the same digest.
      expect(digestOfCanonicalParts(prefix, parts)).toBe(whole);
    },
  );

  fcTest.prop([fc.string({ unit: "grapheme", minLength: 1500, maxLength: 3000 }), json], { numRuns: 20 })(
    "long texts, multi-byte ones included, grow the reused buffer and still hash as the whole",
    (long, contract) => {
      const prefix = digestPrefix(canonicalText(contract));
      const small = { cycle: "1", facts: "[]", history: "[]", options: "{}" };
      const before = digestOfCanonicalParts(prefix, small);
      const parts = {
        cycle: "1",
        facts: "[]",
        history: canonicalText([long]),
        options: canonicalText({ long }),
      };
      const whole = statementDigest({
        contract,
        input: { cycle: 1, facts: [], history: [long] },
        options: { long },
      });
      expect(digestOfCanonicalParts(prefix, parts)).toBe(whole);
      // The buffers kept between calls leave nothing behind for a shorter text.
      expect(digestOfCanonicalParts(prefix, small)).toBe(before);
    },
  );
});
