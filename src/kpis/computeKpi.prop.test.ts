import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import * as z from "zod";
import { poolFacts } from "../facts/poolFacts.js";
import { readFact } from "../facts/readFact.js";
import type { PeriodFacts } from "../facts/schema.js";
import { D, type Dec, quotient } from "../internal/decimal.js";
import { periodFactsArbitrary } from "../testing/arbitraries.js";
import { isDecimalString, normalizeDecimal } from "../values/decimal.js";
import { listKpis } from "./catalogue.js";
import { computeKpi } from "./computeKpi.js";
import type { KpiDefinition, KpiResult } from "./types.js";

/**
 * Evaluates a trace's `substituted` text: numbers, + − × ÷ and brackets, × ÷ before + −, left to
 * right, with the library's 34-digit half-even decimals. Written independently of the KPI code.
 */
function evaluate(text: string): Dec {
  const tokens = text.match(/\d+(?:\.\d+)?|[-+−×÷()]/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  function factor(): Dec {
    const t = next();
    if (t === "(") {
      const v = sum();
      if (next() !== ")") throw new Error(`unbalanced: ${text}`);
      return v;
    }
    if (t === "-") return factor().neg();
    if (t === undefined || !/^\d/.test(t)) throw new Error(`unexpected ${t} in ${text}`);
    return new D(t);
  }
  function product(): Dec {
    let v = factor();
    while (peek() === "×" || peek() === "÷") v = next() === "×" ? v.times(factor()) : quotient(v, factor());
    return v;
  }
  function sum(): Dec {
    let v = product();
    while (peek() === "+" || peek() === "−") v = next() === "+" ? v.plus(product()) : v.minus(product());
    return v;
  }
  const value = sum();
  if (i !== tokens.length) throw new Error(`trailing tokens in ${text}`);
  return value;
}

/** An arbitrary valid scope of a KPI, drawn from the choices its JSON Schema lists. */
function scopeArbitrary(kpi: KpiDefinition): fc.Arbitrary<Record<string, unknown>> {
  const schema = z.toJSONSchema(kpi.scopeSchema, { io: "input" }) as {
    properties: Record<string, { enum?: unknown[] }>;
  };
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [knob, property] of Object.entries(schema.properties)) {
    if (property.enum !== undefined) model[knob] = fc.constantFrom(...property.enum);
    else if (knob === "attributionWindow") model[knob] = fc.constantFrom("7d", "14d", "30d");
    else if (knob === "minSample") model[knob] = fc.constantFrom("0", "1", "2", "30", "1000.5");
  }
  return fc.record(model, { requiredKeys: [] }).filter((s) => kpi.scopeSchema.safeParse(s).success);
}

const facts = periodFactsArbitrary({ currency: "USD" });
const comparison = fc.option(
  fc.oneof(periodFactsArbitrary({ currency: "USD" }), fc.constantFrom("0", "30720.00", "-150.5")),
  { nil: undefined },
);
const kpiWithScope = fc
  .constantFrom(...listKpis())
  .chain((kpi) => scopeArbitrary(kpi).map((scope) => ({ kpi, scope })));

function checkResult(result: KpiResult): void {
  if (result.value === null) {
    expect(["zero-denominator", "missing-facts", "insufficient-data"]).toContain(result.reason);
    if (result.reason === "missing-facts") expect(result.missing?.length).toBeGreaterThan(0);
    else {
      expect(isDecimalString(result.numerator)).toBe(true);
      expect(isDecimalString(result.denominator)).toBe(true);
    }
  } else {
    expect(isDecimalString(result.value)).toBe(true);
    // In normal form as written: computeKpi passes the catalogue's results on unchecked.
    expect(normalizeDecimal(result.value)).toBe(result.value);
    expect(result.value).not.toMatch(/NaN|Infinity|e/);
    expect(result.value).not.toBe("-0");
  }
}

describe("KPI properties", () => {
  fcTest.prop([kpiWithScope, facts, comparison])(
    "every KPI gives a decimal string or null with a reason on any valid facts, never throwing",
    ({ kpi, scope }, f, against) => {
      checkResult(computeKpi(kpi, f, scope, { comparison: against }));
    },
  );

  fcTest.prop([kpiWithScope, facts, comparison])(
    "every trace recomputes to the value from its substituted numbers",
    ({ kpi, scope }, f, against) => {
      const result = computeKpi(kpi, f, scope, { comparison: against });
      if (result.value === null) return;
      expect(evaluate(result.trace.substituted).eq(result.value), result.trace.substituted).toBe(true);
      // The last step is the value itself, and every input is a figure of the facts (or of the comparison).
      expect(result.trace.steps.at(-1)).toEqual({ name: kpi.id, value: result.value });
      for (const [path, raw] of Object.entries(result.trace.inputs)) {
        if (path === "comparison") expect(raw).toBe(against);
        else if (path.startsWith("comparison."))
          expect(readFact(against as PeriodFacts, path.slice(11))).toBe(raw);
        else expect(readFact(f, path)).toBe(raw);
      }
    },
  );

  fcTest.prop([kpiWithScope, facts])(
    "missing facts are exactly the read fields absent from the facts",
    ({ kpi, scope }, f) => {
      const result = computeKpi(kpi, f, scope, { comparison: "1" });
      const parsed = kpi.scopeSchema.parse(scope);
      const absent = kpi.reads(parsed).filter((path) => readFact(f, path) === undefined);
      if (absent.length > 0) expect(result).toMatchObject({ value: null, reason: "missing-facts" });
      if (result.value === null && result.reason === "missing-facts") {
        expect([...new Set(result.missing)].sort()).toEqual([...new Set(absent)].sort());
      }
    },
  );

  fcTest.prop([
    periodFactsArbitrary({ currency: "USD", complete: true }),
    fc.record({
      refundTiming: fc.constantFrom("refund-date", "order-date"),
      cancelled: fc.constantFrom("exclude", "include"),
      tax: fc.constantFrom("exclude", "include"),
      shipping: fc.constantFrom("exclude", "include"),
    }),
  ])("GMV excluding refunds ≤ GMV including them", (f, knobs) => {
    const excl = computeKpi("gmv", f, { ...knobs, refunds: "exclude" }).value;
    const incl = computeKpi("gmv", f, { ...knobs, refunds: "include" }).value;
    expect(new D(excl ?? "NaN").lte(incl ?? "NaN")).toBe(true);
  });

  fcTest.prop([periodFactsArbitrary({ currency: "KWD", complete: true }), fc.constantFrom("7d", "14d")])(
    "ACoS × ROAS = 1 whenever both are defined (to 34-digit rounding)",
    (f, window) => {
      const acos = computeKpi("acos", f, { attributionWindow: window }).value;
      const roas = computeKpi("roas", f, { attributionWindow: window }).value;
      if (acos === null || roas === null) {
        // Both are undefined together exactly when spend or attributed sales is 0.
        expect(acos === null && roas === null ? true : new D(acos ?? roas ?? "1").isZero()).toBe(true);
        return;
      }
      expect(new D(acos).times(roas).minus(1).abs().lte("1e-32")).toBe(true);
    },
  );

  const storesOfMarch = fc.integer({ min: 1, max: 4 }).chain((n) =>
    fc.tuple(
      ...["a", "b", "c", "d"].slice(0, n).map((store) =>
        periodFactsArbitrary({
          currency: "USD",
          store,
          complete: true,
          period: { start: "2026-03-01", end: "2026-03-31" },
        }),
      ),
    ),
  );

  const sumOf = (stores: readonly PeriodFacts[], path: string) =>
    stores.reduce((a, f) => a.plus(readFact(f, path) ?? "NaN"), new D(0));

  fcTest.prop([storesOfMarch])(
    "a pooled ratio is the ratio of the pooled sums, never an average of ratios",
    (stores) => {
      const pooled = poolFacts(stores);
      const cases: [string, Record<string, unknown>, string[], string[]][] = [
        ["acos", {}, ["ads.spend"], ["ads.attributed.14d.sales"]],
        ["clickThroughRate", {}, ["ads.clicks"], ["ads.impressions"]],
        [
          "conversionRate",
          { source: "ads", attributionWindow: "7d" },
          ["ads.attributed.7d.orders"],
          ["ads.clicks"],
        ],
        [
          "negativeReviewRate",
          { maxStars: 2 },
          ["reviews.byStars.1", "reviews.byStars.2"],
          [
            "reviews.byStars.1",
            "reviews.byStars.2",
            "reviews.byStars.3",
            "reviews.byStars.4",
            "reviews.byStars.5",
          ],
        ],
        ["refundRate", {}, ["sales.refunds"], ["sales.gross"]],
      ];
      for (const [id, scope, numerator, denominator] of cases) {
        const n = numerator.reduce((a, p) => a.plus(sumOf(stores, p)), new D(0));
        const d = denominator.reduce((a, p) => a.plus(sumOf(stores, p)), new D(0));
        const result = computeKpi(id, pooled, scope);
        if (d.isZero()) expect(result).toMatchObject({ value: null, reason: "zero-denominator" });
        else expect(result.value).toBe(quotient(n, d).toFixed());
      }
    },
  );

  fcTest.prop([kpiWithScope, facts])(
    "computing twice gives the same result (deterministic, no hidden state)",
    ({ kpi, scope }, f) => {
      expect(computeKpi(kpi, f, scope, { comparison: "100" })).toEqual(
        computeKpi(kpi, f, scope, { comparison: "100" }),
      );
    },
  );
});
