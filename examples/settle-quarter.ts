/**
 * Settles the first quarter (January, February, March 2026) of the three-store contract in
 * examples/contracts/three-store.json — Amazon US (USD), Shopee SG (SGD) and TikTok Shop UK (GBP),
 * fees in USD — and prints each monthly statement: its lines, total, score, standing and digest.
 *
 * Each month's settlement reads the months before it as history (for the baselines and the
 * first-half GMV window), the previous statement (for any carried negative basis) and the earlier
 * scores (for the contract's standing). Every statement is then verified by recomputing it.
 *
 * Run: npx tsx examples/settle-quarter.ts
 */
import { readFileSync } from "node:fs";
import { type PeriodFactsInput, type SettlementStatement, settle, verifyStatement } from "kpi-contract";

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const contract = read("./contracts/three-store.json");
const baselineHistory = read("./contracts/three-store-history.json") as PeriodFactsInput[];
const quarter = read("./data/three-store-q1.json") as PeriodFactsInput[];

const cycles = [
  { start: "2026-01-01", end: "2026-01-31" },
  { start: "2026-02-01", end: "2026-02-28" },
  { start: "2026-03-01", end: "2026-03-31" },
];

let previous: SettlementStatement | undefined;
const scores: { cycle: { start: string; end: string }; score: string | null }[] = [];
let quarterTotal = 0n;

for (const cycle of cycles) {
  const facts = quarter.filter((f) => f.period.start === cycle.start);
  const history = [...baselineHistory, ...quarter.filter((f) => f.period.start < cycle.start)];
  const input = { cycle, facts, history };
  const statement = settle(contract, input, {
    locale: "en",
    standingHistory: scores,
    ...(previous !== undefined ? { previousCycle: previous } : {}),
  });

  console.log(`\n=== ${statement.contractId} · ${cycle.start}..${cycle.end} · ${statement.currency} ===`);
  for (const line of statement.lines) {
    console.log(
      `  ${line.component.padEnd(18)} ${line.kind.padEnd(10)} ${line.amount.padStart(10)}  ${line.description}`,
    );
  }
  console.log(`  ${"total".padEnd(29)} ${statement.total.padStart(10)}`);
  console.log(`  score ${statement.score ?? "none"}; standing ${statement.standing?.state ?? "n/a"}`);
  for (const e of statement.evaluations) {
    console.log(
      `    ${e.targetId.padEnd(17)} ${e.status.padEnd(8)} actual ${e.actual ?? "-"} target ${e.target ?? "-"}`,
    );
  }
  for (const w of statement.warnings) console.log(`  ! ${w}`);
  for (const r of statement.fxRates.filter((x) => x.usedFor.includes(cycle.start))) {
    console.log(`  fx ${r.from}→${r.to} ${r.rate} (${r.date}) for ${r.usedFor}`);
  }
  const check = verifyStatement(statement, contract, input);
  console.log(`  digest ${statement.digest} · verified: ${check.ok}`);
  if (!check.ok) {
    console.error(check.differences);
    process.exitCode = 1;
  }

  quarterTotal += BigInt(statement.total.replace(".", ""));
  scores.push({ cycle, score: statement.score });
  previous = statement;
}

const cents = quarterTotal.toString().padStart(3, "0");
console.log(`\nQ1 total due: USD ${cents.slice(0, -2)}.${cents.slice(-2)}`);
