import { describe, expect, it } from "vitest";
import { type PeriodFacts, periodFactsSchema } from "../facts/schema.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { type AggregateFactsOptions, aggregateFacts, type RecordSources } from "./aggregateFacts.js";

const US = { id: "us", currency: "USD", timeZone: "America/Los_Angeles" };
const JP = { id: "jp", currency: "JPY", timeZone: "Asia/Tokyo" };
const MARCH = { start: "2026-03-01", end: "2026-03-31" };
const APRIL = { start: "2026-04-01", end: "2026-04-30" };
const OPTIONS: AggregateFactsOptions = {
  stores: [US, JP],
  period: { start: "2026-03-01", end: "2026-04-30" },
  cycle: "monthly",
};

const line = (over: Record<string, unknown>) => ({
  store: "us",
  orderId: "O1",
  sku: "A",
  purchasedAt: "2026-03-05T10:00:00-08:00",
  status: "shipped",
  quantity: 1,
  itemPrice: "1.00",
  currency: "USD",
  ...over,
});

const ORDERS = [
  // US, March (local day Mar 5): order O1, two lines.
  line({ orderId: "O1", sku: "A", quantity: 2, itemPrice: "39.98", itemTax: "3.20", shippingPrice: "4.99" }),
  line({ orderId: "O1", sku: "B", quantity: 1, itemPrice: "10.00" }),
  // O2: 23:30 on Mar 31 in Los Angeles, cancelled in full.
  line({ orderId: "O2", purchasedAt: "2026-03-31T23:30:00-07:00", status: "cancelled", itemPrice: "19.99" }),
  // O3: 06:30Z on Apr 1 is 23:30 PDT on Mar 31; one line cancelled, one not: a March order.
  line({
    orderId: "O3",
    sku: "A",
    purchasedAt: "2026-04-01T06:30:00Z",
    status: "cancelled",
    itemPrice: "5.00",
  }),
  line({
    orderId: "O3",
    sku: "B",
    purchasedAt: "2026-04-01T06:30:00Z",
    quantity: 3,
    itemPrice: "15.00",
    itemTax: "1.20",
  }),
  // O4: 07:30Z on Apr 1 is 00:30 PDT on Apr 1: April.
  line({ orderId: "O4", sku: "C", purchasedAt: "2026-04-01T07:30:00Z", itemPrice: "100.00" }),
  // Japan: 15:30Z on Mar 31 is 00:30 JST on Apr 1; 14:30Z is 23:30 JST on Mar 31.
  line({
    store: "jp",
    orderId: "J1",
    sku: "X",
    purchasedAt: "2026-03-31T15:30:00Z",
    itemPrice: "1500",
    currency: "JPY",
  }),
  line({
    store: "jp",
    orderId: "J2",
    sku: "X",
    purchasedAt: "2026-03-31T14:30:00Z",
    status: "cancelled",
    quantity: 2,
    itemPrice: "3000",
    currency: "JPY",
  }),
];

const refund = (over: Record<string, unknown>) => ({
  store: "us",
  refundId: "R1",
  orderId: "O1",
  refundedAt: "2026-04-02T10:00:00-07:00",
  amount: "1.00",
  currency: "USD",
  ...over,
});

const REFUNDS = [
  refund({ refundId: "R1", orderId: "O1", amount: "10.00", quantity: 1 }), // April; O1 is a March order
  refund({ refundId: "R2", orderId: "O1", refundedAt: "2026-04-03T10:00:00Z", amount: "5.00" }), // April, no units
  refund({
    refundId: "R3",
    orderId: "OLD",
    refundedAt: "2026-03-10T12:00:00Z",
    amount: "7.50",
    quantity: 1,
    orderPurchasedAt: "2026-02-20T12:00:00Z",
  }), // March; its order is from before the period
  refund({ refundId: "R4", orderId: "O4", refundedAt: "2026-05-03T12:00:00Z", amount: "20.00" }), // May; O4 in April
  refund({
    refundId: "R5",
    orderId: "GHOST",
    refundedAt: "2026-04-20T12:00:00Z",
    amount: "1.00",
    quantity: 1,
  }),
  refund({
    refundId: "R6",
    orderId: "OLD2",
    refundedAt: "2026-05-01T12:00:00Z",
    orderPurchasedAt: "2026-02-01T12:00:00Z",
  }), // neither date in the period
  refund({ refundId: "R1", orderId: "O1", amount: "10.00", quantity: 1 }), // duplicate of row 0
];

const ads = (over: Record<string, unknown>) => ({
  store: "us",
  date: "2026-03-01",
  spend: "0",
  clicks: 0,
  impressions: 0,
  attributed: {},
  currency: "USD",
  ...over,
});

const ADS = [
  ads({
    spend: "100.00",
    clicks: 50,
    impressions: 1000,
    attributed: { "7d": { sales: "300.00", orders: 5 }, "14d": { sales: "350.00", orders: 6 } },
  }),
  ads({
    campaign: "B",
    spend: "20.50",
    clicks: 10,
    impressions: 200,
    attributed: { "7d": { sales: "0", orders: 0 } },
  }),
  ads({
    date: "2026-04-30",
    spend: "1.00",
    clicks: 1,
    impressions: 10,
    attributed: { "14d": { sales: "2.00", orders: 1 } },
  }),
  ads({ spend: "100.00", clicks: 50, impressions: 1000 }), // same store and day as row 0, no campaign: duplicate
];

const REVIEWS = [
  { store: "us", reviewId: "RV1", createdAt: "2026-03-02T08:00:00Z", stars: 5 }, // Mar 2 00:00 PST
  { store: "us", reviewId: "RV2", createdAt: "2026-03-01T07:59:59Z", stars: 1 }, // Feb 28 23:59:59 PST: outside
  { store: "us", reviewId: "RV3", createdAt: "2026-04-01T06:59:59Z", stars: 2 }, // Mar 31 23:59:59 PDT
  { store: "us", reviewId: "RV4", createdAt: "2026-04-01T07:00:00Z", stars: 2 }, // Apr 1 00:00 PDT
];

const snap = (date: string, sku: string, units: number, unitCost?: string) => ({
  store: "us",
  date,
  sku,
  units,
  ...(unitCost === undefined ? {} : { unitCost }),
});

const INVENTORY = [
  snap("2026-02-20", "A", 100, "2.50"), // superseded by Feb 27, still used (not rejected)
  snap("2026-02-27", "A", 90, "2.50"),
  snap("2026-02-27", "B", 10, "1.125"),
  snap("2026-03-31", "A", 70, "2.50"),
  snap("2026-03-15", "B", 4, "1.125"),
  snap("2026-04-30", "A", 50), // no unit cost
  snap("2026-05-01", "A", 1, "2.50"), // after the period
];

const TRAFFIC = [
  { store: "us", date: "2026-03-01", sessions: 100, pageViews: 150 },
  { store: "us", date: "2026-03-31", sessions: 200, pageViews: 300 },
  { store: "us", date: "2026-04-01", sessions: 10, pageViews: 20 },
  { store: "us", date: "2026-03-31", sessions: 999, pageViews: 999 }, // duplicate of row 1
];

const ALL: RecordSources = {
  orders: ORDERS,
  refunds: REFUNDS,
  ads: ADS,
  reviews: REVIEWS,
  inventory: INVENTORY,
  traffic: TRAFFIC,
};

const factsOf = async (sources: RecordSources, options: AggregateFactsOptions = OPTIONS) => {
  const result = await aggregateFacts(sources, options);
  for (const f of result.facts) expect(periodFactsSchema.safeParse(f).success).toBe(true);
  return result;
};

const at = (facts: readonly PeriodFacts[], store: string, start: string): PeriodFacts =>
  facts.find((f) => f.store === store && f.period.start === start)!;

describe("aggregateFacts: the TSDoc example", () => {
  it("gives the documented sales group", async () => {
    const { facts, rejected } = await aggregateFacts(
      {
        orders: [
          {
            store: "us",
            orderId: "1",
            sku: "A",
            purchasedAt: "2026-03-31T23:30:00-07:00",
            status: "shipped",
            quantity: 1,
            itemPrice: "10.00",
            currency: "USD",
          },
        ],
      },
      {
        stores: [{ id: "us", currency: "USD", timeZone: "America/Los_Angeles" }],
        period: { start: "2026-03-01", end: "2026-03-31" },
        cycle: "monthly",
      },
    );
    expect(rejected).toEqual([]);
    expect(facts[0]?.sales).toEqual({
      orders: 1,
      units: 1,
      gross: "10.00",
      tax: "0.00",
      shipping: "0.00",
      cancelledOrders: 0,
      cancelledValue: "0.00",
    });
  });
});

describe("aggregateFacts: the hand-computed fixture", () => {
  it("returns one facts entry per store and cycle, stores first", async () => {
    const { facts } = await factsOf(ALL);
    expect(facts.map((f) => `${f.store} ${f.period.start}..${f.period.end} ${f.currency}`)).toEqual([
      "us 2026-03-01..2026-03-31 USD",
      "us 2026-04-01..2026-04-30 USD",
      "jp 2026-03-01..2026-03-31 JPY",
      "jp 2026-04-01..2026-04-30 JPY",
    ]);
  });

  it("books order lines by local day, counting orders, cancelled orders and partly cancelled ones", async () => {
    const { facts } = await factsOf({ orders: ORDERS });
    // US March: orders O1 and O3 (one line of O3 is not cancelled), O2 cancelled in full.
    // units 2 + 1 + 3 = 6; gross 39.98 + 10.00 + 15.00 = 64.98; tax 3.20 + 1.20 = 4.40;
    // shipping 4.99; cancelledValue 19.99 (O2) + 5.00 (O3's cancelled line) = 24.99.
    expect(at(facts, "us", MARCH.start).sales).toEqual({
      orders: 2,
      units: 6,
      gross: "64.98",
      tax: "4.40",
      shipping: "4.99",
      cancelledOrders: 1,
      cancelledValue: "24.99",
    });
    // US April: O4 alone, 00:30 PDT on Apr 1.
    expect(at(facts, "us", APRIL.start).sales).toEqual({
      orders: 1,
      units: 1,
      gross: "100.00",
      tax: "0.00",
      shipping: "0.00",
      cancelledOrders: 0,
      cancelledValue: "0.00",
    });
    // Japan (yen, no minor digits): J2 at 23:30 JST Mar 31 cancelled; J1 at 00:30 JST Apr 1.
    expect(at(facts, "jp", MARCH.start).sales).toEqual({
      orders: 0,
      units: 0,
      gross: "0",
      tax: "0",
      shipping: "0",
      cancelledOrders: 1,
      cancelledValue: "3000",
    });
    expect(at(facts, "jp", APRIL.start).sales?.gross).toBe("1500");
  });

  it("moves an order from cancelled to counted when a later, non-adjacent line is not cancelled", async () => {
    const { facts } = await factsOf({
      orders: [
        line({ orderId: "A", sku: "1", status: "cancelled", itemPrice: "2.00" }),
        line({ orderId: "B", sku: "1", itemPrice: "3.00" }),
        line({ orderId: "A", sku: "2", itemPrice: "4.00" }),
        line({ orderId: "C", sku: "1", status: "cancelled", itemPrice: "5.00" }),
        line({ orderId: "C", sku: "2", status: "cancelled", itemPrice: "6.00" }),
      ],
    });
    // A and B count; C (all lines cancelled) is cancelled; cancelledValue 2.00 + 5.00 + 6.00.
    expect(at(facts, "us", MARCH.start).sales).toMatchObject({
      orders: 2,
      cancelledOrders: 1,
      gross: "7.00",
      cancelledValue: "13.00",
    });
  });

  it("books refunds by refund day and on the order's own cycle", async () => {
    const { facts, warnings, rejected } = await factsOf({ orders: ORDERS, refunds: REFUNDS });
    // March: R3 (7.50, 1 unit; its order is from February, so nothing on period orders);
    // on March orders: R1 10.00 + R2 5.00 on O1 = 15.00.
    expect(at(facts, "us", MARCH.start).sales).toMatchObject({
      refunds: "7.50",
      refundsOnPeriodOrders: "15.00",
      refundedOrders: 1,
      returnedUnits: 1,
    });
    // April: R1 10.00 + R2 5.00 + R5 1.00 = 16.00 by refund day; orders O1 and GHOST; units 1 + 0 + 1;
    // on April orders: R4 20.00 (refunded in May, outside the period, but O4 is an April order).
    expect(at(facts, "us", APRIL.start).sales).toMatchObject({
      refunds: "16.00",
      refundsOnPeriodOrders: "20.00",
      refundedOrders: 2,
      returnedUnits: 2,
    });
    expect(at(facts, "jp", MARCH.start).sales).toMatchObject({ refunds: "0", refundsOnPeriodOrders: "0" });
    expect(warnings).toEqual([
      expect.objectContaining({ source: "refunds", index: 4, code: "order-date-unknown" }),
    ]);
    expect(rejected.map((r) => [r.index, r.reason])).toEqual([
      [5, "outside-period"],
      [6, "duplicate"],
    ]);
    expect(rejected[1]?.duplicateOf).toBe(0);
  });

  it("falls back to orderPurchasedAt when the order rows are not given", async () => {
    const { facts } = await factsOf({
      refunds: [
        refund({
          refundId: "X",
          orderId: "Z",
          amount: "3.00",
          orderPurchasedAt: "2026-03-31T23:30:00-07:00",
        }),
      ],
    });
    // Refunded in April, ordered on Mar 31 local: refunds in April, refundsOnPeriodOrders in March.
    expect(at(facts, "us", MARCH.start).sales).toEqual({
      refunds: "0.00",
      refundsOnPeriodOrders: "3.00",
      refundedOrders: 0,
      returnedUnits: 0,
    });
    expect(at(facts, "us", APRIL.start).sales?.refunds).toBe("3.00");
  });

  it("uses the order rows' date over orderPurchasedAt, including orders seen only outside the period", async () => {
    const { facts } = await factsOf({
      orders: [line({ orderId: "F1", purchasedAt: "2026-02-27T12:00:00Z" })],
      refunds: [
        refund({ refundId: "X", orderId: "F1", amount: "3.00", orderPurchasedAt: "2026-03-02T12:00:00Z" }),
      ],
    });
    expect(at(facts, "us", MARCH.start).sales?.refundsOnPeriodOrders).toBe("0.00");
    expect(at(facts, "us", APRIL.start).sales?.refunds).toBe("3.00");
  });

  it("sums advertising days per attribution window", async () => {
    const { facts, rejected } = await factsOf({ ads: ADS });
    // March: spend 100.00 + 20.50, clicks 50 + 10, impressions 1000 + 200; windows as written.
    expect(at(facts, "us", MARCH.start).ads).toEqual({
      spend: "120.50",
      clicks: 60,
      impressions: 1200,
      attributed: { "7d": { sales: "300.00", orders: 5 }, "14d": { sales: "350.00", orders: 6 } },
    });
    // April: the windows the store reports are all present, 7d at zero.
    expect(at(facts, "us", APRIL.start).ads).toEqual({
      spend: "1.00",
      clicks: 1,
      impressions: 10,
      attributed: { "7d": { sales: "0.00", orders: 0 }, "14d": { sales: "2.00", orders: 1 } },
    });
    expect(Object.keys(at(facts, "us", APRIL.start).ads?.attributed ?? {})).toEqual(["7d", "14d"]);
    expect(at(facts, "jp", MARCH.start).ads).toEqual({
      spend: "0",
      clicks: 0,
      impressions: 0,
      attributed: {},
    });
    expect(rejected).toEqual([
      expect.objectContaining({ source: "ads", index: 3, reason: "duplicate", duplicateOf: 0 }),
    ]);
  });

  it("counts reviews by stars on the local day", async () => {
    const { facts, rejected } = await factsOf({ reviews: REVIEWS });
    expect(at(facts, "us", MARCH.start).reviews).toEqual({
      byStars: { "1": 0, "2": 1, "3": 0, "4": 0, "5": 1 },
    });
    expect(at(facts, "us", APRIL.start).reviews).toEqual({
      byStars: { "1": 0, "2": 1, "3": 0, "4": 0, "5": 0 },
    });
    expect(rejected).toEqual([
      expect.objectContaining({ source: "reviews", index: 1, reason: "outside-period" }),
    ]);
  });

  it("takes inventory openings and closings from the latest snapshots per SKU", async () => {
    const { facts, rejected, summary } = await factsOf({ inventory: INVENTORY });
    // March opening (latest before Mar 1): A 90 (Feb 27) + B 10 = 100; 90 × 2.50 + 10 × 1.125 = 236.25.
    // March closing (latest on or before Mar 31): A 70 (Mar 31) + B 4 (Mar 15) = 74; 175.00 + 4.50 = 179.50.
    expect(at(facts, "us", MARCH.start).inventory).toEqual({
      openingUnits: 100,
      closingUnits: 74,
      openingValue: "236.25",
      closingValue: "179.50",
    });
    // April closing: A 50 (Apr 30, no unit cost) + B 4 = 54; the value is unknown, so left out.
    expect(at(facts, "us", APRIL.start).inventory).toEqual({
      openingUnits: 74,
      closingUnits: 54,
      openingValue: "179.50",
    });
    // Japan has no snapshot at all: stock unknown, not zero.
    expect(at(facts, "jp", MARCH.start).inventory).toEqual({});
    expect(rejected).toEqual([
      expect.objectContaining({ source: "inventory", index: 6, reason: "outside-period" }),
    ]);
    expect(summary.inventory).toEqual({ read: 7, counted: 6, rejected: 1 });
  });

  it("rounds an inventory value once, half-up, when unit costs are finer than the currency", async () => {
    const { facts } = await factsOf({
      inventory: [snap("2026-02-28", "A", 3, "0.335"), snap("2026-02-28", "B", 1, "0.0001")],
    });
    // 3 × 0.335 + 1 × 0.0001 = 1.0051 → 1.01 (one rounding of the exact total).
    expect(at(facts, "us", MARCH.start).inventory?.openingValue).toBe("1.01");
  });

  it("sums traffic days", async () => {
    const { facts, rejected } = await factsOf({ traffic: TRAFFIC });
    expect(at(facts, "us", MARCH.start).traffic).toEqual({ sessions: 300, pageViews: 450 });
    expect(at(facts, "us", APRIL.start).traffic).toEqual({ sessions: 10, pageViews: 20 });
    expect(at(facts, "jp", APRIL.start).traffic).toEqual({ sessions: 0, pageViews: 0 });
    expect(rejected[0]).toMatchObject({ index: 3, reason: "duplicate", duplicateOf: 1 });
  });

  it("gives only the groups whose sources were given", async () => {
    const { facts } = await factsOf({ refunds: [], traffic: [] });
    expect(Object.keys(facts[0]!)).toEqual(["store", "period", "currency", "sales", "traffic"]);
    // Only refunds given: the sales group holds the refund fields, never an invented orders count.
    expect(facts[0]!.sales).toEqual({
      refunds: "0.00",
      refundsOnPeriodOrders: "0.00",
      refundedOrders: 0,
      returnedUnits: 0,
    });
    const none = await factsOf({});
    expect(Object.keys(none.facts[0]!)).toEqual(["store", "period", "currency"]);
    expect(none.summary).toEqual({});
  });

  it("accounts for every row: counted + rejected = read, per source", async () => {
    const { summary, rejected } = await factsOf(ALL);
    expect(summary).toEqual({
      orders: { read: 8, counted: 8, rejected: 0 },
      refunds: { read: 7, counted: 5, rejected: 2 },
      ads: { read: 4, counted: 3, rejected: 1 },
      reviews: { read: 4, counted: 3, rejected: 1 },
      inventory: { read: 7, counted: 6, rejected: 1 },
      traffic: { read: 4, counted: 3, rejected: 1 },
    });
    expect(rejected).toHaveLength(6);
  });
});

describe("aggregateFacts: store time zones", () => {
  const days = (start: string, end: string): AggregateFactsOptions => ({
    stores: [US],
    period: { start, end },
    cycle: { days: 1 },
  });
  const dayOf = async (timestamps: string[], options: AggregateFactsOptions) => {
    const { facts } = await factsOf(
      { orders: timestamps.map((purchasedAt, i) => line({ orderId: `T${i}`, purchasedAt })) },
      options,
    );
    return facts.filter((f) => (f.sales?.orders ?? 0) > 0).map((f) => [f.period.start, f.sales?.orders]);
  };

  it("places 23:30 on the last day of a month in Los Angeles in that month", async () => {
    const { facts } = await factsOf(
      {
        orders: [
          line({ orderId: "a", purchasedAt: "2026-01-31T23:30:00-08:00" }), // PST
          line({ orderId: "b", purchasedAt: "2026-02-01T07:30:00Z" }), // same instant, written in UTC
          line({ orderId: "c", purchasedAt: "2026-04-01T06:30:00Z" }), // Mar 31 23:30 PDT
          line({ orderId: "d", purchasedAt: "2026-04-01T08:30:00+01:00" }), // Apr 1 00:30 PDT
        ],
      },
      { stores: [US], period: { start: "2026-01-01", end: "2026-04-30" }, cycle: "monthly" },
    );
    expect(facts.map((f) => f.sales?.orders)).toEqual([2, 0, 1, 1]);
  });

  it("follows the spring-forward day (2026-03-08) to the second", async () => {
    expect(
      await dayOf(
        [
          "2026-03-08T07:59:59Z", // Mar 7 23:59:59 PST
          "2026-03-08T08:00:00Z", // Mar 8 00:00 PST
          "2026-03-08T09:59:59Z", // Mar 8 01:59:59 PST
          "2026-03-08T10:00:00Z", // Mar 8 03:00 PDT
          "2026-03-09T06:59:59Z", // Mar 8 23:59:59 PDT (a fixed −08:00 would say 22:59:59)
          "2026-03-09T07:00:00Z", // Mar 9 00:00 PDT (a fixed −08:00 would say Mar 8 23:00)
        ],
        days("2026-03-07", "2026-03-09"),
      ),
    ).toEqual([
      ["2026-03-07", 1],
      ["2026-03-08", 4],
      ["2026-03-09", 1],
    ]);
  });

  it("follows the fall-back day (2026-11-01), which here also ends October", async () => {
    const { facts } = await factsOf(
      {
        orders: [
          line({ orderId: "a", purchasedAt: "2026-11-01T06:59:59Z" }), // Oct 31 23:59:59 PDT
          line({ orderId: "b", purchasedAt: "2026-11-01T07:30:00Z" }), // Nov 1 00:30 PDT (fixed −08:00: Oct 31)
          line({ orderId: "c", purchasedAt: "2026-11-01T08:30:00Z" }), // Nov 1 01:30 PDT
          line({ orderId: "d", purchasedAt: "2026-11-01T09:30:00Z" }), // Nov 1 01:30 PST (the hour repeats)
          line({ orderId: "e", purchasedAt: "2026-11-02T07:59:59Z" }), // Nov 1 23:59:59 PST
          line({ orderId: "f", purchasedAt: "2026-11-02T08:00:00Z" }), // Nov 2 00:00 PST
        ],
      },
      { stores: [US], period: { start: "2026-10-01", end: "2026-11-30" }, cycle: "monthly" },
    );
    expect(facts.map((f) => f.sales?.orders)).toEqual([1, 5]);
    expect(
      await dayOf(
        ["2026-11-01T06:59:59Z", "2026-11-01T09:30:00Z", "2026-11-02T07:59:59Z", "2026-11-02T08:00:00Z"],
        days("2026-10-31", "2026-11-02"),
      ),
    ).toEqual([
      ["2026-10-31", 1],
      ["2026-11-01", 2],
      ["2026-11-02", 1],
    ]);
  });
});

describe("aggregateFacts: rejected rows", () => {
  it("rejects malformed rows with the path of the problem", async () => {
    const { rejected, summary } = await aggregateFacts(
      {
        orders: [
          line({ itemPrice: "19.999" }),
          line({ colour: "red" }),
          line({ purchasedAt: "2026-03-05 10:00" }),
          "not a row",
          line({ quantity: 1.5 }),
        ],
      },
      OPTIONS,
    );
    expect(rejected.map((r) => [r.reason, r.path])).toEqual([
      ["malformed", ["itemPrice"]],
      ["malformed", ["colour"]],
      ["malformed", ["purchasedAt"]],
      ["malformed", []],
      ["malformed", ["quantity"]],
    ]);
    expect(rejected[0]?.message).toMatch(/more fraction digits than USD allows/);
    expect(summary.orders).toEqual({ read: 5, counted: 0, rejected: 5 });
  });

  it("rejects an empty timestamp even right after a valid one", async () => {
    const { rejected } = await aggregateFacts(
      { orders: [line({}), line({ sku: "B", purchasedAt: "" })] },
      OPTIONS,
    );
    expect(rejected).toEqual([
      expect.objectContaining({ index: 1, reason: "malformed", path: ["purchasedAt"] }),
    ]);
  });

  it("rejects rows of a store not in the options", async () => {
    const { rejected } = await aggregateFacts(
      { traffic: [{ store: "eu", date: "2026-03-01", sessions: 1, pageViews: 1 }] },
      OPTIONS,
    );
    expect(rejected).toEqual([
      {
        source: "traffic",
        index: 0,
        reason: "unknown-store",
        message: 'Store "eu" is not one of the stores in the options',
      },
    ]);
  });

  it("rejects rows outside the period", async () => {
    const { rejected } = await aggregateFacts(
      { orders: [line({ purchasedAt: "2026-05-01T12:00:00Z" })] },
      OPTIONS,
    );
    expect(rejected[0]).toMatchObject({
      reason: "outside-period",
      message: expect.stringMatching(/2026-05-01/),
    });
  });

  it("rejects rows in another currency when no fx table is given", async () => {
    const { rejected, facts } = await aggregateFacts({ orders: [line({ currency: "EUR" })] }, OPTIONS);
    expect(rejected[0]).toMatchObject({
      reason: "currency-mismatch",
      message: expect.stringMatching(/EUR .* USD/),
    });
    expect(facts[0]?.sales?.gross).toBe("0.00");
  });

  it("rejects duplicates (the first row wins), or counts them all with dedupe: false", async () => {
    const rows = [
      line({ itemPrice: "1.00" }),
      line({ itemPrice: "2.00" }),
      line({ sku: "B", itemPrice: "4.00" }),
    ];
    const on = await aggregateFacts({ orders: rows }, OPTIONS);
    expect(on.facts[0]?.sales).toMatchObject({ orders: 1, gross: "5.00" });
    expect(on.rejected).toEqual([
      expect.objectContaining({
        index: 1,
        reason: "duplicate",
        duplicateOf: 0,
        message: expect.stringMatching(/orderId and sku as row 0/),
      }),
    ]);
    const off = await aggregateFacts({ orders: rows }, { ...OPTIONS, dedupe: false });
    expect(off.facts[0]?.sales).toMatchObject({ orders: 1, gross: "7.00" });
    expect(off.rejected).toEqual([]);
  });

  it("lets a first copy of an unknown store or malformed make no later copy a duplicate", async () => {
    // Neither has a trustworthy identity: the later, valid copy counts.
    const { rejected, facts } = await aggregateFacts(
      {
        orders: [
          line({ store: "eu" }),
          line({ itemPrice: "1.001" }), // three decimals in USD: malformed
          line({ itemPrice: "3.00" }),
        ],
      },
      OPTIONS,
    );
    expect(rejected.map((r) => r.reason)).toEqual(["unknown-store", "malformed"]);
    expect(facts[0]?.sales?.gross).toBe("3.00");
  });

  it("lets the first copy win even outside the period: a later copy in the period is a duplicate (SPEC §10)", async () => {
    const march = { ...OPTIONS, period: MARCH };
    const first = line({ purchasedAt: "2026-04-02T10:00:00Z", itemPrice: "10.00" }); // April
    const later = line({ purchasedAt: "2026-03-30T10:00:00Z", itemPrice: "10.00" }); // March
    const { facts, rejected } = await aggregateFacts({ orders: [first, later] }, march);
    expect(rejected).toEqual([
      expect.objectContaining({ index: 0, reason: "outside-period" }),
      expect.objectContaining({ index: 1, reason: "duplicate", duplicateOf: 0 }),
    ]);
    expect(facts[0]?.sales).toMatchObject({ orders: 0, gross: "0.00" });
    // Whichever period is asked, the line is counted once, in April, never in March.
    const april = await aggregateFacts({ orders: [first, later] }, { ...OPTIONS, period: APRIL });
    expect(april.facts[0]?.sales).toMatchObject({ orders: 1, gross: "10.00" });
    const both = await aggregateFacts({ orders: [first, later] }, OPTIONS);
    expect(both.facts.filter((f) => f.store === "us").map((f) => f.sales?.gross)).toEqual(["0.00", "10.00"]);
  });

  it("lets the first refund win even when neither of its dates is in the period", async () => {
    const march = { ...OPTIONS, period: MARCH };
    const rows = [
      refund({
        refundedAt: "2026-04-02T10:00:00Z",
        orderPurchasedAt: "2026-02-10T10:00:00Z",
        amount: "5.00",
      }),
      refund({
        refundedAt: "2026-03-30T10:00:00Z",
        orderPurchasedAt: "2026-02-10T10:00:00Z",
        amount: "5.00",
      }),
    ];
    const { facts, rejected } = await aggregateFacts({ refunds: rows }, march);
    expect(rejected.map((r) => [r.index, r.reason, r.duplicateOf])).toEqual([
      [0, "outside-period", undefined],
      [1, "duplicate", 0],
    ]);
    expect(facts[0]?.sales?.refunds).toBe("0.00");
  });

  it("lets a first copy refused for its currency win too", async () => {
    const { facts, rejected } = await aggregateFacts(
      { orders: [line({ currency: "EUR" }), line({ itemPrice: "3.00" })] },
      OPTIONS,
    );
    expect(rejected.map((r) => [r.index, r.reason])).toEqual([
      [0, "currency-mismatch"],
      [1, "duplicate"],
    ]);
    expect(facts[0]?.sales?.gross).toBe("0.00");
  });

  it("applies first-wins to every other source across the period's edge", async () => {
    const march = { ...OPTIONS, period: MARCH };
    // Each source: a first copy dated in April (outside), then the same row again.
    const twice = <T extends object>(row: T): T[] => [row, { ...row }];
    const { facts, rejected } = await aggregateFacts(
      {
        ads: twice({
          store: "us",
          date: "2026-04-01",
          spend: "9.00",
          clicks: 1,
          impressions: 1,
          attributed: {},
          currency: "USD",
        }),
        reviews: [
          { store: "us", reviewId: "RV", createdAt: "2026-04-02T10:00:00Z", stars: 1 },
          { store: "us", reviewId: "RV", createdAt: "2026-03-02T10:00:00Z", stars: 1 }, // a March copy
        ],
        traffic: twice({ store: "us", date: "2026-04-03", sessions: 5, pageViews: 9 }),
        inventory: twice({ store: "us", date: "2026-04-05", sku: "A", units: 3 }),
      },
      march,
    );
    expect(rejected.map((r) => [r.source, r.index, r.reason])).toEqual([
      ["ads", 0, "outside-period"],
      ["ads", 1, "duplicate"],
      ["reviews", 0, "outside-period"],
      ["reviews", 1, "duplicate"],
      ["inventory", 0, "outside-period"],
      ["inventory", 1, "duplicate"],
      ["traffic", 0, "outside-period"],
      ["traffic", 1, "duplicate"],
    ]);
    expect(facts[0]?.reviews?.byStars).toEqual({ "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 });
  });
});

describe("aggregateFacts: exactness", () => {
  it("sums amounts beyond 2^53 minor units exactly", async () => {
    const rows = Array.from({ length: 10 }, (_, i) =>
      line({ orderId: `B${i}`, itemPrice: "9999999999999.99" }),
    );
    rows.push(
      line({ orderId: "H", itemPrice: "12345678901234567.89" }),
      line({ orderId: "S", itemPrice: "0.01" }),
    );
    const { facts } = await aggregateFacts({ orders: rows }, OPTIONS);
    // 10 × 9,999,999,999,999.99 = 99,999,999,999,999.90; + 12,345,678,901,234,567.89 + 0.01
    expect(facts[0]?.sales?.gross).toBe("12445678901234567.80");
  });

  it("reads numbers exactly, with the same result as strings", async () => {
    const asStrings = await aggregateFacts(
      { orders: [line({ itemPrice: "0.10" }), line({ sku: "B", itemPrice: "0.20" })] },
      OPTIONS,
    );
    const asNumbers = await aggregateFacts(
      { orders: [line({ itemPrice: 0.1 }), line({ sku: "B", itemPrice: 0.2 })] },
      OPTIONS,
    );
    expect(asNumbers.facts).toEqual(asStrings.facts);
    expect(asNumbers.facts[0]?.sales?.gross).toBe("0.30");
  });

  it("keeps each currency's minor unit (KWD 3)", async () => {
    const { facts } = await aggregateFacts(
      {
        orders: [
          line({ store: "kw", itemPrice: "1.005", currency: "KWD" }),
          line({ store: "kw", sku: "B", itemPrice: "2", currency: "KWD" }),
        ],
      },
      { ...OPTIONS, stores: [{ id: "kw", currency: "KWD", timeZone: "Asia/Kuwait" }] },
    );
    expect(facts[0]?.sales?.gross).toBe("3.005");
  });
});

describe("aggregateFacts: rows in another currency", () => {
  const FX = {
    policy: "cycle-end" as const,
    rates: [
      { from: "EUR", to: "USD", rate: "1.0850", date: "2026-03-31" },
      { from: "EUR", to: "USD", rate: "1.1000", date: "2026-04-30" },
      { from: "USD", to: "JPY", rate: "150.5", date: "2026-03-31" },
    ],
  };
  const withFx: AggregateFactsOptions = { ...OPTIONS, fx: FX };

  it("converts at the rate of the last day of the cycle each amount is booked in", async () => {
    const { facts, rejected } = await factsOf(
      {
        orders: [
          line({ orderId: "E1", itemPrice: "100.00", currency: "EUR" }), // March: 100.00 × 1.0850 = 108.50
          line({ orderId: "E2", purchasedAt: "2026-04-10T12:00:00Z", itemPrice: "100.00", currency: "EUR" }), // April: × 1.1000
          line({ orderId: "U1", itemPrice: "1.00" }), // already USD
        ],
        refunds: [
          // Refunded in April on the March order E1: refunds of April at 1.1000 = 11.00,
          // refundsOnPeriodOrders of March at 1.0850 = 10.85.
          refund({ refundId: "X", orderId: "E1", amount: "10.00", currency: "EUR" }),
        ],
      },
      withFx,
    );
    expect(rejected).toEqual([]);
    expect(at(facts, "us", MARCH.start).sales).toMatchObject({
      gross: "109.50",
      refundsOnPeriodOrders: "10.85",
    });
    expect(at(facts, "us", APRIL.start).sales).toMatchObject({ gross: "110.00", refunds: "11.00" });
  });

  it("sums converted amounts exactly and rounds each fact once", async () => {
    const rows = ["a", "b", "c"].map((sku) => line({ sku, itemPrice: "0.01", currency: "EUR" }));
    const { facts } = await factsOf(
      { orders: rows },
      { ...OPTIONS, fx: { policy: "fixed", rates: [{ from: "EUR", to: "USD", rate: "1.5" }] } },
    );
    // 3 × 0.01 × 1.5 = 0.045 → 0.05 (half-up, once); rounding per row would give 3 × 0.02 = 0.06.
    expect(at(facts, "us", MARCH.start).sales?.gross).toBe("0.05");
  });

  it("converts into a currency without minor unit", async () => {
    const { facts } = await factsOf(
      {
        orders: [
          line({ store: "jp", itemPrice: "1.23", currency: "USD", purchasedAt: "2026-03-10T00:00:00Z" }),
        ],
      },
      withFx,
    );
    // 1.23 × 150.5 = 185.115 → 185 yen.
    expect(at(facts, "jp", MARCH.start).sales?.gross).toBe("185");
  });

  it("rejects a row whose rate is missing, naming the pair and the date", async () => {
    const { rejected } = await aggregateFacts(
      {
        orders: [line({ currency: "GBP" })],
        ads: [ads({ date: "2026-03-02", spend: "5.00", currency: "EUR" })],
      },
      {
        ...OPTIONS,
        fx: { policy: "cycle-end", rates: [{ from: "EUR", to: "USD", rate: "1.1", date: "2026-04-30" }] },
      },
    );
    expect(rejected).toEqual([
      expect.objectContaining({
        source: "orders",
        reason: "fx-rate-missing",
        message: expect.stringMatching(/GBP→USD/),
      }),
      // The only EUR rate is dated after March's last day: March has none.
      expect.objectContaining({
        source: "ads",
        reason: "fx-rate-missing",
        message: expect.stringMatching(/2026-03-31/),
      }),
    ]);
  });
});

describe("aggregateFacts: streams", () => {
  it("reads async iterables and iterables like arrays", async () => {
    async function* slowly<T>(rows: readonly T[]) {
      for (const row of rows) {
        await Promise.resolve();
        yield row;
      }
    }
    function* sync<T>(rows: readonly T[]) {
      yield* rows;
    }
    const fromArrays = await aggregateFacts(ALL, OPTIONS);
    const fromAsync = await aggregateFacts(
      {
        orders: slowly(ORDERS),
        refunds: slowly(REFUNDS),
        ads: slowly(ADS),
        reviews: slowly(REVIEWS),
        inventory: slowly(INVENTORY),
        traffic: slowly(TRAFFIC),
      },
      OPTIONS,
    );
    const fromIterables = await aggregateFacts(
      {
        orders: sync(ORDERS),
        refunds: new Set(REFUNDS),
        ads: sync(ADS),
        reviews: sync(REVIEWS),
        inventory: sync(INVENTORY),
        traffic: sync(TRAFFIC),
      },
      OPTIONS,
    );
    expect(fromAsync).toEqual(fromArrays);
    expect(fromIterables).toEqual(fromArrays);
  });
});

describe("aggregateFacts: programmer errors", () => {
  const code = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      expect(error).toBeInstanceOf(KpiContractError);
      return (error as KpiContractError).code;
    }
    return "no error";
  };

  it("throws aggregate-options-invalid with every issue for bad options", async () => {
    const error = (await aggregateFacts(
      {},
      { ...OPTIONS, stores: [US, { ...US, timeZone: "Mars/Olympus" }] },
    ).catch((e: unknown) => e)) as KpiContractError;
    expect(error.code).toBe("aggregate-options-invalid");
    expect(error.issues.map((i) => i.path.join("."))).toEqual(["stores.1.timeZone", "stores.1.id"]);
    expect(
      await code(aggregateFacts({}, { ...OPTIONS, period: { start: "2026-04-01", end: "2026-03-01" } })),
    ).toBe("aggregate-options-invalid");
    expect(await code(aggregateFacts({}, { ...OPTIONS, extra: 1 } as AggregateFactsOptions))).toBe(
      "aggregate-options-invalid",
    );
  });

  it("accepts a contract's stores as they are", async () => {
    const { facts } = await aggregateFacts(
      {},
      { ...OPTIONS, stores: [{ ...US, platform: "amazon", marketplace: "US" }] },
    );
    expect(facts).toHaveLength(2);
  });

  it("throws aggregate-sources-invalid for an unknown source or one that is not iterable", async () => {
    expect(await code(aggregateFacts({ invoices: [] } as RecordSources, OPTIONS))).toBe(
      "aggregate-sources-invalid",
    );
    expect(await code(aggregateFacts({ orders: 5 } as unknown as RecordSources, OPTIONS))).toBe(
      "aggregate-sources-invalid",
    );
    expect(await code(aggregateFacts(null as unknown as RecordSources, OPTIONS))).toBe(
      "aggregate-sources-invalid",
    );
  });

  it("throws records-count-overflow when a count exceeds 2^53 − 1", async () => {
    const big = Number.MAX_SAFE_INTEGER;
    const rows = [
      { store: "us", date: "2026-03-01", sessions: big, pageViews: 0 },
      { store: "us", date: "2026-03-02", sessions: big, pageViews: 0 },
    ];
    expect(await code(aggregateFacts({ traffic: rows }, OPTIONS))).toBe("records-count-overflow");
  });
});
