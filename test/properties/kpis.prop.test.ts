// Invariants of the KPI catalogue (SPEC §3, issue 3, STYLE.md), over drawn period facts:
// - GMV with refunds excluded is never above GMV with refunds included (refunds are non-negative),
//   whatever the other knobs and whichever refund figure is deducted;
// - ACoS × ROAS = 1 whenever both are defined (they are reciprocals over the same window), and a missing
//   fact leaves both undefined;
// - every catalogue KPI returns a decimal string or null with a reason on any valid facts, never throws.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { D } from "../../src/internal/decimal.js";
import { KPI_CATALOGUE } from "../../src/kpis/catalogue.js";
import { computeKpi } from "../../src/kpis/computeKpi.js";
import { periodFactsArbitrary } from "../../src/testing/arbitraries.js";
import { DECIMAL_PATTERN } from "../../src/values/decimal.js";

const facts = periodFactsArbitrary();
const gmvKnobs = fc.record({
  refundTiming: fc.constantFrom("refund-date", "order-date"),
  cancelled: fc.constantFrom("exclude", "include"),
  tax: fc.constantFrom("exclude", "include"),
  shipping: fc.constantFrom("exclude", "include"),
});

describe("KPI invariants", { timeout: 60_000 }, () => {
  test.prop([facts, gmvKnobs], { numRuns: 500 })("GMV excluding refunds ≤ GMV including them", (f, knobs) => {
    const excluded = computeKpi("gmv", f, { ...knobs, refunds: "exclude" });
    const included = computeKpi("gmv", f, { ...knobs, refunds: "include" });
    if (excluded.value !== null && included.value !== null) {
      expect(new D(excluded.value).lte(included.value)).toBe(true);
    }
    // Excluding refunds needs the refund figure too, so it can only be missing when including is not.
    if (included.value === null) expect(excluded.value).toBeNull();
  });

  test.prop([facts, fc.constantFrom("7d", "14d")], { numRuns: 500 })(
    "ACoS × ROAS = 1 when both are defined; a missing fact leaves both undefined",
    (f, attributionWindow) => {
      const acos = computeKpi("acos", f, { attributionWindow });
      const roas = computeKpi("roas", f, { attributionWindow });
      if (acos.value === null || roas.value === null) {
        // Spend 0 with sales > 0 gives an ACoS of 0 and no ROAS (and the other way round), so only a
        // missing fact makes both null; a zero denominator makes one of them null.
        if (acos.value === null && acos.reason === "missing-facts") expect(roas.value).toBeNull();
        return;
      }
      // Each is rounded to 34 significant digits, so the product is 1 within that precision.
      const product = new D(acos.value).times(roas.value);
      expect(product.minus(1).abs().lte("1e-32")).toBe(true);
    },
  );

  test.prop([facts], { numRuns: 150 })(
    "every catalogue KPI gives a decimal string or null with a reason, and never throws on valid facts",
    (f) => {
      for (const id of Object.keys(KPI_CATALOGUE)) {
        const result =
          id === "salesGrowth" ? computeKpi(id, f, {}, { comparison: "1000" }) : computeKpi(id, f);
        if (result.value === null) {
          expect(["zero-denominator", "missing-facts", "insufficient-data"]).toContain(result.reason);
        } else {
          expect(result.value).toMatch(DECIMAL_PATTERN);
          expect(result.value).not.toMatch(/^-0$|\.\d*0$/);
        }
      }
    },
  );
});
