/** The commands of the command line. */
export type CommandName = "validate" | "settle" | "facts" | "schema" | "compare" | "demo";

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly CommandName[] = Object.freeze([
  "demo",
  "validate",
  "settle",
  "facts",
  "compare",
  "schema",
]);

const EXIT_CODES = `Exit codes:
  0  done
  1  refused: SMART errors, settlement refused, rejected rows
  2  usage error: unknown command or flag, bad flag value
  3  input file error: missing or unreadable file, malformed JSON or CSV, data of the wrong shape
  4  internal error (please report it)`;

/** The help text of the whole tool. */
export const GENERAL_HELP = `kpi-contract: KPI-based e-commerce operation contracts on the command line

Usage: kpi-contract <command> [options]

Commands:
  demo       settle the bundled example contract (SPEC §8) and print the statement
  validate   check a contract against the SMART rules
  settle     settle one cycle of a contract: the fee statement
  facts      turn raw CSV exports (orders, refunds, ads…) into period facts JSON
  compare    compare fee schedules under what-if scenarios
  schema     print the JSON Schema of a contract, of facts or of a raw row kind

Options:
  -h, --help     show help (also: kpi-contract <command> --help)
  -v, --version  print the version

${EXIT_CODES}

Start with: npx kpi-contract demo
`;

/** The help text of each command. */
export const HELP: Readonly<Record<CommandName, string>> = Object.freeze({
  demo: `Usage: kpi-contract demo [--format text|json|md|html] [--locale en|zh-CN] [--out file]

Settles March 2026 of the bundled worked example (an Amazon US store, fixed fee plus a share of
GMV growth, an ACoS penalty and a negative-review gate) and prints the statement.

Options:
  --format   text (default), json (the statement), md (Markdown), html (self-contained report)
  --locale   en (default) or zh-CN
  --out      write to this file instead of stdout

Example:
  kpi-contract demo --format html --locale zh-CN --out report.html

${EXIT_CODES}
`,
  validate: `Usage: kpi-contract validate <contract.json> [--history facts.json] [--locale en|zh-CN]
                            [--json | --format text|json|md|html] [--out file]

Checks the contract against the SMART rules and prints every finding. Errors are also written
to stderr with their line and column in the contract file.

Options:
  --history  period facts of earlier cycles (a JSON array) to check baselines on real data
  --locale   language of the messages: en or zh-CN (default: the contract's locale, else en)
  --json     print the report as JSON (same as --format json)
  --format   text (default), json, md (Markdown), html
  --out      write to this file instead of stdout

Exit code 1 when any finding is an error: settlement would refuse the contract.

Example:
  kpi-contract validate contract.json --history history.json --locale zh-CN

${EXIT_CODES}
`,
  settle: `Usage: kpi-contract settle <contract.json> --facts facts.json --cycle 2026-03
                          [--history history.json] [--format text|json|md|html] [--out file]
                          [--locale en|zh-CN] [--allow-invalid]

Settles one cycle and prints the statement: every fee line with its trace, the exact total,
each target's evaluation and the score.

Options:
  --facts          period facts (a JSON array, one entry per store). Entries of earlier cycles
                   in the same file are used as history; entries of later cycles are ignored.
  --cycle          the cycle: 2026-03, 2026-Q1, or 2026-03-01..2026-03-31
  --history        period facts of earlier cycles, for baselines and window targets
  --format         text (default), json (the statement), md (Markdown), html (report with charts)
  --locale         language of descriptions and labels: the contract's locale, else en
  --allow-invalid  settle a contract with SMART errors anyway (the statement records it)
  --out            write to this file instead of stdout

The reports chart each target over the cycles of the term that the history covers.

Example:
  kpi-contract settle contract.json --facts march.json --history history.json --cycle 2026-03 --format html --out march.html

${EXIT_CODES}
`,
  facts: `Usage: kpi-contract facts [orders.csv] [--refunds f] [--ads f] [--reviews f] [--inventory f]
                         [--traffic f] (--store id:CUR:Time/Zone ... | --contract contract.json)
                         --period 2026-01-01..2026-03-31 [--cycle monthly|quarterly|<n>d]
                         [--out facts.json] [--rejected rejected.json] [--ignore-extra-columns]

Reads raw CSV exports (a header line, one row per line; columns as in docs/records.md, nested
ads columns such as attributed.14d.sales) and prints period facts JSON, one entry per store and
cycle. Every row is counted or rejected; rejected rows are listed on stderr with their file, line,
column and reason. A progress bar is drawn on stderr for files over 4 MB when it is a terminal.
The orders file is optional: a run may read only --refunds, --ads and so on.

Options:
  --refunds, --ads, --reviews, --inventory, --traffic   the other CSV exports
  --store      a store as id:CURRENCY:Time/Zone, repeatable (us:USD:America/Los_Angeles)
  --contract   take the stores (and FX rates) from a contract instead
  --period     the days to aggregate: 2026-01-01..2026-03-31, 2026-Q1 or 2026-03
  --cycle      monthly (default), quarterly, or a number of days such as 30d
  --out        write the facts to this file instead of stdout
  --rejected   write every rejected row (file, line, column, reason) to this JSON file
  --ignore-extra-columns   drop columns the row kind does not know instead of refusing the file

Exit code 1 when a row is rejected for a data problem (malformed, unknown store, currency or FX);
rows outside the period and duplicates are reported but do not change the exit code.

Example:
  kpi-contract facts orders.csv --refunds refunds.csv --ads ads.csv --store us:USD:America/Los_Angeles --period 2026-Q1 --out facts.json

${EXIT_CODES}
`,
  compare: `Usage: kpi-contract compare <schedules.json> (--scenarios scenarios.json | --growth 0,20%,40%)
                           --contract contract.json --facts facts.json --cycle 2026-03
                           [--history f] [--format text|json|md|html] [--locale en|zh-CN]
                           [--allow-invalid] [--out file]

Settles the cycle once per fee schedule and scenario and prints the what-if table of totals.

  schedules.json   [{ "name": "base+bonus", "schedule": { …fee schedule… } }, …]
  scenarios.json   [{ "name": "+20%", "growth": "0.2" }, { "name": "actual", "facts": [ … ] }, …]

Options:
  --scenarios      the scenarios file
  --growth         growth scenarios as a comma-separated list (0,0.2 or 0,20%)
  --contract       the contract whose targets, stores and FX the schedules share
  --facts          the base facts of the cycle; --cycle, --history as for settle
  --format         text (default), json, md, html
  --allow-invalid  compare even when the contract has SMART errors (a draft)

Example:
  kpi-contract compare offers.json --growth 0,20%,40%,60% --contract contract.json --facts march.json --history history.json --cycle 2026-03

${EXIT_CODES}
`,
  schema: `Usage: kpi-contract schema contract|facts|orders|refunds|ads|reviews|inventory|traffic [--out file]

Prints a JSON Schema (draft 2020-12) for ERPs written in other languages: the contract, period
facts, or one kind of raw row.

Example:
  kpi-contract schema contract --out contract.schema.json

${EXIT_CODES}
`,
});
