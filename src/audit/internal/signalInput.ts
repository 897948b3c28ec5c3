import * as z from "zod";
import { localeSchema } from "../../contract/schema.js";
import { D } from "../../internal/decimal.js";
import { describeIssues, toValidationIssues } from "../../internal/issues.js";
import { rowIdSchema } from "../../records/rowFieldSchemas.js";
import { currencySchema, minorUnits } from "../../values/currency.js";
import { type Cycle, cycleSchema, cyclesOf } from "../../values/cycle.js";
import { KpiContractError, type SafeResult, type ValidationIssue } from "../../values/KpiContractError.js";
import { createLocalDater, parseTimestamp, timeZoneSchema } from "../../values/localDate.js";
import { type Period, periodSchema } from "../../values/period.js";
import type { AnomalySignal, AnomalySignalCode, SignalStore } from "../AnomalySignal.js";

const signalStoreSchema = z.strictObject({
  id: rowIdSchema,
  currency: currencySchema,
  timeZone: timeZoneSchema,
  platform: z.string().optional(),
  marketplace: z.string().optional(),
  name: z.string().optional(),
});

const storesSchema = z
  .array(signalStoreSchema, { error: "Expected stores: [{ id, currency, timeZone }]" })
  .min(1, { error: "Name at least one store" })
  .superRefine((stores, ctx) => {
    const seen = new Set<string>();
    stores.forEach((s, i) => {
      if (seen.has(s.id)) {
        ctx.addIssue({
          code: "custom",
          path: [i, "id"],
          message: `Store ${s.id} is listed twice`,
          params: { code: "store-duplicate" },
        });
      }
      seen.add(s.id);
    });
  });

/** The option fields every signal shares; `cycle` only for the signals judged per window. @internal */
export const baseOptionsShape = {
  stores: storesSchema,
  period: periodSchema,
  locale: localeSchema.optional(),
};

/** `baseOptionsShape` plus the optional `cycle`. @internal */
export const cycleOptionsShape = { ...baseOptionsShape, cycle: cycleSchema.optional() };

/**
 * Validates signal options with their schema; throws `options-invalid` listing every issue.
 *
 * @internal
 */
export function parseSignalOptions<T>(schema: z.ZodType<T>, options: unknown): T {
  const parsed = schema.safeParse(options);
  if (!parsed.success) {
    const issues = toValidationIssues(parsed.error);
    throw new KpiContractError(
      "options-invalid",
      `Invalid signal options:\n${describeIssues(issues)}`,
      { count: issues.length },
      issues,
    );
  }
  return parsed.data;
}

/** A store with what the signals need per row: its position, a fast local dater and its minor unit. @internal */
export interface StoreContext {
  readonly store: SignalStore;
  readonly index: number;
  readonly exponent: number;
  /** The store-local day (`YYYY-MM-DD`) of a validated timestamp. */
  readonly day: (timestamp: string) => string;
}

/** One context per store id. @internal */
export function storeContexts(stores: readonly SignalStore[]): Map<string, StoreContext> {
  return new Map(
    stores.map((store, index) => {
      const toDay = createLocalDater(store.timeZone);
      return [
        store.id,
        {
          store,
          index,
          exponent: minorUnits(store.currency),
          day: (ts: string) => toDay(parseTimestamp(ts)),
        },
      ];
    }),
  );
}

/** A validated row with its store context and its position in its source. @internal */
export interface PlacedRow<T> {
  readonly row: T;
  readonly ctx: StoreContext;
  readonly index: number;
}

/**
 * Validates the rows of one source: each against its zod schema, naming a known store, its money
 * (given by `money`) in the store's currency with at most its minor-unit digits. Issues go to
 * `issues` with the path `[source, index, …]`; valid rows are returned with their store.
 *
 * @internal
 */
export function parseRows<T extends { readonly store: string; readonly currency?: string | undefined }>(
  source: string,
  rows: unknown,
  schema: z.ZodType<T>,
  stores: ReadonlyMap<string, StoreContext>,
  money: (row: T) => readonly (readonly [string, string | undefined])[],
  issues: ValidationIssue[],
): PlacedRow<T>[] {
  if (!Array.isArray(rows)) {
    issues.push({ code: "invalid_type", path: [source], message: `Expected an array of ${source} rows` });
    return [];
  }
  const placed: PlacedRow<T>[] = [];
  rows.forEach((raw: unknown, index: number) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...toValidationIssues(parsed.error, [source, index]));
      return;
    }
    const row = parsed.data;
    const ctx = stores.get(row.store);
    if (ctx === undefined) {
      issues.push({
        code: "store-unknown",
        path: [source, index, "store"],
        message: `Store ${row.store} is not one of the stores given`,
      });
      return;
    }
    if (row.currency !== undefined && row.currency !== ctx.store.currency) {
      issues.push({
        code: "currency-mismatch",
        path: [source, index, "currency"],
        message: `The row is in ${row.currency} but store ${row.store} is in ${ctx.store.currency}`,
      });
      return;
    }
    for (const [field, value] of money(row)) {
      if (value !== undefined && new D(value).decimalPlaces() > ctx.exponent) {
        issues.push({
          code: "amount-too-precise",
          path: [source, index, field],
          message: `Amount "${value}" has more fraction digits than ${ctx.store.currency} allows (${ctx.exponent})`,
        });
        return;
      }
    }
    placed.push({ row, ctx, index });
  });
  return placed;
}

/** Throws `input-invalid` listing every row issue, if any. @internal */
export function refuseRows(issues: readonly ValidationIssue[]): void {
  if (issues.length === 0) return;
  throw new KpiContractError(
    "input-invalid",
    `Invalid signal rows:\n${describeIssues(issues)}`,
    { count: issues.length },
    issues,
  );
}

/** The windows a period is judged in: its cycles, or the period itself. @internal */
export function windowsOf(period: Period, cycle: Cycle | undefined): Period[] {
  return cycle === undefined ? [{ start: period.start, end: period.end }] : cyclesOf(period, cycle);
}

/** The index of the window holding a day, or -1 outside the period. @internal */
export function windowIndex(windows: readonly Period[], day: string): number {
  let lo = 0;
  let hi = windows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = windows[mid] as Period;
    if (day < w.start) hi = mid - 1;
    else if (day > w.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const CODE_ORDER: Readonly<Record<AnomalySignalCode, number>> = {
  "refund-cohort-jump": 0,
  "buyer-concentration": 1,
  "review-burst": 2,
};

/**
 * The deterministic order of signals: by the store's position in `stores`, then the period's
 * start, then the signal code, then the grouping column. @internal
 */
export function sortSignals<S extends AnomalySignal>(
  signals: readonly S[],
  stores: ReadonlyMap<string, StoreContext>,
): S[] {
  // Signals are made only for the stores given.
  const rank = (s: S) => stores.get(s.store)!.index;
  const by = (s: S) => ("by" in s.params ? s.params.by : "");
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...signals].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      cmp(a.period?.start ?? "", b.period?.start ?? "") ||
      CODE_ORDER[a.signal] - CODE_ORDER[b.signal] ||
      cmp(by(a), by(b)),
  );
}

/** Runs a signal and returns its refusal instead of throwing it. @internal */
export function safely<T>(run: () => T): SafeResult<T> {
  try {
    return { success: true, data: run() };
  } catch (error) {
    if (error instanceof KpiContractError) return { success: false, error };
    throw error;
  }
}
