import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "../../src/cli/findJsonSyntaxError.js";
import { locateJsonPath } from "../../src/cli/locateJsonPath.js";

/** Every path into a JSON value, with the value found there. */
function paths(value: unknown, prefix: (string | number)[] = []): [(string | number)[], unknown][] {
  const out: [(string | number)[], unknown][] = [[prefix, value]];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push(...paths(v, [...prefix, i]));
    });
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

/** The offset of a line and column in a text. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf("\n", offset) + 1;
  return offset + column - 1;
}

describe("JSON locating properties", () => {
  it("every path of a value leads to the text of that value, however the JSON is indented", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        for (const [path, sub] of paths(value)) {
          // JSON.stringify drops "__proto__" keys of parsed objects differently; skip them.
          if (path.includes("__proto__")) continue;
          const { line, column } = locateJsonPath(text, path);
          const rest = text.slice(offsetOf(text, line, column));
          const expected = JSON.stringify(sub);
          if (typeof sub !== "object" || sub === null) expect(rest.startsWith(expected)).toBe(true);
          else expect(rest.charAt(0)).toBe(Array.isArray(sub) ? "[" : "{");
        }
      }),
    );
  });

  it("the syntax scan agrees with JSON.parse on valid and damaged texts", () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.nat(),
        fc.constantFrom("", ",", "}", "]", '"', ":", "x", "\n"),
        (value, at, junk) => {
          const text = JSON.stringify(value, null, 1);
          const cut = at % (text.length + 1);
          const damaged = text.slice(0, cut) + junk + text.slice(cut);
          let parses = true;
          try {
            JSON.parse(damaged);
          } catch {
            parses = false;
          }
          expect(findJsonSyntaxError(damaged) === undefined).toBe(parses);
        },
      ),
    );
  });
});
