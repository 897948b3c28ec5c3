import { describe, expect, it } from "vitest";
import { isPlainJson } from "./plainJson.js";

describe("isPlainJson", () => {
  it("accepts JSON scalars, lists and objects, null-prototype objects included", () => {
    for (const value of [null, true, "14d", 0, -2.5, [], [1, "a", null], { a: { b: [false] } }]) {
      expect(isPlainJson(value)).toBe(true);
    }
    const bare = Object.assign(Object.create(null), { floor: 1000 });
    expect(isPlainJson(bare)).toBe(true);
    expect(isPlainJson(JSON.parse(JSON.stringify({ nested: [[[{ x: 1 }]]] })))).toBe(true);
  });

  it("refuses what JSON cannot hold or the library cannot write", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const value of [
      undefined,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      10n,
      Symbol("x"),
      () => 1,
      new Date(0),
      new Map(),
      new Uint8Array(1),
      cyclic,
      new Array(2),
      [1, undefined],
      { a: undefined },
    ]) {
      expect(isPlainJson(value)).toBe(false);
    }
  });

  it("accepts 32 levels of nesting and refuses a 33rd", () => {
    const nest = (levels: number): unknown => (levels === 0 ? 1 : [nest(levels - 1)]);
    expect(isPlainJson(nest(32))).toBe(true);
    expect(isPlainJson(nest(33))).toBe(false);
  });
});
