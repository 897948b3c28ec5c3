// CommonJS consumer of the packed package: resolves the "require" condition (dist/index.cjs).
const assert = require("node:assert/strict");
const api = require("kpi-contract");
const { allocate, cyclesOf, KpiContractError, roundMoney } = api;

assert.deepEqual(allocate("10", "JPY", [3, 7]), ["3", "7"]);
assert.equal(roundMoney("-2.345", "USD", "floor"), "-2.35");
assert.equal(cyclesOf({ start: "2026-01-01", end: "2026-12-31" }, "quarterly").length, 4);
assert.throws(
  () => roundMoney("1e3", "USD"),
  (e) => e instanceof KpiContractError && e.code === "decimal-invalid",
);

if (typeof api.settle === "function") {
  const load = (name) => require(`./${name}.json`);
  const expected = load("expected");
  const statement = api.settle(api.parseContract(load("contract")), {
    cycle: expected.cycle,
    facts: load("march"),
    history: load("history"),
  });
  assert.equal(statement.total, expected.total);
  console.log(`cjs: settle worked example total ${statement.total}`);
}
console.log(`cjs: ok (${Object.keys(api).length} exports)`);
