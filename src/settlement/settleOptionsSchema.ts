import * as z from "zod";
import { localeSchema } from "../contract/schema.js";
import { refuse, toValidationIssues } from "../internal/issues.js";
import { isPlainObject } from "../internal/plainJson.js";
import { decimalSchema, describeInput } from "../values/decimal.js";
import { periodSchema } from "../values/period.js";
import type { SettleOptions } from "./SettlementStatement.js";

/** A scored cycle of `standingHistory`. */
const standingEntrySchema = z.strictObject({ cycle: periodSchema, score: decimalSchema.nullable() });

/**
 * What `settle` reads of a statement given back to it (`previousCycle`, `previous`): statements
 * come from storage or from the other party, so each part read is checked. Other keys may be
 * there (a whole statement is the usual value).
 */
const statementLineSchema = z.looseObject({
  component: z.string(),
  kind: z.string(),
  amount: decimalSchema.optional(),
  carryForward: decimalSchema.optional(),
});

const previousCycleSchema = z.looseObject({
  contractId: z.string(),
  cycle: periodSchema,
  digest: z.string(),
  lines: z.array(statementLineSchema),
});

const previousSchema = z.looseObject({
  contractId: z.string(),
  cycle: periodSchema,
  digest: z.string(),
  total: decimalSchema,
  lines: z.array(statementLineSchema.extend({ amount: decimalSchema })),
});

/** Zod schema of `settle`'s options; an unknown option is refused (a misspelt one would be ignored). */
const settleOptionsSchema = z.strictObject({
  allowInvalid: z.boolean().optional(),
  locale: localeSchema.optional(),
  previousCycle: previousCycleSchema.optional(),
  previous: previousSchema.optional(),
  standingHistory: z.array(standingEntrySchema).optional(),
  allocateBy: z.literal("basis").optional(),
});

/**
 * Checks `settle`'s options at the boundary.
 *
 * @internal
 * @param options - the options as given (`undefined` is no options)
 * @returns the options, with numbers given for decimals converted to decimal strings
 * @throws {@link KpiContractError} `options-invalid`, every problem with its path under `options`
 */
export function parseSettleOptions(options: unknown): SettleOptions {
  if (options === undefined) return {};
  // Only a plain object is options: an array, a Date, a Map or a promise has no own keys either,
  // and zod's object schemas would read it as no options at all.
  if (!isPlainObject(options)) {
    refuse("options-invalid", "Invalid settlement options", [
      {
        code: "invalid_type",
        path: ["options"],
        message: `Expected an options object, received ${describeInput(options)}`,
      },
    ]);
  }
  // The common call passes no option at all: nothing to check.
  if (Object.keys(options).length === 0) return {};
  const parsed = settleOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data as SettleOptions;
  refuse("options-invalid", "Invalid settlement options", toValidationIssues(parsed.error, ["options"]));
}

/** What `verifyStatement` reads of the statement it checks. */
const verifiedStatementSchema = z.looseObject({
  contractId: z.string(),
  total: decimalSchema,
  digest: z.string(),
  lines: z.array(statementLineSchema),
  adjustmentTotal: decimalSchema.optional(),
  options: z.looseObject({
    allowInvalid: z.boolean(),
    locale: localeSchema,
    previousCycle: z
      .looseObject({
        cycle: periodSchema,
        digest: z.string(),
        carryForward: z.record(z.string(), decimalSchema),
      })
      .optional(),
    previous: previousSchema.omit({ contractId: true }).optional(),
    standingHistory: z.array(standingEntrySchema).optional(),
    allocateBy: z.literal("basis").optional(),
  }),
});

/**
 * Checks a statement handed to `verifyStatement` (as received from the other party) before it is
 * read.
 *
 * @internal
 * @param statement - the statement as given
 * @throws {@link KpiContractError} `statement-invalid`, every problem with its path
 */
export function checkVerifiedStatement(statement: unknown): void {
  const parsed = verifiedStatementSchema.safeParse(statement);
  if (parsed.success) return;
  refuse("statement-invalid", "The statement to verify is malformed", toValidationIssues(parsed.error));
}
