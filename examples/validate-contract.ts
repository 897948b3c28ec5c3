// Validates a three-store contract (Amazon US in USD, Shopee SG in SGD, TikTok Shop UK in GBP, fees
// in USD with an fx table) against the SMART rules and prints the report in English and Chinese.
//
//   npx tsx examples/validate-contract.ts
import { readFileSync } from "node:fs";
import { type Locale, type ValidationReport, validateContract } from "kpi-contract";

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`./contracts/${name}`, import.meta.url), "utf8"));

const contract = read("three-store.json");
// Q4 2025 facts of the three stores, each in its own currency: the baselines are computed from
// them after conversion to USD with the contract's fx table, as settlement will do.
const history = read("three-store-history.json");

const LOCALES: readonly Locale[] = ["en", "zh-CN"];

function print(title: string, report: ValidationReport): void {
  console.log(`\n=== ${title} ===`);
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  console.log(
    `${report.ok ? "OK" : "REFUSED"}: ${errors} error(s), ${warnings} warning(s), ${report.findings.length} finding(s)`,
  );
  for (const f of report.findings) {
    console.log(`- [${f.severity}] ${f.code} (${f.criterion}) at ${f.path.join(".") || "(root)"}`);
    console.log(`  ${f.message}`);
  }
}

// 1. The contract as signed, judged on real history: every baseline is computed, growth and
//    cost goals are compared with what the stores achieved in Q4 2025.
for (const locale of LOCALES) {
  print(`Signed contract with Q4 2025 history (${locale})`, validateContract(contract, { history, locale }));
}

// 2. The same contract without history: the baselines cannot be computed, so the value-based
//    checks are skipped and noted.
print("Signed contract without history (en)", validateContract(contract));

// 3. The first draft the seller sent, with the mistakes the validator exists to catch.
const draft = structuredClone(contract);
draft.targets[0].goal = { change: "80%" }; // +80% GMV…
draft.targets[2].goal = { atMost: "0.10" }; // …while TACoS must fall from about 16% to 10%
draft.targets[1].goal = { atMost: 25 }; // ACoS "25" meant 25%, but reads as 2500%
delete draft.targets[0].scope.shipping; // GMV with or without shipping?
draft.targets[3].weight = "0.1"; // a weight on a guardrail
draft.fees.components[2].gates = ["gmv-growth"]; // a bonus gated on the half-year target
for (const locale of LOCALES) {
  print(`First draft (${locale})`, validateContract(draft, { history, locale }));
}
