import * as z from "zod";
import { parseContract } from "../contract/parseContract.js";
import type { Locale } from "../contract/schema.js";
import { safeParsePeriodFacts } from "../facts/internal/readPeriodFacts.js";
import type { PeriodFactsInput } from "../facts/schema.js";
import type { FeeScheduleInput } from "../fees/schema.js";
import { checkArguments } from "../internal/arguments.js";
import { D, formatDecimal, ONE } from "../internal/decimal.js";
import { describeIssues, toValidationIssues } from "../internal/issues.js";
import type { DecimalString } from "../values/decimal.js";
import { describeInput } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";
import type { Period } from "../values/period.js";
import { ratioSchema } from "../values/ratio.js";
import type { StatementLine } from "./SettlementStatement.js";
import { settle } from "./settle.js";

/** A schedule to compare, under a name shown in the table. */
export interface NamedSchedule {
  readonly name: string;
  readonly schedule: FeeScheduleInput;
}

/**
 * A what-if scenario: either the cycle's facts as they would be (`facts`, one entry per store), or
 * a growth over the base facts (`growth`: `"0.2"` or `"20%"` multiplies every money field of the
 * `sales`, `ads` and `costs` groups by 1.2; counts, traffic, reviews, inventory, listings and
 * service stay as they are, so ACoS, TACoS and margins are unchanged while GMV grows).
 */
export type CompareScenario =
  | { readonly name: string; readonly facts: readonly PeriodFactsInput[] }
  | { readonly name: string; readonly growth: DecimalString | number };

/** What every scenario shares: the contract (its fees are replaced by each schedule), the cycle, base facts and history. */
export interface CompareBase {
  /** The contract (raw JSON or parsed): term, cycle, stores, targets, FX. Its `fees` are ignored. */
  readonly contract: unknown;
  /** The cycle to settle, one of `cyclesOf(term, cycle)`. */
  readonly cycle: Period;
  /** The base facts of the cycle (one per store), which `growth` scenarios scale. */
  readonly facts: readonly PeriodFactsInput[];
  readonly history?: readonly PeriodFactsInput[];
}

/** Options of {@link compareSchedules}. */
export interface CompareSchedulesOptions {
  /** Compare even when the contract has SMART errors (a draft before signing). Default false. */
  readonly allowInvalid?: boolean;
  readonly locale?: Locale;
}

/** The fee of one schedule under one scenario. */
export interface ScheduleComparisonCell {
  readonly schedule: string;
  readonly currency: string;
  readonly total: DecimalString;
  readonly lines: readonly Pick<StatementLine, "component" | "kind" | "amount">[];
}

/** One scenario's row: a cell per schedule, in the order the schedules were given. */
export interface ScheduleComparisonRow {
  readonly scenario: string;
  /** The growth applied, normalised, for growth scenarios. */
  readonly growth?: DecimalString;
  readonly cells: readonly ScheduleComparisonCell[];
}

/** The what-if table: rows × schedules of fees. */
export interface ScheduleComparison {
  readonly schedules: readonly string[];
  readonly rows: readonly ScheduleComparisonRow[];
}

const SCALED_GROUPS = ["sales", "ads", "costs"] as const;

function scale(value: unknown, factor: ReturnType<typeof D.prototype.plus>): unknown {
  if (typeof value === "string") return formatDecimal(new D(value).times(factor));
  if (Array.isArray(value)) return value.map((v) => scale(v, factor));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scale(v, factor)]));
  }
  return value;
}

function grow(facts: readonly PeriodFactsInput[], growth: DecimalString): PeriodFactsInput[] {
  const factor = ONE.plus(growth);
  return facts.map((f, i) => {
    const parsed = safeParsePeriodFacts(f);
    if (!parsed.success) {
      const issues = toValidationIssues(parsed.error, ["facts", i]);
      throw new KpiContractError(
        "facts-invalid",
        `Invalid base facts:\n${describeIssues(issues)}`,
        { count: issues.length },
        issues,
      );
    }
    const out: Record<string, unknown> = { ...parsed.data };
    for (const group of SCALED_GROUPS) {
      const g = parsed.data[group];
      if (g === undefined) continue;
      // Counts (numbers) stay; every decimal string of the group is money and grows.
      out[group] = scale(g, factor);
    }
    return out as PeriodFactsInput;
  });
}

/**
 * The shapes {@link compareSchedules} reads before it settles: names, lists and objects. Schedules,
 * facts, cycles and options are checked by `settle` itself.
 */
const schedulesShape = z.array(
  z.looseObject(
    { name: z.string({ error: "Expected a schedule name" }), schedule: z.unknown() },
    { error: "Expected { name, schedule }" },
  ),
  { error: "Expected an array of { name, schedule }" },
);
const scenariosShape = z.array(
  z.union(
    [
      z.looseObject({ name: z.string({ error: "Expected a scenario name" }), growth: z.unknown() }),
      z.looseObject({
        name: z.string({ error: "Expected a scenario name" }),
        facts: z.array(z.unknown(), { error: "Expected the scenario's facts, an array" }),
      }),
    ],
    { error: "Expected { name, growth } or { name, facts }" },
  ),
  { error: "Expected an array of scenarios" },
);
const baseShape = z.looseObject(
  {
    contract: z.unknown(),
    cycle: z.unknown(),
    facts: z.array(z.unknown(), { error: "Expected the base facts, an array" }),
    history: z.array(z.unknown(), { error: "Expected the history, an array" }).optional(),
  },
  { error: "Expected { contract, cycle, facts, history }" },
);
const compareOptionsShape = z.strictObject(
  {
    allowInvalid: z.boolean({ error: "Expected true or false" }).optional(),
    locale: z.unknown().optional(),
  },
  { error: "Expected an options object { allowInvalid?, locale? }" },
);

/**
 * Builds a what-if table of the fee each schedule charges under each scenario (for example GMV
 * growth 0 / 20 / 40 / 60 %), the tool a seller uses to choose between offers before signing. Each
 * cell is a full settlement of the base contract with its fees replaced by the schedule.
 *
 * @param schedules - the schedules to compare, each with a name
 * @param scenarios - `{ name, facts }` or `{ name, growth }` over the base facts
 * @param base - the contract, cycle, base facts and history every scenario shares
 * @param options - `allowInvalid` to compare a draft contract with SMART errors, `locale`
 * @returns `{ schedules, rows }`: one row per scenario, one cell per schedule
 * @throws {@link KpiContractError} `scenario-invalid` (a growth that is not a ratio above −1,
 *   duplicate names), `facts-invalid`, `arguments-invalid` (a list or object of the wrong shape, an
 *   unknown option), and every error of `settle`
 * @example
 * ```ts
 * const table = compareSchedules(
 *   [{ name: "base+bonus", schedule: offerA }, { name: "share", schedule: offerB }],
 *   [0, 0.2, 0.4, 0.6].map((g) => ({ name: `+${g * 100}%`, growth: g })),
 *   { contract, cycle, facts: [march], history },
 * );
 * table.rows.map((r) => r.cells.map((c) => c.total));
 * ```
 */
export function compareSchedules(
  schedules: readonly NamedSchedule[],
  scenarios: readonly CompareScenario[],
  base: CompareBase,
  options: CompareSchedulesOptions = {},
): ScheduleComparison {
  checkArguments("compareSchedules", [
    ["schedules", schedulesShape, schedules],
    ["scenarios", scenariosShape, scenarios],
    ["base", baseShape, base],
    ["options", compareOptionsShape, options],
  ]);
  const contract = parseContract(base.contract);
  const names = new Set<string>();
  for (const s of schedules) {
    if (names.has(s.name)) {
      throw new KpiContractError("scenario-invalid", `Schedule name ${s.name} is used twice`, {
        name: s.name,
      });
    }
    names.add(s.name);
  }
  const rows = scenarios.map((scenario): ScheduleComparisonRow => {
    let facts: readonly PeriodFactsInput[];
    let growth: DecimalString | undefined;
    if ("growth" in scenario) {
      const parsed = ratioSchema.safeParse(scenario.growth);
      if (!parsed.success || new D(parsed.data).lte(-1)) {
        throw new KpiContractError(
          "scenario-invalid",
          `Scenario ${scenario.name}: growth is a ratio above −1 ("0.2" or "20%"), received ${describeInput(scenario.growth)}`,
          { scenario: scenario.name },
        );
      }
      growth = parsed.data;
      facts = grow(base.facts, growth);
    } else {
      facts = scenario.facts;
    }
    const cells = schedules.map((s): ScheduleComparisonCell => {
      const statement = settle(
        { ...contract, fees: s.schedule },
        { cycle: base.cycle, facts, history: base.history },
        {
          ...(options.allowInvalid !== undefined ? { allowInvalid: options.allowInvalid } : {}),
          ...(options.locale !== undefined ? { locale: options.locale } : {}),
        },
      );
      return {
        schedule: s.name,
        currency: statement.currency,
        total: statement.total,
        lines: statement.lines.map((l) => ({ component: l.component, kind: l.kind, amount: l.amount })),
      };
    });
    return { scenario: scenario.name, ...(growth !== undefined ? { growth } : {}), cells };
  });
  return { schedules: schedules.map((s) => s.name), rows };
}
