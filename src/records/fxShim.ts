// TEMPORARY stand-in for ../facts/fx.js (being written elsewhere); removed once it lands.
import { z } from "zod";
import { KpiContractError } from "../values/KpiContractError.js";

export const fxSchema = z.strictObject({
  policy: z.enum(["cycle-end", "fixed"]),
  rates: z.array(
    z.strictObject({ from: z.string(), to: z.string(), rate: z.string(), date: z.string().optional() }),
  ),
});
export type FxTable = z.output<typeof fxSchema>;

export function selectRate(fx: FxTable, from: string, to: string, onDate: string): string {
  let best: { rate: string; date?: string | undefined } | undefined;
  for (const r of fx.rates) {
    if (r.from !== from || r.to !== to) continue;
    if (fx.policy === "fixed") return r.rate;
    if (r.date !== undefined && r.date <= onDate && (best?.date === undefined || r.date > best.date))
      best = r;
  }
  if (best === undefined) {
    throw new KpiContractError("fx-rate-missing", `No ${from}→${to} rate on or before ${onDate}`, {
      from,
      to,
      date: onDate,
    });
  }
  return best.rate;
}
