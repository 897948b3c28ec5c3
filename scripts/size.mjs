#!/usr/bin/env node
// Size budget of the core entry: what a browser or edge bundle pays for `import { settle } from "kpi-contract"`.
//
// Bundles the built `dist/index.js` (run `npm run build` first) with esbuild, minified, every dependency
// included (zod too: a consumer ships it either way), for the browser platform (so a Node built-in creeping
// into the core fails here), then gzips the result with node:zlib at level 9. Prints the bytes and exits 1
// past the budget. Until `settle` is exported, `allocate` stands in for it.
//
// Usage: node scripts/size.mjs [--json]
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** Budgets in gzipped bytes of the minified bundle; docs/quality.md explains the headroom. */
const BUDGET_GZIP_BYTES = 110_000;
/** The library's own code plus decimal.js and the other runtime dependencies, zod left external. */
const BUDGET_GZIP_BYTES_WITHOUT_ZOD = 78_000;

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const entry = resolve(root, "dist/index.js");
if (!existsSync(entry)) {
  console.error("size: dist/index.js is missing; run `npm run build` first");
  process.exit(1);
}

const api = await import(pathToFileURL(entry).href);
const symbol = typeof api.settle === "function" ? "settle" : "allocate";

async function measure(external) {
  const result = await build({
    stdin: {
      contents: `export { ${symbol} } from "kpi-contract";`,
      resolveDir: root,
      loader: "js",
    },
    alias: { "kpi-contract": entry },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    legalComments: "none",
    external,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  const inputs = {};
  const [output] = Object.values(result.metafile.outputs);
  for (const [path, info] of Object.entries(output.inputs)) {
    const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? "kpi-contract";
    inputs[pkg] = (inputs[pkg] ?? 0) + info.bytesInOutput;
  }
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, inputs };
}

const full = await measure([]);
const withoutZod = await measure(["zod", "zod/*"]);
const report = {
  entry: `import { ${symbol} } from "kpi-contract"`,
  minifiedBytes: full.minified,
  gzipBytes: full.gzip,
  gzipBytesWithoutZod: withoutZod.gzip,
  budgetGzipBytes: BUDGET_GZIP_BYTES,
  budgetGzipBytesWithoutZod: BUDGET_GZIP_BYTES_WITHOUT_ZOD,
  minifiedBytesByPackage: Object.fromEntries(Object.entries(full.inputs).sort((a, b) => b[1] - a[1])),
};

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(`size: ${report.entry}`);
  console.log(`  minified        ${full.minified} bytes`);
  console.log(`  minified + gzip ${full.gzip} bytes (budget ${BUDGET_GZIP_BYTES})`);
  console.log(`  gzip, zod external ${withoutZod.gzip} bytes (budget ${BUDGET_GZIP_BYTES_WITHOUT_ZOD})`);
  for (const [pkg, bytes] of Object.entries(report.minifiedBytesByPackage)) {
    console.log(`    ${pkg.padEnd(24)} ${bytes} bytes minified`);
  }
}
const over = [];
if (full.gzip > BUDGET_GZIP_BYTES) over.push(`${full.gzip} gzipped bytes exceed ${BUDGET_GZIP_BYTES}`);
if (withoutZod.gzip > BUDGET_GZIP_BYTES_WITHOUT_ZOD) {
  over.push(`${withoutZod.gzip} gzipped bytes without zod exceed ${BUDGET_GZIP_BYTES_WITHOUT_ZOD}`);
}
if (over.length > 0) {
  console.error(`size: over budget: ${over.join("; ")}`);
  process.exit(1);
}
