import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "../../src/cli/findJsonSyntaxError.js";
import { locateJsonPath, positionOf } from "../../src/cli/locateJsonPath.js";

const text = `{
  "id": "x",
  "targets": [
    { "id": "a", "goal": { "atMost": "0.22" } },
    {
      "id": "b",
      "weight": "0.5"
    }
  ],
  "s": "with \\"quotes\\" and ] braces }"
}`;

describe("locateJsonPath", () => {
  it("finds values by key and index", () => {
    expect(locateJsonPath(text, [])).toEqual({ line: 1, column: 1 });
    expect(locateJsonPath(text, ["id"])).toEqual({ line: 2, column: 9 });
    expect(locateJsonPath(text, ["targets", 0, "goal", "atMost"])).toEqual({ line: 4, column: 38 });
    expect(locateJsonPath(text, ["targets", 1, "weight"])).toEqual({ line: 7, column: 17 });
    expect(locateJsonPath(text, ["s"])).toEqual({ line: 10, column: 8 });
  });

  it("stops at the deepest value that exists", () => {
    expect(locateJsonPath(text, ["targets", 1, "goal"])).toEqual({ line: 5, column: 5 });
    expect(locateJsonPath(text, ["targets", 7])).toEqual({ line: 3, column: 14 });
    expect(locateJsonPath(text, ["id", "deeper"])).toEqual({ line: 2, column: 9 });
    expect(locateJsonPath("[]", [0])).toEqual({ line: 1, column: 1 });
  });
});

describe("positionOf", () => {
  it("counts lines and columns from 1", () => {
    expect(positionOf("a\nbc", 3)).toEqual({ line: 2, column: 2 });
    expect(positionOf("a", 99)).toEqual({ line: 1, column: 2 });
  });
});

describe("findJsonSyntaxError", () => {
  it.each([
    ['{"a": }', 6, 'expected a value, found "}"'],
    ['{"a" 1}', 5, 'expected ":" after the property name, found "1"'],
    ["{a: 1}", 1, 'expected a property name in double quotes, found "a"'],
    ['{"a": 1,}', 8, 'expected a property name in double quotes, found "}"'],
    ["[1 2]", 3, 'expected "," or "]", found "2"'],
    ['"abc', 4, "unterminated string"],
    ['"a\\x"', 3, "invalid escape \\x"],
    ['"\\u12"', 2, "invalid \\u escape"],
    ['"a\nb"', 2, "control character in a string (write it as an escape such as \\n)"],
    ["01", 1, 'unexpected "1" after the end of the JSON value'],
    ["-", 0, 'expected a value, found "-"'],
    ["", 0, "expected a value, found the end of the file"],
    ["[1,", 3, "expected a value, found the end of the file"],
    ["tru", 0, 'expected a value, found "t"'],
  ])("%j → offset %i", (input, offset, message) => {
    expect(() => JSON.parse(input)).toThrow();
    expect(findJsonSyntaxError(input)).toEqual({ offset, message });
  });

  it("finds nothing in valid JSON", () => {
    expect(findJsonSyntaxError(text)).toBeUndefined();
    expect(findJsonSyntaxError(' [true, false, null, -0.5e+3, "\\u00e9\\n", {}] ')).toBeUndefined();
  });
});
