/**
 * Deterministic benchmark data: order lines and refunds of a year of sales, generated from a seeded
 * PRNG so every run sees the same rows.
 */

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchOrderLine {
  store: string;
  orderId: string;
  sku: string;
  purchasedAt: string;
  status: string;
  quantity: number;
  itemPrice: string;
  itemTax: string;
  currency: string;
}

export interface BenchRefund {
  store: string;
  refundId: string;
  orderId: string;
  refundedAt: string;
  amount: string;
  quantity: number;
  currency: string;
}

export interface DataShape {
  readonly lines: number;
  readonly stores: number;
  /** Share of order lines that get a refund. */
  readonly refundShare: number;
  readonly year: number;
  readonly seed: number;
}

export const STORE_IDS = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `store-${String(i + 1).padStart(2, "0")}`);

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** ISO 8601 in UTC with `Z`, as many platform exports write it. */
export function isoZ(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}Z`;
}

/** Cents as a decimal string. */
export function cents(n: number): string {
  return `${Math.floor(n / 100)}.${pad2(n % 100)}`;
}

/**
 * Streams order lines in time order over the year (1–3 lines per order, 2% of orders cancelled in
 * full and 3% in part), calling `line` for each; then streams refunds of about `refundShare` of the
 * lines, 1–30 days after their order, calling `refund`. Strings of SKUs, prices, stores and currency
 * come from small pools, as they would from a parser's string interning.
 */
export function* generateRows(
  shape: DataShape,
): Generator<{ kind: "line"; row: BenchOrderLine } | { kind: "refund"; row: BenchRefund }> {
  const random = prng(shape.seed);
  const stores = STORE_IDS(shape.stores);
  const skus = Array.from({ length: 500 }, (_, i) => `SKU-${String(i).padStart(5, "0")}`);
  const prices = Array.from({ length: 2000 }, () => cents(100 + Math.floor(random() * 19_900)));
  const start = Date.UTC(shape.year, 0, 1, 8); // 2026-01-01 00:00 in Los Angeles
  const end = Date.UTC(shape.year + 1, 0, 1, 8);
  const meanGap = (end - start) / (shape.lines / 1.5);
  let t = start;
  let produced = 0;
  let order = 0;
  const refundsWanted: { store: string; orderId: string; at: number; price: string }[] = [];
  while (produced < shape.lines) {
    t += Math.floor(random() * 2 * meanGap);
    if (t >= end) t = end - 1;
    const store = stores[Math.floor(random() * stores.length)]!;
    const orderId = `${store.slice(-2)}-${String(order++).padStart(9, "0")}`;
    const purchasedAt = isoZ(t);
    const lines = 1 + Math.floor(random() * 2.0001);
    const fate = random();
    for (let l = 0; l < lines && produced < shape.lines; l++) {
      const cancelled = fate < 0.02 || (fate < 0.05 && l === 0);
      const price = prices[Math.floor(random() * prices.length)]!;
      const row: BenchOrderLine = {
        store,
        orderId,
        sku: skus[(order * 7 + l) % skus.length]!,
        purchasedAt,
        status: cancelled ? "cancelled" : "shipped",
        quantity: 1 + Math.floor(random() * 3),
        itemPrice: price,
        itemTax: "0.00",
        currency: "USD",
      };
      produced++;
      if (!cancelled && random() < shape.refundShare) {
        refundsWanted.push({ store, orderId, at: t + (1 + Math.floor(random() * 30)) * 86_400_000, price });
      }
      yield { kind: "line", row };
    }
  }
  let n = 0;
  for (const r of refundsWanted) {
    yield {
      kind: "refund",
      row: {
        store: r.store,
        refundId: `R-${n++}`,
        orderId: r.orderId,
        refundedAt: isoZ(r.at),
        amount: r.price,
        quantity: 1,
        currency: "USD",
      },
    };
  }
}
