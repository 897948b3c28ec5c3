import type * as z from "zod";
import { type RecordSource, recordSchemas } from "../records/recordSchemas.js";

/** The columns a CSV of one row kind may have, and which of them hold whole numbers. */
export interface CsvColumns {
  /** Whether a header name is a column of this row kind. */
  readonly isKnown: (name: string) => boolean;
  /** Whether the column holds a count (converted from text to a number before validation). */
  readonly isCount: (name: string) => boolean;
  /** The column names, for messages (nested ones as a pattern such as `attributed.<window>.sales`). */
  readonly names: readonly string[];
  /**
   * The required records of objects (the ads `attributed` windows), each with its fields and
   * whether they are counts: a row whose cells give none of an entry's fields holds the entry with
   * zeros when the header names it (a day with no attributed sales), and an empty record when the
   * header names no entry, as JSON would write `{}`.
   */
  readonly records: ReadonlyMap<string, ReadonlyMap<string, boolean>>;
}

interface Def {
  readonly type: string;
  readonly innerType?: { readonly def: Def };
  readonly valueType?: { readonly def: Def; readonly shape?: Record<string, { readonly def: Def }> };
}

const unwrap = (def: Def): Def =>
  def.type === "optional" && def.innerType ? unwrap(def.innerType.def) : def;

/**
 * Reads the columns of a row kind from its zod schema, so the command line follows the records
 * module: top-level fields are columns, and a record of objects (the ads `attributed` windows) is
 * spelled as dotted columns `attributed.14d.sales`, `attributed.14d.orders`.
 *
 * @param source - the row kind
 * @returns its columns
 * @example
 * ```ts
 * csvColumnsOf("ads").isCount("attributed.7d.orders"); // true
 * ```
 */
export function csvColumnsOf(source: RecordSource): CsvColumns {
  const shape = (recordSchemas[source] as unknown as { shape: Record<string, z.ZodType> }).shape;
  const flat = new Map<string, boolean>();
  const nested = new Map<string, Map<string, boolean>>();
  const records = new Map<string, ReadonlyMap<string, boolean>>();
  for (const [name, field] of Object.entries(shape)) {
    const written = (field as unknown as { def: Def }).def;
    const def = unwrap(written);
    if (def.type === "record" && def.valueType?.shape) {
      const inner = new Map<string, boolean>();
      for (const [k, f] of Object.entries(def.valueType.shape)) inner.set(k, unwrap(f.def).type === "number");
      nested.set(name, inner);
      if (written.type !== "optional") records.set(name, inner);
    } else {
      flat.set(name, def.type === "number");
    }
  }
  const nestedOf = (name: string): boolean | undefined => {
    const parts = name.split(".");
    if (parts.length !== 3 || parts[1] === "") return undefined;
    return nested.get(parts[0] ?? "")?.get(parts[2] ?? "");
  };
  return {
    isKnown: (name) => flat.has(name) || nestedOf(name) !== undefined,
    isCount: (name) => flat.get(name) ?? nestedOf(name) ?? false,
    names: [
      ...flat.keys(),
      ...[...nested].flatMap(([name, inner]) => [...inner.keys()].map((k) => `${name}.<window>.${k}`)),
    ],
    records,
  };
}
