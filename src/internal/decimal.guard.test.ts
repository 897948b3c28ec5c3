import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

/**
 * The library's Decimal constructor is exact (sums and products never round), so a division or any
 * other method whose result depends on the precision would run to a billion digits. They go through
 * `quotient` and `power` in this folder's decimal.ts, which divide to 34 significant digits; this
 * scan keeps them out of every other source file.
 */
const PRECISION_BOUND =
  /\.(div|dividedBy|dividedToIntegerBy|divToInt|idiv|mod|modulo|pow|toPower|sqrt|squareRoot|cbrt|cubeRoot|exp|naturalExponential|ln|naturalLogarithm|log|logarithm|sin|cos|tan|asin|acos|atan|sinh|cosh|tanh|asinh|acosh|atanh|atan2|toSD|toSignificantDigits)\(/;

const SRC = fileURLToPath(new URL("..", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("precision-bound decimal methods", () => {
  test("appear only in internal/decimal.ts", () => {
    const offending: string[] = [];
    for (const file of sources(SRC)) {
      const name = relative(SRC, file).split("\\").join("/");
      if (name === "internal/decimal.ts") continue;
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          // console.log and Math.* are not Decimal methods.
          const code = line.replace(/console\.log\(|Math\.\w+\(/g, "");
          if (PRECISION_BOUND.test(code)) offending.push(`${name}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offending).toEqual([]);
  });

  test("the scan sees a division where there is one", () => {
    expect(PRECISION_BOUND.test("const r = a.div(b);")).toBe(true);
    expect(PRECISION_BOUND.test("const r = a.pow(n);")).toBe(true);
    expect(PRECISION_BOUND.test("const r = quotient(a, b);")).toBe(false);
    expect(sources(SRC).length).toBeGreaterThan(50);
  });
});
