import { describe, expect, test } from "vitest";
import { D } from "../../internal/decimal.js";
import { computeKpi } from "../computeKpi.js";
import type { KpiValueResult } from "../types.js";
import { kpiValueDecimal } from "./run.js";

const NET = { refunds: "exclude", refundTiming: "refund-date" };
const facts = (gross: string, refunds: string) => ({
  period: { start: "2026-03-01", end: "2026-03-31" },
  currency: "USD",
  sales: { gross, refunds },
  ads: { spend: "9500.00", attributed: { "14d": { sales: "42000.00" } } },
});

describe("kpiValueDecimal: a KPI value as a Decimal, parsed only when it must be", () => {
  test("right after computing, the Decimal the value was written from", () => {
    const acos = computeKpi("acos", facts("1", "0"), { attributionWindow: "14d" }) as KpiValueResult;
    const value = kpiValueDecimal(acos);
    expect(value.toFixed()).toBe(acos.value);
    expect(value.eq(new D(acos.value))).toBe(true);
    // Not parsed: the same instance each time (parsing makes a new one).
    expect(kpiValueDecimal(acos)).toBe(value);
  });

  test("an older result, or one the caller built, is parsed from its text", () => {
    const first = computeKpi("gmv", facts("44160.00", "1000.50"), NET) as KpiValueResult;
    const second = computeKpi("gmv", facts("100", "1"), NET) as KpiValueResult;
    expect(kpiValueDecimal(first).toFixed()).toBe("43159.5");
    expect(kpiValueDecimal(first)).not.toBe(kpiValueDecimal(first));
    expect(kpiValueDecimal(second).toFixed()).toBe("99");
    const copy: KpiValueResult = { ...second, value: "12.5" };
    expect(kpiValueDecimal(copy).toFixed()).toBe("12.5");
  });

  test("a zero is read from its text, without the sign its Decimal may carry", () => {
    const zero = computeKpi("gmv", facts("5.00", "5.00"), NET) as KpiValueResult;
    expect(zero.value).toBe("0");
    const value = kpiValueDecimal(zero);
    expect(value.isZero()).toBe(true);
    expect(value.isNeg()).toBe(false);
  });
});
