// Runs every TypeScript block of README.md against the source, and checks each
// `console.log(expr); // value` line: a README example that drifts from the code fails here.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
const outDir = join(root, "test", ".readme");

/** Rewrites a README block into a module that records what each annotated console.log printed. */
function instrument(block: string): { code: string; expectations: string[] } {
  const expectations: string[] = [];
  const body = block
    .replaceAll(
      'from "kpi-contract/report"',
      `from ${JSON.stringify(pathToFileURL(join(root, "src/report/index.ts")).href)}`,
    )
    .replaceAll(
      'from "kpi-contract"',
      `from ${JSON.stringify(pathToFileURL(join(root, "src/index.ts")).href)}`,
    )
    .split("\n")
    .map((line) => {
      const m = /^(\s*)console\.log\((.*)\);\s*\/\/\s*(.+)$/.exec(line);
      if (!m) return line;
      expectations.push((m[3] ?? "").trim());
      return `${m[1]}__seen.push(${m[2]});`;
    })
    .join("\n");
  return { code: `export const __seen: unknown[] = [];\n${body}\n`, expectations };
}

describe("README examples", () => {
  mkdirSync(outDir, { recursive: true });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("has TypeScript examples", () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  blocks.forEach((block, index) => {
    it(`block ${index + 1} runs and prints what the README says`, async () => {
      const { code, expectations } = instrument(block);
      const file = join(outDir, `block-${index + 1}.ts`);
      writeFileSync(file, code);
      const mod = (await import(pathToFileURL(file).href)) as { __seen: unknown[] };
      expect(mod.__seen.length).toBe(expectations.length);
      mod.__seen.forEach((value, i) => {
        const expected = expectations[i] ?? "";
        // A comment is either a JSON value (`"44160"`, `2575.2`, `true`) or free text compared to String(value).
        let parsed: unknown = expected;
        try {
          parsed = JSON.parse(expected);
        } catch {
          parsed = expected;
        }
        expect(typeof parsed === "string" ? String(value) : value).toEqual(parsed);
      });
    });
  });
});
