import { type ParseArgsConfig, parseArgs } from "node:util";
import type { Locale } from "../contract/schema.js";
import type { RecordStore } from "../records/aggregateFacts.js";
import { isCurrencyCode } from "../values/currency.js";
import type { Cycle } from "../values/cycle.js";
import { ID_PATTERN } from "../values/id.js";
import { isValidTimeZone } from "../values/localDate.js";
import { addDays, daysInMonth, isDateString, type Period } from "../values/period.js";
import { CliError, EXIT } from "./CliError.js";

/** The flag values of one command line, by flag name. */
export type FlagValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

/** A parsed command line: its flags and its positional arguments. */
export interface CommandArgs {
  readonly values: FlagValues;
  readonly positionals: readonly string[];
}

const usage = (command: string, message: string): CliError =>
  new CliError(EXIT.usage, `${command}: ${message}. Run "kpi-contract ${command} --help" for usage.`);

/**
 * Parses a command's arguments with `node:util` `parseArgs` in strict mode: an unknown flag, a
 * missing flag value or too many positionals is a usage error.
 *
 * @param command - the command name, for messages
 * @param args - the arguments after the command name
 * @param options - the flags the command knows (`--help` is added)
 * @param maxPositionals - how many positional arguments it takes
 * @returns the flag values and positionals
 * @throws {@link CliError} exit 2 naming the offending argument
 * @example
 * ```ts
 * parseCommandArgs("validate", ["c.json", "--json"], { json: { type: "boolean" } }, 1);
 * ```
 */
export function parseCommandArgs(
  command: string,
  args: readonly string[],
  options: NonNullable<ParseArgsConfig["options"]>,
  maxPositionals: number,
): CommandArgs {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node's messages are long and end with advice about "--" that does not apply here.
    const first = message.split(/\.\s/)[0]?.replace(/\.$/, "") ?? message;
    throw usage(command, first.charAt(0).toLowerCase() + first.slice(1));
  }
  if (parsed.values.help !== true && parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals[maxPositionals] ?? "";
    throw usage(command, `unexpected argument "${extra}"`);
  }
  return { values: parsed.values as FlagValues, positionals: parsed.positionals };
}

/**
 * A string flag's value, or undefined when absent.
 *
 * @param values - the flag values
 * @param name - the flag name
 * @returns the value
 * @example
 * ```ts
 * stringFlag(values, "out");
 * ```
 */
export function stringFlag(values: FlagValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}

/**
 * A flag the command cannot do without.
 *
 * @param command - the command name, for the message
 * @param values - the flag values
 * @param name - the flag name
 * @returns its value
 * @throws {@link CliError} exit 2 when it is missing
 * @example
 * ```ts
 * requiredFlag("settle", values, "facts");
 * ```
 */
export function requiredFlag(command: string, values: FlagValues, name: string): string {
  const v = stringFlag(values, name);
  if (v === undefined) throw usage(command, `--${name} is required`);
  return v;
}

/**
 * The positional argument a command cannot do without.
 *
 * @param command - the command name
 * @param positionals - the positionals
 * @param what - what it is (`<contract.json>`)
 * @returns the first positional
 * @throws {@link CliError} exit 2 when it is missing
 * @example
 * ```ts
 * requiredPositional("validate", positionals, "<contract.json>");
 * ```
 */
export function requiredPositional(command: string, positionals: readonly string[], what: string): string {
  const v = positionals[0];
  if (v === undefined) throw usage(command, `${what} is missing`);
  return v;
}

/**
 * A flag that takes one of a few words.
 *
 * @param command - the command name
 * @param values - the flag values
 * @param name - the flag name
 * @param choices - the allowed words
 * @param fallback - the value when the flag is absent
 * @returns the chosen word
 * @throws {@link CliError} exit 2 for any other word
 * @example
 * ```ts
 * choiceFlag("settle", values, "format", ["text", "json", "md", "html"], "text");
 * ```
 */
export function choiceFlag<T extends string>(
  command: string,
  values: FlagValues,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const v = stringFlag(values, name);
  if (v === undefined) return fallback;
  if (!(choices as readonly string[]).includes(v)) {
    throw usage(command, `--${name} must be one of ${choices.join(", ")}, not "${v}"`);
  }
  return v as T;
}

/**
 * The `--locale` flag: `en` or `zh-CN`.
 *
 * @param command - the command name
 * @param values - the flag values
 * @returns the locale, or undefined when absent
 * @throws {@link CliError} exit 2 for another value
 * @example
 * ```ts
 * localeFlag("validate", values); // "zh-CN"
 * ```
 */
export function localeFlag(command: string, values: FlagValues): Locale | undefined {
  const v = stringFlag(values, "locale");
  if (v === undefined) return undefined;
  if (v !== "en" && v !== "zh-CN") throw usage(command, `--locale must be en or zh-CN, not "${v}"`);
  return v;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * Reads a period written on the command line: a month `2026-03`, a quarter `2026-Q1`, or two
 * dates `2026-03-01..2026-03-31` (both days included).
 *
 * @param command - the command name
 * @param flag - the flag name, for the message
 * @param text - what the user wrote
 * @returns the period
 * @throws {@link CliError} exit 2 for anything else, or an end before the start
 * @example
 * ```ts
 * parsePeriodArg("settle", "cycle", "2026-02"); // { start: "2026-02-01", end: "2026-02-28" }
 * ```
 */
export function parsePeriodArg(command: string, flag: string, text: string): Period {
  const bad = () =>
    usage(
      command,
      `--${flag} must be a month (2026-03), a quarter (2026-Q1) or dates (2026-03-01..2026-03-31), not "${text}"`,
    );
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    if (m < 1 || m > 12) throw bad();
    return { start: `${month[1]}-${month[2]}-01`, end: `${month[1]}-${month[2]}-${pad2(daysInMonth(y, m))}` };
  }
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (quarter) {
    const q = Number(quarter[2]);
    const first = (q - 1) * 3 + 1;
    const start = `${quarter[1]}-${pad2(first)}-01`;
    const next = first + 3 > 12 ? `${Number(quarter[1]) + 1}-01-01` : `${quarter[1]}-${pad2(first + 3)}-01`;
    return { start, end: addDays(next, -1) };
  }
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (range && isDateString(range[1]) && isDateString(range[2])) {
    if (range[2] < range[1])
      throw usage(command, `--${flag} ends (${range[2]}) before it starts (${range[1]})`);
    return { start: range[1], end: range[2] };
  }
  throw bad();
}

/**
 * Reads the `--cycle` of the facts command: `monthly`, `quarterly`, or a number of days (`30d`).
 *
 * @param command - the command name
 * @param text - what the user wrote (undefined: monthly)
 * @returns the cycle
 * @throws {@link CliError} exit 2 for anything else
 * @example
 * ```ts
 * parseCycleKindArg("facts", "14d"); // { days: 14 }
 * ```
 */
export function parseCycleKindArg(command: string, text: string | undefined): Cycle {
  if (text === undefined || text === "monthly") return "monthly";
  if (text === "quarterly") return "quarterly";
  const days = /^([1-9]\d{0,3})d$/.exec(text);
  if (days) return { days: Number(days[1]) };
  throw usage(command, `--cycle must be monthly, quarterly or a number of days such as 30d, not "${text}"`);
}

/**
 * Reads a `--store id:CURRENCY:Time/Zone` flag (the id may itself hold colons: the currency and
 * zone are read from the right).
 *
 * @param command - the command name
 * @param text - what the user wrote
 * @returns the store
 * @throws {@link CliError} exit 2 for a malformed value, an unknown currency or time zone
 * @example
 * ```ts
 * parseStoreArg("facts", "us:USD:America/Los_Angeles");
 * ```
 */
export function parseStoreArg(command: string, text: string): RecordStore {
  const zoneAt = text.lastIndexOf(":");
  const currencyAt = zoneAt > 0 ? text.lastIndexOf(":", zoneAt - 1) : -1;
  if (currencyAt <= 0) {
    throw usage(
      command,
      `--store must be id:CURRENCY:Time/Zone such as us:USD:America/Los_Angeles, not "${text}"`,
    );
  }
  const id = text.slice(0, currencyAt);
  const currency = text.slice(currencyAt + 1, zoneAt);
  const timeZone = text.slice(zoneAt + 1);
  if (!ID_PATTERN.test(id)) throw usage(command, `--store: "${id}" is not a valid store id`);
  if (!isCurrencyCode(currency))
    throw usage(command, `--store ${id}: "${currency}" is not an ISO 4217 currency code`);
  if (!isValidTimeZone(timeZone))
    throw usage(command, `--store ${id}: "${timeZone}" is not an IANA time zone`);
  return { id, currency, timeZone };
}
