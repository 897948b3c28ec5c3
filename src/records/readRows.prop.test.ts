import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCurrencyCode, minorUnits } from "../values/currency.js";
import {
  createScratch,
  readAdsDay,
  readInventory,
  readOrderLine,
  readRefund,
  readReview,
  readTraffic,
} from "./readRows.js";
import { recordSchemas } from "./recordSchemas.js";

// The readers are a fast path in front of the zod schemas: whatever a reader accepts, the schema
// accepts too, and the reader reads the same values from the row as from the schema's output;
// whatever the schema accepts, the reader accepts once the schema has parsed it.
const exponentOf = (c: string) => (isCurrencyCode(c) ? minorUnits(c) : -1);

const tricky = fc.constantFrom<unknown>(
  undefined,
  null,
  "",
  "x",
  "0",
  "-0",
  "-0.00",
  "-1",
  "1e3",
  "19.99",
  "19.999",
  "19.990",
  "12345678901234567.89",
  0,
  -0,
  1,
  2.5,
  19.99,
  -3,
  1e21,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  "USD",
  "JPY",
  "usd",
  "2026-03-31T23:30:00-07:00",
  "2026-03-31T23:30:00",
  "2026-02-30T10:00:00Z",
  "2026-03-31",
  "2026-02-29",
  "cancelled",
  [],
  {},
  { "7d": { sales: "1.00", orders: 1 } },
  { "7d": { sales: 1.5, orders: 1 } },
  { "7d": { sales: "1.00", orders: 1, extra: 1 } },
  { "7 d": { sales: "1.00", orders: 1 } },
  { "14d": { sales: "1.001", orders: 1 } },
  "a".repeat(257),
);

const BASES = {
  orders: {
    store: "s",
    orderId: "o",
    sku: "k",
    purchasedAt: "2026-03-01T10:00:00Z",
    status: "shipped",
    quantity: 1,
    itemPrice: "1.00",
    itemTax: "0.10",
    shippingPrice: "0",
    currency: "USD",
  },
  refunds: {
    store: "s",
    refundId: "r",
    orderId: "o",
    refundedAt: "2026-03-01T10:00:00Z",
    amount: "1.00",
    tax: "0",
    shipping: "0",
    quantity: 1,
    orderPurchasedAt: "2026-02-01T10:00:00Z",
    currency: "USD",
  },
  ads: {
    store: "s",
    date: "2026-03-01",
    campaign: "c",
    spend: "1.00",
    clicks: 1,
    impressions: 1,
    attributed: { "7d": { sales: "1.00", orders: 1 } },
    currency: "USD",
  },
  reviews: { store: "s", reviewId: "v", createdAt: "2026-03-01T10:00:00Z", stars: 4 },
  inventory: { store: "s", date: "2026-03-01", sku: "k", units: 1, unitCost: "1.125" },
  traffic: { store: "s", date: "2026-03-01", sessions: 1, pageViews: 2 },
} as const;

type Kind = keyof typeof BASES;

function mutated(kind: Kind) {
  const keys = [...Object.keys(BASES[kind]), "extra"];
  return fc.array(fc.tuple(fc.constantFrom(...keys), tricky), { maxLength: 3 }).map((changes) => {
    const row: Record<string, unknown> = { ...BASES[kind] };
    for (const [key, value] of changes) {
      if (value === undefined && key !== "extra") delete row[key];
      else row[key] = value;
    }
    return row;
  });
}

function reader(kind: Kind): (row: unknown, trusted: boolean) => unknown | undefined {
  return (row, trusted) => {
    const s = createScratch();
    const ok =
      kind === "orders"
        ? readOrderLine(row, s.orders, exponentOf, trusted)
        : kind === "refunds"
          ? readRefund(row, s.refunds, exponentOf, trusted)
          : kind === "ads"
            ? readAdsDay(row, s.ads, exponentOf, trusted)
            : kind === "reviews"
              ? readReview(row, s.reviews, trusted)
              : kind === "inventory"
                ? readInventory(row, s.inventory, trusted)
                : readTraffic(row, s.traffic, trusted);
    if (!ok) return undefined;
    const { lastText: _t, lastMs: _m, ...orders } = s.orders;
    const ads = { ...s.ads, windows: s.ads.windows.slice(0, s.ads.windowCount) };
    const read = {
      orders,
      refunds: s.refunds,
      ads,
      reviews: s.reviews,
      inventory: s.inventory,
      traffic: s.traffic,
    }[kind];
    // Money texts may differ in form ("1.5" from 1.5); the minor units must not.
    return JSON.parse(
      JSON.stringify(read, (k, v) => (k.endsWith("Text") || k === "windowSalesText" ? undefined : v)),
    );
  };
}

describe.each(Object.keys(BASES) as Kind[])("the %s reader", (kind) => {
  const read = reader(kind);
  it("accepts only what the schema accepts, reading the same values (property)", () => {
    fc.assert(
      fc.property(mutated(kind), (row) => {
        const parsed = recordSchemas[kind].safeParse(row);
        const fast = read(row, false);
        if (fast !== undefined) expect(parsed.success).toBe(true);
        if (parsed.success) {
          const trusted = read(parsed.data, true);
          expect(trusted).toBeDefined();
          if (fast !== undefined) expect(fast).toEqual(trusted);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("reads the untouched base row without the schema", () => {
    expect(read(BASES[kind], false)).toBeDefined();
  });
});
