import { describe, expect, it } from "vitest";
import { SMART_RULES } from "../smart/SmartFinding.js";
import { REPORT_MESSAGES, type ReportMessages } from "./reportMessages.js";

const FEE_LINE_KINDS = [
  "fixed",
  "share",
  "bonus",
  "scorecard",
  "penalty",
  "reimbursement",
  "minimum",
  "maximum",
  "tax",
];

/** Every label of a locale as `key` or `group.key` → its text (functions called with sample arguments). */
function flatten(m: ReportMessages): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(m)) {
    if (typeof value === "string") out.set(key, value);
    else if (typeof value === "function")
      out.set(key, String((value as (...a: unknown[]) => unknown)(7, 31, 2)));
    else for (const [k, v] of Object.entries(value as Record<string, string>)) out.set(`${key}.${k}`, v);
  }
  return out;
}

describe("REPORT_MESSAGES", () => {
  const en = flatten(REPORT_MESSAGES.en);
  const zh = flatten(REPORT_MESSAGES["zh-CN"]);

  it("has the same labels in every locale", () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it("has no empty label", () => {
    for (const [key, text] of [...en, ...zh]) expect(text.trim(), key).not.toBe("");
  });

  it("writes Chinese labels in Chinese (bar the abbreviation KPI)", () => {
    const cjk = /[\u4e00-\u9fff]/;
    for (const [key, text] of zh) {
      if (key === "kpi" || key === "trendCaption") continue; // "KPI" and "id（名称）" hold no words of their own
      expect(cjk.test(text), `${key}: ${text}`).toBe(true);
    }
  });

  it("names every fee line kind, SMART criterion and severity", () => {
    for (const locale of Object.values(REPORT_MESSAGES)) {
      expect(Object.keys(locale.kinds).sort()).toEqual([...FEE_LINE_KINDS].sort());
      const criteria = new Set(Object.values(SMART_RULES).map((r) => r.criterion));
      expect(Object.keys(locale.criteria).sort()).toEqual([...criteria].sort());
      const severities = new Set(Object.values(SMART_RULES).map((r) => r.severity));
      expect(Object.keys(locale.severities).sort()).toEqual([...severities].sort());
    }
  });

  it("puts the numbers into the sentences", () => {
    expect(REPORT_MESSAGES.en.validationRefused(1)).toBe(
      "1 error: settlement refuses this contract until it is fixed.",
    );
    expect(REPORT_MESSAGES.en.findingCounts(2, 1, 0)).toBe("2 errors, 1 warning, 0 notes");
    expect(REPORT_MESSAGES["zh-CN"].findingCounts(2, 1, 0)).toBe("2 个错误，1 个警告，0 条提示");
    expect(REPORT_MESSAGES["zh-CN"].prorationValue(22, 31)).toBe("31 天中的 22 天");
  });
});
