import { describe, expect, it } from "vitest";
import type { KpiContractError } from "../values/KpiContractError.js";
import { type RefundCohortJumpOptions, refundCohortJump, safeRefundCohortJump } from "./refundCohortJump.js";

const us = { id: "us", currency: "USD", timeZone: "America/Los_Angeles" };
const options: RefundCohortJumpOptions = {
  stores: [us],
  period: { start: "2026-01-01", end: "2026-02-28" },
  cycle: "monthly",
};

const order = (
  orderId: string,
  itemPrice: string,
  purchasedAt = "2026-01-10T10:00:00-08:00",
  extra = {},
) => ({
  store: "us",
  orderId,
  purchasedAt,
  itemPrice,
  ...extra,
});
const refund = (refundId: string, orderId: string, amount: string, refundedAt: string, extra = {}) => ({
  store: "us",
  refundId,
  orderId,
  refundedAt,
  amount,
  currency: "USD",
  ...extra,
});

// January cohort: A 100.00 + B 200.00 + C 700.00 = 1,000.00 gross; February: D 500.00.
const orders = [
  order("A", "100.00"),
  order("B", "200.00"),
  order("C", "700.00"),
  order("D", "500.00", "2026-02-10T10:00:00-08:00"),
];

function refusal(run: () => unknown): KpiContractError {
  try {
    run();
  } catch (error) {
    return error as KpiContractError;
  }
  throw new Error("expected a refusal");
}

describe("refundCohortJump", () => {
  it("fires when refunds after the cycle closed exceed 10% of the cohort's gross", () => {
    // In January: 50.00 on A (in cycle). After January: 150.00 on B → 150 ÷ 1,000 = 0.15 > 0.10.
    const refunds = [
      refund("R1", "A", "50.00", "2026-01-20T10:00:00-08:00"),
      refund("R2", "B", "150.00", "2026-02-03T10:00:00-08:00"),
    ];
    expect(refundCohortJump({ orders, refunds }, options)).toEqual([
      {
        signal: "refund-cohort-jump",
        severity: "warning",
        store: "us",
        period: { start: "2026-01-01", end: "2026-01-31" },
        params: {
          currency: "USD",
          orders: 3,
          gross: "1000.00",
          lateRefunds: "150.00",
          lateRefundCount: 1,
          inCycleRefunds: "50.00",
          ratio: "0.15",
          threshold: "0.1",
        },
        message:
          "Orders placed at store us in 2026-01-01..2026-01-31 (3 orders, gross 1000.00 USD) were refunded 150.00 USD after the cycle closed (1 refund), 15% of their gross, above 10%.",
      },
    ]);
  });

  it("does not fire at exactly the threshold (100 ÷ 1,000 = 10%), nor on refunds inside the cycle", () => {
    const refunds = [
      refund("R1", "A", "100.00", "2026-02-03T10:00:00-08:00"),
      refund("R2", "C", "700.00", "2026-01-25T10:00:00-08:00"),
    ];
    expect(refundCohortJump({ orders, refunds }, options)).toEqual([]);
  });

  it("is an alert above twice the threshold: 250 ÷ 1,000 = 25% > 20%", () => {
    const refunds = [refund("R1", "C", "250.00", "2026-03-15T10:00:00-07:00")];
    const [signal] = refundCohortJump({ orders, refunds }, options);
    expect(signal).toMatchObject({ severity: "alert", params: { ratio: "0.25" } });
  });

  it("places orders and refunds on the store's local day (23:30 PST on 31 January is January)", () => {
    // Order E at 2026-02-01T07:30Z = 2026-01-31 23:30 PST: January cohort (gross 1,000 + 1,000).
    // A refund at 2026-02-01T07:30Z is also 31 January: inside the cycle, not late.
    const withE = [...orders, order("E", "1000.00", "2026-02-01T07:30:00Z")];
    const inCycle = [refund("R1", "E", "900.00", "2026-02-01T07:30:00Z")];
    expect(refundCohortJump({ orders: withE, refunds: inCycle }, options)).toEqual([]);
    // 08:00Z is 00:00 PST on 1 February: late. 900 ÷ 2,000 = 45%.
    const late = [refund("R1", "E", "900.00", "2026-02-01T08:00:00Z")];
    const [signal] = refundCohortJump({ orders: withE, refunds: late }, options);
    expect(signal?.params).toMatchObject({ orders: 4, gross: "2000.00", ratio: "0.45" });
  });

  it("leaves out cancelled lines, repeated lines and refunds, and refunds of orders not among the rows", () => {
    const rows = [
      order("A", "100.00", undefined, { sku: "S1" }),
      order("A", "100.00", undefined, { sku: "S1" }), // the same line again: counted once
      order("A", "900.00", undefined, { sku: "S2", status: "cancelled" }),
      order("X", "50.00", undefined, { status: "cancelled" }), // cancelled in full: no order, no gross
    ];
    // 20.00 late on A, given twice (same refundId): 20 ÷ 100 = 20% — not 40%, and not 20 ÷ 1,100.
    const refunds = [
      refund("R1", "A", "20.00", "2026-02-05T10:00:00-08:00"),
      refund("R1", "A", "20.00", "2026-02-05T10:00:00-08:00"),
      refund("R9", "unknown-order", "500.00", "2026-02-05T10:00:00-08:00"),
    ];
    const [signal] = refundCohortJump({ orders: rows, refunds }, options);
    expect(signal?.params).toMatchObject({ orders: 1, gross: "100.00", lateRefunds: "20.00", ratio: "0.2" });
  });

  it("takes a threshold as a percent; without a cycle the whole period is one cohort", () => {
    // 60 late on the 1,500.00 of January and February together (late: after 28 February) = 4%.
    const refunds = [refund("R1", "D", "60.00", "2026-03-02T10:00:00-08:00")];
    const whole = { stores: [us], period: options.period };
    expect(refundCohortJump({ orders, refunds }, { ...whole, threshold: "5%" })).toEqual([]);
    const [signal] = refundCohortJump({ orders, refunds }, { ...whole, threshold: "3%" });
    expect(signal).toMatchObject({
      period: { start: "2026-01-01", end: "2026-02-28" },
      params: { gross: "1500.00", ratio: "0.04", threshold: "0.03" },
    });
  });

  it("orders signals by the stores' order, then cycle; writes zh-CN messages", () => {
    const eu = { id: "eu", currency: "EUR", timeZone: "Europe/Berlin" };
    const euOrders = [{ ...order("E1", "100.00", "2026-02-10T10:00:00+01:00"), store: "eu" }];
    const euRefunds = [
      { ...refund("ER", "E1", "90.00", "2026-03-10T10:00:00+01:00"), store: "eu", currency: "EUR" },
    ];
    const refunds = [refund("R1", "D", "100.00", "2026-03-02T10:00:00-08:00"), ...euRefunds];
    const rows = {
      orders: [...orders, ...euOrders],
      refunds: [refund("R0", "A", "200.00", "2026-02-02T10:00:00-08:00"), ...refunds],
    };
    const signals = refundCohortJump(rows, { ...options, stores: [eu, us], locale: "zh-CN" });
    expect(signals.map((s) => [s.store, s.period?.start])).toEqual([
      ["eu", "2026-02-01"],
      ["us", "2026-01-01"],
      ["us", "2026-02-01"],
    ]);
    expect(signals[0]?.message).toBe(
      "店铺 eu 在 2026-02-01..2026-02-28 下单的 1 个订单（销售额 100.00 EUR）在周期结束后又退款 90.00 EUR（1 笔），占 90%，超过 10%。",
    );
  });

  it("options-invalid: a threshold of 0, a repeated store, an unknown option", () => {
    for (const bad of [
      { ...options, threshold: "0" },
      { ...options, stores: [us, us] },
      { ...options, window: 3 },
      { ...options, stores: [{ ...us, timeZone: "PST" }] },
    ]) {
      expect(
        refusal(() => refundCohortJump({ orders, refunds: [] }, bad as RefundCohortJumpOptions)).code,
      ).toBe("options-invalid");
    }
  });

  it("input-invalid: every bad row at its path", () => {
    const e = refusal(() =>
      refundCohortJump(
        {
          orders: [
            order("A", "1.001"),
            { ...order("B", "1.00"), store: "eu" },
            { ...order("C", "1.00"), currency: "EUR" },
          ],
          refunds: [{ ...refund("R", "A", "1.00", "2026-01-20T10:00:00-08:00"), refundedAt: "2026-01-20" }],
        },
        options,
      ),
    );
    expect(e.code).toBe("input-invalid");
    expect(e.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["amount-too-precise", "orders.0.itemPrice"],
      ["store-unknown", "orders.1.store"],
      ["currency-mismatch", "orders.2.currency"],
      ["invalid_format", "refunds.0.refundedAt"],
      ["timestamp-invalid", "refunds.0.refundedAt"],
    ]);
    const notArray = safeRefundCohortJump({ orders: "x" as never, refunds: [] }, options);
    expect(notArray.success ? [] : notArray.error.issues.map((i) => i.path)).toEqual([["orders"]]);
  });

  it("safeRefundCohortJump returns the signals", () => {
    expect(safeRefundCohortJump({ orders, refunds: [] }, options)).toEqual({ success: true, data: [] });
  });
});
