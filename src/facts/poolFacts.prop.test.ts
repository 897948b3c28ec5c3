import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { D, quotient } from "../internal/decimal.js";
import { periodFactsArbitrary } from "../testing/arbitraries.js";
import { decimalStringArbitrary } from "../testing/decimalStringArbitrary.js";
import { convertFacts } from "./convertFacts.js";
import { poolFacts, poolMany, poolParsedFacts } from "./poolFacts.js";
import { readFact } from "./readFact.js";
import { type PeriodFacts, periodFactsSchema } from "./schema.js";

const march = { start: "2026-03-01", end: "2026-03-31" };
const STORES = ["a", "b", "c", "d", "e"];

/** Up to five stores' facts of one period, in one currency. */
const storesOfOnePeriod = (options: { complete?: boolean } = {}) =>
  fc.integer({ min: 1, max: 5 }).chain((n) =>
    fc.tuple(
      ...STORES.slice(0, n).map((store) =>
        periodFactsArbitrary({
          currency: "USD",
          period: march,
          store,
          complete: options.complete ?? false,
        }),
      ),
    ),
  );

const ADDITIVE = [
  "sales.orders",
  "sales.gross",
  "sales.refunds",
  "ads.spend",
  "ads.attributed.14d.sales",
  "costs.cogs",
  "traffic.sessions",
];

describe("poolFacts properties", () => {
  fcTest.prop([periodFactsArbitrary()])("the arbitrary yields valid, already-parsed facts", (facts) => {
    expect(periodFactsSchema.parse(facts)).toEqual(facts);
  });

  fcTest.prop([storesOfOnePeriod()])(
    "every additive field is the exact sum when every store has it, and absent otherwise",
    (stores) => {
      const pooled = poolFacts(stores);
      for (const path of ADDITIVE) {
        const values = stores.map((f) => readFact(f, path));
        const got = readFact(pooled, path);
        if (values.some((v) => v === undefined)) expect(got).toBeUndefined();
        else expect(new D(got ?? "NaN").eq(values.reduce((a, v) => a.plus(v ?? 0), new D(0)))).toBe(true);
      }
    },
  );

  fcTest.prop([storesOfOnePeriod()])(
    "a star absent from one byStars adds as 0, so star totals are the sums over stores",
    (stores) => {
      const pooled = poolFacts(stores);
      if (stores.some((f) => f.reviews?.byStars === undefined)) {
        expect(pooled.reviews?.byStars).toBeUndefined();
        return;
      }
      for (const star of ["1", "2", "3", "4", "5"]) {
        const expected = stores.reduce((a, f) => a + Number(readFact(f, `reviews.byStars.${star}`)), 0);
        expect(Number(readFact(pooled, `reviews.byStars.${star}`))).toBe(expected);
      }
    },
  );

  fcTest.prop([storesOfOnePeriod(), fc.func(fc.integer())])(
    "pooling does not depend on the order of the stores",
    (stores, key) => {
      const shuffled = [...stores].sort((x, y) => key(x.store) - key(y.store));
      expect(poolFacts(shuffled)).toEqual(poolFacts(stores));
    },
  );

  fcTest.prop([storesOfOnePeriod({ complete: true })])(
    "pooling in two steps equals pooling at once",
    (stores) => {
      const [first, ...rest] = stores as [PeriodFacts, ...PeriodFacts[]];
      if (rest.length === 0) return;
      const stepwise = poolFacts(
        [poolFacts([first]), poolFacts(rest)].map((f, i) => ({ ...f, store: `g${i}` })),
      );
      const { store: _, ...atOnce } = poolFacts(stores);
      const { store: __, ...twoStep } = stepwise;
      expect(twoStep).toEqual(atOnce);
    },
  );

  fcTest.prop([
    storesOfOnePeriod({ complete: true }),
    fc.integer({ min: 1, max: 10 ** 6 }).map((n) => quotient(n, 10000).toFixed()),
  ])("converting then pooling equals pooling then converting (exact, never rounded)", (stores, rate) => {
    const eur = stores.map((f) => ({ ...f, currency: "EUR" }));
    const a = poolFacts(eur.map((f) => convertFacts(f, "USD", rate)));
    const b = convertFacts(poolFacts(eur), "USD", rate);
    for (const path of ADDITIVE) {
      expect(new D(readFact(a, path) ?? "0").eq(readFact(b, path) ?? "0")).toBe(true);
    }
  });

  fcTest.prop([
    fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          periodFactsArbitrary({
            currency: "JPY",
            store: "s",
            complete: true,
            period: { start: `2026-0${i + 1}-01`, end: `2026-0${i + 1}-${i + 1 === 2 ? 28 : 30}` },
          }),
        ),
      ),
    ),
  ])("over consecutive periods the pool keeps the first opening and the last closing", (months) => {
    const pooled = poolFacts([...months].reverse());
    const first = months[0] as PeriodFacts;
    const last = months[months.length - 1] as PeriodFacts;
    expect(pooled.inventory?.openingUnits).toBe(first.inventory?.openingUnits);
    expect(pooled.inventory?.openingValue).toBe(first.inventory?.openingValue);
    expect(pooled.inventory?.closingUnits).toBe(last.inventory?.closingUnits);
    expect(pooled.period).toEqual({ start: first.period.start, end: last.period.end });
  });

  // Pooling is idempotent: pooling an already pooled record alone gives it back, field for field and
  // in the same key order (target evaluation relies on it to skip a second pooling of one cycle).
  fcTest.prop([storesOfOnePeriod()])("poolFacts([poolFacts(xs)]) is poolFacts(xs)", (stores) => {
    const pooled = poolFacts(stores);
    const again = poolFacts([pooled]);
    expect(JSON.stringify(again)).toBe(JSON.stringify(pooled));
    expect(again).toStrictEqual(pooled);
  });

  /** Money written in any valid way: fewer or more fraction digits, trailing zeros, "0.000". */
  const anyMoney = fc.oneof(
    fc.constantFrom("0", "0.0", "0.000", "0.00", "1.5", "1.50", "1.500", "10", "49910.0004", "7.1230"),
    decimalStringArbitrary({ min: "0", max: "100000", maxFractionDigits: 5 }),
  );

  /** Rewrites every money string of parsed facts with `money`, keeping counts. */
  const rewriteMoney = (facts: PeriodFacts, money: () => string): unknown =>
    JSON.parse(JSON.stringify(facts), (_key, value) =>
      typeof value === "string" && /^[0-9]/.test(value) && !/^\d{4}-\d\d-\d\d$/.test(value) ? money() : value,
    );

  fcTest.prop([
    periodFactsArbitrary({ store: "a" }),
    fc.infiniteStream(anyMoney),
    fc.constantFrom("USD", "JPY", "KWD"),
  ])(
    "poolFacts of one record is field for field, key for key, the general pooling",
    (facts, moneys, currency) => {
      const stream = moneys[Symbol.iterator]();
      const parsed = periodFactsSchema.parse({
        ...(rewriteMoney(facts, () => stream.next().value as string) as object),
        currency,
      });
      const fast = poolFacts([parsed]);
      const general = poolMany([parsed]);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(general));
      expect(fast).toStrictEqual(general);
    },
  );

  fcTest.prop([periodFactsArbitrary()])(
    "one record in canonical form pools as the general pooling does",
    (facts) => {
      expect(JSON.stringify(poolFacts([facts]))).toBe(JSON.stringify(poolMany([facts])));
      expect(poolFacts([facts])).toStrictEqual(poolMany([facts]));
    },
  );

  fcTest("a count of -0 pools to 0, as adding it to 0 does", () => {
    const facts = periodFactsSchema.parse({
      period: march,
      currency: "USD",
      sales: { orders: -0, gross: "-0.00" },
      reviews: { byStars: { "1": -0 } },
    });
    const pooled = poolFacts([facts]);
    expect(Object.is(pooled.sales?.orders, 0)).toBe(true);
    expect(Object.is(pooled.reviews?.byStars?.["1"], 0)).toBe(true);
    expect(pooled).toStrictEqual(poolMany([facts]));
  });

  fcTest("money longer than 34 digits is kept exactly, as summing keeps it (SPEC §1.1)", () => {
    for (const [currency, gross] of [
      ["EUR", "1234567890123456789012345678901234.56"],
      ["JPY", "12345678901234567890123456789012345"],
      ["USD", "99999999999999999999999999999999.99"],
    ] as const) {
      const facts = periodFactsSchema.parse({ period: march, currency, sales: { gross } });
      expect(poolFacts([facts])).toStrictEqual(poolMany([facts]));
    }
    const long = periodFactsSchema.parse({
      period: march,
      currency: "EUR",
      sales: { gross: "1234567890123456789012345678901234.56" },
    });
    expect(poolFacts([long]).sales?.gross).toBe("1234567890123456789012345678901234.56");
    expect(poolFacts([long, long]).sales?.gross).toBe("2469135780246913578024691357802469.12");
  });

  fcTest("a count that is not a safe integer is refused as the general pooling refuses it", () => {
    const unparsed = (sales: object, reviews?: object) =>
      ({ period: march, currency: "USD", sales, ...(reviews ? { reviews } : {}) }) as unknown as PeriodFacts;
    for (const facts of [
      unparsed({ orders: 1.5 }),
      unparsed({ orders: 2 ** 60 }),
      unparsed({ orders: "5" }),
      unparsed({}, { byStars: { "1": "3" } }),
    ]) {
      const general = (() => {
        try {
          return poolMany([facts]);
        } catch (error) {
          return error;
        }
      })();
      expect(general).toBeInstanceOf(Error);
      // The internal single-record path refuses it as the general one does…
      expect(() => poolParsedFacts([facts])).toThrow(general as Error);
      expect(() => poolParsedFacts([facts])).toThrow(expect.objectContaining({ code: "count-overflow" }));
      // …and the public poolFacts never gets that far: it validates its input first.
      expect(() => poolFacts([facts])).toThrow(expect.objectContaining({ code: "facts-invalid" }));
    }
  });

  fcTest("money given as a number (unparsed) pools as the general pooling reads it", () => {
    const facts = {
      period: march,
      currency: "USD",
      sales: { gross: 5, refunds: 0.1 },
    } as unknown as PeriodFacts;
    expect(poolFacts([facts])).toStrictEqual(poolMany([facts]));
    expect(poolFacts([facts]).sales).toEqual({ gross: "5.00", refunds: "0.10" });
  });
});
