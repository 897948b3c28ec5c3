import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PeriodFactsInput } from "../../src/facts/schema.js";
import { settle } from "../../src/settlement/settle.js";
import { makeContract, makeFacts } from "../settlement/helpers.js";
import { buildCli, REPO, runCli } from "./setup.js";

beforeAll(buildCli, 60_000);

const W = "test/fixtures/worked";
const work = mkdtempSync(join(tmpdir(), "kpi-cli-settle-"));
const read = (name: string) => JSON.parse(readFileSync(join(REPO, W, `${name}.json`), "utf8"));
const contract = read("contract");
const history = read("history") as PeriodFactsInput[];
const march = read("march");
const MARCH = ["--cycle", "2026-03"];
const BASE = [
  "settle",
  `${W}/contract.json`,
  "--facts",
  `${W}/march.json`,
  "--history",
  `${W}/history.json`,
  ...MARCH,
];

function file(name: string, data: unknown): string {
  const path = join(work, name);
  writeFileSync(path, typeof data === "string" ? data : JSON.stringify(data, null, 2));
  return path;
}

describe("kpi-contract settle", { timeout: 60_000 }, () => {
  it("prints the statement of the worked example as text", () => {
    const run = runCli(BASE);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    // 1,500.00 + (44,160.00 − 30,720.00) × 8% = 2,575.20.
    expect(run.stdout).toMatch(/Total:\s+2,575\.20 USD/);
    expect(run.stdout).toMatch(/gmv-growth\s+GMV\s+Objective\s+50%\s+30,720\.00\s+43,008\.00\s+41,220\.00/);
  });

  it("prints exactly the library's statement as JSON", () => {
    const run = runCli([...BASE, "--format", "json"]);
    const statement = JSON.parse(run.stdout);
    const direct = settle(contract, {
      cycle: { start: "2026-03-01", end: "2026-03-31" },
      facts: march,
      history,
    });
    expect(statement).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(statement.digest).toBe(direct.digest);
  });

  it("accepts the cycle as dates", () => {
    const run = runCli([...BASE.slice(0, -2), "--cycle", "2026-03-01..2026-03-31", "--format", "json"]);
    expect(JSON.parse(run.stdout).total).toBe("2575.20");
  });

  it("takes earlier cycles of the facts file as history and leaves later ones out", () => {
    const later = { ...march[0], period: { start: "2026-04-01", end: "2026-04-30" } };
    const all = file("all.json", [...history, ...march, later]);
    const run = runCli(["settle", `${W}/contract.json`, "--facts", all, ...MARCH, "--format", "json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).total).toBe("2575.20");
    expect(run.stderr).toBe(`kpi-contract: note: 1 entry of ${all} after 2026-03-31 left out\n`);
  });

  it("writes Markdown and a self-contained HTML report with charts over the cycles of the history", () => {
    const md = runCli([...BASE, "--format", "md"]);
    expect(md.stdout).toContain("| 2026-01 | 38,000.00 | Pending |");
    const out = join(work, "march.html");
    const html = runCli([...BASE, "--format", "html", "--out", out, "--locale", "zh-CN"]);
    expect(html.code).toBe(0);
    expect(html.stdout).toBe("");
    const page = readFileSync(out, "utf8");
    expect(page).toContain("结算单：worked");
    expect(
      (page.match(/<svg[\s\S]*?<\/svg>/g) ?? []).map((s) => s.match(/<rect class="bar/g)?.length),
    ).toEqual([3, 3, 3]);
  });

  it("refuses a contract with SMART errors (exit 1) unless --allow-invalid", () => {
    // Without history the gmv-growth baseline cannot be computed: baseline-unavailable is an error.
    const run = runCli(["settle", `${W}/contract.json`, "--facts", `${W}/march.json`, ...MARCH]);
    expect(run.code).toBe(1);
    const line =
      readFileSync(join(REPO, W, "contract.json"), "utf8")
        .split("\n")
        .findIndex((l) => l.includes('"baseline"')) + 1;
    expect(run.stderr).toMatch(
      new RegExp(
        `^kpi-contract: ${W}/contract.json:${line}:\\d+: settlement refused: the contract has SMART errors`,
      ),
    );
    expect(run.stdout).toBe("");
  });

  it("counts the earlier cycles the history settles in the standing (SPEC §7)", () => {
    // ACoS 9,000 ÷ 20,450 > 0.22 in every month: attainment 0.22 ÷ 0.4400… < 0.7, so each cycle
    // fails the standing threshold (0.7, two cycles in a row start rectification).
    const month = (start: string, end: string) =>
      makeFacts({ period: { start, end }, attributed: "20450.00" });
    const contract = file(
      "standing.json",
      makeContract({ components: [{ type: "fixed", name: "base", amount: "100.00" }] }),
    );
    const settleJson = (name: string, months: unknown[]) =>
      JSON.parse(
        runCli(["settle", contract, "--facts", file(name, months), ...MARCH, "--format", "json"]).stdout,
      );
    const jan = month("2026-01-01", "2026-01-31");
    const feb = month("2026-02-01", "2026-02-28");
    const mar = month("2026-03-01", "2026-03-31");
    // February failed before March: rectification from April.
    const two = settleJson("standing-two.json", [feb, mar]);
    expect(two.options.standingHistory).toEqual([
      // ACoS 9,000 ÷ 20,450 = 0.4400977995…6944; attainment 0.22 ÷ that, to 34 digits.
      { cycle: { start: "2026-02-01", end: "2026-02-28" }, score: "0.4998888888888888888888888888888889" },
    ]);
    expect(two.standing).toMatchObject({ state: "rectification", since: "2026-04-01" });
    // January and February failed, and March fails after rectification began: termination-eligible.
    const three = settleJson("standing-three.json", [jan, feb, mar]);
    expect(three.options.standingHistory.map((e: { cycle: { start: string } }) => e.cycle.start)).toEqual([
      "2026-01-01",
      "2026-02-01",
    ]);
    expect(three.standing.state).toBe("termination-eligible");
    // Without February's facts the run is broken: nobody knows whether February failed.
    const gap = settleJson("standing-gap.json", [jan, mar]);
    expect(gap.options.standingHistory).toBeUndefined();
    expect(gap.standing).toMatchObject({ state: "warning", consecutiveFailures: 1 });
  });

  it("refuses a cycle whose facts are missing (exit 1)", () => {
    // Without sales the GMV target (and the share's basis) has no value: facts-missing, never a
    // silent 0 and never a target judged missed on figures that were not given.
    const facts = file("no-sales.json", [{ ...march[0], sales: undefined }]);
    const run = runCli([
      "settle",
      `${W}/contract.json`,
      "--facts",
      facts,
      "--history",
      `${W}/history.json`,
      ...MARCH,
    ]);
    expect(run.code).toBe(1);
    // Located in the facts file, at the record that lacks the figures, one line per missing fact.
    expect(run.stderr).toBe(
      `kpi-contract: ${facts}:2:3: settlement refused: facts[0].sales.gross: Target gmv-growth (gmv) needs sales.gross, which the facts of 2026-03-01..2026-03-31 do not hold\n` +
        `  ${facts}:2:3: facts[0].sales.refunds: Target gmv-growth (gmv) needs sales.refunds, which the facts of 2026-03-01..2026-03-31 do not hold\n`,
    );
  });

  it("exit 3 for facts of the wrong shape, at their line and column in the facts file", () => {
    const facts = file("bad-facts.json", [{ ...march[0], sales: { ...march[0].sales, gross: "46,000.00" } }]);
    const run = runCli([
      "settle",
      `${W}/contract.json`,
      "--facts",
      facts,
      "--history",
      `${W}/history.json`,
      ...MARCH,
    ]);
    expect(run.code).toBe(3);
    const line =
      readFileSync(facts, "utf8")
        .split("\n")
        .findIndex((l) => l.includes('"46,000.00"')) + 1;
    expect(run.stderr).toMatch(
      new RegExp(`^kpi-contract: ${facts}:${line}:16: facts\\[0\\]\\.sales\\.gross: `),
    );
  });

  it("exit 3 for a history entry of the wrong shape, located in the history file", () => {
    const bad = file("bad-history.json", [
      ...history.slice(0, 1),
      { ...history[1], currency: "usd" },
      ...history.slice(2),
    ]);
    const run = runCli([
      "settle",
      `${W}/contract.json`,
      "--facts",
      `${W}/march.json`,
      "--history",
      bad,
      ...MARCH,
    ]);
    expect(run.code).toBe(3);
    const line =
      readFileSync(bad, "utf8")
        .split("\n")
        .findIndex((l) => l.includes('"usd"')) + 1;
    expect(run.stderr).toMatch(new RegExp(`^kpi-contract: ${bad}:${line}:17: history\\[1\\]\\.currency: `));
  });

  it("exit 3 for a contract that is not a contract, at the line of the problem", () => {
    const path = file("bad-contract.json", { ...contract, term: { start: "2026-01-01", end: "2025-12-31" } });
    const run = runCli(["settle", path, "--facts", `${W}/march.json`, ...MARCH]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      new RegExp(`^kpi-contract: ${path}:6:12: the contract is invalid: term\\.end: `),
    );
  });

  it("exit 3 for malformed JSON, a facts file that is not a list, a missing file and an unwritable --out", () => {
    const bad = file("trailing.json", "[]\n]");
    expect(runCli(["settle", `${W}/contract.json`, "--facts", bad, ...MARCH]).stderr).toBe(
      `kpi-contract: ${bad}:2:1: the facts file is not valid JSON: unexpected "]" after the end of the JSON value\n`,
    );
    const scalar = file("scalar.json", "42");
    const notList = runCli(["settle", `${W}/contract.json`, "--facts", scalar, ...MARCH]);
    expect([notList.code, notList.stderr]).toEqual([
      3,
      `kpi-contract: ${scalar}:1:1: the facts must be a JSON array of period facts\n`,
    ]);
    const missing = runCli(["settle", `${W}/contract.json`, "--facts", "missing.json", ...MARCH]);
    expect([missing.code, missing.stderr]).toEqual([
      3,
      "kpi-contract: missing.json: cannot read the facts: no such file\n",
    ]);
    const out = runCli([...BASE, "--out", join(work, "no-such-folder", "x.txt")]);
    expect(out.code).toBe(3);
    expect(out.stderr).toContain("cannot write the output: its folder does not exist");
  });

  it("exit 2 for a missing --facts or --cycle, a malformed cycle, or one outside the term", () => {
    expect(runCli(["settle", `${W}/contract.json`, ...MARCH]).stderr).toContain(
      "settle: --facts is required",
    );
    expect(runCli(["settle", `${W}/contract.json`, "--facts", "f.json"]).stderr).toContain(
      "settle: --cycle is required",
    );
    const month = runCli(["settle", `${W}/contract.json`, "--facts", "f.json", "--cycle", "2026-13"]);
    expect(month.code).toBe(2);
    const outside = runCli([...BASE.slice(0, -2), "--cycle", "2027-03"]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain(
      "settle: --cycle 2027-03: 2027-03-01..2027-03-31 is not a cycle of the term 2026-01-01..2026-12-31",
    );
    const backwards = runCli([...BASE.slice(0, -2), "--cycle", "2026-03-31..2026-03-01"]);
    expect(backwards.stderr).toContain("--cycle ends (2026-03-01) before it starts (2026-03-31)");
  });

  it("settles anyway with --allow-invalid and records it", () => {
    const run = runCli([
      "settle",
      `${W}/contract.json`,
      "--facts",
      `${W}/march.json`,
      ...MARCH,
      "--allow-invalid",
      "--format",
      "json",
    ]);
    expect(run.code).toBe(1); // the share's basis still needs the baseline from history
    const withHistory = runCli([...BASE, "--allow-invalid", "--format", "json"]);
    expect(JSON.parse(withHistory.stdout).options.allowInvalid).toBe(true);
  });
});
