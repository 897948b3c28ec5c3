import { readFileSync } from "node:fs";
import type { PeriodFactsInput } from "../../src/facts/schema.js";
import type { SettlementStatement } from "../../src/settlement/SettlementStatement.js";
import { settle } from "../../src/settlement/settle.js";

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/worked/${name}.json`, import.meta.url), "utf8"));

/** The SPEC §8 contract. */
export const workedContract = read("contract") as { id: string };
const history = read("history") as PeriodFactsInput[];
const march = read("march") as PeriodFactsInput[];

function settleMonth(start: string, end: string, locale: "en" | "zh-CN"): SettlementStatement {
  const inCycle = (f: PeriodFactsInput) => f.period.start === start;
  const before = (f: PeriodFactsInput) => f.period.start < start;
  const facts = start === "2026-03-01" ? march : history.filter(inCycle);
  return settle(
    workedContract,
    { cycle: { start, end }, facts, history: history.filter(before) },
    { locale },
  );
}

/** The worked example's January, February and March 2026 statements. */
export function workedStatements(locale: "en" | "zh-CN" = "en"): {
  january: SettlementStatement;
  february: SettlementStatement;
  march: SettlementStatement;
} {
  return {
    january: settleMonth("2026-01-01", "2026-01-31", locale),
    february: settleMonth("2026-02-01", "2026-02-28", locale),
    march: settleMonth("2026-03-01", "2026-03-31", locale),
  };
}
