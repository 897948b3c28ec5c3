import { beforeAll, describe, expect, it } from "vitest";
import { VERSION } from "../../src/version.js";
import { buildCli, runCli } from "./setup.js";

beforeAll(buildCli, 60_000);

describe("kpi-contract: help, version and unknown input", { timeout: 60_000 }, () => {
  it("prints the version", () => {
    const run = runCli(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${VERSION}\n`);
  });

  it("prints the general help on --help, and on stderr with exit 2 without a command", () => {
    const help = runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: kpi-contract <command> [options]");
    expect(help.stdout).toContain("Exit codes:");
    const bare = runCli([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe("");
    expect(bare.stderr).toContain("Usage: kpi-contract <command>");
  });

  it.each(["demo", "validate", "settle", "facts", "compare", "schema"])(
    "prints the help of %s",
    (command) => {
      const run = runCli([command, "--help"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: kpi-contract ${command}`);
      expect(runCli(["help", command]).stdout).toBe(run.stdout);
    },
  );

  it("refuses an unknown command or option with exit 2 and one line", () => {
    const run = runCli(["frobnicate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'kpi-contract: unknown command "frobnicate"; the commands are demo, validate, settle, facts, compare, schema. Run "kpi-contract --help" for usage.\n',
    );
    expect(runCli(["--frob"]).stderr).toContain('unknown option "--frob"');
    expect(runCli(["help", "nope"]).code).toBe(2);
  });

  it("refuses an unknown flag of a command (strict parsing)", () => {
    const run = runCli(["demo", "--colour"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `kpi-contract: demo: unknown option '--colour'. Run "kpi-contract demo --help" for usage.\n`,
    );
  });

  it("refuses a flag without its value and an extra argument", () => {
    const missing = runCli(["demo", "--format"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^kpi-contract: demo: option '--format <value>' argument missing/);
    const extra = runCli(["demo", "extra"]);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('unexpected argument "extra"');
  });
});
