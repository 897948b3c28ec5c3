/**
 * SHA-256 (FIPS 180-4), incremental, for the settlement digest (SPEC §6.5).
 *
 * Written for the one job the library has for it: hashing a few kilobytes of canonical JSON per
 * settlement, with the state after the contract's constant prefix kept and copied. It allocates
 * no buffers per call (the message schedule and the WebAssembly memory are shared; everything is
 * synchronous), reads input blocks in place, and keeps the working variables in locals. Its output is checked against the
 * FIPS 180-4 examples and, on random inputs split at random points, against `@noble/hashes` (a
 * development dependency only).
 *
 * @internal
 * @packageDocumentation
 */

import { SHA256_WASM } from "./sha256Wasm.js";

/** The round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
// biome-ignore format: the FIPS 180-4 table, eight constants a row
const K = Int32Array.of(
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
);

/** The initial hash value: the first 32 bits of the fractional parts of the square roots of the first 8 primes. */
const H0 = Int32Array.of(
  0x6a09e667,
  0xbb67ae85,
  0x3c6ef372,
  0xa54ff53a,
  0x510e527f,
  0x9b05688c,
  0x1f83d9ab,
  0x5be0cd19,
);

/** The message schedule, shared: compression is synchronous and never re-entered. */
const W = new Int32Array(64);

/** Two lower-case hex digits per byte value. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * Runs the compression function over `blocks` 64-byte blocks of `data` from `offset`, updating
 * `state` in place. All arithmetic is on 32-bit integers (`| 0` wraps each sum modulo 2^32; the
 * sums before it stay far below 2^53, so they are exact).
 */
function compress(state: Int32Array, data: Uint8Array, offset: number, blocks: number): void {
  let h0 = state[0] as number;
  let h1 = state[1] as number;
  let h2 = state[2] as number;
  let h3 = state[3] as number;
  let h4 = state[4] as number;
  let h5 = state[5] as number;
  let h6 = state[6] as number;
  let h7 = state[7] as number;
  for (let block = 0; block < blocks; block++, offset += 64) {
    for (let i = 0, j = offset; i < 16; i++, j += 4) {
      W[i] =
        ((data[j] as number) << 24) |
        ((data[j + 1] as number) << 16) |
        ((data[j + 2] as number) << 8) |
        (data[j + 3] as number);
    }
    for (let i = 16; i < 64; i++) {
      const w15 = W[i - 15] as number;
      const w2 = W[i - 2] as number;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      W[i] = ((W[i - 16] as number) + s0 + (W[i - 7] as number) + s1) | 0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    for (let i = 0; i < 64; i++) {
      const sigma1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const choice = g ^ (e & (f ^ g));
      const t1 = (h + sigma1 + choice + (K[i] as number) + (W[i] as number)) | 0;
      const sigma0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const majority = (a & b) | (c & (a | b));
      const t2 = (sigma0 + majority) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  state[0] = h0;
  state[1] = h1;
  state[2] = h2;
  state[3] = h3;
  state[4] = h4;
  state[5] = h5;
  state[6] = h6;
  state[7] = h7;
}

/** Where the WebAssembly module reads its input blocks, and how many bytes fit after it. */
const WASM_INPUT = 1024;
const WASM_CHUNK = 65536 - WASM_INPUT;

/** The compression function in WebAssembly, bound to its memory. */
interface WasmCompressor {
  readonly words: Int32Array;
  readonly bytes: Uint8Array;
  readonly run: (ptr: number, blocks: number) => void;
}

/**
 * The WebAssembly compressor (scripts/sha256-wasm.mjs), made on first use, or `null` where the
 * runtime does not allow it: no `WebAssembly`, a policy that forbids compiling (a
 * content-security policy without `wasm-unsafe-eval`, edge runtimes that only run precompiled
 * modules), or a big-endian platform (the state is shared through an `Int32Array`, whose byte order
 * is the platform's, while WebAssembly's is little-endian). The JavaScript compression function is
 * used then; both give the same bytes, which the tests check.
 */
let wasm: WasmCompressor | null | undefined;

/** Whether the WebAssembly compressor may be used (tests turn it off to check the fallback). */
let useWasm = true;

function wasmCompressor(): WasmCompressor | null {
  if (wasm !== undefined) return wasm;
  wasm = null;
  try {
    const littleEndian = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
    const api = (globalThis as { WebAssembly?: typeof WebAssembly }).WebAssembly;
    if (!littleEndian || api === undefined || !useWasm) return wasm;
    const instance = new api.Instance(new api.Module(Uint8Array.from(SHA256_WASM)), {});
    const memory = instance.exports.m as WebAssembly.Memory;
    wasm = {
      words: new Int32Array(memory.buffer, 0, 8),
      bytes: new Uint8Array(memory.buffer),
      run: instance.exports.c as (ptr: number, blocks: number) => void,
    };
  } catch {
    wasm = null;
  }
  return wasm;
}

/**
 * Chooses the compression function: WebAssembly where the runtime allows it (the default), or
 * JavaScript only.
 *
 * @internal
 * @param allow - false to use the JavaScript compression function only
 */
export function allowWasmSha256(allow: boolean): void {
  useWasm = allow;
  wasm = undefined;
}

/**
 * Which compression function hashes now: `"webassembly"` or `"javascript"`.
 *
 * @internal
 * @returns the engine in use
 */
export function sha256Engine(): "webassembly" | "javascript" {
  return wasmCompressor() === null ? "javascript" : "webassembly";
}

/** Compresses whole blocks, in WebAssembly when it is there (copying them into its memory). */
function compressBlocks(state: Int32Array, data: Uint8Array, offset: number, blocks: number): void {
  const w = wasmCompressor();
  if (w === null) {
    compress(state, data, offset, blocks);
    return;
  }
  w.words.set(state);
  while (blocks > 0) {
    const n = Math.min(blocks, WASM_CHUNK >>> 6);
    w.bytes.set(data.subarray(offset, offset + n * 64), WASM_INPUT);
    w.run(WASM_INPUT, n);
    offset += n * 64;
    blocks -= n;
  }
  state.set(w.words);
}

/**
 * An incremental SHA-256: {@link Sha256.update} with bytes as often as needed, then
 * {@link Sha256.hex} once. {@link Sha256.copyFrom} copies another state (to resume from a kept
 * prefix without rehashing it).
 *
 * @internal
 */
export class Sha256 {
  private readonly state = Int32Array.from(H0);
  /** The bytes of an unfinished block. */
  private readonly pending = new Uint8Array(64);
  private pendingLength = 0;
  /** Bytes hashed so far (exact below 2^53; a settlement hashes kilobytes). */
  private length = 0;
  private finished = false;

  /**
   * Hashes `data` after what was hashed before.
   *
   * @param data - the next bytes
   * @returns this state
   * @throws Error when the state was already finished by {@link Sha256.hex}
   */
  update(data: Uint8Array): this {
    if (this.finished) throw new Error("SHA-256: update after the digest was taken");
    const size = data.length;
    this.length += size;
    let at = 0;
    if (this.pendingLength > 0) {
      const take = Math.min(64 - this.pendingLength, size);
      for (let i = 0; i < take; i++) this.pending[this.pendingLength + i] = data[i] as number;
      this.pendingLength += take;
      at = take;
      if (this.pendingLength < 64) return this;
      compressBlocks(this.state, this.pending, 0, 1);
      this.pendingLength = 0;
    }
    const blocks = (size - at) >>> 6;
    if (blocks > 0) {
      compressBlocks(this.state, data, at, blocks);
      at += blocks * 64;
    }
    for (let i = at; i < size; i++) this.pending[i - at] = data[i] as number;
    this.pendingLength = size - at;
    return this;
  }

  /**
   * Makes this state a copy of `other` (which is left unchanged).
   *
   * @param other - the state to copy
   * @returns this state
   */
  copyFrom(other: Sha256): this {
    this.state.set(other.state);
    this.pending.set(other.pending);
    this.pendingLength = other.pendingLength;
    this.length = other.length;
    this.finished = other.finished;
    return this;
  }

  /**
   * Finishes the hash (padding and length, FIPS 180-4 §5.1.1) and writes it as 64 lower-case hex
   * digits. The state cannot be updated afterwards; {@link Sha256.copyFrom} or a new state starts
   * again.
   *
   * @returns the digest in hex
   * @throws Error when the digest was already taken
   */
  hex(): string {
    if (this.finished) throw new Error("SHA-256: the digest was already taken");
    this.finished = true;
    const pending = this.pending;
    let at = this.pendingLength;
    pending[at++] = 0x80;
    if (at > 56) {
      pending.fill(0, at);
      compressBlocks(this.state, pending, 0, 1);
      at = 0;
    }
    pending.fill(0, at, 56);
    // The message length in bits as a 64-bit big-endian integer.
    const high = Math.floor(this.length / 0x20000000);
    const low = (this.length * 8) >>> 0;
    pending[56] = high >>> 24;
    pending[57] = (high >>> 16) & 0xff;
    pending[58] = (high >>> 8) & 0xff;
    pending[59] = high & 0xff;
    pending[60] = low >>> 24;
    pending[61] = (low >>> 16) & 0xff;
    pending[62] = (low >>> 8) & 0xff;
    pending[63] = low & 0xff;
    compressBlocks(this.state, pending, 0, 1);
    let out = "";
    for (let i = 0; i < 8; i++) {
      const word = this.state[i] as number;
      out +=
        (HEX[word >>> 24] as string) +
        (HEX[(word >>> 16) & 0xff] as string) +
        (HEX[(word >>> 8) & 0xff] as string) +
        (HEX[word & 0xff] as string);
    }
    return out;
  }
}
