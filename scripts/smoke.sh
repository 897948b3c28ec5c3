#!/usr/bin/env bash
# Smoke test of the shipped package: pack the built package, install the tarball into a fresh project
# and run an ESM, a CommonJS and a TypeScript consumer (ESM and CJS declarations) against it.
# Run `npm run build` first. Usage: scripts/smoke.sh [--keep] (--keep leaves the temp project for a look).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
keep=false
[ "${1:-}" = "--keep" ] && keep=true

if [ ! -f "$repo/dist/index.js" ] || [ ! -f "$repo/dist/index.cjs" ]; then
  echo "smoke: dist/ is missing; run \`npm run build\` first" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/kpi-contract-smoke.XXXXXX")"
cleanup() {
  if [ "$keep" = true ]; then echo "smoke: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== pack"
tarball="$(cd "$repo" && npm pack --silent --pack-destination "$work" | tail -n 1)"
echo "packed $tarball"

echo "== the docs' relative links point into the package (npm shows the README without the repository)"
mkdir "$work/unpacked"
tar xzf "$work/$tarball" -C "$work/unpacked"
node -e '
const fs = require("node:fs");
const path = require("node:path");
const root = path.join(process.argv[1], "package");
const docs = ["README.md", "CHANGELOG.md", ...fs.readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => "docs/" + f)];
let broken = 0;
for (const doc of docs) {
  const text = fs.readFileSync(path.join(root, doc), "utf8");
  for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
    if (/^[a-z]+:/i.test(target) || fs.existsSync(path.join(root, path.dirname(doc), target))) continue;
    console.error("smoke: " + doc + " links to " + target + ", which the package does not hold");
    broken++;
  }
}
if (broken > 0) process.exit(1);
console.log("checked the links of " + docs.length + " documents");
' "$work/unpacked"

echo "== install into a temp project"
mkdir "$work/app"
cd "$work/app"
npm init -y > /dev/null
npm install "$work/$tarball" zod --no-audit --no-fund --prefer-offline --loglevel=error
cp "$repo"/test/fixtures/worked/*.json .
cp "$repo"/scripts/smoke/consumer.* .
cp "$repo"/scripts/smoke/tsconfig.json .

echo "== ESM consumer"
node consumer.mjs
echo "== CJS consumer"
node consumer.cjs
echo "== TypeScript consumer (ESM and CJS declarations)"
node "$repo/node_modules/typescript/bin/tsc" -p tsconfig.json

echo "== the command line, as a newcomer runs it"
npx --no-install kpi-contract demo | grep -q "2,575.20"
npx --no-install kpi-contract --version

echo "== smoke passed"
