// TypeScript consumer (CommonJS declarations, dist/index.d.cts): type-checked with tsc --noEmit.
import kpi = require("kpi-contract");

const parts: string[] = kpi.allocate("10", "JPY", [3, 7]);
const cycles: kpi.Period[] = kpi.cyclesOf({ start: "2026-01-01", end: "2026-12-31" }, "quarterly");
const result: kpi.SafeResult<kpi.Contract> = kpi.safeParseContract({ schemaVersion: 1 });

// @ts-expect-error a cycle must be monthly, quarterly or { days }
kpi.cyclesOf({ start: "2026-01-01", end: "2026-12-31" }, "weekly");

export = { parts, cycles, result };
