/** What one benchmark prints: a titled table and notes under it. */
export interface BenchReport {
  readonly title: string;
  readonly rows: readonly Readonly<Record<string, string | number>>[];
  readonly notes?: readonly string[];
}

/** A benchmark: a name to pick it by (`npm run bench -- <name>`) and a function that measures. */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  readonly run: () => Promise<BenchReport>;
}

/** Prints a report as an aligned text table. */
export function printReport(report: BenchReport): void {
  const columns = [...new Set(report.rows.flatMap((row) => Object.keys(row)))];
  const cell = (row: Readonly<Record<string, string | number>>, column: string) => String(row[column] ?? "");
  const widths = columns.map((c) => Math.max(c.length, ...report.rows.map((r) => cell(r, c).length)));
  const line = (values: string[]) =>
    `| ${values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(" | ")} |`;
  console.log(`\n## ${report.title}\n`);
  console.log(line(columns));
  console.log(
    `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`,
  );
  for (const row of report.rows) console.log(line(columns.map((c) => cell(row, c))));
  for (const note of report.notes ?? []) console.log(`\n${note}`);
}

/** Milliseconds with one decimal. */
export function ms(value: number): string {
  return value.toFixed(1);
}

/** Bytes as MB with one decimal. */
export function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
