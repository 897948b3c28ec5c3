import { refuse } from "../internal/issues.js";
import { type DecimalString, describeInput, isDecimalString } from "../values/decimal.js";
import { KpiContractError, type ValidationIssue } from "../values/KpiContractError.js";
import {
  ATTRIBUTED_FIELDS,
  FLAT_FIELDS,
  type FlatGroup,
  STARS,
  WINDOW_KEY_PATTERN,
} from "./internal/factFields.js";
import type { PeriodFacts } from "./schema.js";

/**
 * A path to one fact field, for example `"sales.gross"`, `"ads.attributed.14d.sales"` or
 * `"reviews.byStars.1"`.
 */
export type FactPath = string;

/**
 * Every fact path with a fixed name, in SPEC §2 order: the plain fields of each group and the five
 * star counts. Attribution windows are open-ended, so their paths
 * (`ads.attributed.<window>.sales` and `.orders`) are accepted by {@link isFactPath} but not listed.
 *
 * @example
 * ```ts
 * FACT_PATHS.includes("sales.gross"); // true
 * ```
 */
export const FACT_PATHS: readonly FactPath[] = Object.freeze([
  ...flatPaths("sales"),
  ...flatPaths("ads"),
  ...flatPaths("traffic"),
  ...STARS.map((star) => `reviews.byStars.${star}`),
  ...flatPaths("inventory"),
  ...flatPaths("costs"),
  ...flatPaths("listings"),
  ...flatPaths("service"),
]);

function flatPaths(group: FlatGroup): string[] {
  return Object.keys(FLAT_FIELDS[group]).map((field) => `${group}.${field}`);
}

const FIXED = new Set(FACT_PATHS);

/** One parsed fact path. */
type ParsedPath =
  | { readonly kind: "flat"; readonly group: FlatGroup; readonly field: string }
  | { readonly kind: "attributed"; readonly window: string; readonly field: keyof typeof ATTRIBUTED_FIELDS }
  | { readonly kind: "star"; readonly star: (typeof STARS)[number] };

function splitPath(path: string): ParsedPath | undefined {
  if (FIXED.has(path)) {
    const [group, field, star] = path.split(".") as [string, string, string | undefined];
    if (group === "reviews") return { kind: "star", star: star as (typeof STARS)[number] };
    return { kind: "flat", group: group as FlatGroup, field };
  }
  const parts = path.split(".");
  if (parts.length === 4 && parts[0] === "ads" && parts[1] === "attributed") {
    const [, , window = "", field = ""] = parts;
    if (WINDOW_KEY_PATTERN.test(window) && Object.hasOwn(ATTRIBUTED_FIELDS, field)) {
      return { kind: "attributed", window, field: field as keyof typeof ATTRIBUTED_FIELDS };
    }
  }
  return undefined;
}

/** Parsed paths by text: KPIs read the same few paths on every call (bounded, for custom paths). */
const PARSED_PATHS = new Map<string, ParsedPath | null>();
const PARSED_PATHS_KEPT = 512;

function parsePath(path: string): ParsedPath | undefined {
  if (typeof path !== "string") return undefined;
  let parsed = PARSED_PATHS.get(path);
  if (parsed === undefined) {
    if (PARSED_PATHS.size >= PARSED_PATHS_KEPT) PARSED_PATHS.clear();
    parsed = splitPath(path) ?? null;
    PARSED_PATHS.set(path, parsed);
  }
  return parsed ?? undefined;
}

/**
 * Tells whether a string names a fact field: one of {@link FACT_PATHS}, or
 * `ads.attributed.<window>.sales` / `.orders` with a window key of lower-case letters, digits and
 * `-` (`7d`, `14d`, `1d-view`).
 *
 * @param path - the candidate path
 * @returns true when `readFact` can read it
 * @example
 * ```ts
 * isFactPath("ads.attributed.14d.sales"); // true
 * isFactPath("reviews.byStars.6");        // false
 * isFactPath("sales.revenue");            // false
 * ```
 */
export function isFactPath(path: unknown): path is FactPath {
  return typeof path === "string" && parsePath(path) !== undefined;
}

/**
 * The path of one attribution window's field.
 *
 * @param window - the window key, for example `"14d"`
 * @param field - `"sales"` or `"orders"`
 * @returns `"ads.attributed.<window>.<field>"`
 * @throws {@link KpiContractError} `arguments-invalid` for a window that is not a window key
 *   (lower-case letters, digits and `-`) or a field other than `"sales"` and `"orders"`
 * @example
 * ```ts
 * attributedFactPath("7d", "sales"); // "ads.attributed.7d.sales"
 * ```
 */
export function attributedFactPath(window: string, field: "sales" | "orders"): FactPath {
  const issues: ValidationIssue[] = [];
  if (typeof window !== "string" || !WINDOW_KEY_PATTERN.test(window)) {
    issues.push({
      code: "invalid_type",
      path: ["window"],
      message: `Expected a window key of lower-case letters, digits and - such as "14d", received ${describeInput(window)}`,
    });
  }
  if (field !== "sales" && field !== "orders") {
    issues.push({
      code: "invalid_type",
      path: ["field"],
      message: `Expected "sales" or "orders", received ${describeInput(field)}`,
    });
  }
  if (issues.length > 0) refuse("arguments-invalid", "Invalid attributedFactPath arguments", issues);
  return `ads.attributed.${window}.${field}`;
}

/**
 * Reads one fact field of period facts as a decimal string (counts too, so that every value can be
 * used in decimal arithmetic). A missing field is `undefined`, never 0 (SPEC §2), with one
 * exception: a star count absent from an existing `reviews.byStars` is 0.
 *
 * @param facts - parsed period facts
 * @param path - a fact path (see {@link isFactPath})
 * @returns the value as written in the facts (`"46000.00"`, counts as `"1200"`), or undefined when absent
 * @throws {@link KpiContractError} `fact-path-unknown` when `path` is not a fact path;
 *   `arguments-invalid` when `facts` is not an object; `facts-invalid` when the field holds
 *   something other than a decimal string or a whole count (the facts were not parsed)
 * @example
 * ```ts
 * readFact(facts, "sales.gross");               // "46000.00"
 * readFact(facts, "ads.attributed.14d.sales");  // "42000.00"
 * readFact({ ...facts, reviews: { byStars: { "5": 3 } } }, "reviews.byStars.1"); // "0"
 * readFact({ ...facts, reviews: undefined }, "reviews.byStars.1");                // undefined
 * ```
 */
export function readFact(facts: PeriodFacts, path: FactPath): DecimalString | undefined {
  if (typeof facts !== "object" || facts === null) {
    refuse("arguments-invalid", "Invalid readFact arguments", [
      {
        code: "invalid_type",
        path: ["facts"],
        message: `Expected parsed period facts, received ${describeInput(facts)}`,
      },
    ]);
  }
  const value = readFactValue(facts, path);
  if (value === undefined) return undefined;
  // Parsed facts hold decimal strings and whole counts; anything else would come out as text
  // such as "[object Object]" or "NaN".
  if (typeof value === "string" ? !isDecimalString(value) : !(Number.isSafeInteger(value) && value >= 0)) {
    refuse("facts-invalid", "Invalid period facts", [
      {
        code: "invalid_type",
        path: ["facts", ...path.split(".")],
        message: `Expected a decimal string or a count, received ${describeInput(value)}`,
      },
    ]);
  }
  return String(value);
}

/**
 * {@link readFact} without the conversion to a string: a count stays a number (KPI arithmetic builds
 * its Decimal from the number without parsing a string).
 *
 * @internal
 * @param facts - parsed period facts
 * @param path - a fact path
 * @returns the value as stored in the facts, or undefined when absent
 * @throws {@link KpiContractError} `fact-path-unknown` when `path` is not a fact path
 */
export function readFactValue(facts: PeriodFacts, path: FactPath): string | number | undefined {
  const parsed = parsePath(path);
  if (parsed === undefined) {
    throw new KpiContractError(
      "fact-path-unknown",
      `${describeInput(path)} is not a fact path; expected one of ${FACT_PATHS.join(", ")} or ads.attributed.<window>.sales|orders`,
      { path },
    );
  }
  switch (parsed.kind) {
    case "flat": {
      const group = facts[parsed.group] as Readonly<Record<string, string | number | undefined>> | undefined;
      return group?.[parsed.field];
    }
    case "attributed": {
      const windows = facts.ads?.attributed;
      const window =
        typeof windows === "object" && windows !== null && Object.hasOwn(windows, parsed.window)
          ? windows[parsed.window]
          : undefined;
      return window?.[parsed.field];
    }
    case "star": {
      const byStars = facts.reviews?.byStars;
      if (byStars === undefined) return undefined;
      return byStars[parsed.star] ?? 0;
    }
  }
}
