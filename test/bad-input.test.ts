// Bad-input campaign: malformed contracts, facts, KPI calls, settlement inputs and raw records, as an ERP
// could send them. Every row names the error it must produce (the code, and where one exists the issue
// code and JSON path). Each must be refused with that error: none may crash with a TypeError or
// RangeError, none may be accepted silently, and nothing may leak into Object.prototype.
//
// Inputs that come from JSON text (prototype keys, deep nesting) are built with JSON.parse, the way they
// reach the library in production: a literal `{ __proto__: … }` in source would set the prototype instead.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { safeParseContract } from "../src/contract/parseContract.js";
import { periodFactsSchema } from "../src/facts/schema.js";
import { toValidationIssues } from "../src/internal/issues.js";
import { safeComputeKpi } from "../src/kpis/computeKpi.js";
import { aggregateFacts } from "../src/records/aggregateFacts.js";
import { safeSettle } from "../src/settlement/settle.js";
import { KpiContractError } from "../src/values/KpiContractError.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

const load = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`./fixtures/worked/${name}.json`, import.meta.url), "utf8")) as Json;
const CONTRACT = load("contract");
const MARCH = load("march") as Json[];
const HISTORY = load("history") as Json[];
const CYCLE = { start: "2026-03-01", end: "2026-03-31" };
const FACTS = MARCH[0] as Json;

/** A deep copy of `base` with the value at `path` replaced (or deleted, for `undefined`). */
function withAt(base: Json, path: Path, value: Json | undefined): Json {
  const copy = structuredClone(base) as Json;
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** JSON text with `extra` (raw JSON members) spliced into the object at `path` of `base`. */
function withRawMember(base: Json, path: Path, member: string): Json {
  const marker = "__splice_here__";
  const text = JSON.stringify(withAt(base, [...path, marker], 0));
  return JSON.parse(text.replace(`"${marker}":0`, member)) as Json;
}

/** `depth` arrays nested in one another, from JSON text. */
const deepArray = (depth: number): Json => JSON.parse(`${"[".repeat(depth)}${"]".repeat(depth)}`) as Json;
/** `depth` objects nested under key "a", from JSON text. */
const deepObject = (depth: number): Json =>
  JSON.parse(`${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`) as Json;

/** What a call did with a bad input. */
type Outcome =
  | {
      readonly kind: "refused";
      readonly code: string;
      readonly issues: readonly { code: string; path: Path }[];
    }
  | { readonly kind: "accepted" };

function fromError(error: unknown): Outcome {
  // Anything but the library's own error is a crash (TypeError, RangeError, a stack overflow).
  if (!(error instanceof KpiContractError)) throw error;
  return {
    kind: "refused",
    code: error.code,
    issues: error.issues.map((i) => ({ code: i.code, path: i.path })),
  };
}

function contract(json: Json): Outcome {
  const result = safeParseContract(json);
  return result.success ? { kind: "accepted" } : fromError(result.error);
}

function facts(json: Json): Outcome {
  // The schema, as an ERP validating facts on their own would call it.
  const parsed = periodFactsSchema.safeParse(json);
  if (parsed.success) return { kind: "accepted" };
  const issues = toValidationIssues(parsed.error);
  return { kind: "refused", code: "facts-invalid", issues };
}

function kpi(id: string, json: Json, scope: Json = {}): Outcome {
  const result = safeComputeKpi(id, json, scope as Record<string, unknown>);
  return result.success ? { kind: "accepted" } : fromError(result.error);
}

function settle(
  contractJson: Json,
  input: { cycle?: Json; facts?: Json; history?: Json },
  options: { allowInvalid?: boolean } = {},
): Outcome {
  const result = safeSettle(contractJson, input as never, options);
  return result.success ? { kind: "accepted" } : fromError(result.error);
}

const STORES = [{ id: "us", currency: "USD", timeZone: "America/Los_Angeles" }];
const OPTIONS = { stores: STORES, period: CYCLE, cycle: "monthly" } as const;
const ORDER = {
  store: "us",
  orderId: "113-1",
  sku: "MUG-1",
  purchasedAt: "2026-03-10T10:00:00-07:00",
  status: "shipped",
  quantity: 2,
  itemPrice: "39.98",
  currency: "USD",
} satisfies Json;
const REVIEW = { store: "us", reviewId: "r1", createdAt: "2026-03-10T10:00:00Z", stars: 5 } satisfies Json;

/** Aggregates rows; a refused row is reported as its rejection reason and path. */
async function records(sources: Record<string, Json[]>, options: unknown = OPTIONS): Promise<Outcome> {
  try {
    const result = await aggregateFacts(sources as never, options as never);
    const read = Object.values(result.summary).reduce((n, s) => n + (s?.read ?? 0), 0);
    const counted = Object.values(result.summary).reduce((n, s) => n + (s?.counted ?? 0), 0);
    // Every row is counted or rejected, never dropped.
    expect(counted + result.rejected.length).toBe(read);
    const first = result.rejected[0];
    if (first === undefined) return { kind: "accepted" };
    return { kind: "refused", code: first.reason, issues: [{ code: first.reason, path: first.path ?? [] }] };
  } catch (error) {
    return fromError(error);
  }
}

interface Row {
  /** What is malformed. */
  readonly name: string;
  readonly run: () => Outcome | Promise<Outcome>;
  /** The error code (`KpiContractError.code`, `facts-invalid` for the schema, or the rejection reason). */
  readonly code: string;
  /** The path of the issue that must be among the reported ones. */
  readonly path?: Path;
  /** The code of that issue. */
  readonly issue?: string;
}

const C = CONTRACT;
const comp = (i: number, ...rest: (string | number)[]) => ["fees", "components", i, ...rest];
const ROWS: Row[] = [
  // ── parseContract ────────────────────────────────────────────────────────────────────────────────
  { name: "contract: not an object (array)", run: () => contract([C]), code: "contract-invalid", path: [] },
  { name: "contract: null", run: () => contract(null), code: "contract-invalid", path: [] },
  {
    name: "contract: a JSON string",
    run: () => contract(JSON.stringify(C)),
    code: "contract-invalid",
    path: [],
  },
  {
    name: "contract: schemaVersion 2",
    run: () => contract(withAt(C, ["schemaVersion"], 2)),
    code: "contract-invalid",
    path: ["schemaVersion"],
    issue: "schema-version-unsupported",
  },
  {
    name: "contract: empty id",
    run: () => contract(withAt(C, ["id"], "")),
    code: "contract-invalid",
    path: ["id"],
  },
  {
    name: "contract: unknown top-level key (typo)",
    run: () => contract(withAt(C, ["feez"], {})),
    code: "contract-invalid",
    path: [],
    issue: "unrecognized_keys",
  },
  {
    name: "contract: __proto__ key from JSON text",
    run: () => contract(withRawMember(C, [], '"__proto__":{"polluted":true}')),
    code: "contract-invalid",
    path: [],
    issue: "unrecognized_keys",
  },
  {
    name: "contract: constructor key in a store from JSON text",
    run: () => contract(withRawMember(C, ["stores", 0], '"constructor":{"prototype":{"polluted":true}}')),
    code: "contract-invalid",
    path: ["stores", 0],
    issue: "unrecognized_keys",
  },
  {
    name: "contract: term start 2026-02-30",
    run: () => contract(withAt(C, ["term", "start"], "2026-02-30")),
    code: "contract-invalid",
    path: ["term", "start"],
  },
  {
    name: "contract: term start 2026-13-01",
    run: () => contract(withAt(C, ["term", "start"], "2026-13-01")),
    code: "contract-invalid",
    path: ["term", "start"],
  },
  {
    name: "contract: reversed term",
    run: () => contract(withAt(C, ["term"], { start: "2026-12-31", end: "2026-01-01" })),
    code: "contract-invalid",
    path: ["term", "end"],
  },
  {
    name: "contract: cycle weekly",
    run: () => contract(withAt(C, ["cycle"], "weekly")),
    code: "contract-invalid",
    path: ["cycle"],
  },
  {
    name: "contract: cycle of 0 days",
    run: () => contract(withAt(C, ["cycle"], { days: 0 })),
    code: "contract-invalid",
    path: ["cycle", "days"],
  },
  {
    name: "contract: cycle of 1.5 days",
    run: () => contract(withAt(C, ["cycle"], { days: 1.5 })),
    code: "contract-invalid",
    // A cycle is a union (monthly | quarterly | { days }): the issue is reported on the cycle itself.
    path: ["cycle"],
    issue: "invalid_union",
  },
  {
    name: "contract: no stores",
    run: () => contract(withAt(C, ["stores"], [])),
    code: "contract-invalid",
    path: ["stores"],
  },
  {
    name: "contract: unknown currency XYZ",
    run: () => contract(withAt(C, ["stores", 0, "currency"], "XYZ")),
    code: "contract-invalid",
    path: ["stores", 0, "currency"],
  },
  {
    name: "contract: lower-case currency usd",
    run: () => contract(withAt(C, ["stores", 0, "currency"], "usd")),
    code: "contract-invalid",
    path: ["stores", 0, "currency"],
  },
  {
    name: "contract: withdrawn currency HRK",
    run: () => contract(withAt(C, ["fees", "currency"], "HRK")),
    code: "contract-invalid",
    path: ["fees", "currency"],
  },
  {
    name: "contract: unknown time zone",
    run: () => contract(withAt(C, ["stores", 0, "timeZone"], "Mars/Olympus_Mons")),
    code: "contract-invalid",
    path: ["stores", 0, "timeZone"],
  },
  {
    name: "contract: duplicate store id",
    run: () => contract(withAt(C, ["stores", 1], (C as { stores: Json[] }).stores[0] as Json)),
    code: "contract-invalid",
    path: ["stores", 1, "id"],
    issue: "duplicate-id",
  },
  {
    name: "contract: duplicate target id",
    run: () => contract(withAt(C, ["targets", 1, "id"], "gmv-growth")),
    code: "contract-invalid",
    path: ["targets", 1, "id"],
    issue: "duplicate-id",
  },
  {
    name: "contract: duplicate component name",
    run: () => contract(withAt(C, comp(1, "name"), "base")),
    code: "contract-invalid",
    path: comp(1, "name"),
    issue: "duplicate-id",
  },
  {
    name: "contract: rounding mode bankers",
    run: () => contract(withAt(C, ["fees", "rounding"], "bankers")),
    code: "contract-invalid",
    path: ["fees", "rounding"],
  },
  {
    name: "contract: fixed amount NaN",
    run: () => contract(withAt(C, comp(0, "amount"), Number.NaN)),
    code: "contract-invalid",
    path: comp(0, "amount"),
  },
  {
    name: "contract: fixed amount Infinity",
    run: () => contract(withAt(C, comp(0, "amount"), Number.POSITIVE_INFINITY)),
    code: "contract-invalid",
    path: comp(0, "amount"),
  },
  {
    name: 'contract: fixed amount "1e3"',
    run: () => contract(withAt(C, comp(0, "amount"), "1e3")),
    code: "contract-invalid",
    path: comp(0, "amount"),
  },
  {
    name: 'contract: fixed amount "1,000.00"',
    run: () => contract(withAt(C, comp(0, "amount"), "1,000.00")),
    code: "contract-invalid",
    path: comp(0, "amount"),
  },
  {
    name: 'contract: fixed amount "+1500"',
    run: () => contract(withAt(C, comp(0, "amount"), "+1500")),
    code: "contract-invalid",
    path: comp(0, "amount"),
  },
  {
    name: 'contract: fixed amount " 1500 " with spaces',
    run: () => contract(withAt(C, comp(0, "amount"), " 1500 ")),
    code: "contract-invalid",
    path: comp(0, "amount"),
  },
  {
    name: "contract: negative fixed amount",
    run: () => contract(withAt(C, comp(0, "amount"), "-1500.00")),
    code: "contract-invalid",
    path: comp(0, "amount"),
  },
  {
    name: "contract: fixed amount as an object",
    run: () => contract(withAt(C, comp(0, "amount"), { $gt: 0 })),
    code: "contract-invalid",
    path: comp(0, "amount"),
  },
  {
    name: "contract: unknown component type",
    run: () => contract(withAt(C, comp(0, "type"), "discount")),
    code: "contract-invalid",
    path: comp(0, "type"),
  },
  {
    name: "contract: tiers not ascending",
    run: () =>
      contract(
        withAt(C, comp(1, "tiers"), [
          { upTo: "20000", rate: "0.05" },
          { upTo: "10000", rate: "0.04" },
          { upTo: null, rate: "0.03" },
        ]),
      ),
    code: "contract-invalid",
    path: comp(1, "tiers", 1, "upTo"),
  },
  {
    name: "contract: last tier with an upTo",
    run: () => contract(withAt(C, comp(1, "tiers"), [{ upTo: "20000", rate: "0.05" }])),
    code: "contract-invalid",
    path: comp(1, "tiers", 0, "upTo"),
  },
  {
    name: 'contract: tier rate "5 %"',
    run: () => contract(withAt(C, comp(1, "tiers", 0, "rate"), "5 %")),
    code: "contract-invalid",
    path: comp(1, "tiers", 0, "rate"),
  },
  {
    name: "contract: gate naming no target",
    run: () => contract(withAt(C, comp(1, "gates", 0), "negative-review")),
    code: "contract-invalid",
    path: comp(1, "gates", 0),
    issue: "reference-unknown",
  },
  {
    name: "contract: penalty on no target",
    run: () => contract(withAt(C, comp(2, "target"), "acos-7d")),
    code: "contract-invalid",
    path: comp(2, "target"),
    issue: "reference-unknown",
  },
  {
    name: "contract: share over the baseline of no target",
    run: () => contract(withAt(C, comp(1, "basis", "over", "baselineOf"), "gmv")),
    code: "contract-invalid",
    path: comp(1, "basis", "over", "baselineOf"),
    issue: "reference-unknown",
  },
  {
    name: "contract: basis limited to an unknown store",
    run: () => contract(withAt(C, comp(1, "basis", "stores"), ["uk"])),
    code: "contract-invalid",
    path: comp(1, "basis", "stores", 0),
    issue: "reference-unknown",
  },
  {
    name: "contract: penalty with both amount and rateOfFixed",
    run: () => contract(withAt(C, comp(2, "amount"), "100.00")),
    code: "contract-invalid",
    path: comp(2),
  },
  {
    name: "contract: minimum above maximum",
    run: () => contract(withAt(withAt(C, ["fees", "minimum"], "5000.00"), ["fees", "maximum"], "1000.00")),
    code: "contract-invalid",
    path: ["fees", "minimum"],
  },
  {
    name: "contract: exchange rate 0",
    run: () =>
      contract(
        withAt(C, ["fx"], {
          policy: "cycle-end",
          rates: [{ from: "EUR", to: "USD", rate: "0", date: "2026-03-31" }],
        }),
      ),
    code: "contract-invalid",
    path: ["fx", "rates", 0, "rate"],
  },
  {
    name: "contract: standing after 0 cycles",
    run: () =>
      contract(withAt(C, ["standing"], { threshold: "0.7", consecutiveCycles: 0, rectificationDays: 30 })),
    code: "contract-invalid",
    path: ["standing", "consecutiveCycles"],
  },
  {
    name: "contract: locale fr",
    run: () => contract(withAt(C, ["locale"], "fr")),
    code: "contract-invalid",
    path: ["locale"],
  },
  {
    name: "contract: baseline window ending 2025-02-30",
    run: () => contract(withAt(C, ["targets", 0, "baseline", "window", "end"], "2025-02-30")),
    code: "contract-invalid",
    path: ["targets", 0, "baseline", "window", "end"],
  },
  {
    name: "contract: 10,000-deep arrays as a target",
    run: () => contract(withAt(C, ["targets", 0], deepArray(10_000))),
    code: "contract-invalid",
    path: ["targets", 0],
  },
  {
    name: "contract: 10,000-deep objects as the fees",
    run: () => contract(withAt(C, ["fees"], deepObject(10_000))),
    code: "contract-invalid",
    path: ["fees"],
  },
  // ── facts (periodFactsSchema) and computeKpi ────────────────────────────────────────────────────
  {
    name: "facts: negative order count",
    run: () => facts(withAt(FACTS, ["sales", "orders"], -1)),
    code: "facts-invalid",
    path: ["sales", "orders"],
  },
  {
    name: "facts: fractional unit count",
    run: () => facts(withAt(FACTS, ["sales", "units"], 1.5)),
    code: "facts-invalid",
    path: ["sales", "units"],
  },
  {
    name: "facts: 1e30 units (beyond safe integers)",
    run: () => facts(withAt(FACTS, ["sales", "units"], 1e30)),
    code: "facts-invalid",
    path: ["sales", "units"],
  },
  {
    name: "facts: count as a string",
    run: () => facts(withAt(FACTS, ["sales", "orders"], "100")),
    code: "facts-invalid",
    path: ["sales", "orders"],
  },
  {
    name: 'facts: gross "1e3"',
    run: () => facts(withAt(FACTS, ["sales", "gross"], "1e3")),
    code: "facts-invalid",
    path: ["sales", "gross"],
  },
  {
    name: 'facts: gross "1,000.00"',
    run: () => facts(withAt(FACTS, ["sales", "gross"], "1,000.00")),
    code: "facts-invalid",
    path: ["sales", "gross"],
  },
  {
    name: "facts: gross NaN",
    run: () => facts(withAt(FACTS, ["sales", "gross"], Number.NaN)),
    code: "facts-invalid",
    path: ["sales", "gross"],
  },
  {
    name: "facts: gross -Infinity",
    run: () => facts(withAt(FACTS, ["sales", "gross"], Number.NEGATIVE_INFINITY)),
    code: "facts-invalid",
    path: ["sales", "gross"],
  },
  {
    name: 'facts: refunds "NaN"',
    run: () => facts(withAt(FACTS, ["sales", "refunds"], "NaN")),
    code: "facts-invalid",
    path: ["sales", "refunds"],
  },
  {
    name: "facts: negative ad spend",
    run: () => facts(withAt(FACTS, ["ads", "spend"], "-9000.00")),
    code: "facts-invalid",
    path: ["ads", "spend"],
  },
  {
    name: "facts: unknown currency",
    run: () => facts(withAt(FACTS, ["currency"], "XYZ")),
    code: "facts-invalid",
    path: ["currency"],
  },
  {
    name: "facts: period 2026-02-30",
    run: () => facts(withAt(FACTS, ["period"], { start: "2026-02-01", end: "2026-02-30" })),
    code: "facts-invalid",
    path: ["period", "end"],
  },
  {
    name: "facts: reversed period",
    run: () => facts(withAt(FACTS, ["period"], { start: "2026-03-31", end: "2026-03-01" })),
    code: "facts-invalid",
    path: ["period", "end"],
  },
  {
    name: "facts: unknown group (typo)",
    run: () => facts(withAt(FACTS, ["salez"], {})),
    code: "facts-invalid",
    path: [],
    issue: "unrecognized_keys",
  },
  {
    name: "facts: __proto__ key inside sales from JSON text",
    run: () => facts(withRawMember(FACTS, ["sales"], '"__proto__":{"polluted":true}')),
    code: "facts-invalid",
    path: ["sales"],
    issue: "unrecognized_keys",
  },
  {
    name: 'facts: attribution window key "7 days"',
    run: () => facts(withAt(FACTS, ["ads", "attributed", "7 days"], { sales: "1.00" })),
    code: "facts-invalid",
    path: ["ads", "attributed", "7 days"],
  },
  {
    name: "facts: six-star reviews",
    run: () => facts(withAt(FACTS, ["reviews", "byStars", "6"], 3)),
    code: "facts-invalid",
    path: ["reviews", "byStars"],
    issue: "unrecognized_keys",
  },
  {
    name: "facts: 10,000-deep arrays as sales",
    run: () => facts(withAt(FACTS, ["sales"], deepArray(10_000))),
    code: "facts-invalid",
    path: ["sales"],
  },
  {
    name: "computeKpi: facts with gross NaN",
    run: () => kpi("gmv", withAt(FACTS, ["sales", "gross"], Number.NaN)),
    code: "facts-invalid",
    path: ["sales", "gross"],
  },
  {
    name: "computeKpi: facts as a JSON string",
    run: () => kpi("gmv", JSON.stringify(FACTS)),
    code: "facts-invalid",
    path: [],
  },
  { name: "computeKpi: unknown KPI id", run: () => kpi("gmvv", FACTS), code: "kpi-unknown" },
  {
    name: "computeKpi: unknown knob",
    run: () => kpi("acos", FACTS, { window: "7d" }),
    code: "scope-invalid",
    path: ["scope", "window"],
    issue: "knob-unknown",
  },
  {
    name: "computeKpi: bad knob value",
    run: () => kpi("gmv", FACTS, { refunds: "maybe" }),
    code: "scope-invalid",
    path: ["scope", "refunds"],
    issue: "knob-invalid",
  },
  {
    name: "computeKpi: __proto__ knob from JSON text",
    run: () => kpi("gmv", FACTS, JSON.parse('{"__proto__":{"polluted":true}}') as Json),
    code: "scope-invalid",
    path: ["scope", "__proto__"],
    issue: "knob-unknown",
  },
  // ── settle ───────────────────────────────────────────────────────────────────────────────────────
  {
    name: "settle: structurally invalid contract",
    run: () =>
      settle(withAt(C, ["term", "end"], "2026-02-30"), { cycle: CYCLE, facts: MARCH, history: HISTORY }),
    code: "contract-invalid",
    path: ["term", "end"],
  },
  {
    name: "settle: contract with SMART errors (weights 0.5 + 0.7)",
    run: () =>
      settle(withAt(C, ["targets", 1, "weight"], "0.7"), { cycle: CYCLE, facts: MARCH, history: HISTORY }),
    code: "contract-not-smart",
  },
  {
    name: "settle: deeply nested junk as a target scope",
    run: () =>
      settle(withAt(C, ["targets", 1, "scope"], deepObject(5_000)), {
        cycle: CYCLE,
        facts: MARCH,
        history: HISTORY,
      }),
    // Knob values nest at most 32 deep: the parser refuses it before any SMART rule runs.
    code: "contract-invalid",
  },
  {
    name: "settle: a cycle that is not one of the term's",
    run: () =>
      settle(C, { cycle: { start: "2026-03-02", end: "2026-04-01" }, facts: MARCH, history: HISTORY }),
    code: "cycle-invalid",
  },
  {
    name: "settle: reversed cycle",
    run: () =>
      settle(C, { cycle: { start: "2026-03-31", end: "2026-03-01" }, facts: MARCH, history: HISTORY }),
    code: "cycle-invalid",
  },
  {
    name: "settle: facts with NaN ad spend",
    run: () =>
      settle(C, { cycle: CYCLE, facts: [withAt(FACTS, ["ads", "spend"], Number.NaN)], history: HISTORY }),
    code: "facts-invalid",
    path: ["facts", 0, "ads", "spend"],
  },
  {
    name: "settle: facts of a store the contract does not have",
    run: () => settle(C, { cycle: CYCLE, facts: [withAt(FACTS, ["store"], "uk")], history: HISTORY }),
    code: "facts-invalid",
  },
  {
    name: "settle: the same store's facts twice",
    run: () => settle(C, { cycle: CYCLE, facts: [FACTS, FACTS], history: HISTORY }),
    code: "facts-invalid",
  },
  {
    name: "settle: facts for another period than the cycle",
    run: () =>
      settle(C, {
        cycle: CYCLE,
        facts: [withAt(FACTS, ["period"], { start: "2026-03-01", end: "2026-03-30" })],
        history: HISTORY,
      }),
    code: "facts-invalid",
  },
  {
    name: "settle: no facts at all",
    run: () => settle(C, { cycle: CYCLE, facts: [], history: HISTORY }),
    code: "facts-missing",
  },
  {
    name: "settle: 1e30 units",
    run: () =>
      settle(C, { cycle: CYCLE, facts: [withAt(FACTS, ["sales", "units"], 1e30)], history: HISTORY }),
    code: "facts-invalid",
    path: ["facts", 0, "sales", "units"],
    issue: "too_big",
  },
  {
    name: "settle: history with a month missing from the baseline window",
    run: () => settle(C, { cycle: CYCLE, facts: MARCH, history: HISTORY.slice(1) }),
    // SMART validation with the history finds it first and names the missing cycle.
    code: "contract-not-smart",
    path: ["targets", 0, "baseline"],
    issue: "baseline-unavailable",
  },
  {
    name: "settle: history with a month missing, settled with allowInvalid",
    run: () => settle(C, { cycle: CYCLE, facts: MARCH, history: HISTORY.slice(1) }, { allowInvalid: true }),
    code: "baseline-history-missing",
  },
  {
    name: 'settle: history with gross "1,000.00"',
    run: () =>
      settle(C, {
        cycle: CYCLE,
        facts: MARCH,
        history: [withAt(HISTORY[0] as Json, ["sales", "gross"], "1,000.00"), ...HISTORY.slice(1)],
      }),
    code: "history-invalid",
    path: ["history", 0, "sales", "gross"],
    issue: "decimal-invalid",
  },
  // ── aggregateFacts (raw records) ─────────────────────────────────────────────────────────────────
  {
    name: "records: negative quantity",
    run: () => records({ orders: [{ ...ORDER, quantity: -1 }] }),
    code: "malformed",
    path: ["quantity"],
  },
  {
    name: "records: 1e30 quantity",
    run: () => records({ orders: [{ ...ORDER, quantity: 1e30 }] }),
    code: "malformed",
    path: ["quantity"],
  },
  {
    name: 'records: itemPrice "1e3"',
    run: () => records({ orders: [{ ...ORDER, itemPrice: "1e3" }] }),
    code: "malformed",
    path: ["itemPrice"],
  },
  {
    name: 'records: itemPrice "1,000.00"',
    run: () => records({ orders: [{ ...ORDER, itemPrice: "1,000.00" }] }),
    code: "malformed",
    path: ["itemPrice"],
  },
  {
    name: "records: itemPrice NaN",
    run: () => records({ orders: [{ ...ORDER, itemPrice: Number.NaN }] }),
    code: "malformed",
    path: ["itemPrice"],
  },
  {
    name: "records: purchasedAt on 2026-02-30",
    run: () => records({ orders: [{ ...ORDER, purchasedAt: "2026-02-30T10:00:00Z" }] }),
    code: "malformed",
    path: ["purchasedAt"],
  },
  {
    name: "records: purchasedAt without an offset",
    run: () => records({ orders: [{ ...ORDER, purchasedAt: "2026-03-10T10:00:00" }] }),
    code: "malformed",
    path: ["purchasedAt"],
  },
  {
    name: "records: unknown currency",
    run: () => records({ orders: [{ ...ORDER, currency: "XYZ" }] }),
    code: "malformed",
    path: ["currency"],
  },
  {
    name: "records: store the options do not name",
    run: () => records({ orders: [{ ...ORDER, store: "uk" }] }),
    code: "unknown-store",
  },
  {
    name: "records: the same order line twice",
    run: async () => {
      const outcome = await records({ orders: [ORDER, ORDER] });
      return outcome;
    },
    code: "duplicate",
  },
  {
    name: "records: six-star review",
    run: () => records({ reviews: [{ ...REVIEW, stars: 6 }] }),
    code: "malformed",
    path: ["stars"],
  },
  {
    name: "records: __proto__ key in a row from JSON text",
    run: () => records({ orders: [withRawMember(ORDER, [], '"__proto__":{"polluted":true}')] }),
    code: "malformed",
    path: ["__proto__"],
  },
  { name: "records: a null row", run: () => records({ orders: [null] }), code: "malformed", path: [] },
  {
    name: "records: 10,000-deep arrays as a row",
    run: () => records({ orders: [deepArray(10_000)] }),
    code: "malformed",
    path: [],
  },
  {
    name: "records: options with a reversed period",
    run: () =>
      records({ orders: [ORDER] }, { ...OPTIONS, period: { start: "2026-03-31", end: "2026-03-01" } }),
    code: "aggregate-options-invalid",
    path: ["period", "end"],
  },
  {
    name: "records: options with an unknown time zone",
    run: () =>
      records({ orders: [ORDER] }, { ...OPTIONS, stores: [{ ...STORES[0], timeZone: "Moon/Base" }] }),
    code: "aggregate-options-invalid",
    path: ["stores", 0, "timeZone"],
  },
  {
    name: "records: options with duplicate store ids",
    run: () => records({ orders: [ORDER] }, { ...OPTIONS, stores: [STORES[0], STORES[0]] }),
    code: "aggregate-options-invalid",
    path: ["stores", 1, "id"],
    issue: "duplicate-id",
  },
  {
    name: "records: a source that is not iterable",
    run: () => records({ orders: 42 as never }),
    code: "aggregate-sources-invalid",
  },
];

const prototypeKeys = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();
let before: string[] = [];
beforeAll(() => {
  before = prototypeKeys();
});
afterAll(() => {
  // Nothing leaked into the prototype every object inherits from.
  expect(prototypeKeys()).toEqual(before);
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
});

describe("bad-input campaign", () => {
  it("has at least 60 rows with distinct names", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ROWS.map((r) => r.name)).size).toBe(ROWS.length);
  });

  it.each(ROWS.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
    const outcome = await row.run();
    expect(outcome.kind).toBe("refused");
    if (outcome.kind !== "refused") return;
    expect(outcome.code).toBe(row.code);
    if (row.path !== undefined) {
      const matching = outcome.issues.filter((i) => JSON.stringify(i.path) === JSON.stringify(row.path));
      expect(matching, `issues were ${JSON.stringify(outcome.issues)}`).not.toHaveLength(0);
      if (row.issue !== undefined) expect(matching.map((i) => i.code)).toContain(row.issue);
    }
  });
});
