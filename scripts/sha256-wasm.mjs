#!/usr/bin/env node
/**
 * Assembles the WebAssembly SHA-256 compression function that `src/internal/sha256.ts` uses when
 * the runtime allows it, and writes its bytes to `src/internal/sha256Wasm.ts`.
 *
 *   node scripts/sha256-wasm.mjs          rewrite src/internal/sha256Wasm.ts
 *   node scripts/sha256-wasm.mjs --check  exit 1 when the file differs from what this writes
 *
 * The module is written here instruction by instruction (no assembler needed), so what runs can be
 * read: one exported memory of one page and one exported function `c(ptr, blocks)`.
 *
 * Memory layout (all words little-endian, as WebAssembly is):
 *   0..32      the hash state H0..H7 (read on entry, written on return)
 *   32..288    the 64 round constants K (a data segment)
 *   288..544   the message schedule W
 *   1024..     the input blocks; `c(ptr, blocks)` compresses `blocks` 64-byte blocks from `ptr`
 *              (blocks ≥ 1: the loop tests its count after each pass)
 *
 * The test `src/internal/sha256.test.ts` checks the committed file against this output and the
 * hashes against the FIPS 180-4 examples and `@noble/hashes`.
 */
import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** The round constants of FIPS 180-4 §4.2.2. */
const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
];

const STATE = 0;
const K_AT = 32;
const W_AT = 288;

// Opcodes (WebAssembly core specification 1.0, §5.4).
const OP = {
  loop: 0x03,
  end: 0x0b,
  brIf: 0x0d,
  get: 0x20,
  set: 0x21,
  tee: 0x22,
  load: 0x28,
  store: 0x36,
  const: 0x41,
  ne: 0x47,
  add: 0x6a,
  sub: 0x6b,
  and: 0x71,
  or: 0x72,
  xor: 0x73,
  shl: 0x74,
  shrU: 0x76,
  rotl: 0x77,
  rotr: 0x78,
};
const VOID = 0x40;
const I32 = 0x7f;

/** Unsigned LEB128. */
function u32(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
function s32(n) {
  n |= 0;
  const out = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A vector: its length, then its items. */
const vec = (items) => [...u32(items.length), ...items.flat()];
const section = (id, bytes) => [id, ...u32(bytes.length), ...bytes];
const name = (text) => vec([...text].map((c) => c.charCodeAt(0)));

// Locals: 0 ptr, 1 blocks (parameters); 2..9 a..h; 10..17 H0..H7; 18 t1; 19 i; 20 x.
const PTR = 0;
const BLOCKS = 1;
const [A, B, C, D, E, F, G, H] = [2, 3, 4, 5, 6, 7, 8, 9];
const HS = [10, 11, 12, 13, 14, 15, 16, 17];
const T1 = 18;
const I = 19;
const X = 20;

const get = (l) => [OP.get, ...u32(l)];
const set = (l) => [OP.set, ...u32(l)];
const tee = (l) => [OP.tee, ...u32(l)];
const cst = (n) => [OP.const, ...s32(n)];
/** `i32.load` / `i32.store` with 4-byte alignment and a constant offset. */
const load = (offset) => [OP.load, 2, ...u32(offset)];
const store = (offset) => [OP.store, 2, ...u32(offset)];
/** Copies locals, in order: `moves([g, h], [f, g])` is h = g; g = f. */
const moves = (...pairs) => pairs.flatMap(([from, to]) => [...get(from), ...set(to)]);
/** rotr(x, n) of local x. */
const rotr = (l, n) => [...get(l), ...cst(n), OP.rotr];

/** Σ1(e) = rotr(e,6) ^ rotr(e,11) ^ rotr(e,25). */
const sigma1 = [...rotr(E, 6), ...rotr(E, 11), OP.xor, ...rotr(E, 25), OP.xor];
/** Σ0(a) = rotr(a,2) ^ rotr(a,13) ^ rotr(a,22). */
const sigma0 = [...rotr(A, 2), ...rotr(A, 13), OP.xor, ...rotr(A, 22), OP.xor];
/** Ch(e,f,g) = g ^ (e & (f ^ g)). */
const choice = [...get(G), ...get(E), ...get(F), ...get(G), OP.xor, OP.and, OP.xor];
/** Maj(a,b,c) = (a & b) | (c & (a | b)). */
const majority = [...get(A), ...get(B), OP.and, ...get(C), ...get(A), ...get(B), OP.or, OP.and, OP.or];
/** σ0(x) = rotr(x,7) ^ rotr(x,18) ^ (x >>> 3), of local X. */
const smallSigma0 = [...rotr(X, 7), ...rotr(X, 18), OP.xor, ...get(X), ...cst(3), OP.shrU, OP.xor];
/** σ1(x) = rotr(x,17) ^ rotr(x,19) ^ (x >>> 10), of local X. */
const smallSigma1 = [...rotr(X, 17), ...rotr(X, 19), OP.xor, ...get(X), ...cst(10), OP.shrU, OP.xor];

/** Loop `body` with local I from `from` (bytes) while I != `to`, stepping 4. */
const loopOver = (from, to, body) => [
  ...cst(from),
  ...set(I),
  OP.loop,
  VOID,
  ...body,
  ...get(I),
  ...cst(4),
  OP.add,
  ...tee(I),
  ...cst(to),
  OP.ne,
  OP.brIf,
  0,
  OP.end,
];

const body = [
  // H0..H7 from the state.
  ...HS.flatMap((l, i) => [...cst(0), ...load(STATE + 4 * i), ...set(l)]),
  // One pass per block; the caller never asks for 0 blocks.
  OP.loop,
  VOID,
  // W[0..16): the block's big-endian words. A little-endian load, byte-swapped:
  // rotl(((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8), 16).
  ...loopOver(0, 64, [
    ...get(PTR),
    ...get(I),
    OP.add,
    ...load(0),
    ...set(X),
    ...get(I),
    ...get(X),
    ...cst(8),
    OP.shrU,
    ...cst(0x00ff00ff),
    OP.and,
    ...get(X),
    ...cst(0x00ff00ff),
    OP.and,
    ...cst(8),
    OP.shl,
    OP.or,
    ...cst(16),
    OP.rotl,
    ...store(W_AT),
  ]),
  // W[16..64): W[t] = σ1(W[t−2]) + W[t−7] + σ0(W[t−15]) + W[t−16]; I is 4t.
  ...loopOver(64, 256, [
    ...get(I),
    ...get(I),
    ...load(W_AT - 8),
    ...set(X),
    ...smallSigma1,
    ...get(I),
    ...load(W_AT - 28),
    OP.add,
    ...get(I),
    ...load(W_AT - 60),
    ...set(X),
    ...smallSigma0,
    OP.add,
    ...get(I),
    ...load(W_AT - 64),
    OP.add,
    ...store(W_AT),
  ]),
  // a..h from H0..H7.
  ...[A, B, C, D, E, F, G, H].flatMap((l, i) => [...get(HS[i]), ...set(l)]),
  // 64 rounds; I is 4t.
  ...loopOver(0, 256, [
    // T1 = h + Σ1(e) + Ch(e,f,g) + K[t] + W[t]
    ...get(H),
    ...sigma1,
    OP.add,
    ...choice,
    OP.add,
    ...get(I),
    ...load(K_AT),
    OP.add,
    ...get(I),
    ...load(W_AT),
    OP.add,
    ...set(T1),
    // h = g; g = f; f = e; e = d + T1; d = c; c = b; b = a; a = T1 + Σ0(a) + Maj(a,b,c)
    ...moves([G, H], [F, G], [E, F]),
    ...get(D),
    ...get(T1),
    OP.add,
    ...set(E),
    ...get(T1),
    ...sigma0,
    OP.add,
    ...majority,
    OP.add,
    ...set(X),
    ...moves([C, D], [B, C], [A, B], [X, A]),
  ]),
  // H += a..h
  ...[A, B, C, D, E, F, G, H].flatMap((l, i) => [...get(HS[i]), ...get(l), OP.add, ...set(HS[i])]),
  // Next block, while any are left.
  ...get(PTR),
  ...cst(64),
  OP.add,
  ...set(PTR),
  ...get(BLOCKS),
  ...cst(1),
  OP.sub,
  ...tee(BLOCKS),
  OP.brIf,
  0,
  OP.end,
  // The state from H0..H7.
  ...HS.flatMap((l, i) => [...cst(0), ...get(l), ...store(STATE + 4 * i)]),
  OP.end,
];

/** The module's bytes. */
export function sha256WasmBytes() {
  const locals = vec([[...u32(19), I32]]);
  const code = [...locals, ...body];
  const kBytes = K.flatMap((k) => [k & 0xff, (k >>> 8) & 0xff, (k >>> 16) & 0xff, k >>> 24]);
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec([[0x60, ...vec([I32, I32]), ...vec([])]])),
    ...section(3, vec([u32(0)])),
    ...section(5, vec([[0x00, ...u32(1)]])),
    ...section(
      7,
      vec([
        [...name("m"), 0x02, 0],
        [...name("c"), 0x00, 0],
      ]),
    ),
    ...section(10, vec([[...u32(code.length), ...code]])),
    ...section(11, vec([[0x00, ...cst(K_AT), OP.end, ...vec(kBytes.map((b) => [b]))]])),
  ]);
}

/** The TypeScript file holding the bytes. */
export function sha256WasmSource() {
  const bytes = [...sha256WasmBytes()];
  // Packed as the formatter packs them (lines of at most 110 characters).
  const rows = [];
  let line = "";
  for (const b of bytes) {
    const piece = line === "" ? `  ${b},` : ` ${b},`;
    if (line.length + piece.length > 110) {
      rows.push(line);
      line = `  ${b},`;
    } else {
      line += piece;
    }
  }
  rows.push(line);
  return `// Written by scripts/sha256-wasm.mjs, which documents the module; do not edit by hand.

/**
 * The SHA-256 compression function as a WebAssembly module (${bytes.length} bytes): exports memory \`m\`
 * and \`c(ptr, blocks)\`. See scripts/sha256-wasm.mjs for its layout and instructions.
 *
 * @internal
 */
export const SHA256_WASM: readonly number[] = [
${rows.join("\n")}
];
`;
}

const TARGET = new URL("../src/internal/sha256Wasm.ts", import.meta.url);
// Run as a script (not imported by the test): compare URLs of real paths, so that spaces, symlinks
// and Windows paths are recognised.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const source = sha256WasmSource();
  if (process.argv.includes("--check")) {
    if (readFileSync(TARGET, "utf8") !== source) {
      console.error("src/internal/sha256Wasm.ts differs from scripts/sha256-wasm.mjs: run it");
      process.exitCode = 1;
    }
  } else {
    writeFileSync(TARGET, source);
  }
}
