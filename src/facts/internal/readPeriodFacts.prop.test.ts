/**
 * Invariant: the fast reader of period facts never disagrees with the facts schema. For any input,
 * either it declines (undefined) or the schema accepts the input too and parses it to the same
 * object, key order included (the same JSON text). On well-formed facts it must not decline.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodFactsArbitrary } from "../../testing/arbitraries.js";
import { copyPooled, poolFacts } from "../poolFacts.js";
import { periodFactsSchema } from "../schema.js";
import { isPooledForm, readPeriodFacts } from "./readPeriodFacts.js";

function agreesWithSchema(input: unknown): void {
  const fast = readPeriodFacts(input);
  if (fast === undefined) return;
  const parsed = periodFactsSchema.safeParse(input);
  expect(parsed.success).toBe(true);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
  expect(fast).toStrictEqual(parsed.data);
}

/** A value the schema may or may not accept in a fact field's place. */
const junk = fc.oneof(
  fc.constantFrom(
    "1e3",
    "1,000.00",
    "-0",
    "-0.00",
    "-1",
    "+1",
    " 1",
    "",
    "0",
    "12.50",
    -0,
    -1,
    1.5,
    0.1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    null,
    true,
    [],
    {},
  ),
  fc.integer({ min: 0, max: 1000 }),
  fc.string({ maxLength: 6 }),
);

/** Takes valid facts and breaks one spot: a field, a key, a group, a date, the currency. */
const damaged = fc
  .tuple(periodFactsArbitrary(), fc.nat(), junk, fc.constantFrom("value", "key", "group", "top"))
  .map(([facts, pick, value, how]) => {
    const copy = structuredClone(facts) as Record<string, unknown>;
    const groups = Object.keys(copy).filter((k) => typeof copy[k] === "object" && copy[k] !== null);
    const group = groups[pick % Math.max(groups.length, 1)];
    const target = group === undefined ? copy : (copy[group] as Record<string, unknown>);
    const keys = Object.keys(target);
    const key = keys[pick % Math.max(keys.length, 1)] ?? "x";
    if (how === "value") target[key] = value;
    else if (how === "key") target[`${key}X`] = value;
    else if (how === "group" && group !== undefined) copy[group] = value;
    else copy[["store", "period", "currency", "sales", "extra"][pick % 5] as string] = value;
    return copy;
  });

describe("readPeriodFacts (fast path of the facts schema)", () => {
  it("reads every well-formed facts record, exactly as the schema parses it", () => {
    fc.assert(
      fc.property(periodFactsArbitrary(), (facts) => {
        const input = JSON.parse(JSON.stringify(facts));
        expect(readPeriodFacts(input)).toBeDefined();
        agreesWithSchema(input);
      }),
      { numRuns: 300 },
    );
  });

  it("never accepts what the schema refuses, nor reads it differently", () => {
    fc.assert(fc.property(damaged, agreesWithSchema), { numRuns: 2000 });
  });

  it("declines inputs the schema converts or checks itself", () => {
    const base = {
      store: "us",
      period: { start: "2026-03-01", end: "2026-03-31" },
      currency: "USD",
    };
    const declined: unknown[] = [
      null,
      [],
      "facts",
      new Map(),
      { ...base, sales: { gross: 46000 } },
      { ...base, sales: { refunds: "1.00", gross: 46000 } },
      { ...base, ads: { attributed: { "14d": { sales: 5 } } } },
      { ...base, sales: { gross: "-0.00" } },
      { ...base, sales: { orders: -0 } },
      { ...base, sales: { orders: undefined } },
      { ...base, sales: undefined },
      { ...base, store: "" },
      { ...base, currency: "XYZ" },
      { ...base, period: { start: "2026-03-31", end: "2026-03-01" } },
      { ...base, period: { start: "2026-02-30", end: "2026-03-01" } },
      { ...base, ads: { attributed: { "7D": { sales: "1" } } } },
      { ...base, reviews: { byStars: { "6": 1 } } },
      { ...base, extra: 1 },
      { period: base.period, currency: "USD", sales: { gross: "1" }, ["__proto__"]: { polluted: true } },
      JSON.parse('{"period":{"start":"2026-03-01","end":"2026-03-31"},"currency":"USD","__proto__":{"x":1}}'),
      { store: "us", currency: "USD" },
      { store: "us", period: base.period },
    ];
    for (const input of declined) {
      expect(readPeriodFacts(input)).toBeUndefined();
      agreesWithSchema(input);
    }
  });

  it("copies in the schema's key order, not the input's", () => {
    const input = {
      reviews: { byStars: { "5": 3, "1": 1 } },
      ads: { attributed: { "14d": { orders: 2, sales: "5.00" } }, spend: "1.00" },
      sales: { refunds: "1.00", gross: "10.00" },
      currency: "EUR",
      period: { end: "2026-03-31", start: "2026-03-01" },
      store: "de",
    };
    expect(JSON.stringify(readPeriodFacts(input))).toBe(
      '{"store":"de","period":{"start":"2026-03-01","end":"2026-03-31"},"currency":"EUR",' +
        '"sales":{"gross":"10.00","refunds":"1.00"},"ads":{"spend":"1.00","attributed":{"14d":{"sales":"5.00","orders":2}}},' +
        '"reviews":{"byStars":{"1":1,"5":3}}}',
    );
    agreesWithSchema(input);
  });

  it("leaves facts to the schema while Object.prototype has an enumerable property", () => {
    const input = JSON.parse(
      '{"store":"us","period":{"start":"2026-03-01","end":"2026-03-31"},"currency":"USD","sales":{"gross":"10.00"}}',
    );
    expect(readPeriodFacts(input)).toBeDefined();
    const proto = Object.prototype as Record<string, unknown>;
    // A field's own name: read from the prototype by for…in, it would land in the facts.
    proto.tax = "1.00";
    try {
      expect(readPeriodFacts(input)).toBeUndefined();
      expect(readPeriodFacts(Object.assign(Object.create(null), input))).toBeUndefined();
    } finally {
      delete proto.tax;
    }
    expect(readPeriodFacts(input)).toStrictEqual(periodFactsSchema.parse(input));
  });

  it("reads a non-enumerable own field as the schema does (for…in does not list it)", () => {
    const base = { store: "us", period: { start: "2026-03-01", end: "2026-03-31" }, currency: "USD" };
    const hidden = <T extends object>(object: T, key: string, value: unknown): T =>
      Object.defineProperty(object, key, { value, enumerable: false });
    const inputs = [
      { ...base, sales: hidden({ orders: 4 }, "gross", "100.00") },
      { ...base, sales: hidden({ orders: 4, refunds: "1.00" }, "gross", "100.00") },
      { ...base, reviews: { byStars: hidden({ "1": 2 }, "5", 7) } },
      { ...base, ads: { attributed: { "14d": hidden({ orders: 1 }, "sales", "5.00") } } },
      hidden({ ...base }, "sales", { gross: "100.00" }),
      hidden({ period: base.period, currency: "USD" }, "store", "us"),
    ];
    for (const input of inputs) agreesWithSchema(input);
    expect(readPeriodFacts(inputs[0])?.sales?.gross).toBe("100.00");
    // Even with a non-enumerable field of that name on Object.prototype (which for…in skips too).
    Object.defineProperty(Object.prototype, "gross", {
      value: "9.99",
      enumerable: false,
      writable: true,
      configurable: true,
    });
    try {
      expect(readPeriodFacts(inputs[0])?.sales?.gross).toBe("100.00");
    } finally {
      delete (Object.prototype as Record<string, unknown>).gross;
    }
    expect(readPeriodFacts(inputs[2])?.reviews?.byStars?.["5"]).toBe(7);
  });

  it("keeps its notes of an outer record while a getter reads other facts", () => {
    const other = JSON.parse(
      '{"period":{"start":"2026-03-01","end":"2026-03-31"},"currency":"USD","sales":{"gross":"2.00"}}',
    );
    const input = {
      period: { start: "2026-03-01", end: "2026-03-31" },
      currency: "USD",
      sales: {
        gross: "1.5",
        get tax() {
          readPeriodFacts(other);
          return "2.00";
        },
      },
    };
    // "1.5" has one digit, not the dollar's two: pooling must write it again.
    expect(isPooledForm(readPeriodFacts(input) as never)).toBe(false);
    expect(poolFacts([input]).sales?.gross).toBe("1.50");
  });

  it("reads a group in one pass when its keys come in the schema's order, and by field otherwise", () => {
    fc.assert(
      fc.property(periodFactsArbitrary(), fc.boolean(), (facts, reverse) => {
        // The same facts with every object's keys reversed: the other path, the same result.
        const reorder = (value: unknown): unknown => {
          if (value === null || typeof value !== "object") return value;
          const entries = Object.entries(value).map(([k, v]) => [k, reorder(v)] as const);
          return Object.fromEntries(reverse ? entries.reverse() : entries);
        };
        const input = reorder(JSON.parse(JSON.stringify(facts)));
        expect(readPeriodFacts(input)).toBeDefined();
        agreesWithSchema(input);
      }),
      { numRuns: 300 },
    );
  });

  it("marks only records that pooling would copy unchanged", () => {
    let marked = 0;
    let unmarked = 0;
    fc.assert(
      fc.property(periodFactsArbitrary(), fc.boolean(), (facts, shuffled) => {
        const text = JSON.stringify(facts);
        // Keys in another order take the reader's other paths, which must mark alike.
        const input = shuffled ? JSON.parse(text, (_, v) => reversed(v)) : JSON.parse(text);
        const read = readPeriodFacts(input) as NonNullable<ReturnType<typeof readPeriodFacts>>;
        const copy = copyPooled(read);
        if (isPooledForm(read)) {
          marked++;
          expect(JSON.stringify(copy)).toBe(JSON.stringify(read));
          expect(copy).toStrictEqual(read);
        } else {
          unmarked++;
        }
      }),
      { numRuns: 1000 },
    );
    // Both kinds occur: the test is not vacuous.
    expect(marked).toBeGreaterThan(50);
    expect(unmarked).toBeGreaterThan(50);
  });

  it("does not mark money with other digits than the currency's, unsorted windows, or the schema's output", () => {
    const base = { store: "us", period: { start: "2026-03-01", end: "2026-03-31" }, currency: "USD" };
    const pooledForm = (input: unknown) => isPooledForm(readPeriodFacts(input) as never);
    expect(pooledForm({ ...base, sales: { gross: "46000.00", refunds: "1840.00" } })).toBe(true);
    expect(pooledForm({ ...base, reviews: { byStars: { "1": 2 } } })).toBe(true);
    expect(pooledForm({ ...base, sales: { gross: "46000", refunds: "1840.00" } })).toBe(false);
    expect(pooledForm({ ...base, sales: { gross: "46000.5" } })).toBe(false);
    expect(pooledForm({ ...base, sales: { gross: "46000.00", refunds: "1840" } })).toBe(false);
    // More digits than the currency's: pooling writes "1.500" as "1.50".
    expect(pooledForm({ ...base, sales: { gross: "1.500" } })).toBe(false);
    expect(poolFacts([{ ...base, sales: { gross: "1.500" } }]).sales?.gross).toBe("1.50");
    expect(pooledForm({ ...base, currency: "JPY", sales: { gross: "46000" } })).toBe(true);
    const windows = (a: string, b: string) => ({
      ...base,
      ads: { attributed: { [a]: { sales: "1.00" }, [b]: { sales: "2.00" } } },
    });
    expect(pooledForm(windows("14d", "7d"))).toBe(true);
    expect(pooledForm(windows("7d", "14d"))).toBe(false);
    // The schema's output (an amount given as a number) is copied by pooling, as before.
    const pooled = poolFacts([{ ...base, sales: { gross: 46000 } }]);
    expect(pooled.sales?.gross).toBe("46000.00");
  });
});

/** The same object with its keys in reverse order (arrays kept). */
function reversed(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).reverse());
}
