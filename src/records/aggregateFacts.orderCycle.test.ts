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

describe("aggregateFacts: where an order counts, every combination of lines, in every row order", () => {
  // Period June–July 2026 (two cycles), UTC store. A line is a day and a status: X cancelled,
  // A not cancelled. `before` is 31 May, `after` 1 August, outside the period.
  const DAYS = { before: "2026-05-31", jun: "2026-06-15", jul: "2026-07-15", after: "2026-08-01" };
  type Line = readonly [keyof typeof DAYS, "A" | "X"];
  const rows = (lines: readonly Line[]) =>
    lines.map(([day, s], i) => ({
      store: "utc",
      currency: "USD",
      orderId: "O1",
      sku: `L${i}`,
      purchasedAt: `${DAYS[day]}T12:00:00Z`,
      status: s === "X" ? "cancelled" : "shipped",
      quantity: 1,
      itemPrice: "1.00",
    }));
  const permutations = <T>(xs: readonly T[]): T[][] =>
    xs.length <= 1
      ? [[...xs]]
      : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
  const JUN_JUL: AggregateFactsOptions = {
    stores: [{ id: "utc", currency: "USD", timeZone: "UTC" }],
    period: { start: "2026-06-01", end: "2026-07-31" },
    cycle: "monthly",
  };

  // [orders, cancelledOrders] of June, then of July.
  it.each<[string, Line[], [number, number, number, number]]>([
    [
      "all cancelled: the earliest line's cycle",
      [
        ["jul", "X"],
        ["jun", "X"],
      ],
      [0, 1, 0, 0],
    ],
    [
      "two sales: the earlier one's cycle",
      [
        ["jul", "A"],
        ["jun", "A"],
      ],
      [1, 0, 0, 0],
    ],
    [
      "a sale after a cancelled line: the sale's cycle",
      [
        ["jun", "X"],
        ["jul", "A"],
      ],
      [0, 0, 1, 0],
    ],
    [
      "cancelled, and cancelled after the period: June's cancelled order",
      [
        ["jun", "X"],
        ["after", "X"],
      ],
      [0, 1, 0, 0],
    ],
    [
      "cancelled, and cancelled before the period: before it",
      [
        ["jun", "X"],
        ["before", "X"],
      ],
      [0, 0, 0, 0],
    ],
    [
      "cancelled, and a sale before the period: before it",
      [
        ["jun", "X"],
        ["before", "A"],
      ],
      [0, 0, 0, 0],
    ],
    [
      "cancelled, and a sale after the period: after it",
      [
        ["jun", "X"],
        ["after", "A"],
      ],
      [0, 0, 0, 0],
    ],
    [
      "a sale, and a sale before the period: before it",
      [
        ["jun", "A"],
        ["before", "A"],
      ],
      [0, 0, 0, 0],
    ],
    [
      "a sale, and a cancelled line before the period: June's order",
      [
        ["jun", "A"],
        ["before", "X"],
      ],
      [1, 0, 0, 0],
    ],
    [
      "a sale, and a sale after the period: June's order",
      [
        ["jun", "A"],
        ["after", "A"],
      ],
      [1, 0, 0, 0],
    ],
    [
      "cancelled before, in and after: before it",
      [
        ["after", "X"],
        ["before", "X"],
        ["jun", "X"],
      ],
      [0, 0, 0, 0],
    ],
    [
      "cancelled before and after, a sale in July",
      [
        ["after", "X"],
        ["before", "X"],
        ["jul", "A"],
      ],
      [0, 0, 1, 0],
    ],
    [
      "a sale after, cancelled before and in June: after it",
      [
        ["after", "A"],
        ["before", "X"],
        ["jun", "X"],
      ],
      [0, 0, 0, 0],
    ],
    [
      "a sale after and in July, cancelled before: July's order",
      [
        ["after", "A"],
        ["before", "X"],
        ["jul", "A"],
      ],
      [0, 0, 1, 0],
    ],
    [
      "only outside the period: nowhere",
      [
        ["after", "X"],
        ["before", "A"],
      ],
      [0, 0, 0, 0],
    ],
  ])("%s", async (_, lines, expected) => {
    for (const order of permutations(lines)) {
      const { facts } = await aggregateFacts({ orders: rows(order) }, JUN_JUL);
      const counts = facts.flatMap((f) => [f.sales?.orders, f.sales?.cancelledOrders]);
      expect(counts, order.map((l) => l.join(" ")).join(", ")).toEqual(expected);
    }
  });
});

describe("aggregateFacts: a line refused for its currency neither dates nor counts its order", () => {
  // O1: A on 20 January in EUR (a USD store, no fx table: refused), B on 5 February in USD.
  const A = { ...line("A", "2026-01-20T12:00:00Z", "shipped", "5.00"), currency: "EUR" };
  const B = line("B", "2026-02-05T12:00:00Z", "shipped", "10.00");
  const utc = (start: string, end: string, fx?: AggregateFactsOptions["fx"]): AggregateFactsOptions => ({
    stores: [{ id: "us", currency: "USD", timeZone: "UTC" }],
    period: { start, end },
    cycle: "monthly",
    ...(fx !== undefined ? { fx } : {}),
  });

  it("the order is February's (its only counted line), in January–February and in February alone", async () => {
    const both = await aggregateFacts({ orders: [A, B] }, utc("2026-01-01", "2026-02-28"));
    // A row is counted or rejected (SPEC §10): rejected A adds no order to January.
    expect(both.facts.map((f) => [f.sales?.orders, f.sales?.gross])).toEqual([
      [0, "0.00"],
      [1, "10.00"],
    ]);
    expect(both.rejected.map((r) => [r.index, r.reason])).toEqual([[0, "currency-mismatch"]]);
    // A outside the period would be refused for its currency too: it does not date the order either.
    const february = await aggregateFacts({ orders: [A, B] }, utc("2026-02-01", "2026-02-28"));
    expect(february.facts.map((f) => [f.sales?.orders, f.sales?.gross])).toEqual([[1, "10.00"]]);
    expect(february.rejected.map((r) => [r.index, r.reason])).toEqual([[0, "outside-period"]]);
  });

  it("an order of refused lines only is no order, cancelled or not; a missing rate refuses the same way", async () => {
    const cancelled = { ...A, orderId: "O2", status: "cancelled" };
    const january = await aggregateFacts({ orders: [A, cancelled] }, utc("2026-01-01", "2026-01-31"));
    expect(january.facts[0]?.sales).toMatchObject({
      orders: 0,
      cancelledOrders: 0,
      gross: "0.00",
      cancelledValue: "0.00",
    });
    // An fx table without a EUR rate: fx-rate-missing, and again no order.
    const fx = { policy: "fixed" as const, rates: [{ from: "GBP", to: "USD", rate: "1.25" }] };
    const noRate = await aggregateFacts({ orders: [A] }, utc("2026-01-01", "2026-01-31", fx));
    expect(noRate.rejected.map((r) => r.reason)).toEqual(["fx-rate-missing"]);
    expect(noRate.facts[0]?.sales).toMatchObject({ orders: 0, cancelledOrders: 0 });
  });

  it("a refused shipped line does not make an order of a counted cancelled line", async () => {
    // O3: a EUR shipped line (refused) and a USD cancelled line, both in January: the only counted
    // line is cancelled, so the order is a cancelled order.
    const refused = {
      ...line("X", "2026-01-10T12:00:00Z", "shipped", "5.00"),
      orderId: "O3",
      currency: "EUR",
    };
    const counted = { ...line("Y", "2026-01-12T12:00:00Z", "cancelled", "1.00"), orderId: "O3" };
    for (const rows of [
      [refused, counted],
      [counted, refused],
    ]) {
      const result = await aggregateFacts({ orders: rows }, utc("2026-01-01", "2026-01-31"));
      expect(result.facts[0]?.sales).toMatchObject({ orders: 0, cancelledOrders: 1, cancelledValue: "1.00" });
    }
  });

  it("with an fx table that has no rate for it, a foreign line outside the period does not place its order either", async () => {
    const fixed = { policy: "fixed" as const, rates: [{ from: "GBP", to: "USD", rate: "1.25" }] };
    const cycleEnd = {
      policy: "cycle-end" as const,
      rates: [{ from: "EUR", to: "USD", rate: "1.08", date: "2026-02-28" }],
    };
    for (const fx of [fixed, cycleEnd]) {
      const both = await aggregateFacts({ orders: [A, B] }, utc("2026-01-01", "2026-02-28", fx));
      expect(both.facts.map((f) => f.sales?.orders)).toEqual([0, 1]);
      const february = await aggregateFacts({ orders: [A, B] }, utc("2026-02-01", "2026-02-28", fx));
      expect(february.facts.map((f) => f.sales?.orders)).toEqual([1]);
    }
    // With a rate, A is counted in January and places the order there, in either period.
    const rated = { policy: "fixed" as const, rates: [{ from: "EUR", to: "USD", rate: "1.08" }] };
    const both = await aggregateFacts({ orders: [A, B] }, utc("2026-01-01", "2026-02-28", rated));
    expect(both.facts.map((f) => [f.sales?.orders, f.sales?.gross])).toEqual([
      [1, "5.40"],
      [0, "10.00"],
    ]);
    const february = await aggregateFacts({ orders: [A, B] }, utc("2026-02-01", "2026-02-28", rated));
    expect(february.facts.map((f) => f.sales?.orders)).toEqual([0]);
  });
});
