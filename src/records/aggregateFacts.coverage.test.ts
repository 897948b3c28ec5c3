import { describe, expect, it } from "vitest";
import { KpiContractError } from "../values/KpiContractError.js";
import { type AggregateFactsOptions, aggregateFacts } from "./aggregateFacts.js";

const US = { id: "us", currency: "USD", timeZone: "America/Los_Angeles" };
const OPTIONS: AggregateFactsOptions = {
  stores: [US],
  period: { start: "2026-03-01", end: "2026-03-31" },
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

const refund = (over: Record<string, unknown>) => ({
  store: "us",
  refundId: "R1",
  orderId: "O1",
  refundedAt: "2026-03-20T10:00:00-07:00",
  amount: "1.00",
  currency: "USD",
  ...over,
});

const adsDay = (over: Record<string, unknown>) => ({
  store: "us",
  date: "2026-03-02",
  spend: "10.00",
  clicks: 4,
  impressions: 100,
  attributed: {},
  currency: "USD",
  ...over,
});

describe("aggregateFacts: very large amounts", () => {
  it("books a single amount of 10^15 minor units or more exactly", async () => {
    const { facts } = await aggregateFacts(
      { orders: [line({ itemPrice: "12345678901234567.89" })] },
      OPTIONS,
    );
    expect(facts[0]?.sales?.gross).toBe("12345678901234567.89");
  });

  it("converts a foreign amount of 10^15 minor units or more exactly", async () => {
    const { facts, rejected } = await aggregateFacts(
      { orders: [line({ itemPrice: "10000000000000.01", currency: "EUR" })] },
      { ...OPTIONS, fx: { policy: "fixed", rates: [{ from: "EUR", to: "USD", rate: "1.5" }] } },
    );
    expect(rejected).toEqual([]);
    // 10,000,000,000,000.01 × 1.5 = 15,000,000,000,000.015 → 15,000,000,000,000.02 (half-up, once).
    expect(facts[0]?.sales?.gross).toBe("15000000000000.02");
  });
});

describe("aggregateFacts: rows in two foreign currencies", () => {
  it("sums conversions at rates of different precision exactly", async () => {
    const { facts, rejected } = await aggregateFacts(
      {
        orders: [
          line({ orderId: "E", itemPrice: "100.00", currency: "EUR" }),
          line({ orderId: "G", itemPrice: "10.00", currency: "GBP" }),
          line({ orderId: "U", itemPrice: "0.01" }),
        ],
      },
      {
        ...OPTIONS,
        fx: {
          policy: "fixed",
          rates: [
            { from: "EUR", to: "USD", rate: "1.0851" },
            { from: "GBP", to: "USD", rate: "1.25" },
          ],
        },
      },
    );
    expect(rejected).toEqual([]);
    // 100.00 × 1.0851 = 108.51; 10.00 × 1.25 = 12.50; + 0.01 = 121.02.
    expect(facts[0]?.sales?.gross).toBe("121.02");
  });

  it("rejects a refund in another currency when no fx table is given", async () => {
    const { rejected, summary } = await aggregateFacts({ refunds: [refund({ currency: "EUR" })] }, OPTIONS);
    expect(rejected).toEqual([
      {
        source: "refunds",
        index: 0,
        reason: "currency-mismatch",
        message: "Currency EUR differs from the store's USD and no fx table was given",
      },
    ]);
    expect(summary.refunds).toEqual({ read: 1, counted: 0, rejected: 1 });
  });
});

describe("aggregateFacts: stores in the same time zone", () => {
  it("dates the rows of each by that zone", async () => {
    const { facts } = await aggregateFacts(
      {
        orders: [
          // 23:30 on Mar 31 in Los Angeles for both stores: March.
          line({ purchasedAt: "2026-03-31T23:30:00-07:00", itemPrice: "2.00" }),
          line({ store: "us2", purchasedAt: "2026-04-01T06:30:00Z", itemPrice: "3.00" }),
        ],
      },
      { ...OPTIONS, stores: [US, { ...US, id: "us2" }] },
    );
    expect(facts.map((f) => [f.store, f.sales?.orders, f.sales?.gross])).toEqual([
      ["us", 1, "2.00"],
      ["us2", 1, "3.00"],
    ]);
  });
});

describe("aggregateFacts: optional fields written as undefined", () => {
  it("counts refunds, advertising days and snapshots like rows without those fields", async () => {
    const sources = (extra: Record<string, undefined>) => ({
      refunds: [refund({ amount: "4.00", ...("tax" in extra ? { tax: undefined } : {}) })],
      ads: [adsDay("campaign" in extra ? { campaign: undefined } : {})],
      inventory: [
        {
          store: "us",
          date: "2026-03-31",
          sku: "A",
          units: 7,
          ...("unitCost" in extra ? { unitCost: undefined } : {}),
        },
      ],
    });
    const plain = await aggregateFacts(sources({}), OPTIONS);
    const undefinedFields = await aggregateFacts(
      sources({ tax: undefined, campaign: undefined, unitCost: undefined }),
      OPTIONS,
    );
    expect(undefinedFields.rejected).toEqual([]);
    expect(undefinedFields.facts).toEqual(plain.facts);
    expect(undefinedFields.facts[0]).toMatchObject({
      sales: { refunds: "4.00", refundedOrders: 1 },
      ads: { spend: "10.00", clicks: 4, impressions: 100 },
      inventory: { closingUnits: 7 },
    });
  });
});

describe("aggregateFacts: attribution windows", () => {
  it("lists windows by their leading number, then the others by text", async () => {
    const figures = { sales: "1.00", orders: 1 };
    const { facts } = await aggregateFacts(
      {
        ads: [
          adsDay({ attributed: { "b-2": figures, "14d": figures, "view-x": figures } }),
          adsDay({ date: "2026-03-03", attributed: { "7d": figures, "click-a": figures, "1d": figures } }),
        ],
      },
      OPTIONS,
    );
    expect(Object.keys(facts[0]?.ads?.attributed ?? {})).toEqual([
      "1d",
      "7d",
      "14d",
      "b-2",
      "click-a",
      "view-x",
    ]);
  });

  it("reads only a row's own windows, not inherited ones", async () => {
    const attributed = Object.assign(Object.create({ "30d": { sales: "99.00", orders: 9 } }), {
      "7d": { sales: "5.00", orders: 2 },
    });
    const { facts, rejected } = await aggregateFacts({ ads: [adsDay({ attributed })] }, OPTIONS);
    expect(rejected).toEqual([]);
    expect(facts[0]?.ads?.attributed).toEqual({ "7d": { sales: "5.00", orders: 2 } });
  });

  it("rejects a window with a key besides sales and orders at that key", async () => {
    const { rejected } = await aggregateFacts(
      { ads: [adsDay({ attributed: { "7d": { sales: "5.00", orders: 2, clicks: 3 } } })] },
      OPTIONS,
    );
    expect(rejected).toEqual([
      expect.objectContaining({
        source: "ads",
        index: 0,
        reason: "malformed",
        path: ["attributed", "7d", "clicks"],
      }),
    ]);
  });
});

describe("aggregateFacts: sources given as undefined", () => {
  it("treats a source key set to undefined as left out", async () => {
    const { facts, summary } = await aggregateFacts({ orders: undefined, traffic: [] }, OPTIONS);
    expect(summary).toEqual({ traffic: { read: 0, counted: 0, rejected: 0 } });
    expect(facts[0]?.sales).toBeUndefined();
    expect(facts[0]?.traffic).toEqual({ sessions: 0, pageViews: 0 });
  });
});

describe("aggregateFacts: inventory overflow", () => {
  it("throws records-count-overflow when the units of all SKUs exceed 2^53 − 1", async () => {
    const big = Number.MAX_SAFE_INTEGER;
    const inventory = [
      { store: "us", date: "2026-03-31", sku: "A", units: big },
      { store: "us", date: "2026-03-31", sku: "B", units: 1 },
    ];
    const error = await aggregateFacts({ inventory }, OPTIONS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KpiContractError);
    expect(error).toMatchObject({
      code: "records-count-overflow",
      message: "The inventory units count exceeds the largest safe integer",
      params: { field: "inventory units" },
    });
  });
});
