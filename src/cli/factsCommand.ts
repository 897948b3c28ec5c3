import cliProgress from "cli-progress";
import type { FxTableInput } from "../facts/fx.js";
import {
  type AggregateFactsResult,
  aggregateFacts,
  type RecordStore,
  type RejectedRow,
  type RejectionReason,
} from "../records/aggregateFacts.js";
import type { RecordSource } from "../records/recordSchemas.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { CliError, type CliLocation, EXIT, type ExitCode, formatLocation } from "./CliError.js";
import type { CliIo } from "./CliIo.js";
import { HELP } from "./help.js";
import { libraryProblem } from "./libraryProblem.js";
import { type CsvSource, openCsvSource } from "./openCsvSource.js";
import {
  parseCommandArgs,
  parseCycleKindArg,
  parsePeriodArg,
  parseStoreArg,
  requiredFlag,
  stringFlag,
} from "./parseCommandArgs.js";
import { readContractFile } from "./readContractFile.js";
import { checkInputFile } from "./readInputFile.js";
import { writeOutput } from "./writeOutput.js";

/** Files bigger than this (all sources together) get a progress bar when stderr is a terminal. */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;

/** Rejected rows (and warnings) listed on stderr before "… and N more". */
const MAX_LISTED = 20;

/** Reasons that mean the data has a problem (exit 1); rows outside the period and duplicates do not. */
const DATA_PROBLEMS: ReadonlySet<RejectionReason> = new Set([
  "malformed",
  "unknown-store",
  "currency-mismatch",
  "fx-rate-missing",
]);

const OTHER_SOURCES = ["refunds", "ads", "reviews", "inventory", "traffic"] as const;

/** A rejected row with where it is in its file. */
export interface LocatedRejection extends RejectedRow {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly columnName?: string;
}

function locate(row: RejectedRow, src: CsvSource): LocatedRejection {
  const line = src.lineOf(row.index);
  // Rows refused for their store or currency name no field; the column that decided it is known.
  const field =
    row.path ??
    (row.reason === "unknown-store"
      ? ["store"]
      : row.reason === "currency-mismatch" || row.reason === "fx-rate-missing"
        ? ["currency"]
        : undefined);
  const col = field ? src.columnOf(field) : undefined;
  return { file: src.file, line, ...(col ? { column: col.column, columnName: col.name } : {}), ...row };
}

function describe(r: LocatedRejection): string {
  const where: CliLocation = { file: r.file, line: r.line, ...(r.column ? { column: r.column } : {}) };
  const field = r.columnName
    ? `${r.columnName}: `
    : r.path && r.path.length > 0
      ? `${r.path.join(".")}: `
      : "";
  return `${formatLocation(where)}: ${field}${r.message} [${r.reason}]`;
}

function storesFrom(
  command: string,
  values: Readonly<Record<string, unknown>>,
  io: CliIo,
): { stores: RecordStore[]; fx?: FxTableInput } {
  const storeArgs = (values.store as string[] | undefined) ?? [];
  const contractFile = stringFlag(values as never, "contract");
  if (contractFile !== undefined && storeArgs.length > 0) {
    throw new CliError(
      EXIT.usage,
      `${command}: give --store or --contract, not both. Run "kpi-contract facts --help" for usage.`,
    );
  }
  if (contractFile !== undefined) {
    const { contract: parsed } = readContractFile(contractFile, io.cwd);
    const stores = parsed.stores.map((st) => ({
      id: st.id,
      currency: st.currency,
      timeZone: st.timeZone,
    }));
    return { stores, ...(parsed.fx ? { fx: parsed.fx as FxTableInput } : {}) };
  }
  if (storeArgs.length === 0) {
    throw new CliError(
      EXIT.usage,
      `${command}: --store id:CURRENCY:Time/Zone (or --contract) is required. Run "kpi-contract facts --help" for usage.`,
    );
  }
  return { stores: storeArgs.map((s) => parseStoreArg(command, s)) };
}

/**
 * `kpi-contract facts [orders.csv] --refunds … --store … --period …`: aggregates raw CSV exports
 * into period facts (JSON on stdout or `--out`) and reports every rejected row on stderr at its
 * file, line and column.
 *
 * @param args - the arguments after `facts`
 * @param io - the process io
 * @returns 0, or 1 when a row was rejected for a data problem
 * @throws {@link CliError} for usage and input errors
 * @example
 * ```ts
 * await factsCommand(["orders.csv", "--store", "us:USD:America/Los_Angeles", "--period", "2026-03"], io);
 * ```
 */
export async function factsCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    "facts",
    args,
    {
      refunds: { type: "string" },
      ads: { type: "string" },
      reviews: { type: "string" },
      inventory: { type: "string" },
      traffic: { type: "string" },
      store: { type: "string", multiple: true },
      contract: { type: "string" },
      period: { type: "string" },
      cycle: { type: "string" },
      out: { type: "string" },
      rejected: { type: "string" },
      "ignore-extra-columns": { type: "boolean" },
    },
    1,
  );
  if (values.help === true) {
    io.stdout(HELP.facts);
    return EXIT.ok;
  }
  const period = parsePeriodArg("facts", "period", requiredFlag("facts", values, "period"));
  const cycle = parseCycleKindArg("facts", stringFlag(values, "cycle"));
  const files: [RecordSource, string][] = [];
  if (positionals[0] !== undefined) files.push(["orders", positionals[0]]);
  for (const kind of OTHER_SOURCES) {
    const f = stringFlag(values, kind);
    if (f !== undefined) files.push([kind, f]);
  }
  if (files.length === 0) {
    throw new CliError(
      EXIT.usage,
      'facts: give at least one CSV file (orders as the first argument, or --refunds, --ads…). Run "kpi-contract facts --help" for usage.',
    );
  }
  const { stores, fx } = storesFrom("facts", values, io);
  const checked = files.map(([kind, file]) => ({
    kind,
    file,
    ...checkInputFile(file, io.cwd, `${kind} CSV`),
  }));

  const totalBytes = checked.reduce((sum, f) => sum + f.size, 0);
  const bar =
    io.stderrIsTTY && totalBytes > PROGRESS_MIN_BYTES
      ? new cliProgress.SingleBar(
          {
            stream: io.progressStream,
            format: " {file} [{bar}] {percentage}% | {done}/{size} MB | ETA {eta_formatted}",
            hideCursor: true,
            clearOnComplete: true,
            etaBuffer: 50,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
  let before = 0;
  bar?.start(totalBytes, 0, { file: checked[0]?.file ?? "", done: mb(0), size: mb(totalBytes) });

  const sources = checked.map((f) => {
    const offset = before;
    before += f.size;
    return openCsvSource(f.file, f.path, f.kind, {
      ignoreExtraColumns: values["ignore-extra-columns"] === true,
      ...(bar
        ? {
            onBytes: (bytes: number) => {
              const done = Math.min(offset + bytes, totalBytes);
              bar.update(done, { file: f.file, done: mb(done), size: mb(totalBytes) });
            },
          }
        : {}),
    });
  });
  const bySource = new Map(sources.map((s) => [s.source, s]));

  let result: AggregateFactsResult;
  try {
    result = await aggregateFacts(Object.fromEntries(sources.map((s) => [s.source, s.rows])), {
      stores,
      period,
      cycle,
      ...(fx ? { fx } : {}),
    });
  } catch (error) {
    if (error instanceof KpiContractError && error.code === "aggregate-options-invalid") {
      throw libraryProblem(error, EXIT.usage, "facts: ", () => undefined);
    }
    throw error;
  } finally {
    bar?.stop();
  }

  writeOutput(io, JSON.stringify(result.facts, null, 2), stringFlag(values, "out"));

  const located = result.rejected.flatMap((r) => {
    const src = bySource.get(r.source);
    return src ? [locate(r, src)] : [];
  });
  const warnings = result.warnings.map((w) => {
    const src = bySource.get(w.source);
    return { ...w, file: src?.file ?? w.source, line: src ? src.lineOf(w.index) : w.index + 2 };
  });
  for (const src of sources) {
    const s = result.summary[src.source];
    if (s === undefined) continue;
    io.stderr(
      `kpi-contract: ${src.file}: ${s.read} ${s.read === 1 ? "row" : "rows"} read, ${s.counted} counted, ${s.rejected} rejected\n`,
    );
  }
  for (const r of located.slice(0, MAX_LISTED)) io.stderr(`kpi-contract: ${describe(r)}\n`);
  const rejectedFile = stringFlag(values, "rejected");
  if (located.length > MAX_LISTED) {
    io.stderr(
      `kpi-contract: … and ${located.length - MAX_LISTED} more rejected rows${rejectedFile ? ` (all in ${rejectedFile})` : " (--rejected file lists them all)"}\n`,
    );
  }
  for (const w of warnings.slice(0, MAX_LISTED)) {
    io.stderr(`kpi-contract: ${w.file}:${w.line}: warning ${w.code}: ${w.message}\n`);
  }
  if (warnings.length > MAX_LISTED)
    io.stderr(`kpi-contract: … and ${warnings.length - MAX_LISTED} more warnings\n`);
  if (rejectedFile !== undefined) {
    writeOutput(
      io,
      JSON.stringify({ rejected: located, warnings, summary: result.summary }, null, 2),
      rejectedFile,
    );
  }
  return located.some((r) => DATA_PROBLEMS.has(r.reason)) ? EXIT.refused : EXIT.ok;
}
