#!/usr/bin/env node
// Mutation testing of some source folders only: `node scripts/mutate.mjs fees values`.
//
// Writes build/stryker.<folders>.json from stryker.config.json with `mutate` limited to the folders and
// the reports renamed (build/mutation/<folders>.html and .json, its own incremental file), then runs
// Stryker with it. Extra arguments after `--` go to `stryker run`. Without folders it runs the whole
// configured set, the same as `npm run mutate`. `--own-tests` runs only the tests inside the mutated
// folders (a lower bound of the score, for when tests elsewhere are failing). `--break=90` makes the run
// fail (exit 1) when the score is below 90, for CI.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dash = process.argv.indexOf("--");
const args = dash === -1 ? process.argv.slice(2) : process.argv.slice(2, dash);
const ownTests = args.includes("--own-tests");
const breakAt = args.find((a) => a.startsWith("--break="))?.slice("--break=".length);
const folders = args
  .filter((a) => !a.startsWith("--"))
  .map((f) => f.replace(/^src\//, "").replace(/\/$/, ""));
const extra = dash === -1 ? [] : process.argv.slice(dash + 1);
const known = ["values", "kpis", "fees", "targets", "smart"];
for (const folder of folders) {
  if (!known.includes(folder)) {
    console.error(`mutate: unknown folder "${folder}"; expected some of ${known.join(", ")}`);
    process.exit(2);
  }
}

const base = JSON.parse(readFileSync(resolve(root, "stryker.config.json"), "utf8"));
let configFile = "stryker.config.json";
if (folders.length > 0) {
  const name = folders.join("+");
  const config = {
    ...base,
    $schema: undefined,
    mutate: [...folders.map((f) => `src/${f}/**/*.ts`), "!src/**/*.test.ts"],
    htmlReporter: { fileName: `build/mutation/${name}.html` },
    jsonReporter: { fileName: `build/mutation/${name}.json` },
    incrementalFile: `build/mutation/${name}-incremental.json`,
    ...(breakAt !== undefined ? { thresholds: { ...base.thresholds, break: Number(breakAt) } } : {}),
  };
  mkdirSync(resolve(root, "build"), { recursive: true });
  configFile = `build/stryker.${name}.json`;
  writeFileSync(resolve(root, configFile), `${JSON.stringify(config, null, 2)}\n`);
}
const env = ownTests
  ? { ...process.env, KPI_TEST_DIRS: folders.map((f) => `src/${f}`).join(",") }
  : process.env;
const result = spawnSync("npx", ["stryker", "run", configFile, ...extra], {
  cwd: root,
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
