import { describe, expect, it } from "vitest";
import {
  type BuyerConcentrationOptions,
  buyerConcentration,
  safeBuyerConcentration,
} from "./buyerConcentration.js";

const us = { id: "us", currency: "USD", timeZone: "America/Los_Angeles" };
const options: BuyerConcentrationOptions = {
  stores: [us],
  period: { start: "2026-03-01", end: "2026-03-31" },
};

/** n one-line March orders at `itemPrice`, numbered from `from`, with the columns `columns(i)`. */
function orders(n: number, itemPrice: string, columns: (i: number) => Record<string, string>, from = 0) {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      store: "us",
      orderId: `O-${i}`,
      purchasedAt: "2026-03-10T10:00:00-07:00",
      itemPrice,
      ...columns(i),
    };
  });
}

describe("buyerConcentration: orders without gross", () => {
  it("judges on the orders alone when the window's gross is 0, and names buyers in zh-CN", () => {
    // 15 free orders of B-0 and 45 of distinct buyers: top 5 = 15 + 4 = 19 of 60 = 31.67% > 20%;
    // the gross share of a zero gross is 0, so the orders' share decides (≤ 40%: warning).
    const rows = [
      ...orders(15, "0.00", () => ({ buyerId: "B-0" })),
      ...orders(45, "0.00", (i) => ({ buyerId: `B-${i}` }), 100),
    ];
    const [signal, ...rest] = buyerConcentration({ orders: rows }, { ...options, locale: "zh-CN" });
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({
      severity: "warning",
      params: {
        by: "buyerId",
        orders: 60,
        topOrders: 19,
        ordersShare: "0.3166666666666666666666666666666667",
        gross: "0.00",
        topGross: "0.00",
        grossShare: "0",
      },
      message:
        "店铺 us 在 2026-03-01..2026-03-31：前 5 个买家占 60 个订单的 31.7%、销售额 0.00 USD 的 0%，超过 20%。",
    });
  });
});

describe("buyerConcentration: the orders' share above the gross share", () => {
  it("reports the larger share: many small orders of a few buyers", () => {
    // B-0 places 20 orders of 1.00; 40 buyers one order of 10.00 each. Top 5 by orders: 20 + 4 = 24 of
    // 60 = 40% (> 20%, not > 40%: warning). Top 5 by gross: B-0's 20.00 + 4 × 10.00 = 60.00 of
    // 20.00 + 400.00 = 420.00, 1/7 = 14.29%.
    const rows = [
      ...orders(20, "1.00", () => ({ buyerId: "B-0" })),
      ...orders(40, "10.00", (i) => ({ buyerId: `B-${i}` }), 100),
    ];
    const [signal] = buyerConcentration({ orders: rows }, options);
    expect(signal).toMatchObject({
      severity: "warning",
      params: {
        topOrders: 24,
        ordersShare: "0.4",
        gross: "420.00",
        topGross: "60.00",
        grossShare: "0.1428571428571428571428571428571429",
      },
    });
  });
});

describe("safeBuyerConcentration", () => {
  it("throws an error that is not a KpiContractError instead of returning it", () => {
    const rows = {
      get orders(): never {
        throw new TypeError("broken getter");
      },
    };
    expect(() => safeBuyerConcentration(rows, options)).toThrow(new TypeError("broken getter"));
  });
});
