import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PeriodFacts } from "../facts/schema.js";
import { type AggregateFactsOptions, aggregateFacts, type RecordSources } from "./aggregateFacts.js";
import { RECORD_SOURCES } from "./recordSchemas.js";

const STORES = [
  { id: "a", currency: "USD", timeZone: "America/Los_Angeles" },
  { id: "b", currency: "JPY", timeZone: "Asia/Tokyo" },
];
const PERIOD = { start: "2026-01-01", end: "2026-06-30" };
const MONTHLY: AggregateFactsOptions = { stores: STORES, period: PERIOD, cycle: "monthly" };
const WHOLE: AggregateFactsOptions = { stores: STORES, period: PERIOD, cycle: { days: 181 } };
const EXPONENT: Record<string, number> = { a: 2, b: 0 };
const CURRENCY: Record<string, string> = { a: "USD", b: "JPY" };

// Instants from a week before the period to a week after it, so that some rows fall outside.
const FROM = Date.UTC(2025, 11, 24);
const TO = Date.UTC(2026, 6, 8);
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms).toISOString());
const day = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const storeId = fc.constantFrom("a", "a", "b", "zz");
const amount = (store: string, minor: number) => {
  const e = EXPONENT[store] ?? 2;
  const text = String(minor).padStart(e + 1, "0");
  return e === 0 ? text : `${text.slice(0, -e)}.${text.slice(-e)}`;
};

const order = fc.record({
  store: storeId,
  at: instant,
  lines: fc.array(
    fc.record({
      cancelled: fc.boolean(),
      quantity: fc.nat(5),
      minor: fc.nat(100_000),
      tax: fc.nat(900),
      // Now and then a line of the order at another time, up to three days away: orders then
      // straddle cycle ends and the period's edges.
      shiftHours: fc.option(fc.integer({ min: -72, max: 72 }), { nil: undefined, freq: 4 }),
    }),
    {
      minLength: 1,
      maxLength: 3,
    },
  ),
});

const sourcesArbitrary = fc
  .record({
    orders: fc.array(order, { maxLength: 25 }),
    refunds: fc.array(
      fc.record({
        order: fc.nat(40),
        at: instant,
        minor: fc.nat(50_000),
        quantity: fc.option(fc.nat(3), { nil: undefined }),
        purchasedAt: fc.option(instant, { nil: undefined }),
      }),
      { maxLength: 15 },
    ),
    ads: fc.array(
      fc.record({
        store: storeId,
        date: day,
        campaign: fc.constantFrom("x", "y"),
        spend: fc.nat(10_000),
        clicks: fc.nat(100),
        w7: fc.nat(5_000),
        w14: fc.option(fc.nat(5_000), { nil: undefined }),
      }),
      { maxLength: 15 },
    ),
    reviews: fc.array(
      fc.record({ store: storeId, at: instant, stars: fc.integer({ min: 1, max: 5 }), id: fc.nat(30) }),
      {
        maxLength: 15,
      },
    ),
    inventory: fc.array(
      fc.record({
        store: storeId,
        date: day,
        sku: fc.constantFrom("A", "B"),
        units: fc.nat(500),
        cost: fc.option(fc.nat(999), { nil: undefined }),
      }),
      { maxLength: 15 },
    ),
    traffic: fc.array(
      fc.record({ store: storeId, date: day, sessions: fc.nat(1000), pageViews: fc.nat(2000) }),
      { maxLength: 15 },
    ),
    junk: fc.array(
      fc.tuple(
        fc.constantFrom(...RECORD_SOURCES),
        fc.nat(30),
        fc.constantFrom<unknown>(null, {}, "x", { store: "a" }),
      ),
      {
        maxLength: 4,
      },
    ),
    duplicates: fc.array(fc.tuple(fc.constantFrom(...RECORD_SOURCES), fc.nat(30), fc.nat(30)), {
      maxLength: 4,
    }),
  })
  .map((g) => {
    const orders: unknown[] = [];
    g.orders.forEach((o, n) => {
      o.lines.forEach((l, i) => {
        orders.push({
          store: o.store,
          orderId: `O${n}`,
          sku: `S${i}`,
          purchasedAt:
            l.shiftHours === undefined
              ? o.at
              : new Date(Date.parse(o.at) + l.shiftHours * 3_600_000).toISOString(),
          status: l.cancelled ? "cancelled" : "shipped",
          quantity: l.quantity,
          itemPrice: amount(o.store, l.minor),
          itemTax: amount(o.store, l.tax),
          currency: CURRENCY[o.store] ?? "USD",
        });
      });
    });
    const refunds = g.refunds.map((r, n) => {
      const store = g.orders[r.order]?.store ?? "a";
      return {
        store,
        refundId: `R${n}`,
        orderId: `O${r.order}`,
        refundedAt: r.at,
        amount: amount(store, r.minor),
        ...(r.quantity === undefined ? {} : { quantity: r.quantity }),
        ...(r.purchasedAt === undefined ? {} : { orderPurchasedAt: r.purchasedAt }),
        currency: CURRENCY[store] ?? "USD",
      };
    });
    const ads = g.ads.map((a) => ({
      store: a.store,
      date: a.date,
      campaign: a.campaign,
      spend: amount(a.store, a.spend),
      clicks: a.clicks,
      impressions: a.clicks * 20,
      attributed: {
        "7d": { sales: amount(a.store, a.w7), orders: a.w7 % 7 },
        ...(a.w14 === undefined ? {} : { "14d": { sales: amount(a.store, a.w14), orders: a.w14 % 9 } }),
      },
      currency: CURRENCY[a.store] ?? "USD",
    }));
    const reviews = g.reviews.map((r) => ({
      store: r.store,
      reviewId: `V${r.id}`,
      createdAt: r.at,
      stars: r.stars,
    }));
    const inventory = g.inventory.map((s) => ({
      store: s.store,
      date: s.date,
      sku: s.sku,
      units: s.units,
      ...(s.cost === undefined ? {} : { unitCost: `${s.cost}.${s.cost % 10}5` }),
    }));
    const traffic = g.traffic.map((t) => ({ ...t }));
    const sources: Record<string, unknown[]> = { orders, refunds, ads, reviews, inventory, traffic };
    for (const [kind, at, row] of g.junk) {
      const rows = sources[kind]!;
      rows.splice(at % (rows.length + 1), 0, row);
    }
    for (const [kind, from, to] of g.duplicates) {
      const rows = sources[kind]!;
      if (rows.length > 0) rows.splice(to % (rows.length + 1), 0, rows[from % rows.length]);
    }
    return sources as { [K in keyof RecordSources]-?: unknown[] };
  });

const minor = (text: string | undefined) => BigInt((text ?? "0").replace(".", ""));

// Every additive figure of a facts entry, money as exact minor units. Orders add up across cycles
// here because the lines of one order share one timestamp.
function additive(f: PeriodFacts): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  const s = f.sales ?? {};
  for (const k of ["orders", "units", "cancelledOrders", "returnedUnits"] as const)
    out[`sales.${k}`] = BigInt(s[k] ?? 0);
  for (const k of [
    "gross",
    "tax",
    "shipping",
    "cancelledValue",
    "refunds",
    "refundsOnPeriodOrders",
  ] as const) {
    out[`sales.${k}`] = minor(s[k]);
  }
  out["ads.spend"] = minor(f.ads?.spend);
  out["ads.clicks"] = BigInt(f.ads?.clicks ?? 0);
  out["ads.impressions"] = BigInt(f.ads?.impressions ?? 0);
  for (const [w, a] of Object.entries(f.ads?.attributed ?? {})) {
    out[`ads.attributed.${w}.sales`] = minor(a.sales);
    out[`ads.attributed.${w}.orders`] = BigInt(a.orders ?? 0);
  }
  out["traffic.sessions"] = BigInt(f.traffic?.sessions ?? 0);
  out["traffic.pageViews"] = BigInt(f.traffic?.pageViews ?? 0);
  for (const star of ["1", "2", "3", "4", "5"] as const)
    out[`reviews.${star}`] = BigInt(f.reviews?.byStars?.[star] ?? 0);
  return out;
}

describe("aggregateFacts properties", () => {
  it("the cycles of a period add up to the period aggregated whole, for every additive field", async () => {
    await fc.assert(
      fc.asyncProperty(sourcesArbitrary, async (sources) => {
        const monthly = await aggregateFacts(sources, MONTHLY);
        const whole = await aggregateFacts(sources, WHOLE);
        expect(monthly.rejected).toEqual(whole.rejected);
        for (const store of STORES) {
          const cycles = monthly.facts.filter((f) => f.store === store.id);
          const total = whole.facts.find((f) => f.store === store.id)!;
          expect(cycles).toHaveLength(6);
          const summed: Record<string, bigint> = {};
          for (const f of cycles) {
            for (const [k, v] of Object.entries(additive(f))) summed[k] = (summed[k] ?? 0n) + v;
          }
          expect(summed).toEqual(additive(total));
          // Inventory: each closing is the next opening; the whole period opens with the first
          // cycle and closes with the last.
          for (let i = 0; i + 1 < cycles.length; i++) {
            expect(cycles[i]!.inventory?.closingUnits).toBe(cycles[i + 1]!.inventory?.openingUnits);
            expect(cycles[i]!.inventory?.closingValue).toBe(cycles[i + 1]!.inventory?.openingValue);
          }
          expect(total.inventory?.openingUnits).toBe(cycles[0]!.inventory?.openingUnits);
          expect(total.inventory?.closingValue).toBe(cycles[5]!.inventory?.closingValue);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("counted + rejected = read = input, for every source", async () => {
    await fc.assert(
      fc.asyncProperty(sourcesArbitrary, fc.boolean(), async (sources, dedupe) => {
        const { summary, rejected } = await aggregateFacts(sources, { ...MONTHLY, dedupe });
        for (const kind of RECORD_SOURCES) {
          const s = summary[kind]!;
          expect(s.read).toBe(sources[kind].length);
          expect(s.counted + s.rejected).toBe(s.read);
          const mine = rejected.filter((r) => r.source === kind);
          expect(mine).toHaveLength(s.rejected);
          expect(new Set(mine.map((r) => r.index)).size).toBe(mine.length);
          if (!dedupe) expect(mine.some((r) => r.reason === "duplicate")).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("dedupe only removes rows: with it, every count and amount is at most what it is without", async () => {
    await fc.assert(
      fc.asyncProperty(sourcesArbitrary, async (sources) => {
        const on = await aggregateFacts(sources, MONTHLY);
        const off = await aggregateFacts(sources, { ...MONTHLY, dedupe: false });
        on.facts.forEach((f, i) => {
          const a = additive(f);
          const b = additive(off.facts[i]!);
          for (const [k, v] of Object.entries(a)) {
            expect(v <= (b[k] ?? 0n), k).toBe(true);
          }
        });
      }),
      { numRuns: 40 },
    );
  });

  it("a month aggregated alone gives the sales figures it has inside a longer period", async () => {
    // An order counts once, in the cycle of its earliest line not cancelled (or of its earliest
    // line when all are cancelled), even when its other lines fall outside the period aggregated.
    await fc.assert(
      fc.asyncProperty(sourcesArbitrary, fc.integer({ min: 1, max: 6 }), async (sources, m) => {
        const month = `2026-0${m}`;
        const end = new Date(Date.UTC(2026, m, 0)).toISOString().slice(0, 10);
        const rows = { orders: sources.orders, refunds: sources.refunds };
        const longer = await aggregateFacts(rows, MONTHLY);
        const alone = await aggregateFacts(rows, { ...MONTHLY, period: { start: `${month}-01`, end } });
        for (const store of STORES) {
          const inLonger = longer.facts.find((f) => f.store === store.id && f.period.start === `${month}-01`);
          const byItself = alone.facts.find((f) => f.store === store.id);
          expect(byItself?.sales).toEqual(inLonger?.sales);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("order lines give the same facts in any order", async () => {
    await fc.assert(
      fc.asyncProperty(
        sourcesArbitrary.chain((sources) =>
          fc
            .shuffledSubarray(sources.orders, { minLength: sources.orders.length })
            .map((shuffled) => ({ sources, shuffled })),
        ),
        async ({ sources, shuffled }) => {
          const a = await aggregateFacts({ orders: sources.orders, refunds: sources.refunds }, MONTHLY);
          const b = await aggregateFacts({ orders: shuffled, refunds: sources.refunds }, MONTHLY);
          expect(b.facts).toEqual(a.facts);
          expect(b.rejected.length).toBe(a.rejected.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
