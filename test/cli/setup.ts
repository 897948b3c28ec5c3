import { spawnSync } from "node:child_process";
import { renameSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** Where the command line is bundled for the tests (the package build makes dist/cli/main.js). */
export const CLI_BUNDLE = fileURLToPath(new URL("../../build/cli-test/main.mjs", import.meta.url));

/** The repository root, for running the bundle from a known folder. */
export const REPO = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Bundles src/cli/main.ts with esbuild (platform node, ESM, packages external) into
 * build/cli-test/main.mjs. Written to a temporary name first and renamed, so test files building
 * at the same time never run a half-written bundle.
 */
export async function buildCli(): Promise<string> {
  const temp = `${CLI_BUNDLE}.${process.pid}.${Date.now()}.tmp.mjs`;
  await build({
    entryPoints: [fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile: temp,
    logLevel: "error",
  });
  renameSync(temp, CLI_BUNDLE);
  return CLI_BUNDLE;
}

/** What one run of the command printed and returned. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the bundled command line as a subprocess.
 *
 * @param args - the arguments
 * @param cwd - the working directory (fixtures are named relative to it)
 * @returns the exit code and both outputs
 */
export function runCli(args: readonly string[], cwd: string = REPO): CliRun {
  const result = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Vitest global setup: bundle once before the run. */
export default async function setup(): Promise<void> {
  await buildCli();
}
