// ESM consumer of the packed package: resolves the "import" condition (dist/index.js).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as api from "kpi-contract";
import { allocate, cyclesOf, KpiContractError, roundMoney } from "kpi-contract";

assert.deepEqual(allocate("100.00", "USD", ["1", "1", "1"]), ["33.34", "33.33", "33.33"]);
assert.equal(roundMoney("1064.516129", "USD"), "1064.52");
assert.equal(roundMoney("616.5", "JPY", "half-even"), "616");
assert.equal(cyclesOf({ start: "2026-01-10", end: "2026-03-31" }, "monthly").length, 3);
assert.throws(
  () => allocate("1.00", "XYZ", ["1"]),
  (e) => e instanceof KpiContractError && e.code === "currency-unknown",
);

const load = (name) => JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), "utf8"));
if (typeof api.settle === "function") {
  // The SPEC §8 worked example, to the cent.
  const expected = load("expected");
  const statement = api.settle(api.parseContract(load("contract")), {
    cycle: expected.cycle,
    facts: load("march"),
    history: load("history"),
  });
  assert.equal(statement.total, expected.total);
  assert.deepEqual(
    statement.lines.map((l) => [l.component, l.kind, l.amount]),
    expected.lines.map((l) => [l.component, l.kind, l.amount]),
  );
  console.log(`esm: settle worked example total ${statement.total}`);
} else if (typeof api.parseContract === "function") {
  assert.equal(api.parseContract(load("contract")).id, "worked");
}
console.log(`esm: ok (${Object.keys(api).length} exports)`);
