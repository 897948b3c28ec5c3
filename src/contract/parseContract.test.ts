import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanContract, GMV_SCOPE, targetOf } from "../../test/contract/smartTestKit.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { ContractError, parseContract, safeParseContract } from "./parseContract.js";

const worked = () =>
  JSON.parse(readFileSync(new URL("../../test/fixtures/worked/contract.json", import.meta.url), "utf8"));

/** The issues of a contract that does not parse, as `path → code`. */
function issuesOf(input: unknown): { path: string; code: string; message: string }[] {
  const result = safeParseContract(input);
  if (result.success) throw new Error("expected the contract to be refused");
  return result.error.issues.map((i) => ({ path: i.path.join("."), code: i.code, message: i.message }));
}

describe("parseContract: the SPEC §8 contract", () => {
  it("parses, with defaults filled in", () => {
    const contract = parseContract(worked());
    expect(contract.id).toBe("worked");
    expect(contract.targets.map((t) => t.id)).toEqual(["gmv-growth", "acos", "negative-reviews"]);
    expect(contract.attainmentCap).toBe("2");
    expect(contract.locale).toBe("en");
    expect(contract.targets[0]?.goal).toEqual({ change: "0.4" });
  });

  it("parses its own output again to the same contract", () => {
    const once = parseContract(worked());
    expect(parseContract(once)).toEqual(once);
  });
});

describe("parseContract: structural errors, each with its path", () => {
  it("refuses a typo'd key in a target", () => {
    const c = cleanContract();
    targetOf(c, "acos").gaol = { atMost: "0.22" };
    expect(issuesOf(c)).toEqual([expect.objectContaining({ path: "targets.1", code: "unrecognized_keys" })]);
    expect(issuesOf(c)[0]?.message).toContain("gaol");
  });

  it("refuses a typo'd key at the top level and in a fee component", () => {
    const c = cleanContract();
    c.standings = c.standing;
    c.fees.components[0].ammount = "1";
    expect(issuesOf(c).map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ["", "unrecognized_keys"],
        ["fees.components.0", "unrecognized_keys"],
      ]),
    );
  });

  it("refuses an end before the start", () => {
    const c = cleanContract();
    c.term = { start: "2026-12-31", end: "2026-01-01" };
    expect(issuesOf(c)).toEqual([expect.objectContaining({ path: "term.end", code: "period-reversed" })]);
  });

  it("refuses an unknown currency, in a store and in the fees", () => {
    const c = cleanContract();
    c.stores[0].currency = "USX";
    c.fees.currency = "EURO";
    expect(issuesOf(c).map((i) => i.path)).toEqual(["stores.0.currency", "fees.currency"]);
  });

  it("refuses an unknown time zone", () => {
    const c = cleanContract();
    c.stores[0].timeZone = "America/Los Angeles";
    expect(issuesOf(c)).toEqual([expect.objectContaining({ path: "stores.0.timeZone" })]);
  });

  it("refuses a date that does not exist", () => {
    const c = cleanContract();
    c.term.start = "2026-02-30";
    const issues = issuesOf(c);
    expect(issues).toEqual([expect.objectContaining({ path: "term.start" })]);
    expect(issues[0]?.message).toContain("2026-02-30");
  });

  it("refuses duplicate target and store ids, pointing at the second", () => {
    const c = cleanContract();
    c.targets.push({ ...targetOf(c, "acos") });
    c.stores.push({ ...c.stores[0] });
    expect(issuesOf(c).map((i) => [i.path, i.code])).toEqual([
      ["stores.1.id", "duplicate-id"],
      ["targets.3.id", "duplicate-id"],
    ]);
  });

  it("refuses fee components referencing an unknown target, gate or baseline", () => {
    const c = cleanContract();
    c.fees.components[1].target = "gmv";
    c.fees.components[1].gates = ["negative-review"];
    c.fees.components.push({
      type: "share",
      name: "share",
      basis: { kpi: "gmv", scope: GMV_SCOPE, over: { baselineOf: "gmv-grwth" } },
      tiers: [{ upTo: null, rate: "0.08" }],
    });
    expect(issuesOf(c).map((i) => [i.path, i.code])).toEqual([
      ["fees.components.1.gates.0", "reference-unknown"],
      ["fees.components.1.target", "reference-unknown"],
      ["fees.components.3.basis.over.baselineOf", "reference-unknown"],
    ]);
  });

  it("refuses tiers that do not ascend, or end without upTo null", () => {
    const c = cleanContract();
    c.fees.components.push({
      type: "share",
      name: "share",
      basis: { kpi: "gmv", scope: GMV_SCOPE },
      tiers: [
        { upTo: "20000", rate: "0.05" },
        { upTo: "10000", rate: "0.03" },
      ],
    });
    expect(issuesOf(c).map((i) => i.path)).toEqual([
      "fees.components.3.tiers.1.upTo",
      "fees.components.3.tiers.1.upTo",
    ]);
  });

  it("refuses schemaVersion 2 and a missing schemaVersion", () => {
    const newer = { ...cleanContract(), schemaVersion: 2 };
    expect(issuesOf(newer)).toEqual([
      expect.objectContaining({ path: "schemaVersion", code: "schema-version-unsupported" }),
    ]);
    expect(issuesOf(newer)[0]?.message).toContain("newer");
    const { schemaVersion: _v, ...missing } = cleanContract();
    expect(issuesOf(missing)).toEqual([
      expect.objectContaining({
        path: "schemaVersion",
        message: 'schemaVersion is missing: write "schemaVersion": 1',
      }),
    ]);
  });

  it("a missing or malformed schemaVersion is listed with every other problem, as a ContractError", () => {
    const { schemaVersion: _v, ...rest } = cleanContract();
    for (const version of [undefined, "1", 0]) {
      const input = { ...rest, ...(version === undefined ? {} : { schemaVersion: version }), id: "" };
      const result = safeParseContract({ ...input, cycle: "weekly" });
      expect(result.success).toBe(false);
      if (result.success) continue;
      expect(result.error).toBeInstanceOf(ContractError);
      expect(result.error.issues.map((i) => [i.path.join("."), i.code])).toEqual([
        ["schemaVersion", "schema-version-unsupported"],
        ["id", expect.any(String)],
        ["cycle", expect.any(String)],
      ]);
      expect(result.error.message).toMatch(/^The contract has 3 problems:\nschemaVersion: /);
    }
    // A newer version is another schema: only the version is named.
    const newer = safeParseContract({ ...rest, schemaVersion: 2, id: "" });
    expect(newer.success ? [] : newer.error.issues.map((i) => i.path.join("."))).toEqual(["schemaVersion"]);
    // Not an object at all: one issue at the root, still a ContractError.
    const none = safeParseContract([]);
    expect(none.success ? undefined : none.error).toBeInstanceOf(ContractError);
  });

  it("refuses a decimal with an exponent, a separator or a plus sign", () => {
    for (const amount of ["1e3", "1,500.00", "+1500", "NaN", Number.POSITIVE_INFINITY]) {
      const c = cleanContract();
      c.fees.components[0].amount = amount;
      expect(issuesOf(c).map((i) => i.path)).toEqual(["fees.components.0.amount"]);
    }
  });
});

describe("parseContract: normalisation", () => {
  it('reads a percent goal: "22%" is 0.22', () => {
    const c = cleanContract();
    targetOf(c, "acos").goal = { atMost: "22%" };
    expect(parseContract(c).targets[1]?.goal).toEqual({ atMost: "0.22" });
  });

  it("turns number goals and weights into decimal strings exactly", () => {
    const c = cleanContract();
    targetOf(c, "acos").goal = { atMost: 0.22 };
    targetOf(c, "acos").weight = 0.5;
    targetOf(c, "negative-reviews").goal = { below: 1e-7 };
    const parsed = parseContract(c);
    expect(parsed.targets[1]?.goal).toEqual({ atMost: "0.22" });
    expect(parsed.targets[1]?.weight).toBe("0.5");
    expect(parsed.targets[2]?.goal).toEqual({ below: "0.0000001" });
  });

  it("keeps what SMART judges (a goal that is not a number, a negative weight) for validateContract to report", () => {
    const c = cleanContract();
    targetOf(c, "acos").goal = { atMost: "low" };
    targetOf(c, "acos").weight = "-0.5";
    const parsed = parseContract(c);
    expect(parsed.targets[1]?.goal).toEqual({ atMost: "low" });
    expect(parsed.targets[1]?.weight).toBe("-0.5");
  });
});

describe("parseContract: errors", () => {
  it("throws a ContractError listing every issue", () => {
    const c = cleanContract();
    c.term.start = "2026-02-30";
    c.stores[0].currency = "USX";
    try {
      parseContract(c);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContractError);
      expect(error).toBeInstanceOf(KpiContractError);
      const e = error as ContractError;
      expect(e.code).toBe("contract-invalid");
      expect(e.issues).toHaveLength(2);
      expect(e.message).toContain("term.start");
      expect(e.message).toContain("stores.0.currency");
    }
  });

  it("returns a result instead of throwing in safeParseContract", () => {
    expect(safeParseContract(cleanContract()).success).toBe(true);
    const refused = safeParseContract("not a contract");
    expect(refused.success).toBe(false);
    if (!refused.success) expect(refused.error.code).toBe("contract-invalid");
  });
});
