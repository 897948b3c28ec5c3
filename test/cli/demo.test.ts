import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_CONTRACT, DEMO_HISTORY, DEMO_MARCH } from "../../src/cli/demo-data.js";
import { buildCli, runCli } from "./setup.js";

beforeAll(buildCli, 60_000);

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/worked/${name}.json`, import.meta.url), "utf8"));

describe("kpi-contract demo", { timeout: 60_000 }, () => {
  it("ships the worked example unchanged", () => {
    expect(DEMO_CONTRACT).toEqual(fixture("contract"));
    expect(DEMO_HISTORY).toEqual(fixture("history"));
    expect(DEMO_MARCH).toEqual(fixture("march"));
  });

  it("settles March 2026 and prints the statement", () => {
    const run = runCli(["demo"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    // fixed 1,500.00 + share (44,160.00 − 30,720.00) × 8% = 1,075.20 → 2,575.20 (SPEC §8).
    expect(run.stdout).toMatch(/Total:\s+2,575\.20 USD/);
    expect(run.stdout).toMatch(/base\s+Fixed fee\s+1,500\.00/);
    expect(run.stdout).toMatch(/growth-share\s+Revenue share\s+13,440\.00\s+8%\s+1,075\.20/);
    expect(run.stdout).toMatch(/Score:\s+97\.92%/);
  });

  it("prints the statement as JSON with the expected figures", () => {
    const run = runCli(["demo", "--format", "json"]);
    expect(run.code).toBe(0);
    const statement = JSON.parse(run.stdout);
    const expected = fixture("expected") as {
      total: string;
      lines: { component: string; amount: string }[];
      evaluations: Record<string, { status: string; actual: string; target: string }>;
    };
    expect(statement.total).toBe(expected.total);
    expect(
      statement.lines.map((l: { component: string; amount: string }) => [l.component, l.amount]),
    ).toEqual(expected.lines.map((l) => [l.component, l.amount]));
    for (const e of statement.evaluations) {
      const want = expected.evaluations[e.targetId];
      expect([e.status, e.actual, e.target]).toEqual([want?.status, want?.actual, want?.target]);
    }
  });

  it("is deterministic", () => {
    expect(runCli(["demo", "--format", "html"]).stdout).toBe(runCli(["demo", "--format", "html"]).stdout);
  });

  it("writes the Chinese HTML report with a chart of three cycles per target", () => {
    const run = runCli(["demo", "--format", "html", "--locale", "zh-CN"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<html lang="zh-CN">');
    expect(run.stdout).toContain("结算单");
    const bars = (run.stdout.match(/<svg[\s\S]*?<\/svg>/g) ?? []).map(
      (svg) => svg.match(/<rect class="bar/g)?.length,
    );
    expect(bars).toEqual([3, 3, 3]);
    // The statement itself is settled in Chinese too.
    expect(run.stdout).not.toContain("Base fee");
  });

  it("writes Markdown", () => {
    const run = runCli(["demo", "--format", "md"]);
    expect(run.stdout).toContain("| **Total** |  |  |  | **2,575.20** | **USD** |");
  });

  it("refuses an unknown format", () => {
    const run = runCli(["demo", "--format", "pdf"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format must be one of text, json, md, html, not "pdf"');
  });
});
