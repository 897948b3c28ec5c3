import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseContract } from "../contract/parseContract.js";
import { periodFactsSchema } from "../facts/schema.js";
import { settle } from "./settle.js";
import { statementDigest } from "./statementDigest.js";

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/worked/${name}`, import.meta.url), "utf8"));
const fresh = () => ({
  contract: read("contract.json") as { targets: { weight?: string }[] },
  input: {
    cycle: { start: "2026-03-01", end: "2026-03-31" },
    facts: read("march.json") as never[],
    history: read("history.json") as never[],
  },
});

describe("settle keeps its work per contract and history object", () => {
  it("gives the same statement for the same objects as for fresh copies, and the digest of the whole", () => {
    const { contract, input } = fresh();
    const first = JSON.stringify(settle(contract, input));
    const again = settle(contract, input);
    expect(JSON.stringify(again)).toBe(first);
    const copy = fresh();
    expect(JSON.stringify(settle(copy.contract, copy.input))).toBe(first);
    // The spliced digest equals the digest of the whole canonical text, computed without any cache.
    expect(again.digest).toBe(
      statementDigest({
        contract: parseContract(read("contract.json")),
        input: {
          cycle: input.cycle,
          facts: input.facts.map((f) => periodFactsSchema.parse(f)),
          history: input.history.map((f) => periodFactsSchema.parse(f)),
        },
        options: again.options,
      }),
    );
    // Worked example: 1500.00 fixed + 1075.20 growth share (0.08 × (44160 − 30720)) = 2575.20.
    expect(again.total).toBe("2575.20");
  });

  it("hands out kept data frozen, so changing a statement cannot change the next one", () => {
    const { contract, input } = fresh();
    const first = settle(contract, input);
    const expected = JSON.stringify(first);
    const growth = first.evaluations.find((e) => e.targetId === "gmv-growth");
    expect(Object.isFrozen(growth?.trace.baseline)).toBe(true);
    expect(() => {
      (growth?.trace.period as { start: string }).start = "1999-01-01";
      (growth?.trace.baseline as { formula: string }).formula = "tampered";
    }).toThrow(TypeError);
    expect(JSON.stringify(settle(contract, input))).toBe(expected);
    expect(JSON.stringify(settle(contract, input))).toBe(JSON.stringify(settle(fresh().contract, input)));
  });

  it("refuses a contract with SMART errors on every call, in the locale asked for", () => {
    const { contract, input } = fresh();
    const target = contract.targets[1];
    if (target !== undefined) target.weight = "0.9";
    const refusal = (locale: "en" | "zh-CN") => {
      try {
        settle(contract, input, { locale });
      } catch (error) {
        return error as { code: string; message: string };
      }
      throw new Error("settle accepted a contract with SMART errors");
    };
    const en = refusal("en");
    expect(en.code).toBe("contract-not-smart");
    expect(refusal("en")).toEqual(en);
    const zh = refusal("zh-CN");
    expect(zh.code).toBe("contract-not-smart");
    expect(zh.message).not.toBe(en.message);
    expect(settle(contract, input, { allowInvalid: true }).options.smartErrors).toContain("weights-invalid");
  });

  it("does not keep a refused contract: contract-invalid each time", () => {
    const { input } = fresh();
    const bad = { ...(read("contract.json") as object), term: { start: "2026-12-31", end: "2026-01-01" } };
    expect(() => settle(bad, input)).toThrowError(expect.objectContaining({ code: "contract-invalid" }));
    expect(() => settle(bad, input)).toThrowError(expect.objectContaining({ code: "contract-invalid" }));
  });

  it("keeps a parsed history per array but still checks new arrays: history-invalid", () => {
    const { contract, input } = fresh();
    settle(contract, input);
    const broken = [...input.history, { nonsense: true } as never];
    expect(() => settle(contract, { ...input, history: broken })).toThrowError(
      expect.objectContaining({ code: "history-invalid" }),
    );
  });
});
