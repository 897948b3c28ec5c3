import { describe, expect, it } from "vitest";
import type { KpiContractError } from "../values/KpiContractError.js";
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

/** n one-line orders of 10.00 in March, numbered from `from`, with the columns `columns(i)`. */
function orders(n: number, columns: (i: number) => Record<string, string>, from = 0) {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      store: "us",
      orderId: `O-${i}`,
      purchasedAt: "2026-03-10T10:00:00-07:00",
      itemPrice: "10.00",
      ...columns(i),
    };
  });
}

const unique = (i: number) => ({ buyerId: `B-${i}` });

describe("buyerConcentration", () => {
  it("fires when the top 5 buyers hold more than 20% of the orders", () => {
    // 15 orders of B-0, 45 of distinct buyers: top 5 = 15 + 4 × 1 = 19 of 60 = 31.67% > 20% (≤ 40%: warning).
    const rows = [...orders(15, () => ({ buyerId: "B-0" })), ...orders(45, unique, 100)];
    const [signal, ...rest] = buyerConcentration({ orders: rows }, options);
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({
      signal: "buyer-concentration",
      severity: "warning",
      store: "us",
      period: { start: "2026-03-01", end: "2026-03-31" },
      params: {
        by: "buyerId",
        top: 5,
        threshold: "0.2",
        currency: "USD",
        orders: 60,
        ordersWithKey: 60,
        distinctKeys: 46,
        topOrders: 19,
        ordersShare: "0.3166666666666666666666666666666667",
        gross: "600.00",
        topGross: "190.00",
        grossShare: "0.3166666666666666666666666666666667",
      },
    });
    // Ties (one order each) are broken by gross, then key: B-100 < B-101 < …
    expect(signal?.params.leaders).toEqual([
      { key: "B-0", orders: 15, gross: "150.00" },
      { key: "B-100", orders: 1, gross: "10.00" },
      { key: "B-101", orders: 1, gross: "10.00" },
      { key: "B-102", orders: 1, gross: "10.00" },
      { key: "B-103", orders: 1, gross: "10.00" },
    ]);
    expect(signal?.message).toBe(
      "At store us in 2026-03-01..2026-03-31 the top 5 buyers hold 31.7% of 60 orders and 31.7% of the gross 600.00 USD, above 20%.",
    );
  });

  it("does not fire on 60 distinct buyers (top 5 = 5 ÷ 60 = 8.3%)", () => {
    expect(buyerConcentration({ orders: orders(60, unique) }, options)).toEqual([]);
  });

  it("fires on the gross alone, as an alert above 40%", () => {
    // 60 distinct buyers; B-0 spent 1,000.00 instead of 10.00: gross 1,000 + 59 × 10 = 1,590.00;
    // top 5 by gross 1,000 + 4 × 10 = 1,040 → 65.4% (orders 5 ÷ 60 = 8.3%).
    const rows = orders(60, unique).map((o, i) => (i === 0 ? { ...o, itemPrice: "1000.00" } : o));
    const [signal] = buyerConcentration({ orders: rows }, options);
    expect(signal).toMatchObject({
      severity: "alert",
      params: { topOrders: 5, gross: "1590.00", topGross: "1040.00" },
    });
    expect(signal?.params.grossShare.startsWith("0.654088")).toBe(true);
  });

  it("orders without the column count in the whole; a window below minOrders is not judged", () => {
    // 15 of 60 orders carry B-0, the rest no buyer: 15 ÷ 60 = 25% > 20%.
    const rows = [...orders(15, () => ({ buyerId: "B-0" })), ...orders(45, () => ({}), 100)];
    const [signal] = buyerConcentration({ orders: rows }, options);
    expect(signal?.params).toMatchObject({
      orders: 60,
      ordersWithKey: 15,
      distinctKeys: 1,
      ordersShare: "0.25",
    });
    // 40 orders of one buyer: fewer than the default 50, not judged; with minOrders 10, 100%.
    const few = orders(40, () => ({ buyerId: "B-0" }));
    expect(buyerConcentration({ orders: few }, options)).toEqual([]);
    expect(buyerConcentration({ orders: few }, { ...options, minOrders: 10 })[0]?.params.ordersShare).toBe(
      "1",
    );
  });

  it("groups by address hash separately, address before buyer; no column, no signal", () => {
    const rows = orders(60, (i) => ({ buyerId: `B-${i % 3}`, addressHash: i < 20 ? "H-1" : `H-${i}` }));
    const signals = buyerConcentration({ orders: rows }, options);
    // Addresses: 20 + 4 = 24 of 60 = 40% (warning: not above 40%); buyers: 3 buyers hold all 60 (alert).
    expect(signals.map((s) => [s.params.by, s.params.topOrders, s.severity])).toEqual([
      ["addressHash", 24, "warning"],
      ["buyerId", 60, "alert"],
    ]);
    expect(buyerConcentration({ orders: orders(60, () => ({})) }, options)).toEqual([]);
  });

  it("counts orders, not lines; cancelled orders and repeated lines are left out", () => {
    const rows = [
      ...orders(40, unique, 100),
      // B-0's 15 orders, each with two lines (one repeated): still 15 orders, 15 × 20.00.
      ...orders(15, () => ({ buyerId: "B-0", sku: "S1" })),
      ...orders(15, () => ({ buyerId: "B-0", sku: "S2" })),
      ...orders(15, () => ({ buyerId: "B-0", sku: "S2" })),
      // Five orders cancelled in full: not orders.
      ...orders(5, () => ({ buyerId: "B-0", status: "cancelled" }), 500),
    ];
    const [signal] = buyerConcentration({ orders: rows }, options);
    expect(signal?.params).toMatchObject({ orders: 55, topOrders: 19, gross: "700.00", topGross: "340.00" });
  });

  it("judges each cycle on its own with `cycle`", () => {
    const march = [...orders(15, () => ({ buyerId: "B-0" })), ...orders(45, unique, 100)];
    const april = orders(60, unique, 1000).map((o) => ({ ...o, purchasedAt: "2026-04-10T10:00:00-07:00" }));
    const signals = buyerConcentration(
      { orders: [...april, ...march] },
      { ...options, period: { start: "2026-03-01", end: "2026-04-30" }, cycle: "monthly" },
    );
    expect(signals.map((s) => s.period)).toEqual([{ start: "2026-03-01", end: "2026-03-31" }]);
    // Over both months together: 19 of 120 = 15.8%, no signal.
    expect(
      buyerConcentration(
        { orders: [...april, ...march] },
        { ...options, period: { start: "2026-03-01", end: "2026-04-30" } },
      ),
    ).toEqual([]);
  });

  it("writes zh-CN messages", () => {
    const rows = orders(60, () => ({ addressHash: "H-1" }));
    const [signal] = buyerConcentration({ orders: rows }, { ...options, locale: "zh-CN" });
    expect(signal?.message).toBe(
      "店铺 us 在 2026-03-01..2026-03-31：前 5 个收货地址占 60 个订单的 100%、销售额 600.00 USD 的 100%，超过 20%。",
    );
  });

  it("options-invalid: top 0, a threshold of 1 or more, minOrders 0", () => {
    for (const bad of [
      { top: 0 },
      { threshold: "100%" },
      { threshold: "0" },
      { minOrders: 0 },
      { top: 1.5 },
    ]) {
      const result = safeBuyerConcentration({ orders: [] }, { ...options, ...bad });
      expect(result.success ? null : result.error.code).toBe("options-invalid");
    }
  });

  it("input-invalid: an unknown column, an empty buyer id", () => {
    let error: KpiContractError | undefined;
    try {
      buyerConcentration(
        { orders: [{ ...orders(1, unique)[0], email: "x" }, ...orders(1, () => ({ buyerId: "" }))] },
        options,
      );
    } catch (e) {
      error = e as KpiContractError;
    }
    expect(error?.code).toBe("input-invalid");
    expect(error?.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["unrecognized_keys", "orders.0"],
      ["too_small", "orders.1.buyerId"],
    ]);
  });
});
