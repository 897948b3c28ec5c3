import * as z from "zod";
import { type Contract, type Locale, localeSchema } from "../../contract/schema.js";
import { type PeriodFacts, periodFactsSchema } from "../../facts/schema.js";
import { D } from "../../internal/decimal.js";
import { refuse, toValidationIssues } from "../../internal/issues.js";
import { cyclesOf } from "../../values/cycle.js";
import { nonNegativeDecimalSchema, normalizeDecimal } from "../../values/decimal.js";
import type { ValidationIssue } from "../../values/KpiContractError.js";
import { type Period, periodSchema, sameDays } from "../../values/period.js";
import { ratioSchema } from "../../values/ratio.js";
import type { ReconcileTolerance } from "../Reconciliation.js";

const inputSchema = z.strictObject({
  cycle: periodSchema,
  reported: z.array(periodFactsSchema, { error: "Expected an array of period facts, one per store" }),
  verified: z.array(periodFactsSchema, { error: "Expected an array of period facts, one per store" }),
  history: z.array(periodFactsSchema, { error: "Expected an array of period facts" }).optional(),
});

const optionsSchema = z.strictObject({
  tolerance: z.strictObject(
    {
      absolute: nonNegativeDecimalSchema,
      relative: ratioSchema.refine((r) => !new D(r).isNeg(), {
        error: 'Expected a relative tolerance of zero or more ("0.01" or "1%")',
      }),
    },
    { error: 'Expected a tolerance { absolute: "10.00", relative: "1%" }' },
  ),
  allowInvalid: z.boolean().optional(),
  locale: localeSchema.optional(),
});

/** The reconcile input after validation. @internal */
export interface ParsedReconcileInput {
  readonly cycle: Period;
  readonly reported: readonly PeriodFacts[];
  readonly verified: readonly PeriodFacts[];
  readonly history: readonly PeriodFacts[];
}

/** The reconcile options after validation. @internal */
export interface ParsedReconcileOptions {
  readonly tolerance: ReconcileTolerance;
  readonly allowInvalid?: boolean;
  readonly locale?: Locale;
}

/**
 * Validates the reconcile options: a tolerance with a non-negative `absolute` decimal and a
 * non-negative `relative` ratio (`"1%"` allowed), and the optional `allowInvalid` and `locale`.
 *
 * @internal
 */
export function parseReconcileOptions(options: unknown): ParsedReconcileOptions {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success)
    refuse("options-invalid", "Invalid reconcile options", toValidationIssues(parsed.error));
  const { tolerance, allowInvalid, locale } = parsed.data;
  return {
    // Kept as written ("10.00"), except that a negative zero is never written: "-0.00" is "0".
    tolerance: {
      absolute: tolerance.absolute.startsWith("-")
        ? normalizeDecimal(tolerance.absolute)
        : tolerance.absolute,
      relative: tolerance.relative,
    },
    ...(allowInvalid !== undefined ? { allowInvalid } : {}),
    ...(locale !== undefined ? { locale } : {}),
  };
}

/** Checks one version's facts against the contract and the cycle; returns the issues. */
function checkVersion(
  contract: Contract,
  cycle: Period,
  name: "reported" | "verified",
  facts: readonly PeriodFacts[],
): ValidationIssue[] {
  const storeIds = new Set(contract.stores.map((s) => s.id));
  const seen = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  facts.forEach((f, i) => {
    if (f.store === undefined) {
      issues.push({
        code: "store-missing",
        path: [name, i, "store"],
        message: "Facts to reconcile name their store",
      });
    } else if (!storeIds.has(f.store)) {
      issues.push({
        code: "store-unknown",
        path: [name, i, "store"],
        message: `Store ${f.store} is not a store of contract ${contract.id}`,
      });
    } else if (seen.has(f.store)) {
      issues.push({
        code: "facts-duplicate",
        path: [name, i, "store"],
        message: `Store ${f.store} already has ${name} facts at index ${seen.get(f.store)}`,
      });
    } else {
      seen.set(f.store, i);
    }
    if (!sameDays(f.period, cycle)) {
      issues.push({
        code: "period-mismatch",
        path: [name, i, "period"],
        message: `Facts cover ${f.period.start}..${f.period.end}, not the cycle ${cycle.start}..${cycle.end}`,
      });
    }
  });
  return issues;
}

/**
 * Validates the reconcile input at the boundary (SPEC §11): the shape with zod, then against the
 * contract: `cycle` is one of `cyclesOf(term, cycle)`; each version holds at most one entry per
 * store of the contract, `store` set, `period` equal to the cycle; a store's two versions are in the
 * same currency; history entries name their store. Every problem is reported at once.
 *
 * @internal
 */
export function parseReconcileInput(contract: Contract, input: unknown): ParsedReconcileInput {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) refuse("input-invalid", "Invalid reconcile input", toValidationIssues(parsed.error));
  const { cycle, reported, verified } = parsed.data;
  const history = parsed.data.history ?? [];
  const issues: ValidationIssue[] = [];
  if (!cyclesOf(contract.term, contract.cycle).some((c) => sameDays(c, cycle))) {
    issues.push({
      code: "cycle-invalid",
      path: ["cycle"],
      message: `${cycle.start}..${cycle.end} is not a cycle of the term ${contract.term.start}..${contract.term.end}`,
    });
  }
  issues.push(...checkVersion(contract, cycle, "reported", reported));
  issues.push(...checkVersion(contract, cycle, "verified", verified));
  verified.forEach((v, i) => {
    const r = reported.find((f) => f.store !== undefined && f.store === v.store);
    if (r !== undefined && r.currency !== v.currency) {
      issues.push({
        code: "currency-mismatch",
        path: ["verified", i, "currency"],
        message: `Store ${v.store} is reported in ${r.currency} but verified in ${v.currency}; give both in one currency`,
      });
    }
  });
  history.forEach((f, i) => {
    if (f.store === undefined) {
      issues.push({
        code: "store-missing",
        path: ["history", i, "store"],
        message: "History facts name their store",
      });
    }
  });
  if (issues.length > 0) refuse("input-invalid", "Invalid reconcile input", issues);
  return { cycle, reported, verified, history };
}
