import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import type { RecordSource } from "../records/recordSchemas.js";
import { CliError, type CliLocation, EXIT } from "./CliError.js";
import { csvColumnsOf } from "./csvColumns.js";

/** A CSV file of one row kind, read as a stream of rows for `aggregateFacts`. */
export interface CsvSource {
  readonly file: string;
  readonly source: RecordSource;
  /**
   * The rows, header names as keys, dotted names nested, counts as numbers, empty cells left out
   * (a required record of objects with no cells, such as `attributed`, is an empty record).
   */
  readonly rows: AsyncIterable<Record<string, unknown>>;
  /** The file line of the row at `index` (0-based, header excluded), once it has been read. */
  lineOf(index: number): number;
  /** Where the field at a row path is: the 1-based column number and its header name. */
  columnOf(
    path: readonly (string | number)[],
  ): { readonly column: number; readonly name: string } | undefined;
}

/** Options of {@link openCsvSource}. */
export interface OpenCsvOptions {
  /** Drop columns the row kind does not know instead of refusing the file. */
  readonly ignoreExtraColumns: boolean;
  /** Called with the bytes read so far, for a progress bar. */
  readonly onBytes?: (bytes: number) => void;
}

const COUNT_TEXT = /^-?\d+$/;

function setPath(target: Record<string, unknown>, parts: readonly string[], value: unknown): void {
  let node = target;
  for (const key of parts.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== "object") node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] ?? ""] = value;
}

/**
 * Opens a CSV export as a stream of rows with `csv-parse` (header line required, `columns: true`),
 * shaped as the records module expects them. The header is checked first: an unknown column (a
 * typo) makes the file an input error unless `ignoreExtraColumns`. A structurally broken file
 * (unclosed quote, a row with the wrong number of fields) is an input error at its line. Values
 * are left as text for the row schemas to judge, except that counts written as whole numbers
 * become numbers and empty cells are left out (an absent optional field).
 *
 * @param file - the path as the user wrote it
 * @param path - the absolute path
 * @param source - the row kind
 * @param options - `ignoreExtraColumns`, `onBytes`
 * @returns the source with its row stream and locators
 * @throws {@link CliError} exit 3, while streaming, for a malformed file or an unknown column
 * @example
 * ```ts
 * const orders = openCsvSource("orders.csv", abs, "orders", { ignoreExtraColumns: false });
 * for await (const row of orders.rows) console.log(row);
 * ```
 */
export function openCsvSource(
  file: string,
  path: string,
  source: RecordSource,
  options: OpenCsvOptions,
): CsvSource {
  const known = csvColumnsOf(source);
  let header: readonly string[] = [];
  // The entries each record of objects has columns for (the ads windows of the header).
  let headerEntries = new Map<string, readonly string[]>();
  const entriesOf = (name: string): readonly string[] => headerEntries.get(name) ?? [];
  // Row index → line, stored only where a row does not sit on the line after the previous one.
  const jumps: { index: number; line: number }[] = [];
  const location = (line?: number): CliLocation => (line === undefined ? { file } : { file, line });

  async function* rows(): AsyncGenerator<Record<string, unknown>> {
    const parser = createReadStream(path).pipe(
      parse({ columns: true, info: true, bom: true, skip_empty_lines: true }),
    );
    let index = 0;
    let expectedLine = 2;
    let checked = false;
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: Record<string, string>;
        info: { lines: number; bytes: number; columns: readonly { name: string }[] };
      }>) {
        if (!checked) {
          header = info.columns.map((c) => c.name);
          headerEntries = new Map(
            [...known.records.keys()].map((name) => [
              name,
              [
                ...new Set(
                  header
                    .filter((h) => h.startsWith(`${name}.`) && known.isKnown(h))
                    .map((h) => h.split(".")[1] ?? ""),
                ),
              ],
            ]),
          );
          const unknown = header.filter((h) => !known.isKnown(h));
          if (unknown.length > 0 && !options.ignoreExtraColumns) {
            throw new CliError(
              EXIT.input,
              `unknown ${unknown.length === 1 ? "column" : "columns"} ${unknown.map((u) => `"${u}"`).join(", ")} for ${source} rows; the columns are ${known.names.join(", ")} (or pass --ignore-extra-columns)`,
              { file, line: 1, column: header.indexOf(unknown[0] ?? "") + 1 },
            );
          }
          checked = true;
        }
        if (info.lines !== expectedLine) jumps.push({ index, line: info.lines });
        expectedLine = info.lines + 1;
        index++;
        options.onBytes?.(info.bytes);
        const row: Record<string, unknown> = {};
        for (const [name, text] of Object.entries(record)) {
          if (text === "" || !known.isKnown(name)) continue;
          const value =
            known.isCount(name) && COUNT_TEXT.test(text) && Number.isSafeInteger(Number(text))
              ? Number(text)
              : text;
          setPath(row, name.split("."), value);
        }
        // A day of ads with no attributed sales: the header's windows whose cells are all empty hold
        // zeros, so that the same day reads the same whichever period is aggregated.
        for (const [name, fields] of known.records) {
          row[name] ??= {};
          const record = row[name] as Record<string, unknown>;
          for (const entry of entriesOf(name)) {
            if (Object.hasOwn(record, entry)) continue;
            record[entry] = Object.fromEntries([...fields].map(([k, count]) => [k, count ? 0 : "0"]));
          }
        }
        yield row;
      }
    } catch (error) {
      if (error instanceof CliError) throw error;
      const e = error as { code?: unknown; lines?: unknown; message?: unknown; code_?: unknown };
      const line = typeof e.lines === "number" ? e.lines : undefined;
      const message = typeof e.message === "string" ? e.message : String(error);
      if (e.code === "ENOENT" || e.code === "EACCES" || e.code === "EISDIR") {
        throw new CliError(EXIT.input, `cannot read the ${source} CSV: ${message}`, location());
      }
      throw new CliError(
        EXIT.input,
        `the ${source} CSV is malformed: ${message.replace(/\s*(at|on) line \d+\.?$/, "")}`,
        location(line),
      );
    }
  }

  return {
    file,
    source,
    rows: rows(),
    lineOf(index) {
      // The last jump at or before the index sets the offset; rows after it follow one per line.
      let lo = 0;
      let hi = jumps.length - 1;
      let best: { index: number; line: number } | undefined;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const jump = jumps[mid];
        if (jump !== undefined && jump.index <= index) {
          best = jump;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return best === undefined ? index + 2 : best.line + (index - best.index);
    },
    columnOf(rowPath) {
      // A nested field (attributed.14d.sales) is one dotted column; a deeper path than the header
      // names is cut back to the longest prefix that is a column.
      for (let n = rowPath.length; n > 0; n--) {
        const name = rowPath.slice(0, n).join(".");
        const at = header.indexOf(name);
        if (at !== -1) return { column: at + 1, name };
      }
      return undefined;
    },
  };
}
