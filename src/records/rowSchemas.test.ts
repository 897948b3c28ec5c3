import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { KpiContractError } from "../values/KpiContractError.js";
import { adsDayRowSchema } from "./adsDayRowSchema.js";
import { inventorySnapshotRowSchema } from "./inventorySnapshotRowSchema.js";
import { orderLineRowSchema } from "./orderLineRowSchema.js";
import { RECORD_SOURCES, type RecordSource } from "./recordSchemas.js";
import { recordsJsonSchema } from "./recordsJsonSchema.js";
import { refundRowSchema } from "./refundRowSchema.js";
import { reviewRowSchema } from "./reviewRowSchema.js";
import { trafficDayRowSchema } from "./trafficDayRowSchema.js";

const EXAMPLES: Record<RecordSource, Record<string, unknown>> = {
  orders: {
    store: "amazon-us-main",
    orderId: "113-1",
    sku: "MUG-1",
    purchasedAt: "2026-03-31T23:30:00-07:00",
    status: "shipped",
    quantity: 2,
    itemPrice: "39.98",
    itemTax: "3.20",
    shippingPrice: "4.99",
    currency: "USD",
  },
  refunds: {
    store: "amazon-us-main",
    refundId: "R-1",
    orderId: "113-1",
    refundedAt: "2026-04-03T10:00:00Z",
    amount: "19.99",
    tax: "1.60",
    shipping: "0.00",
    quantity: 1,
    orderPurchasedAt: "2026-03-31T23:30:00-07:00",
    currency: "USD",
  },
  ads: {
    store: "amazon-us-main",
    date: "2026-03-01",
    campaign: "SP-brand",
    spend: "290.32",
    clicks: 484,
    impressions: 29032,
    attributed: { "7d": { sales: "1258.06", orders: 32 }, "14d": { sales: "1354.84", orders: 33 } },
    currency: "USD",
  },
  reviews: { store: "amazon-us-main", reviewId: "RV-1", createdAt: "2026-03-02T08:00:00Z", stars: 5 },
  inventory: { store: "amazon-us-main", date: "2026-02-28", sku: "MUG-1", units: 400, unitCost: "3.1250" },
  traffic: { store: "amazon-us-main", date: "2026-03-01", sessions: 774, pageViews: 1000 },
};

const SCHEMAS = {
  orders: orderLineRowSchema,
  refunds: refundRowSchema,
  ads: adsDayRowSchema,
  reviews: reviewRowSchema,
  inventory: inventorySnapshotRowSchema,
  traffic: trafficDayRowSchema,
} as const;

const firstIssue = (kind: RecordSource, row: unknown) => {
  const result = SCHEMAS[kind].safeParse(row);
  expect(result.success).toBe(false);
  return result.error!.issues[0]!;
};

describe("row schemas", () => {
  it.each(RECORD_SOURCES)("accept the example %s row", (kind) => {
    expect(SCHEMAS[kind].safeParse(EXAMPLES[kind]).success).toBe(true);
  });

  it.each(RECORD_SOURCES)("refuse an unknown key in a %s row", (kind) => {
    expect(firstIssue(kind, { ...EXAMPLES[kind], colour: "red" }).code).toBe("unrecognized_keys");
  });

  it("convert numbers to decimal strings exactly", () => {
    const row = orderLineRowSchema.parse({ ...EXAMPLES.orders, itemPrice: 0.1, itemTax: 1e-2 });
    expect(row.itemPrice).toBe("0.1");
    expect(row.itemTax).toBe("0.01");
  });

  it("refuse an amount with more fraction digits than its currency has, naming the field", () => {
    const issue = firstIssue("orders", { ...EXAMPLES.orders, itemPrice: "19.999" });
    expect(issue.path).toEqual(["itemPrice"]);
    expect(issue.message).toMatch(/more fraction digits than USD allows \(2\)/);
    const jpy = firstIssue("refunds", {
      ...EXAMPLES.refunds,
      currency: "JPY",
      amount: "100.5",
      tax: "0",
      shipping: "0",
    });
    expect(jpy.path).toEqual(["amount"]);
    const ads = firstIssue("ads", { ...EXAMPLES.ads, attributed: { "7d": { sales: "1.001", orders: 1 } } });
    expect(ads.path).toEqual(["attributed", "7d", "sales"]);
  });

  it("accept trailing zeros beyond the minor unit", () => {
    expect(orderLineRowSchema.safeParse({ ...EXAMPLES.orders, itemPrice: "19.990" }).success).toBe(true);
  });

  it("refuse a timestamp without offset, or one that does not exist", () => {
    expect(firstIssue("orders", { ...EXAMPLES.orders, purchasedAt: "2026-03-31T23:30:00" }).path).toEqual([
      "purchasedAt",
    ]);
    const issue = firstIssue("reviews", { ...EXAMPLES.reviews, createdAt: "2026-02-30T10:00:00Z" });
    expect(issue.message).toMatch(/the date does not exist/);
  });

  it("refuse stars outside 1–5, negative money and counts, unknown currencies", () => {
    expect(firstIssue("reviews", { ...EXAMPLES.reviews, stars: 6 }).path).toEqual(["stars"]);
    expect(firstIssue("orders", { ...EXAMPLES.orders, itemPrice: "-1.00" }).path).toEqual(["itemPrice"]);
    expect(firstIssue("traffic", { ...EXAMPLES.traffic, sessions: -1 }).path).toEqual(["sessions"]);
    expect(firstIssue("ads", { ...EXAMPLES.ads, currency: "usd" }).path).toEqual(["currency"]);
    expect(firstIssue("inventory", { ...EXAMPLES.inventory, date: "2026-02-29" }).path).toEqual(["date"]);
    expect(
      firstIssue("ads", { ...EXAMPLES.ads, attributed: { "7 days": { sales: "1", orders: 1 } } }).path[0],
    ).toBe("attributed");
  });

  it("let an inventory unit cost be finer than the minor unit", () => {
    expect(inventorySnapshotRowSchema.parse({ ...EXAMPLES.inventory, unitCost: "3.14159" }).unitCost).toBe(
      "3.14159",
    );
  });
});

describe("recordsJsonSchema", () => {
  const ajv = new Ajv2020({ strict: false });

  it.each(RECORD_SOURCES)("describes %s rows so that another validator accepts the example", (kind) => {
    const schema = recordsJsonSchema(kind);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const validate = ajv.compile(schema);
    expect(validate(EXAMPLES[kind])).toBe(true);
    expect(validate({ ...EXAMPLES[kind], colour: "red" })).toBe(false);
  });

  it("lists the required fields of an order line", () => {
    expect(recordsJsonSchema("orders").required).toEqual([
      "store",
      "orderId",
      "sku",
      "purchasedAt",
      "status",
      "quantity",
      "itemPrice",
      "currency",
    ]);
  });

  it("throws records-kind-unknown for another kind", () => {
    expect(() => recordsJsonSchema("invoices" as RecordSource)).toThrow(KpiContractError);
    try {
      recordsJsonSchema("invoices" as RecordSource);
    } catch (error) {
      expect((error as KpiContractError).code).toBe("records-kind-unknown");
    }
  });
});
