import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { sha256WasmBytes } from "../../scripts/sha256-wasm.mjs";
import { allowWasmSha256, Sha256, sha256Engine } from "./sha256.js";
import { SHA256_WASM } from "./sha256Wasm.js";

const ascii = (text: string) => new TextEncoder().encode(text);
const hashOf = (...parts: Uint8Array[]) => {
  const hash = new Sha256();
  for (const part of parts) hash.update(part);
  return hash.hex();
};

/**
 * The examples of FIPS 180-4 (NIST's "SHA256.pdf" and "SHA2_Additional.pdf"), then zero-filled
 * messages at the padding's block boundaries (55, 56 and 64 bytes; digests from Python's hashlib).
 */
const FIPS: [string, Uint8Array, string][] = [
  [
    "the empty message",
    new Uint8Array(0),
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  ],
  ["abc", ascii("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
  [
    "448 bits, two blocks",
    ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
  ],
  [
    "896 bits",
    ascii(
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
    ),
    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
  ],
  [
    "one million a",
    new Uint8Array(1_000_000).fill(0x61),
    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
  ],
  [
    "55 bytes (the longest one-block message)",
    new Uint8Array(55),
    "02779466cdec163811d078815c633f21901413081449002f24aa3e80f0b88ef7",
  ],
  [
    "56 bytes (the length spills into a second block)",
    new Uint8Array(56),
    "d4817aa5497628e7c77e6b606107042bbba3130888c5f47a375e6179be789fbb",
  ],
  ["64 bytes", new Uint8Array(64), "f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b"],
];

describe.each(["webassembly", "javascript"] as const)("Sha256 (%s compression)", (engine) => {
  const use = () => allowWasmSha256(engine === "webassembly");

  test("runs on the engine named (WebAssembly is there on Node)", () => {
    use();
    expect(sha256Engine()).toBe(engine);
  });

  test.each(FIPS)("%s", (_, message, digest) => {
    use();
    expect(hashOf(message)).toBe(digest);
    // The same bytes fed in pieces of 1, 63 and 65 bytes.
    for (const size of [1, 63, 65]) {
      if (message.length > 4096 && size === 1) continue;
      const hash = new Sha256();
      for (let at = 0; at < message.length; at += size) hash.update(message.subarray(at, at + size));
      expect(hash.hex()).toBe(digest);
    }
  });

  test("agrees with @noble/hashes on any bytes, split anywhere", () => {
    use();
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ minLength: 60_000, maxLength: 140_000 })),
        fc.array(fc.nat(), { maxLength: 6 }),
        (bytes, cuts) => {
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const parts: Uint8Array[] = [];
          let from = 0;
          for (const p of [...points, bytes.length]) {
            parts.push(bytes.subarray(from, p));
            from = p;
          }
          expect(hashOf(...parts)).toBe(bytesToHex(nobleSha256(bytes)));
        },
      ),
      // Shrinking 100 KB arrays takes minutes, and a synchronous assert cannot be timed out.
      { numRuns: 150, endOnFailure: true },
    );
  });

  test("inputs longer than the WebAssembly input area are hashed in chunks, each in its place", () => {
    use();
    // 200 KB in which every 4-byte word differs: a chunk hashed twice, skipped or out of order
    // changes the digest. The area holds 64,512 bytes (1,008 blocks).
    const message = new Uint8Array(200_000);
    const view = new DataView(message.buffer);
    for (let at = 0; at + 4 <= message.length; at += 4) view.setUint32(at, (at * 2654435761) >>> 0);
    const expected = bytesToHex(nobleSha256(message));
    expect(hashOf(message)).toBe(expected);
    for (const cut of [64_511, 64_512, 64_513, 129_024, 129_025]) {
      expect(hashOf(message.subarray(0, cut), message.subarray(cut))).toBe(expected);
    }
  });

  test("the message length in bits is written in 64 bits (past 2^32 bits too)", () => {
    use();
    // Hashing gigabytes to reach the length's high word takes too long, so both hashes are told
    // they have already read `length` bytes (their states then hold the same blocks); the final
    // block, which carries the length, must then agree for every length.
    for (const length of [
      2 ** 29 - 1,
      2 ** 29,
      2 ** 29 + 36,
      2 ** 32,
      2 ** 40 + 7,
      2 ** 50 + 3,
      2 ** 53 / 8 - 1,
    ]) {
      const tail = new Uint8Array(length % 64).fill(0x5a);
      const ours = new Sha256().update(tail);
      const theirs = nobleSha256.create().update(tail);
      (ours as unknown as { length: number }).length = length;
      (theirs as unknown as { length: number }).length = length;
      expect(ours.hex(), `length ${length}`).toBe(bytesToHex(theirs.digest()));
    }
  });

  test("copyFrom resumes from a kept state and leaves it as it was", () => {
    use();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), (prefix, rest) => {
        const kept = new Sha256().update(prefix);
        const whole = new Uint8Array([...prefix, ...rest]);
        const expected = bytesToHex(nobleSha256(whole));
        const scratch = new Sha256().update(ascii("something else, then overwritten"));
        expect(scratch.copyFrom(kept).update(rest).hex()).toBe(expected);
        // Again from the same kept state: it was not changed.
        expect(new Sha256().copyFrom(kept).update(rest).hex()).toBe(expected);
        expect(kept.update(rest).hex()).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  test("a finished hash refuses more bytes and a second digest", () => {
    use();
    const hash = new Sha256().update(ascii("abc"));
    hash.hex();
    expect(() => hash.update(ascii("d"))).toThrow("update after the digest");
    expect(() => hash.hex()).toThrow("already taken");
    // A copy of a finished state is finished too; a copy of a fresh one starts again.
    expect(() => new Sha256().copyFrom(hash).hex()).toThrow("already taken");
    expect(hash.copyFrom(new Sha256()).update(ascii("abc")).hex()).toBe(FIPS[1]?.[2]);
  });
});

describe("the WebAssembly module", () => {
  afterAll(() => allowWasmSha256(true));

  test("is what scripts/sha256-wasm.mjs assembles", () => {
    expect(SHA256_WASM).toEqual([...sha256WasmBytes()]);
  });

  test("a runtime that cannot compile it hashes in JavaScript, with the same bytes", () => {
    const original = globalThis.WebAssembly;
    const runtimeWith = (value: unknown) => {
      Object.defineProperty(globalThis, "WebAssembly", { value, configurable: true, writable: true });
      allowWasmSha256(true);
    };
    try {
      // An edge runtime or a content-security policy: compiling throws.
      runtimeWith({
        Module: function Module() {
          throw new Error("Wasm code generation disallowed by embedder");
        },
      });
      expect(sha256Engine()).toBe("javascript");
      expect(hashOf(ascii("abc"))).toBe(FIPS[1]?.[2]);
      // No WebAssembly at all (a JIT-less engine).
      runtimeWith(undefined);
      expect(sha256Engine()).toBe("javascript");
      expect(hashOf(ascii("abc"))).toBe(FIPS[1]?.[2]);
    } finally {
      runtimeWith(original);
    }
    expect(sha256Engine()).toBe("webassembly");
  });
});
