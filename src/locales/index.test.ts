import { describe, expect, it } from "vitest";
import { SMART_CODES, type SmartCode } from "../smart/SmartFinding.js";
import { MESSAGES, renderFinding } from "./index.js";
import { formatNumber, formatPercent } from "./paramReader.js";

/**
 * One sample per wording of every finding code: the param names a rule fills in. `reason` and
 * `unit` select the wording; every other param must appear in the rendered text of every locale.
 */
const SAMPLES: readonly { code: SmartCode; params: Record<string, "x" | "list" | string> }[] = [
  { code: "schema-invalid", params: { at: "x", reason: "invalid_type", detail: "x" } },
  { code: "schema-invalid", params: { at: "x", reason: "something-new", detail: "x" } },
  { code: "kpi-unknown", params: { target: "x", kpi: "x" } },
  { code: "scope-incomplete", params: { target: "x", kpi: "x", knobs: "list" } },
  { code: "scope-incomplete", params: { component: "x", kpi: "x", knobs: "list" } },
  { code: "scope-invalid", params: { reason: "unknown-knob", target: "x", kpi: "x", knob: "x" } },
  { code: "scope-invalid", params: { reason: "bad-value", component: "x", kpi: "x", knob: "x", value: "x" } },
  {
    code: "scope-invalid",
    params: { reason: "preset-unknown", target: "x", kpi: "x", preset: "x", termStart: "x" },
  },
  {
    code: "scope-invalid",
    params: { reason: "preset-kpi-mismatch", target: "x", kpi: "x", preset: "x", presetKpi: "x" },
  },
  { code: "scope-invalid", params: { reason: "preset-with-knobs", target: "x", kpi: "x", preset: "x" } },
  { code: "scope-invalid", params: { reason: "preset-not-name", target: "x", kpi: "x", value: "x" } },
  { code: "scope-invalid", params: { reason: "comparison-baseline", target: "x", kpi: "x", knob: "x" } },
  { code: "stores-unknown", params: { reason: "unknown", target: "x", store: "x" } },
  { code: "stores-unknown", params: { reason: "empty", target: "x" } },
  {
    code: "basis-baseline-mismatch",
    params: { reason: "kpi", component: "x", target: "x", basisKpi: "x", targetKpi: "x" },
  },
  {
    code: "basis-baseline-mismatch",
    params: { reason: "scope", component: "x", target: "x", knobs: "list" },
  },
  {
    code: "basis-baseline-mismatch",
    params: { reason: "stores", component: "x", target: "x", basisStores: "list", targetStores: "list" },
  },
  { code: "goal-invalid", params: { reason: "no-goal", target: "x" } },
  { code: "goal-invalid", params: { reason: "several-goals", target: "x", kinds: "list" } },
  { code: "goal-invalid", params: { reason: "not-decimal", target: "x", kind: "x", value: "x" } },
  {
    code: "goal-invalid",
    params: {
      reason: "change-on-nonpositive-baseline",
      target: "x",
      baseline: "x",
      unit: "money",
      currency: "x",
    },
  },
  { code: "goal-invalid", params: { reason: "above-one", target: "x", kpi: "x", kind: "x", value: "x" } },
  {
    code: "goal-invalid",
    params: { reason: "looks-like-percent", target: "x", kpi: "x", kind: "x", value: "x", suggested: "x" },
  },
  { code: "goal-invalid", params: { reason: "stars-out-of-range", target: "x", kind: "x", value: "x" } },
  { code: "goal-invalid", params: { reason: "change-below-minus-one", target: "x", value: "x" } },
  { code: "facts-unavailable", params: { target: "x", kpi: "x", groups: "list" } },
  { code: "facts-unavailable", params: { component: "x", kpi: "x", groups: "list" } },
  { code: "facts-unavailable", params: { component: "x", fact: "x", groups: "list" } },
  { code: "fx-rate-missing", params: { store: "x", from: "x", to: "x" } },
  { code: "baseline-missing", params: { target: "x", kpi: "x" } },
  { code: "baseline-too-short", params: { target: "x", days: "x", minimum: "x" } },
  { code: "comparison-unavailable", params: { target: "x", cycles: "list" } },
  { code: "baseline-unavailable", params: { reason: "missing-cycles", target: "x", cycles: "list" } },
  { code: "baseline-unavailable", params: { reason: "null-value", target: "x", nullReason: "x" } },
  { code: "baseline-unavailable", params: { reason: "fx", target: "x", from: "x", to: "x", date: "x" } },
  { code: "baseline-unavailable", params: { reason: "other", target: "x", detail: "x" } },
  { code: "baseline-not-checked", params: { target: "x" } },
  {
    code: "target-unrealistic",
    params: { reason: "change", target: "x", kpi: "x", change: "x", maxChange: "x" },
  },
  {
    code: "target-unrealistic",
    params: {
      reason: "level",
      unit: "ratio",
      target: "x",
      kpi: "x",
      baseline: "x",
      targetValue: "x",
      change: "x",
      maxChange: "x",
    },
  },
  {
    code: "target-unrealistic",
    params: {
      reason: "growth",
      unit: "count",
      target: "x",
      kpi: "x",
      lastValue: "x",
      targetValue: "x",
      months: "x",
      required: "x",
      best: "x",
      margin: "x",
    },
  },
  {
    code: "target-already-met",
    params: {
      reason: "baseline-meets",
      unit: "money",
      currency: "x",
      target: "x",
      kpi: "x",
      baseline: "x",
      kind: "x",
      targetValue: "x",
    },
  },
  { code: "target-already-met", params: { reason: "change-direction", target: "x", kpi: "x", change: "x" } },
  { code: "no-guardrail", params: { reason: "profitability", targets: "list", kpis: "list" } },
  { code: "no-guardrail", params: { reason: "brand-health", targets: "list", kpis: "list" } },
  { code: "weights-invalid", params: { reason: "missing", target: "x" } },
  { code: "weights-invalid", params: { reason: "not-decimal", target: "x", value: "x" } },
  { code: "weights-invalid", params: { reason: "negative", target: "x", value: "x" } },
  { code: "weights-invalid", params: { reason: "sum", sum: "x", targets: "list" } },
  { code: "weight-on-guardrail", params: { target: "x", weight: "x" } },
  {
    code: "conflicting-targets",
    params: { target: "x", kpi: "x", change: "x", other: "x", otherKpi: "x", otherChange: "x" },
  },
  { code: "target-without-effect", params: { reason: "objective", target: "x" } },
  { code: "target-without-effect", params: { reason: "guardrail", target: "x" } },
  { code: "no-window", params: { target: "x" } },
  { code: "window-before-baseline", params: { target: "x", windowStart: "x", baselineEnd: "x" } },
  { code: "window-too-short", params: { target: "x", kpi: "x", days: "x", minimum: "x" } },
  {
    code: "window-outside-term",
    params: { target: "x", windowStart: "x", windowEnd: "x", termStart: "x", termEnd: "x" },
  },
  { code: "window-misaligned", params: { reason: "evaluation", target: "x", start: "x", end: "x" } },
  { code: "window-misaligned", params: { reason: "baseline", target: "x", start: "x", end: "x" } },
  { code: "gate-not-every-cycle", params: { component: "x", target: "x" } },
  { code: "standing-missing", params: {} },
];

/** Params that choose the wording and are not shown as written. */
const SELECTORS = new Set(["reason", "unit"]);

function sentinelParams(params: Record<string, string>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, kind] of Object.entries(params)) {
    if (SELECTORS.has(key)) out[key] = kind;
    else out[key] = kind === "list" ? [`⟦${key}1⟧`, `⟦${key}2⟧`] : `⟦${key}⟧`;
  }
  return out;
}

const LOCALES = Object.keys(MESSAGES) as (keyof typeof MESSAGES)[];

describe("locale parity", () => {
  it("ships en and zh-CN", () => {
    expect(LOCALES.sort()).toEqual(["en", "zh-CN"]);
  });

  it.each(LOCALES)("%s has a message for every finding code and no other", (locale) => {
    expect(Object.keys(MESSAGES[locale].messages).sort()).toEqual([...SMART_CODES].sort());
  });

  it("the samples cover every finding code", () => {
    const covered = new Set(SAMPLES.map((s) => s.code));
    expect(SMART_CODES.filter((c) => !covered.has(c))).toEqual([]);
  });

  describe.each(SAMPLES.map((s, i) => ({ ...s, label: `${s.code} ${s.params.reason ?? ""} #${i}` })))(
    "$label",
    ({ code, params }) => {
      it.each(LOCALES)("%s names every param", (locale) => {
        const sentinels = sentinelParams(params);
        const text = renderFinding({ code, params: sentinels }, locale);
        for (const [key, value] of Object.entries(sentinels)) {
          if (SELECTORS.has(key)) continue;
          for (const v of typeof value === "string" ? [value] : value)
            expect(text, `${key} in ${text}`).toContain(v);
        }
      });

      it.each(LOCALES)("%s writes one complete sentence", (locale) => {
        const text = renderFinding({ code, params: sentinelParams(params) }, locale);
        expect(text).toMatch(locale === "en" ? /^[A-Z].*[.]$/s : /。$/);
        expect(text).not.toContain("undefined");
        expect(text).not.toContain("?");
      });
    },
  );

  it("the wordings differ by reason (a reason is never ignored)", () => {
    for (const locale of LOCALES) {
      const byCode = new Map<string, Set<string>>();
      for (const s of SAMPLES.filter((x) => x.params.reason !== undefined)) {
        const text = renderFinding({ code: s.code, params: sentinelParams(s.params) }, locale);
        const skeleton = text.replace(/⟦[^⟧]*⟧/g, "");
        const set = byCode.get(s.code) ?? new Set();
        set.add(skeleton);
        byCode.set(s.code, set);
      }
      for (const [code, set] of byCode) {
        const count = SAMPLES.filter((x) => x.code === code && x.params.reason !== undefined).length;
        // schema-invalid's reason only changes the Chinese explanation; in English the detail says it.
        if (code === "schema-invalid" && locale === "en") continue;
        expect(set.size, `${locale} ${code}`).toBe(count);
      }
    }
  });
});

describe("renderFinding", () => {
  it("formats ratios as percents and money with its currency", () => {
    // 0.3 → 30%, 0.15 → 15%, |0.15 − 0.3| ÷ 0.3 = 0.5 → 50%
    const params = {
      reason: "level",
      unit: "ratio",
      target: "acos",
      kpi: "acos",
      baseline: "0.3",
      targetValue: "0.15",
      change: "0.5",
      maxChange: "0.5",
    };
    expect(renderFinding({ code: "target-unrealistic", params }, "en")).toBe(
      'Target "acos" asks ACoS to move from its baseline of 30% to 15%, a change of 50%, more than the 50% judged achievable.',
    );
    expect(renderFinding({ code: "target-unrealistic", params }, "zh-CN")).toBe(
      "目标「acos」要求ACoS从基线 30% 做到 15%，变化 50%，超过了可达上限 50%。",
    );
    const money = {
      reason: "baseline-meets",
      unit: "money",
      currency: "USD",
      target: "gmv-floor",
      kpi: "gmv",
      baseline: "30720",
      kind: "atLeast",
      targetValue: "30000.005",
    };
    // Display only: 30000.005 shown half-even to the cent, 30000.00.
    expect(renderFinding({ code: "target-already-met", params: money }, "en")).toContain(
      "GMV was 30720.00 USD against a target of at least 30000.00 USD",
    );
    expect(renderFinding({ code: "target-already-met", params: money }, "zh-CN")).toContain(
      "GMV基线是 30720.00 USD，目标值是不低于 30000.00 USD",
    );
  });

  it("translates KPI names, fact groups and lists in Chinese", () => {
    const text = renderFinding(
      {
        code: "facts-unavailable",
        params: { target: "rr", kpi: "returnRate", groups: ["sales", "inventory"] },
      },
      "zh-CN",
    );
    expect(text).toBe("目标「rr」计算退货率需要销售、库存数据，但合同约定的数据来源（dataSources）里没有。");
  });

  it("defaults to English", () => {
    expect(renderFinding({ code: "standing-missing", params: {} })).toMatch(
      /^The contract has no standing rules/,
    );
  });

  it("refuses an unknown locale with locale-unknown", () => {
    expect(() => renderFinding({ code: "standing-missing", params: {} }, "fr" as "en")).toThrow(
      expect.objectContaining({ code: "locale-unknown" }),
    );
  });

  it("refuses an unknown code with finding-code-unknown", () => {
    expect(() => renderFinding({ code: "nope" as "no-window", params: {} }, "en")).toThrow(
      expect.objectContaining({ code: "finding-code-unknown" }),
    );
  });
});

describe("number formatting", () => {
  it("writes percents with at most two decimals, half-even, deterministic", () => {
    expect(formatPercent("0.2142857142857142857142857142857143")).toBe("21.43%");
    expect(formatPercent("0.008")).toBe("0.8%");
    expect(formatPercent("0.00125")).toBe("0.12%"); // 0.125 → half-even 0.12
    expect(formatPercent("0.4", true)).toBe("+40%");
    expect(formatPercent("-0.1", true)).toBe("-10%");
    expect(formatPercent("0", true)).toBe("0%");
    expect(formatPercent("not a number")).toBe("not a number");
  });

  it("writes plain numbers with at most four decimals", () => {
    expect(formatNumber("41220.333333")).toBe("41220.3333");
    expect(formatNumber("92")).toBe("92");
  });
});
