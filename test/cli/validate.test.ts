import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, REPO, runCli } from "./setup.js";

beforeAll(buildCli, 60_000);

const W = "test/fixtures/worked";
const work = mkdtempSync(join(tmpdir(), "kpi-cli-validate-"));
const worked = JSON.parse(readFileSync(join(REPO, W, "contract.json"), "utf8"));

/** Writes a JSON file (pretty, so findings have distinct lines) into the temp folder. */
function file(name: string, data: unknown): string {
  const path = join(work, name);
  writeFileSync(path, typeof data === "string" ? data : JSON.stringify(data, null, 2));
  return path;
}

describe("kpi-contract validate", { timeout: 60_000 }, () => {
  it("passes the worked example with its history (exit 0)", () => {
    const run = runCli(["validate", `${W}/contract.json`, "--history", `${W}/history.json`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("SMART validation: worked");
    expect(run.stdout).toContain("No errors: the contract can be settled.");
    expect(run.stdout).toMatch(/Note\s+Relevant\s+target-without-effect\s+gmv-growth\s+targets\[0\]/);
    expect(run.stderr).toBe("");
  });

  it("prints the report as JSON with --json", () => {
    const run = runCli(["validate", `${W}/contract.json`, "--history", `${W}/history.json`, "--json"]);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(true);
    expect(report.findings.map((f: { code: string }) => f.code)).toEqual([
      "target-without-effect",
      "standing-missing",
    ]);
  });

  it("exits 1 on errors and writes each error at its line and column in the contract", () => {
    const targets = worked.targets.map((t: { id: string }) =>
      t.id === "acos" ? { ...t, weight: "0.7" } : t,
    );
    const path = file("weights.json", { ...worked, targets });
    const run = runCli(["validate", path, "--history", `${W}/history.json`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("1 error: settlement refuses this contract until it is fixed.");
    // weights-invalid points at the targets list (its "[" after `  "targets": `, column 14).
    const line =
      readFileSync(path, "utf8")
        .split("\n")
        .findIndex((l) => l.includes('"targets"')) + 1;
    expect(run.stderr).toBe(
      `kpi-contract: ${path}:${line}:14: error weights-invalid: ${JSON.parse(runCli(["validate", path, "--history", `${W}/history.json`, "--json"]).stdout).findings.find((f: { code: string }) => f.code === "weights-invalid").message}\n`,
    );
  });

  it("reports a structurally invalid contract as findings (exit 1), located in the file", () => {
    const path = file("schema.json", { ...worked, cycle: "weekly" });
    const run = runCli(["validate", path, "--json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings[0].code).toBe("schema-invalid");
    const line =
      readFileSync(path, "utf8")
        .split("\n")
        .findIndex((l) => l.includes('"weekly"')) + 1;
    expect(run.stderr).toContain(`${path}:${line}:12: error schema-invalid:`);
  });

  it("writes the messages in Chinese", () => {
    const run = runCli([
      "validate",
      `${W}/contract.json`,
      "--history",
      `${W}/history.json`,
      "--locale",
      "zh-CN",
    ]);
    expect(run.stdout).toContain("没有错误：该合同可以结算。");
    expect(run.stdout).toContain("可以结算");
  });

  it("writes Markdown and HTML", () => {
    const md = runCli(["validate", `${W}/contract.json`, "--history", `${W}/history.json`, "--format", "md"]);
    expect(md.stdout).toContain("| Severity | Criterion | Code | Target | Where | Finding |");
    const out = join(work, "v.html");
    const html = runCli(["validate", `${W}/contract.json`, "--format", "html", "--out", out]);
    expect(html.code).toBe(0); // without history the baselines are left unchecked (a note)
    expect(html.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toContain("<!DOCTYPE html>");
  });

  it("exit 3 for a missing file, a malformed file and a malformed history", () => {
    const missing = runCli(["validate", "nope.json"]);
    expect([missing.code, missing.stderr]).toEqual([
      3,
      "kpi-contract: nope.json: cannot read the contract: no such file\n",
    ]);
    const bad = file("bad.json", '{\n  "id": "x",\n  "cycle": "monthly",,\n}');
    const malformed = runCli(["validate", bad]);
    expect(malformed.code).toBe(3);
    expect(malformed.stderr).toBe(
      `kpi-contract: ${bad}:3:22: the contract file is not valid JSON: expected a property name in double quotes, found ","\n`,
    );
    const history = file("history.json", [
      {
        store: "us",
        period: { start: "2025-10-01", end: "2025-10-31" },
        currency: "USD",
        sales: { orders: -1 },
      },
    ]);
    const badHistory = runCli(["validate", `${W}/contract.json`, "--history", history]);
    expect(badHistory.code).toBe(3);
    expect(badHistory.stderr).toMatch(
      new RegExp(
        `^kpi-contract: ${history}:10:17: the history is invalid: history\\[0\\]\\.sales\\.orders: `,
      ),
    );
  });

  it("exit 2 for a missing argument, a bad locale or an unknown flag", () => {
    expect(runCli(["validate"]).stderr).toContain("validate: <contract.json> is missing");
    expect(runCli(["validate", "c.json", "--locale", "fr"]).code).toBe(2);
    expect(runCli(["validate", "c.json", "--strict"]).code).toBe(2);
  });
});
