import * as z from "zod";
import { fxSchema } from "../facts/fx.js";
import { FACT_GROUPS, type FactGroup } from "../facts/schema.js";
import { feeScheduleSchema } from "../fees/schema.js";
import { customKpiSchema } from "../kpis/customKpi.js";
import { targetSchema } from "../targets/target.js";
import { currencySchema } from "../values/currency.js";
import { cycleSchema } from "../values/cycle.js";
import { decimalSchema } from "../values/decimal.js";
import { idSchema } from "../values/id.js";
import { timeZoneSchema } from "../values/localDate.js";
import { periodSchema } from "../values/period.js";
import { ratioSchema } from "../values/ratio.js";

/** The contract schema version this library writes and reads natively. */
export const CONTRACT_SCHEMA_VERSION = 1;

/** The locales messages are rendered in. */
export type Locale = "en" | "zh-CN";

/** Zod schema of a locale. */
export const localeSchema: z.ZodType<Locale> = z.enum(["en", "zh-CN"], {
  error: 'Expected a locale: "en" or "zh-CN"',
});

/** Zod schema of a store of the contract (SPEC §9). */
export const storeSchema = z.strictObject({
  id: idSchema,
  platform: z.string().min(1, { error: "Expected a platform such as amazon or shopee" }),
  marketplace: z.string().min(1).optional(),
  name: z.string().optional(),
  currency: currencySchema,
  timeZone: timeZoneSchema,
});

/** A store after parsing. */
export type Store = z.output<typeof storeSchema>;

/** Zod schema of the standing rules (SPEC §7). */
export const standingRulesSchema = z.strictObject({
  threshold: ratioSchema,
  consecutiveCycles: z.number().int().min(1, { error: "consecutiveCycles is at least 1" }).max(1000),
  rectificationDays: z.number().int().min(1, { error: "rectificationDays is at least 1" }).max(3660),
});

/** Standing rules after parsing. */
export type StandingRules = z.output<typeof standingRulesSchema>;

const factGroupSchema = z.enum(FACT_GROUPS as [FactGroup, ...FactGroup[]], {
  error: `Expected a fact group: ${FACT_GROUPS.join(", ")}`,
});

const contractObjectSchema = z.strictObject({
  schemaVersion: z.literal(CONTRACT_SCHEMA_VERSION, {
    error: `Expected schemaVersion ${CONTRACT_SCHEMA_VERSION}`,
  }),
  id: idSchema,
  name: z.string().optional(),
  term: periodSchema,
  cycle: cycleSchema,
  stores: z.array(storeSchema).min(1, { error: "A contract names at least one store" }),
  dataSources: z.array(factGroupSchema).optional(),
  targets: z.array(targetSchema),
  fees: feeScheduleSchema,
  fx: fxSchema.optional(),
  standing: standingRulesSchema.optional(),
  kpis: z.array(customKpiSchema).optional(),
  attainmentCap: decimalSchema.default("2"),
  locale: localeSchema.default("en"),
});

type RawContract = z.output<typeof contractObjectSchema>;

function duplicates(values: readonly string[]): Map<number, number> {
  const firstAt = new Map<string, number>();
  const dupes = new Map<number, number>();
  values.forEach((v, i) => {
    const first = firstAt.get(v);
    if (first === undefined) firstAt.set(v, i);
    else dupes.set(i, first);
  });
  return dupes;
}

/** Cross-reference checks that the parser owns (SPEC §5): unique ids and references that exist. */
function checkReferences(c: RawContract, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string, code: string) =>
    ctx.addIssue({ code: "custom", path, message, params: { code } });

  for (const [i, first] of duplicates(c.stores.map((s) => s.id))) {
    issue(
      ["stores", i, "id"],
      `Store id "${c.stores[i]?.id}" is already used by store ${first}`,
      "duplicate-id",
    );
  }
  for (const [i, first] of duplicates(c.targets.map((t) => t.id))) {
    issue(
      ["targets", i, "id"],
      `Target id "${c.targets[i]?.id}" is already used by target ${first}`,
      "duplicate-id",
    );
  }
  const kpis = c.kpis ?? [];
  for (const [i, first] of duplicates(kpis.map((k) => k.id))) {
    issue(
      ["kpis", i, "id"],
      `Custom KPI id "${kpis[i]?.id}" is already used by custom KPI ${first}`,
      "duplicate-id",
    );
  }

  const targetIds = new Set(c.targets.map((t) => t.id));
  const storeIds = new Set(c.stores.map((s) => s.id));
  const needTarget = (path: (string | number)[], id: string) => {
    if (!targetIds.has(id)) issue(path, `No target has the id "${id}"`, "reference-unknown");
  };
  const needStores = (path: (string | number)[], ids: readonly string[] | undefined) => {
    ids?.forEach((id, k) => {
      if (!storeIds.has(id)) issue([...path, k], `No store has the id "${id}"`, "reference-unknown");
    });
  };
  c.fees.components.forEach((comp, i) => {
    const at = ["fees", "components", i];
    if ("gates" in comp) {
      comp.gates?.forEach((g, k) => {
        needTarget([...at, "gates", k], g);
      });
    }
    if (comp.type === "bonus" || comp.type === "penalty") needTarget([...at, "target"], comp.target);
    const bases =
      comp.type === "share"
        ? [{ basis: comp.basis, path: [...at, "basis"] }]
        : comp.type === "bonus" && "of" in comp.payout
          ? [{ basis: comp.payout.of, path: [...at, "payout", "of"] }]
          : [];
    for (const { basis, path } of bases) {
      needStores([...path, "stores"], basis.stores);
      if (basis.over !== undefined && typeof basis.over === "object") {
        needTarget([...path, "over", "baselineOf"], basis.over.baselineOf);
      }
    }
    if (comp.type === "reimbursement") needStores([...at, "stores"], comp.stores);
  });
}

/**
 * Zod schema of a contract (SPEC §9): structure only, as SPEC §5 draws the line. Unknown keys are
 * errors; ids are unique; every target, store or gate a fee component names exists. Goals,
 * baselines, evaluations, weights and KPI ids are left to `validateContract`.
 */
export const contractSchema = contractObjectSchema.superRefine(checkReferences);

/** A contract after parsing: trusted, normalised (percents read, defaults filled in). */
export type Contract = z.output<typeof contractSchema>;
/** A contract as accepted on input (JSON). */
export type ContractInput = z.input<typeof contractSchema>;
