import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, REPO, runCli } from "./setup.js";

beforeAll(buildCli, 60_000);

const worked = (name: string) =>
  JSON.parse(readFileSync(join(REPO, "test/fixtures/worked", `${name}.json`), "utf8"));

describe("kpi-contract schema", { timeout: 60_000 }, () => {
  it("prints the contract schema, which accepts the worked example", () => {
    const run = runCli(["schema", "contract"]);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(worked("contract"))).toBe(true);
    expect(validate({ ...worked("contract"), typo: 1 })).toBe(false);
  });

  it("prints the facts schema, which accepts the March facts", () => {
    const schema = JSON.parse(runCli(["schema", "facts"]).stdout);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(worked("march")[0])).toBe(true);
  });

  it("prints the schema of a raw row kind", () => {
    const schema = JSON.parse(runCli(["schema", "ads"]).stdout);
    expect(JSON.stringify(schema)).toContain("attributed");
  });

  it("exit 2 for an unknown or missing schema", () => {
    const run = runCli(["schema", "invoice"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('schema: unknown schema "invoice"');
    expect(runCli(["schema"]).code).toBe(2);
  });
});
