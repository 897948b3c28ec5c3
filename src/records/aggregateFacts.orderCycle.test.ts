import { describe, expect, it } from "vitest";
import { type AggregateFactsOptions, aggregateFacts } from "./aggregateFacts.js";

// One order S1 whose two lines straddle the end of October in Los Angeles: A (cancelled, 5.00) at
// 23:00 on 31 October, B (shipped, 7.00) at 01:00 on 1 November. The order counts in the cycle of
// its earliest line that is not cancelled, B's November, whatever the rows' order and whichever
// period is aggregated; A's value is October's cancelledValue.
const line = (sku: string, at: string, status: string, price: string) => ({
  store: "us",
  currency: "USD",
  orderId: "S1",
  sku,
  purchasedAt: at,
  status,
  quantity: 1,
  itemPrice: price,
});
const A = line("A", "2026-10-31T23:00:00-07:00", "cancelled", "5.00");
const B = line("B", "2026-11-01T01:00:00-07:00", "shipped", "7.00");
const options = (start: string, end: string): AggregateFactsOptions => ({
  stores: [{ id: "us", currency: "USD", timeZone: "America/Los_Angeles" }],
  period: { start, end },
  cycle: "monthly",
});
const OCT_NOV = options("2026-10-01", "2026-11-30");

/** orders, cancelledOrders, gross and cancelledValue of each cycle. */
async function salesOf(rows: unknown[], o: AggregateFactsOptions) {
  const { facts } = await aggregateFacts({ orders: rows }, o);
  return facts.map((f) => [
    f.period.start.slice(0, 7),
    f.sales?.orders,
    f.sales?.cancelledOrders,
    f.sales?.gross,
    f.sales?.cancelledValue,
  ]);
}

describe("aggregateFacts: an order's cycle is that of its earliest line not cancelled", () => {
  it.each([
    ["A then B", [A, B]],
    ["B then A", [B, A]],
  ])("%s, October and November together: the order in November", async (_, rows) => {
    expect(await salesOf(rows, OCT_NOV)).toEqual([
      ["2026-10", 0, 0, "0.00", "5.00"],
      ["2026-11", 1, 0, "7.00", "0.00"],
    ]);
  });

  it.each([
    ["A then B", [A, B]],
    ["B then A", [B, A]],
  ])("%s, October alone: no order and no cancelled order (it counts in November)", async (_, rows) => {
    expect(await salesOf(rows, options("2026-10-01", "2026-10-31"))).toEqual([
      ["2026-10", 0, 0, "0.00", "5.00"],
    ]);
    expect(await salesOf(rows, options("2026-11-01", "2026-11-30"))).toEqual([
      ["2026-11", 1, 0, "7.00", "0.00"],
    ]);
  });

  it("an order cancelled in full counts as cancelled in the cycle of its earliest line", async () => {
    const late = line("B", "2026-11-01T01:00:00-07:00", "cancelled", "7.00");
    for (const rows of [
      [A, late],
      [late, A],
    ]) {
      expect(await salesOf(rows, OCT_NOV)).toEqual([
        ["2026-10", 0, 1, "0.00", "5.00"],
        ["2026-11", 0, 0, "0.00", "7.00"],
      ]);
      // November alone sees the earlier line outside: the order is October's.
      expect(await salesOf(rows, options("2026-11-01", "2026-11-30"))).toEqual([
        ["2026-11", 0, 0, "0.00", "7.00"],
      ]);
    }
  });

  it("two lines not cancelled in different cycles: the earlier one's cycle", async () => {
    const early = line("A", "2026-10-31T23:00:00-07:00", "shipped", "5.00");
    for (const rows of [
      [early, B],
      [B, early],
    ]) {
      expect(await salesOf(rows, OCT_NOV)).toEqual([
        ["2026-10", 1, 0, "5.00", "0.00"],
        ["2026-11", 0, 0, "7.00", "0.00"],
      ]);
      expect(await salesOf(rows, options("2026-11-01", "2026-11-30"))).toEqual([
        ["2026-11", 0, 0, "7.00", "0.00"],
      ]);
    }
  });

  it("a refund of the order books on the order's November among refunds on period orders", async () => {
    const refund = {
      store: "us",
      currency: "USD",
      refundId: "R1",
      orderId: "S1",
      refundedAt: "2026-11-20T10:00:00-08:00",
      amount: "7.00",
    };
    const { facts } = await aggregateFacts({ orders: [A, B], refunds: [refund] }, OCT_NOV);
    expect(facts.map((f) => f.sales?.refundsOnPeriodOrders)).toEqual(["0.00", "7.00"]);
    // October alone: the order counts in November, outside, so the refund is on no period order.
    const october = await aggregateFacts(
      { orders: [A, B], refunds: [refund] },
      options("2026-10-01", "2026-10-31"),
    );
    expect(october.facts[0]?.sales?.refundsOnPeriodOrders).toBe("0.00");
  });
});
