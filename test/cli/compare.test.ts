import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, runCli } from "./setup.js";

beforeAll(buildCli, 60_000);

const W = "test/fixtures/worked";
const S = "test/cli/fixtures/schedules.json";
const BASE = [
  "--contract",
  `${W}/contract.json`,
  "--facts",
  `${W}/march.json`,
  "--history",
  `${W}/history.json`,
  "--cycle",
  "2026-03",
];
const work = mkdtempSync(join(tmpdir(), "kpi-cli-compare-"));

describe("kpi-contract compare", { timeout: 60_000 }, () => {
  it("tabulates each schedule under each scenario", () => {
    const run = runCli(["compare", S, "--scenarios", "test/cli/fixtures/scenarios.json", ...BASE]);
    expect(run.code).toBe(0);
    // base+share: 1,500.00 + (44,160 − 30,720) × 8% = 2,575.20; at +20% GMV 52,992:
    // 1,500.00 + 22,272 × 8% = 3,281.76. Pure share: 40,000 × 4% + 4,160 × 6% = 1,849.60;
    // at +20%: 1,600 + 12,992 × 6% = 2,379.52.
    expect(run.stdout).toMatch(/as is\s+0%\s+2,575\.20 USD\s+1,849\.60 USD/);
    expect(run.stdout).toMatch(/\+20%\s+20%\s+3,281\.76 USD\s+2,379\.52 USD/);
  });

  it("takes growth scenarios from --growth and prints JSON", () => {
    const run = runCli(["compare", S, "--growth", "0,0.2,40%", ...BASE, "--format", "json"]);
    const table = JSON.parse(run.stdout);
    expect(table.rows.map((r: { scenario: string }) => r.scenario)).toEqual(["+0%", "+20%", "+40%"]);
    expect(table.rows[2].cells[1].total).toBe("2909.44");
  });

  it("exit 3 for a schedule that is not valid, at its line in the schedules file", () => {
    const schedules = JSON.parse(readFileSync(S, "utf8"));
    schedules[1].schedule.components[0].mode = "stepped";
    const path = join(work, "schedules.json");
    writeFileSync(path, JSON.stringify(schedules, null, 2));
    const run = runCli(["compare", path, "--growth", "0", ...BASE]);
    expect(run.code).toBe(3);
    const line =
      readFileSync(path, "utf8")
        .split("\n")
        .findIndex((l) => l.includes('"stepped"')) + 1;
    expect(run.stderr).toMatch(
      new RegExp(
        `^kpi-contract: ${path}:${line}:\\d+: schedule "pure share" is invalid: fees\\.components\\[0\\]\\.mode: `,
      ),
    );
  });

  it("exit 3 for a scenarios file of the wrong shape or with a bad growth", () => {
    const path = join(work, "scenarios.json");
    writeFileSync(path, JSON.stringify([{ name: "x" }]));
    expect(runCli(["compare", S, "--scenarios", path, ...BASE]).stderr).toBe(
      `kpi-contract: ${path}:1:2: scenario 0 must be { "name", "growth" } or { "name", "facts" }\n`,
    );
    writeFileSync(path, JSON.stringify([{ name: "crash", growth: "-1.5" }]));
    const bad = runCli(["compare", S, "--scenarios", path, ...BASE]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain(`kpi-contract: ${path}: Scenario crash: growth is a ratio above −1`);
  });

  it("exit 2 without scenarios, with both, or with a growth that is not a ratio", () => {
    expect(runCli(["compare", S, ...BASE]).stderr).toContain("give --scenarios file or --growth list");
    expect(runCli(["compare", S, "--growth", "0", "--scenarios", "x.json", ...BASE]).code).toBe(2);
    expect(runCli(["compare", S, "--growth", "lots", ...BASE]).stderr).toContain('"lots" is not a ratio');
    expect(runCli(["compare", S, "--growth", "0,,1", ...BASE]).code).toBe(2);
    expect(runCli(["compare", "--growth", "0", ...BASE]).stderr).toContain("<schedules.json> is missing");
  });
});
