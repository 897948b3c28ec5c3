// TypeScript consumer (ESM declarations, dist/index.d.ts): type-checked with tsc --noEmit.
import {
  allocate,
  type Contract,
  computeKpi,
  type DecimalString,
  KpiContractError,
  type KpiResult,
  type Period,
  parseContract,
  type RoundingMode,
  roundMoney,
  type SettlementStatement,
  safeSettle,
  settle,
} from "kpi-contract";
import contractJson from "./contract.json" with { type: "json" };
import history from "./history.json" with { type: "json" };
import march from "./march.json" with { type: "json" };

const parts: DecimalString[] = allocate("100.00", "USD", ["1", "1", "1"]);
const mode: RoundingMode = "half-even";
const rounded: string = roundMoney("616.5", "JPY", mode);
const cycle: Period = { start: "2026-03-01", end: "2026-03-31" };
const contract: Contract = parseContract(contractJson);
const statement: SettlementStatement = settle(contract, { cycle, facts: march, history });
const total: DecimalString = statement.total;
const acos: KpiResult = computeKpi("acos", march[0], { attributionWindow: "14d" });
const value: string | null = acos.value;
const result = safeSettle(contract, { cycle, facts: march, history });
const code: string | undefined = result.success ? undefined : result.error.code;
const error: KpiContractError = new KpiContractError("currency-unknown", "Unknown currency XYZ");

// @ts-expect-error a rounding mode outside the literal union is refused
roundMoney("1.005", "USD", "bankers");
// @ts-expect-error a statement total is a string, never a number
const wrong: number = statement.total;

export { code, error, parts, rounded, total, value, wrong };
