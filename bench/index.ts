/**
 * Benchmarks: `npm run bench` runs them all, `npm run bench -- <name> [<name>…]` only those named.
 * Each benchmark lives in its own `bench/*.bench.ts` and exports a function returning a report;
 * this file lists them and prints the tables. Benchmarks print numbers, never assert.
 */
import { aggregateBench } from "./aggregate.bench.js";
import { streamBench } from "./stream.bench.js";
import { type Benchmark, printReport } from "./table.js";

/**
 * The benchmark list. To add one, write `bench/<name>.bench.ts` exporting `async function
 * <name>Bench(): Promise<BenchReport>` and append `{ name, description, run }` here.
 */
export const BENCHMARKS: Benchmark[] = [
  {
    name: "aggregate",
    description: "(a) 1M order lines → monthly facts, against a parseFloat floor",
    run: aggregateBench,
  },
  {
    name: "stream",
    description: "(b) 5M rows from an async generator: peak heap growth, dedupe off and on",
    run: streamBench,
  },
  // ---- settle --------------------------------------------------------------------------------
  // Hook for the settlement benchmark (SPEC §8 contract, store-cycles per second against the same
  // arithmetic by hand with decimal.js): add `bench/settle.bench.ts` exporting `settleBench` and
  // append { name: "settle", description: "...", run: settleBench } to this list.
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
  console.log(`# kpi-contract benchmarks — node ${process.version}, ${process.platform}/${process.arch}`);
  for (const bench of BENCHMARKS) {
    if (wanted.length > 0 && !wanted.includes(bench.name)) continue;
    const t0 = performance.now();
    printReport(await bench.run());
    console.log(
      `\n(${bench.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s including data generation)`,
    );
  }
}

await main();
