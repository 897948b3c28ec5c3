import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateContract } from "../../src/smart/validateContract.js";
import { codesOf } from "./smartTestKit.js";

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));

describe("realistic contracts", () => {
  it("the three-store example validates without findings once its history is given", () => {
    const contract = read("../../examples/contracts/three-store.json");
    const history = read("../../examples/contracts/three-store-history.json");
    const withHistory = validateContract(contract, { history });
    expect(withHistory).toEqual({ ok: true, findings: [] });
    // Without history the five baselines from history are only noted.
    const without = validateContract(contract);
    expect(without.ok).toBe(true);
    expect(codesOf(without.findings)).toEqual(Array(5).fill("baseline-not-checked"));
  });

  it("the Shopee SG revenue share is clean", () => {
    expect(validateContract(read("../fixtures/contracts/shopee-sg-revenue-share.json"))).toEqual({
      ok: true,
      findings: [],
    });
  });

  it("the TikTok Shop UK retainer is clean", () => {
    expect(validateContract(read("../fixtures/contracts/tiktok-uk-retainer.json"))).toEqual({
      ok: true,
      findings: [],
    });
  });

  it("a seller's first draft shows the usual mistakes, each located", () => {
    const report = validateContract(read("../fixtures/contracts/draft-with-mistakes.json"));
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => [f.code, f.severity, f.targetId ?? "", f.path.join(".")])).toEqual([
      // gmv scope states refunds, refundTiming and cancelled but not tax and shipping
      ["scope-incomplete", "error", "gmv-growth", "targets.0.scope"],
      // ACoS at most 22 = 2200%: a percent typed as a fraction
      ["goal-invalid", "error", "acos", "targets.1.goal.atMost"],
      // dataSources are sales and ads; the negative review rate reads reviews
      ["facts-unavailable", "error", "negative-reviews", "targets.2.kpi"],
      // +50% on no baseline, and the growth share is charged over that baseline
      ["baseline-missing", "error", "gmv-growth", "targets.0"],
      // 0.6 + 0.6 = 1.2
      ["weights-invalid", "error", "", "targets"],
      ["weight-on-guardrail", "error", "negative-reviews", "targets.2.weight"],
      // no bonus or penalty on either objective, no scorecard, no standing
      ["target-without-effect", "info", "gmv-growth", "targets.0"],
      ["target-without-effect", "info", "acos", "targets.1"],
      ["standing-missing", "info", "", "standing"],
    ]);
  });
});
