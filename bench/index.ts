/**
 * Benchmarks: `npm run bench` runs them all, `npm run bench -- <name> [<name>…]` only those named.
 * Each benchmark lives in its own `bench/*.bench.ts` and exports a function returning a report;
 * this file lists them and prints the tables. Benchmarks print numbers, never assert.
 */
import { availableParallelism, cpus, loadavg } from "node:os";
import { type Benchmark, printReport } from "./table.js";

/**
 * The benchmark list. To add one, write `bench/<name>.bench.ts` exporting `async function
 * <name>Bench(): Promise<BenchReport>` and append an entry here. Each module is imported only when
 * its benchmark runs, so one benchmark (or the code it needs) cannot keep the others from running.
 */
export const BENCHMARKS: Benchmark[] = [
  {
    name: "aggregate",
    description: "(a) 1M order lines → monthly facts, against a parseFloat floor",
    run: async () => (await import("./aggregate.bench.js")).aggregateBench(),
  },
  {
    name: "stream",
    description: "(b) 5M rows from an async generator: peak heap growth, dedupe off and on",
    run: async () => (await import("./stream.bench.js")).streamBench(),
  },
  {
    name: "settle",
    description: "(c) SPEC §8 contract: store-cycles per second, against the fee arithmetic by hand",
    run: async () => (await import("./settle.bench.js")).settleBench(),
  },
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = wanted.filter((w) => !BENCHMARKS.some((b) => b.name === w));
  if (unknown.length > 0) {
    console.error(
      `Unknown benchmark(s): ${unknown.join(", ")}. Known: ${BENCHMARKS.map((b) => b.name).join(", ")}`,
    );
    process.exitCode = 1;
    return;
  }
  if (globalThis.gc === undefined)
    console.warn("Run with --expose-gc (npm run bench does) for heap figures.");
  const load = loadavg().map((l) => l.toFixed(2));
  console.log(
    `# kpi-contract benchmarks — node ${process.version}, ${process.platform}/${process.arch}, ` +
      `${cpus()[0]?.model ?? "unknown CPU"} × ${availableParallelism()}, load average ${load.join(" ")}`,
  );
  for (const bench of BENCHMARKS) {
    if (wanted.length > 0 && !wanted.includes(bench.name)) continue;
    const t0 = performance.now();
    try {
      printReport(await bench.run());
    } catch (error) {
      console.error(
        `\n## ${bench.name}: failed\n\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exitCode = 1;
      continue;
    }
    const after = loadavg()[0]?.toFixed(2);
    console.log(
      `\n(${bench.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s including data generation; load average now ${after})`,
    );
  }
}

await main();
