#!/usr/bin/env node
// Browser check of the HTML reports: renders the SPEC §8 worked example (English and Chinese) and a
// validation report with the BUILT package, opens each in Debian's Chromium through playwright-core
// (never a downloaded browser), and checks that it renders without console errors or network
// requests, that every chart has one bar per cycle plus its target and baseline lines, and that the
// Chinese text is drawn with a CJK font. Screenshots go to build/screenshots/.
//
// Then it settles the worked example inside the browser (the built package bundled for the browser
// with esbuild), twice: on a plain page, where the digest's SHA-256 runs its WebAssembly compression
// function, and under a content-security policy without 'wasm-unsafe-eval', where compiling
// WebAssembly is refused and it falls back to JavaScript. Both statements must equal Node's, digest
// included.
//
// Usage: npm run build && node scripts/browser-check.mjs [--dist dir] [--chromium /usr/bin/chromium]
// Needs: apt-get install -y chromium fonts-noto-cjk
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: { dist: { type: "string" }, chromium: { type: "string" } },
  strict: true,
});
const dist = resolve(repo, values.dist ?? "dist");
const executablePath = values.chromium ?? "/usr/bin/chromium";
for (const file of ["index.js", "report/index.js"]) {
  if (!existsSync(join(dist, file))) {
    console.error(`browser-check: ${join(dist, file)} is missing; run \`npm run build\` first`);
    process.exit(1);
  }
}
if (!existsSync(executablePath)) {
  console.error(
    `browser-check: no Chromium at ${executablePath}; install it with: apt-get install -y chromium fonts-noto-cjk`,
  );
  process.exit(1);
}

const lib = await import(pathToFileURL(join(dist, "index.js")).href);
const report = await import(pathToFileURL(join(dist, "report/index.js")).href);

const worked = (name) => JSON.parse(readFileSync(join(repo, "test/fixtures/worked", `${name}.json`), "utf8"));
const contract = worked("contract");
const history = worked("history");
const march = worked("march");
const month = (start, end) => ({ start, end });
const cycles = [
  month("2026-01-01", "2026-01-31"),
  month("2026-02-01", "2026-02-28"),
  month("2026-03-01", "2026-03-31"),
];

/** Settles January to March 2026 of the worked example in a locale. */
function statements(locale) {
  return cycles.map((cycle) =>
    lib.settle(
      contract,
      {
        cycle,
        facts: cycle.start === "2026-03-01" ? march : history.filter((f) => f.period.start === cycle.start),
        history: history.filter((f) => f.period.end < cycle.start),
      },
      { locale },
    ),
  );
}

const outDir = join(repo, "build/screenshots");
mkdirSync(outDir, { recursive: true });

const pages = [];
for (const locale of ["en", "zh-CN"]) {
  const [january, february, marchStatement] = statements(locale);
  pages.push({
    name: `report-${locale}`,
    locale,
    html: report.renderStatement(marchStatement, { format: "html", locale, history: [january, february] }),
    charts: marchStatement.evaluations.length,
    bars: 3,
    texts:
      locale === "zh-CN"
        ? ["结算单", "费用明细", "合计", "KPI 目标达成", "各周期目标走势", "未达成", "差评率", "2,575.20"]
        : ["Settlement statement", "Fee lines", "Total", "Targets over the cycles", "2,575.20", "97.92%"],
  });
}
pages.push({
  name: "validation-zh-CN",
  locale: "zh-CN",
  html: report.renderValidation(lib.validateContract(contract, { history, locale: "zh-CN" }), {
    format: "html",
    locale: "zh-CN",
    contractId: contract.id,
  }),
  charts: 0,
  bars: 0,
  texts: ["SMART 校验", "没有错误"],
});

const CJK_FONT = /CJK|Noto Sans SC|PingFang|YaHei|WenQuanYi|Droid Sans Fallback|Source Han/i;

const browser = await chromium.launch({
  executablePath,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const failures = [];
try {
  for (const spec of pages) {
    const file = join(outDir, `${spec.name}.html`);
    writeFileSync(file, spec.html);
    const url = pathToFileURL(file).href;
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
    const problems = [];
    page.on("console", (msg) => {
      if (msg.type() === "error" || msg.type() === "warning")
        problems.push(`console ${msg.type()}: ${msg.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("request", (request) => {
      if (request.url() !== url) problems.push(`network request: ${request.url()}`);
    });
    await page.goto(url, { waitUntil: "load" });

    const found = await page.evaluate(() => ({
      charts: [...document.querySelectorAll("figure.chart svg")].map((svg) => ({
        bars: svg.querySelectorAll("rect.bar").length,
        target: svg.querySelectorAll("line.target-line").length,
        baseline: svg.querySelectorAll("line.baseline-line").length,
        width: svg.getBoundingClientRect().width,
      })),
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees.
      text: document.body.innerText,
      lang: document.documentElement.lang,
      scripts: document.scripts.length,
    }));
    if (found.lang !== spec.locale) problems.push(`lang is ${found.lang}, expected ${spec.locale}`);
    if (found.scripts !== 0) problems.push(`${found.scripts} script elements`);
    if (found.charts.length !== spec.charts)
      problems.push(`${found.charts.length} charts, expected ${spec.charts}`);
    found.charts.forEach((chart, i) => {
      if (chart.bars !== spec.bars)
        problems.push(`chart ${i + 1}: ${chart.bars} bars, expected ${spec.bars}`);
      if (chart.target !== 1 || chart.baseline !== 1)
        problems.push(`chart ${i + 1}: target or baseline line missing`);
      if (chart.width < 100) problems.push(`chart ${i + 1}: drawn ${chart.width}px wide`);
    });
    for (const text of spec.texts) if (!found.text.includes(text)) problems.push(`text missing: ${text}`);

    if (spec.locale === "zh-CN") {
      // Which fonts actually drew the title's glyphs: a CJK font, not boxes.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("DOM.enable");
      await cdp.send("CSS.enable");
      const { root } = await cdp.send("DOM.getDocument");
      const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "h1" });
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      const cjk = fonts.filter((f) => CJK_FONT.test(f.familyName) || CJK_FONT.test(f.postScriptName ?? ""));
      if (cjk.length === 0) {
        problems.push(
          `no CJK font drew the title (fonts: ${fonts.map((f) => f.familyName).join(", ") || "none"}); install fonts-noto-cjk`,
        );
      } else {
        console.log(
          `  ${spec.name}: title drawn with ${cjk.map((f) => `${f.familyName} (${f.glyphCount} glyphs)`).join(", ")}`,
        );
      }
    }

    await page.screenshot({ path: join(outDir, `${spec.name}.png`), fullPage: true });
    await page.close();
    const summary = spec.charts > 0 ? `${found.charts.length} charts × ${spec.bars} bars` : "no charts";
    if (problems.length === 0)
      console.log(`ok ${spec.name}: ${summary}, screenshot build/screenshots/${spec.name}.png`);
    else failures.push(...problems.map((p) => `${spec.name}: ${p}`));
  }
  failures.push(...(await settleInBrowser(browser)));
} finally {
  await browser.close();
}

if (failures.length > 0) {
  for (const f of failures) console.error(`FAIL ${f}`);
  process.exit(1);
}
console.log("browser-check passed");

/**
 * Settles March 2026 of the worked example in the browser, with and without WebAssembly, and
 * compares each statement with Node's. Returns the problems found.
 */
async function settleInBrowser(browser) {
  const bundle = await build({
    entryPoints: [join(dist, "index.js")],
    bundle: true,
    format: "iife",
    globalName: "kpiContract",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const code = bundle.outputFiles[0].text;
  const input = { cycle: cycles[2], facts: march, history };
  const expected = JSON.stringify(lib.settle(contract, input));
  const problems = [];
  const variants = [
    { name: "settle-webassembly", csp: undefined, wasm: true },
    { name: "settle-no-webassembly", csp: "default-src 'none'; script-src 'unsafe-inline'", wasm: false },
  ];
  for (const variant of variants) {
    const html = `<!doctype html><html><head><meta charset="utf-8">${
      variant.csp ? `<meta http-equiv="Content-Security-Policy" content="${variant.csp}">` : ""
    }<title>${variant.name}</title></head><body><script>${code.replaceAll("</script", "<\\/script")}</script><script>
      let wasm;
      try {
        // The smallest module: its header. Compiling it tells whether this page may compile any.
        new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
        wasm = true;
      } catch {
        wasm = false;
      }
      const statement = kpiContract.settle(${JSON.stringify(contract)}, ${JSON.stringify(input)});
      document.body.dataset.wasm = String(wasm);
      document.body.dataset.statement = JSON.stringify(statement);
    </script></body></html>`;
    const file = join(outDir, `${variant.name}.html`);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await browser.newPage();
    const seen = [];
    page.on("console", (msg) => {
      // Refusing to compile WebAssembly is what the policy is for; anything else is a problem.
      if ((msg.type() === "error" || msg.type() === "warning") && !/WebAssembly/i.test(msg.text()))
        seen.push(`console ${msg.type()}: ${msg.text()}`);
    });
    page.on("pageerror", (error) => seen.push(`page error: ${error.message}`));
    page.on("request", (request) => {
      if (request.url() !== url) seen.push(`network request: ${request.url()}`);
    });
    await page.goto(url, { waitUntil: "load" });
    const { wasm, statement } = await page.evaluate(() => ({ ...document.body.dataset }));
    await page.close();
    if (wasm !== String(variant.wasm))
      seen.push(`WebAssembly ${wasm === "true" ? "could" : "could not"} be compiled, expected the opposite`);
    if (statement === undefined) seen.push("no statement");
    else if (statement !== expected) seen.push("the statement differs from Node's");
    if (seen.length === 0) {
      console.log(`ok ${variant.name}: digest ${JSON.parse(statement).digest} as in Node`);
    }
    problems.push(...seen.map((p) => `${variant.name}: ${p}`));
  }
  return problems;
}
