// TypeScript consumer (ESM declarations, dist/index.d.ts): type-checked with tsc --noEmit.
import {
  allocate,
  type DecimalString,
  KpiContractError,
  type Period,
  type RoundingMode,
  roundMoney,
} from "kpi-contract";

const parts: DecimalString[] = allocate("100.00", "USD", ["1", "1", "1"]);
const mode: RoundingMode = "half-even";
const rounded: string = roundMoney("616.5", "JPY", mode);
const period: Period = { start: "2026-01-01", end: "2026-01-31" };
const error: KpiContractError = new KpiContractError("currency-unknown", "Unknown currency XYZ");
const code: string = error.code;

// @ts-expect-error a rounding mode outside the literal union is refused
roundMoney("1.005", "USD", "bankers");

export { code, parts, period, rounded };
