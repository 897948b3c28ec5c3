/**
 * (a) One million order lines of a year in America/Los_Angeles, 20 stores, decimal-string amounts and
 * 5% refunds, aggregated to monthly facts by `aggregateFacts`, beside the floor: a plain loop doing
 * the same grouping with parseFloat and a fixed UTC offset (no validation, no DST, no exactness).
 */
import { aggregateFacts } from "../src/records/aggregateFacts.js";
import { type BenchOrderLine, type BenchRefund, generateRows, STORE_IDS } from "./data.js";
import { type BenchReport, median, ms } from "./table.js";

const LINES = 1_000_000;
const STORES = 20;
const YEAR = 2026;
const RUNS = 3;
const PERIOD = { start: `${YEAR}-01-01`, end: `${YEAR}-12-31` };

/**
 * The floor: same grouping, floats, a fixed −8 h offset, Maps for distinct orders. With
 * `distinctOrders` false it only sums (no order or refunded-order counts, no refunds by order day):
 * the least any loop over these rows can do, printed for reference.
 */
function floorLoop(
  lines: readonly BenchOrderLine[],
  refundRows: readonly BenchRefund[],
  distinctOrders = true,
): number[] {
  const offset = -8 * 3_600_000;
  const yearStart = Date.UTC(YEAR, 0, 1);
  const monthOfDay = new Int8Array(366);
  for (let d = 0; d < 365; d++) monthOfDay[d] = new Date(yearStart + d * 86_400_000).getUTCMonth();
  const storeIndex = new Map(STORE_IDS(STORES).map((s, i) => [s, i]));
  const cells = STORES * 12;
  const gross = new Float64Array(cells);
  const tax = new Float64Array(cells);
  const units = new Float64Array(cells);
  const orders = new Float64Array(cells);
  const cancelledOrders = new Float64Array(cells);
  const cancelledValue = new Float64Array(cells);
  const refunds = new Float64Array(cells);
  const onPeriodOrders = new Float64Array(cells);
  const refundedOrders = new Float64Array(cells);
  const returnedUnits = new Float64Array(cells);
  const orderState = new Map<string, number>();
  const refunded = new Set<string>();
  const cellOf = (store: string, at: string): number => {
    const day = Math.floor((Date.parse(at) + offset - yearStart) / 86_400_000);
    const month = day >= 0 && day < 365 ? monthOfDay[day]! : -1;
    return month < 0 ? -1 : storeIndex.get(store)! * 12 + month;
  };
  for (const line of lines) {
    const cell = cellOf(line.store, line.purchasedAt);
    if (cell < 0) continue;
    const cancelled = line.status === "cancelled";
    const key = distinctOrders ? `${line.store}\u0000${line.orderId}` : "";
    const state = distinctOrders ? orderState.get(key) : 0;
    if (!distinctOrders) {
      // sums only
    } else if (state === undefined) {
      orderState.set(key, cell * 2 + (cancelled ? 0 : 1));
      if (cancelled) cancelledOrders[cell]!++;
      else orders[cell]!++;
    } else if (state % 2 === 0 && !cancelled) {
      orderState.set(key, state + 1);
      cancelledOrders[state / 2]!--;
      orders[state / 2]!++;
    }
    const price = Number.parseFloat(line.itemPrice);
    if (cancelled) {
      cancelledValue[cell]! += price;
    } else {
      gross[cell]! += price;
      tax[cell]! += Number.parseFloat(line.itemTax);
      units[cell]! += line.quantity;
    }
  }
  for (const r of refundRows) {
    const amount = Number.parseFloat(r.amount);
    const cell = cellOf(r.store, r.refundedAt);
    if (cell >= 0) {
      refunds[cell]! += amount;
      returnedUnits[cell]! += r.quantity;
      if (!distinctOrders) continue;
      const key = `${cell}\u0000${r.orderId}`;
      if (!refunded.has(key)) {
        refunded.add(key);
        refundedOrders[cell]!++;
      }
    }
    if (!distinctOrders) continue;
    const state = orderState.get(`${r.store}\u0000${r.orderId}`);
    if (state !== undefined) onPeriodOrders[Math.floor(state / 2)]! += amount;
  }
  return Array.from(gross);
}

/** Runs benchmark (a). */
export async function aggregateBench(): Promise<BenchReport> {
  const lines: BenchOrderLine[] = [];
  const refundRows: BenchRefund[] = [];
  for (const item of generateRows({
    lines: LINES,
    stores: STORES,
    refundShare: 0.05,
    year: YEAR,
    seed: 2026,
  })) {
    if (item.kind === "line") lines.push(item.row);
    else refundRows.push(item.row);
  }
  const options = {
    stores: STORE_IDS(STORES).map((id) => ({ id, currency: "USD", timeZone: "America/Los_Angeles" })),
    period: PERIOD,
    cycle: "monthly" as const,
  };
  const times = {
    floor: [] as number[],
    sumsOnly: [] as number[],
    exact: [] as number[],
    exactNoDedupe: [] as number[],
  };
  let floorGross: number[] = [];
  let exactGross: string[] = [];
  let rejectedRows = 0;
  // Warm-up on a slice so that the first timed run is not the one that compiles.
  floorLoop(lines.slice(0, 50_000), refundRows.slice(0, 2_500));
  await aggregateFacts({ orders: lines.slice(0, 50_000), refunds: refundRows.slice(0, 2_500) }, options);
  for (let run = 0; run < RUNS; run++) {
    globalThis.gc?.();
    let t0 = performance.now();
    floorGross = floorLoop(lines, refundRows);
    times.floor.push(performance.now() - t0);
    globalThis.gc?.();
    t0 = performance.now();
    floorLoop(lines, refundRows, false);
    times.sumsOnly.push(performance.now() - t0);
    globalThis.gc?.();
    t0 = performance.now();
    const result = await aggregateFacts({ orders: lines, refunds: refundRows }, options);
    times.exact.push(performance.now() - t0);
    exactGross = result.facts.map((f) => f.sales?.gross ?? "0");
    rejectedRows = result.rejected.length;
    globalThis.gc?.();
    t0 = performance.now();
    await aggregateFacts({ orders: lines, refunds: refundRows }, { ...options, dedupe: false });
    times.exactNoDedupe.push(performance.now() - t0);
  }
  const floor = median(times.floor);
  const exact = median(times.exact);
  const noDedupe = median(times.exactNoDedupe);
  const sumsOnly = median(times.sumsOnly);
  // The year's gross both ways: the cycles differ (DST moves rows across month ends) but the year
  // does not (January 1 and December 31 are in standard time), so only float error remains.
  const floorYear = floorGross.reduce((a, b) => a + b, 0);
  const exactYear = exactGross.reduce((a, g) => a + BigInt(g.replace(".", "")), 0n);
  const exactYearText = `${exactYear / 100n}.${String(exactYear % 100n).padStart(2, "0")}`;
  const rows = LINES + refundRows.length;
  return {
    title: `(a) aggregate ${LINES.toLocaleString("en-US")} order lines + ${refundRows.length.toLocaleString("en-US")} refunds, ${STORES} stores, monthly, America/Los_Angeles (median of ${RUNS})`,
    rows: [
      {
        variant: "floor: parseFloat + fixed UTC offset",
        ms: ms(floor),
        "ns/row": Math.round((floor * 1e6) / rows),
        "× floor": "1.00",
      },
      {
        variant: "reference: float sums only, no distinct orders",
        ms: ms(sumsOnly),
        "ns/row": Math.round((sumsOnly * 1e6) / rows),
        "× floor": (sumsOnly / floor).toFixed(2),
      },
      {
        variant: "aggregateFacts (dedupe on, default)",
        ms: ms(exact),
        "ns/row": Math.round((exact * 1e6) / rows),
        "× floor": (exact / floor).toFixed(2),
      },
      {
        variant: "aggregateFacts (dedupe off)",
        ms: ms(noDedupe),
        "ns/row": Math.round((noDedupe * 1e6) / rows),
        "× floor": (noDedupe / floor).toFixed(2),
      },
    ],
    notes: [
      `Goal: ≤ 1.50× the floor. Rejected rows: ${rejectedRows}. Year gross, exact: ${exactYearText}; floor (float): ${floorYear.toFixed(6)}.`,
      "The floor counts distinct orders with a Map of string keys, as a plain loop would; its months use a fixed −08:00 offset, so rows near month ends in summer land in other months than the exact (DST-aware) ones.",
    ],
  };
}
