import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createKeyIndex, hashKey, hashKeys } from "./createKeyIndex.js";

describe("createKeyIndex", () => {
  it("adds a key once and remembers its value", () => {
    const index = createKeyIndex();
    hashKey(index.lanes, 0, "113-1234567", "SKU-1");
    expect(index.insert(7)).toBe(-1);
    expect(index.insert(9)).toBe(7);
    expect(index.size()).toBe(1);
  });

  it("finds, then puts, the value of a key", () => {
    const index = createKeyIndex();
    hashKey(index.lanes, 3, "A", "");
    expect(index.find()).toBe(-1);
    index.put(5);
    hashKey(index.lanes, 3, "A", "");
    expect(index.find()).toBe(5);
    index.put(6);
    hashKey(index.lanes, 3, "A", "");
    expect(index.find()).toBe(6);
    expect(index.size()).toBe(1);
  });

  it("tells keys apart by tag and by where the two parts split", () => {
    const index = createKeyIndex();
    const keys: [number, string, string][] = [
      [0, "ab", "c"],
      [0, "a", "bc"],
      [0, "abc", ""],
      [1, "ab", "c"],
      [0, "", "abc"],
    ];
    keys.forEach(([tag, a, b], i) => {
      hashKey(index.lanes, tag, a, b);
      expect(index.insert(i)).toBe(-1);
    });
    expect(index.size()).toBe(keys.length);
  });

  it("keeps every key and value while it grows", () => {
    const index = createKeyIndex();
    const n = 50_000;
    let added = 0;
    for (let i = 0; i < n; i++) {
      hashKey(index.lanes, i % 7, `order-${i}`, "");
      if (index.insert(i) === -1) added++;
    }
    expect(added).toBe(n);
    expect(index.size()).toBe(n);
    for (let i = 0; i < n; i += 97) {
      hashKey(index.lanes, i % 7, `order-${i}`, "");
      expect(index.find()).toBe(i);
    }
    hashKey(index.lanes, 0, "order-missing", "");
    expect(index.find()).toBe(-1);
    // 16 bytes a slot, at most 3/4 full after growth by 1.5: between 21 and 43 bytes a key.
    expect(index.bytes() / n).toBeGreaterThan(21);
    expect(index.bytes() / n).toBeLessThan(43);
  });

  it("is sized up front from an expected count", () => {
    const index = createKeyIndex(100_000);
    const before = index.bytes();
    for (let i = 0; i < 100_000; i++) {
      hashKey(index.lanes, 0, String(i), "");
      index.insert(i);
    }
    expect(index.bytes()).toBe(before);
  });

  it("hashes a key and its prefix in one pass exactly as one at a time (property)", () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.string(), fc.string(), (tag, a, b) => {
        const both = new Int32Array(3);
        const prefix = new Int32Array(3);
        hashKeys(both, prefix, tag, a, b);
        const one = new Int32Array(3);
        hashKey(one, tag, a, b);
        expect(both).toEqual(one);
        hashKey(one, tag, a, "");
        expect(prefix).toEqual(one);
      }),
    );
  });
});
