import { describe, expect, it } from "vitest";
import * as z from "zod";
import { CURRENCIES, currencySchema, isCurrencyCode, minorUnits } from "./currency.js";
import { KpiContractError } from "./KpiContractError.js";

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KpiContractError) return error;
    throw error;
  }
  throw new Error("expected a KpiContractError");
}

describe("CURRENCIES", () => {
  it.each([
    ["USD", 2],
    ["EUR", 2],
    ["GBP", 2],
    ["CNY", 2],
    ["IDR", 2],
    ["SGD", 2],
    ["MYR", 2],
    ["THB", 2],
    ["PHP", 2],
    ["BRL", 2],
    ["MXN", 2],
    ["TRY", 2],
    ["RUB", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["VND", 0],
    ["CLP", 0],
    ["ISK", 0],
    ["PYG", 0],
    ["UGX", 0],
    ["XAF", 0],
    ["XOF", 0],
    ["XPF", 0],
    ["RWF", 0],
    ["KMF", 0],
    ["GNF", 0],
    ["DJF", 0],
    ["VUV", 0],
    ["BIF", 0],
    ["UYI", 0],
    ["KWD", 3],
    ["BHD", 3],
    ["OMR", 3],
    ["JOD", 3],
    ["TND", 3],
    ["LYD", 3],
    ["IQD", 3],
    ["CLF", 4],
    ["UYW", 4],
  ])("%s has exponent %i", (code, exponent) => {
    expect(CURRENCIES[code as keyof typeof CURRENCIES].exponent).toBe(exponent);
    expect(minorUnits(code)).toBe(exponent);
    expect(isCurrencyCode(code)).toBe(true);
  });

  it("knows the newest codes: SLE, VES, VED, ZWG, XCG, XAD", () => {
    for (const code of ["SLE", "VES", "VED", "ZWG", "XCG", "XAD"]) expect(minorUnits(code)).toBe(2);
  });

  it("holds the 165 codes of list one (2026-01-01) that have a minor unit, by exponent 17/139/7/2", () => {
    const byExponent: Record<number, number> = {};
    for (const info of Object.values(CURRENCIES))
      byExponent[info.exponent] = (byExponent[info.exponent] ?? 0) + 1;
    expect(Object.keys(CURRENCIES)).toHaveLength(165);
    expect(byExponent).toEqual({ 0: 17, 2: 139, 3: 7, 4: 2 });
  });

  it("keys are three upper-case letters, in alphabetical order, with a name", () => {
    const codes = Object.keys(CURRENCIES);
    expect(codes.every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
    expect(codes).toEqual([...codes].sort());
    expect(Object.values(CURRENCIES).every((info) => info.name.length > 0)).toBe(true);
  });

  it("is frozen, entries included", () => {
    expect(Object.isFrozen(CURRENCIES)).toBe(true);
    expect(Object.values(CURRENCIES).every((info) => Object.isFrozen(info))).toBe(true);
    expect(() => {
      (CURRENCIES.USD as { exponent: number }).exponent = 3;
    }).toThrow(TypeError);
    expect(CURRENCIES.USD.exponent).toBe(2);
  });

  it("leaves out the codes whose minor unit is N.A.", () => {
    for (const code of [
      "XAU",
      "XAG",
      "XPT",
      "XPD",
      "XBA",
      "XBB",
      "XBC",
      "XBD",
      "XDR",
      "XSU",
      "XUA",
      "XTS",
      "XXX",
    ]) {
      expect(isCurrencyCode(code)).toBe(false);
    }
  });

  it("matches the TSDoc example", () => {
    expect(CURRENCIES.JPY.exponent).toBe(0);
    expect(CURRENCIES.KWD).toEqual({ exponent: 3, name: "Kuwaiti Dinar" });
  });
});

const WITHDRAWN = ["HRK", "SLL", "VEF", "ZWL", "ANG", "BGN", "CUC", "MRO", "STD", "BYR", "LTL"];
const JUNK = [
  "usd",
  "Usd",
  "",
  " USD",
  "USD ",
  "US",
  "USDD",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
];

describe("isCurrencyCode", () => {
  it.each([...WITHDRAWN, ...JUNK, "XXX", "XYZ"])("refuses %j", (code) => {
    expect(isCurrencyCode(code)).toBe(false);
  });

  it("matches the TSDoc example", () => {
    expect(isCurrencyCode("USD")).toBe(true);
    expect(isCurrencyCode("usd")).toBe(false);
    expect(isCurrencyCode("HRK")).toBe(false);
  });
});

describe("minorUnits", () => {
  it.each([...WITHDRAWN, ...JUNK, "XXX", "XYZ"])("throws currency-unknown for %j", (code) => {
    const error = thrown(() => minorUnits(code));
    expect(error.code).toBe("currency-unknown");
    expect(error.params).toEqual({ currency: code });
  });

  it("names the code and suggests active ones", () => {
    expect(thrown(() => minorUnits("XYZ")).message).toBe(
      'Unknown currency code "XYZ": use an active ISO 4217 code such as USD, EUR or JPY',
    );
  });

  it("names the successor of a withdrawn code", () => {
    expect(thrown(() => minorUnits("HRK")).message).toBe(
      'Unknown currency code "HRK": use an active ISO 4217 code such as USD, EUR or JPY (HRK was withdrawn; its successor is EUR)',
    );
    expect(thrown(() => minorUnits("SLL")).message).toContain("its successor is SLE");
  });

  it("points out a lower-case code", () => {
    expect(thrown(() => minorUnits("usd")).message).toBe(
      'Unknown currency code "usd": use an active ISO 4217 code such as USD, EUR or JPY (codes are upper case: "USD")',
    );
  });

  it("matches the TSDoc example", () => {
    expect(minorUnits("USD")).toBe(2);
    expect(minorUnits("JPY")).toBe(0);
    expect(minorUnits("KWD")).toBe(3);
  });
});

describe("currencySchema", () => {
  const factsSchema = z.object({ currency: currencySchema });

  it("accepts an active code", () => {
    expect(currencySchema.parse("EUR")).toBe("EUR");
    expect(factsSchema.parse({ currency: "JPY" })).toEqual({ currency: "JPY" });
  });

  it.each([...WITHDRAWN, ...JUNK, "XXX", "XYZ"])(
    "refuses %j with the path and a message naming it",
    (code) => {
      const result = factsSchema.safeParse({ currency: code });
      expect(result.success).toBe(false);
      const issue = result.error?.issues[0];
      expect(issue?.path).toEqual(["currency"]);
      expect(
        issue?.message.startsWith(
          `Unknown currency code ${JSON.stringify(code)}: use an active ISO 4217 code`,
        ),
      ).toBe(true);
      expect(result.error?.issues).toHaveLength(1);
    },
  );

  it("uses the exact message for an unknown code", () => {
    const result = factsSchema.safeParse({ currency: "XYZ" });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ["currency"],
        message: 'Unknown currency code "XYZ": use an active ISO 4217 code such as USD, EUR or JPY',
      }),
    ]);
  });

  it("refuses a non-string with its own message", () => {
    const result = factsSchema.safeParse({ currency: 840 });
    expect(result.error?.issues[0]?.path).toEqual(["currency"]);
    expect(result.error?.issues[0]?.message).toBe('Expected an ISO 4217 currency code string such as "USD"');
  });

  it("matches the TSDoc example", () => {
    expect(currencySchema.parse("EUR")).toBe("EUR");
    expect(currencySchema.safeParse("XYZ").error?.issues[0]?.message).toBe(
      'Unknown currency code "XYZ": use an active ISO 4217 code such as USD, EUR or JPY',
    );
  });
});
