import { safeParseContract } from "../contract/parseContract.js";
import type { Contract, Locale } from "../contract/schema.js";
import type { PeriodFacts } from "../facts/schema.js";
import { formatDecimal, quotient } from "../internal/decimal.js";
import { deepFreeze } from "../internal/deepFreeze.js";
import { customKpiFromJson } from "../kpis/customKpi.js";
import type { KpiDefinition } from "../kpis/types.js";
import type { SmartFinding } from "../smart/SmartFinding.js";
import { validateContract } from "../smart/validateContract.js";
import { cycleProration } from "../values/cycle.js";
import type { DecimalString } from "../values/decimal.js";
import type { Period } from "../values/period.js";
import { canonicalFactsList } from "./canonicalFacts.js";
import { canonicalText, type DigestPrefix, digestPrefix, utf8 } from "./statementDigest.js";

/**
 * What `settle` derives from one contract object and keeps while that object is alive: the parsed
 * contract, its custom KPI definitions, the SMART errors per history and locale, and the digest's
 * hash state after the canonical JSON of the normalised contract.
 *
 * @internal
 */
export interface ContractEntry {
  /** The parsed contract; never handed to callers, never mutated. */
  readonly contract: Contract;
  /** The contract's custom KPIs as definitions, in contract order. */
  readonly customKpis: readonly KpiDefinition[];
  /** SMART error findings, keyed by the parsed history array, then by locale. */
  readonly smart: WeakMap<readonly PeriodFacts[], Map<Locale, readonly SmartFinding[]>>;
  /** The digest's hash state after the canonical JSON of the normalised contract, made on first use. */
  prefix: DigestPrefix | undefined;
  /** The proration of each cycle settled so far, by `start..end` (at most the term's cycles). */
  readonly prorations: Map<string, SettledProration>;
}

/** A cycle's proration as a statement writes it: days, full days and their quotient. @internal */
export interface SettledProration {
  readonly days: number;
  readonly fullDays: number;
  /** `days ÷ fullDays` as written in statements. */
  readonly factor: DecimalString;
}

/**
 * Cache of parsed contracts keyed by the object the caller passed to `settle` (raw JSON or a
 * parsed contract). A WeakMap: an entry lives as long as the caller's object and is invisible to
 * callers. Mutating a contract object after passing it to `settle` is not supported (the earlier
 * parse would be reused); pass a new object instead.
 */
const contracts = new WeakMap<object, ContractEntry>();

/**
 * The parse of a contract for `settle`, computed once per contract object.
 *
 * @internal
 * @param input - the contract as the caller passed it
 * @returns the parsed contract with its derived data
 * @throws {@link KpiContractError} `contract-invalid` (never cached)
 */
export function contractEntry(input: unknown): ContractEntry {
  const key = typeof input === "object" && input !== null ? input : undefined;
  const cached = key === undefined ? undefined : contracts.get(key);
  if (cached !== undefined) return cached;
  const parsed = safeParseContract(input);
  if (!parsed.success) throw parsed.error;
  const entry: ContractEntry = {
    // Frozen: parts of it (a window, a scope) may appear in statements handed to callers.
    contract: deepFreeze(parsed.data),
    customKpis: (parsed.data.kpis ?? []).map((k) => customKpiFromJson(k)),
    smart: new WeakMap(),
    prefix: undefined,
    prorations: new Map(),
  };
  if (key !== undefined) contracts.set(key, entry);
  return entry;
}

/**
 * The SMART error findings of a contract with a history, in a locale, computed once per
 * (contract object, parsed history array, locale).
 *
 * @internal
 * @param entry - the contract entry
 * @param history - the parsed history (an array `settle` keeps per caller's history array)
 * @param locale - the language of the findings' messages
 * @returns the findings of severity `error`, in report order
 */
export function smartErrors(
  entry: ContractEntry,
  history: readonly PeriodFacts[],
  locale: Locale,
): readonly SmartFinding[] {
  let byLocale = entry.smart.get(history);
  if (byLocale === undefined) {
    byLocale = new Map();
    entry.smart.set(history, byLocale);
  }
  let errors = byLocale.get(locale);
  if (errors === undefined) {
    const report = validateContract(entry.contract, { locale, history });
    errors = report.findings.filter((f) => f.severity === "error");
    byLocale.set(locale, errors);
  }
  return errors;
}

/**
 * The digest's hash state after the normalised contract of an entry, computed once.
 *
 * @internal
 * @param entry - the contract entry
 * @returns the hash state (to be cloned)
 */
export function contractDigestPrefix(entry: ContractEntry): DigestPrefix {
  if (entry.prefix === undefined) entry.prefix = digestPrefix(canonicalText(entry.contract));
  return entry.prefix;
}

const historyBytes = new WeakMap<readonly PeriodFacts[], Uint8Array>();

/**
 * The canonical JSON of a parsed history array as UTF-8 bytes, computed once per array.
 *
 * @internal
 * @param history - the parsed history (kept per caller's array by `parseSettlementInput`)
 * @returns the UTF-8 bytes of the canonical JSON text (never to be changed)
 */
export function historyCanonical(history: readonly PeriodFacts[]): Uint8Array {
  let bytes = historyBytes.get(history);
  if (bytes === undefined) {
    bytes = utf8(canonicalFactsList(history));
    historyBytes.set(history, bytes);
  }
  return bytes;
}

/**
 * The proration of a cycle of the entry's contract (SPEC §6.4), computed once per (contract
 * object, cycle): it depends on the cycle, the contract's cycle kind and its term start only.
 *
 * @internal
 * @param entry - the contract entry
 * @param cycle - a cycle of the contract's term (checked by the caller)
 * @returns the days, full days and the factor `days ÷ fullDays` as written
 */
export function cycleProrationOf(entry: ContractEntry, cycle: Period): SettledProration {
  const key = `${cycle.start}..${cycle.end}`;
  let kept = entry.prorations.get(key);
  if (kept === undefined) {
    const contract = entry.contract;
    const { days, fullDays } = cycleProration(cycle, contract.cycle, contract.term.start);
    kept = Object.freeze({ days, fullDays, factor: formatDecimal(quotient(days, fullDays)) });
    entry.prorations.set(key, kept);
  }
  return kept;
}
