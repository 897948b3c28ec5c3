import { Sha256 } from "../internal/sha256.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { canonicalJson } from "./normalizeDecimals.js";

/**
 * The digest of a settlement (SPEC §6.5): SHA-256, as lower-case hex, of the RFC 8785 canonical
 * JSON of `{ contract, input, options }` after parsing, with every decimal string normalised.
 *
 * @param data - the parsed contract, the parsed input and the recorded options
 * @returns 64 hex characters
 * @throws {@link KpiContractError} `digest-failed` when the data cannot be canonicalised
 * @example
 * ```ts
 * statementDigest({ contract, input: { cycle, facts, history }, options: statement.options });
 * ```
 */
export function statementDigest(data: { contract: unknown; input: unknown; options: unknown }): string {
  return new Sha256().update(utf8(canonicalText(data))).hex();
}

/**
 * RFC 8785 canonical JSON of plain data with its decimals normalised (see {@link canonicalJson}).
 *
 * @internal
 * @param value - plain JSON data
 * @returns the canonical text
 * @throws {@link KpiContractError} `digest-failed` when the data cannot be canonicalised
 */
export function canonicalText(value: unknown): string {
  const text = canonicalJson(value);
  if (text === undefined) {
    throw new KpiContractError(
      "digest-failed",
      "The settlement input cannot be written as canonical JSON",
      {},
    );
  }
  return text;
}

/** A SHA-256 state that has read the constant start of the hashed text. @internal */
export type DigestPrefix = Sha256;

/**
 * The SHA-256 state after `{"contract":<contract>,"input":{"cycle":`, the part of the hashed text
 * that depends on the contract only; `settle` keeps it per contract and clones it for each cycle.
 *
 * @internal
 * @param contract - the canonical JSON text of the normalised contract
 * @returns the hash state, to be cloned, never updated in place
 */
export function digestPrefix(contract: string): DigestPrefix {
  return new Sha256().update(utf8(`{"contract":${contract},"input":{"cycle":`));
}

/**
 * The digest of {@link statementDigest} assembled from parts already written as canonical JSON
 * (decimals normalised, see {@link canonicalJson}). RFC 8785 writes an object's members sorted by key, each value
 * written on its own, so `{"contract":C,"input":{"cycle":Y,"facts":F,"history":H},"options":O}`
 * is exactly the canonical text of the whole; `settle` keeps C (as a hash state) and H per
 * contract and history.
 *
 * @internal
 * @param prefix - the state from {@link digestPrefix} for the contract (cloned, left unchanged)
 * @param parts - canonical texts of the cycle, facts, history and recorded options; the history
 *   may be given as its UTF-8 bytes (`settle` keeps them per history array)
 * @returns 64 hex characters, equal to `statementDigest` of the same data
 */
export function digestOfCanonicalParts(
  prefix: DigestPrefix,
  parts: { cycle: string; facts: string; history: string | Uint8Array; options: string },
): string {
  // One hash state and one text buffer serve every call (all synchronous): a settlement
  // allocates no array buffers for its digest.
  const hash = SCRATCH_HASH.copyFrom(prefix);
  updateText(hash, `${parts.cycle},"facts":${parts.facts},"history":`);
  if (typeof parts.history === "string") updateText(hash, parts.history);
  else hash.update(parts.history);
  updateText(hash, `},"options":${parts.options}}`);
  return hash.hex();
}

const SCRATCH_HASH = new Sha256();
const ENCODER = new TextEncoder();

/**
 * The UTF-8 bytes of a text, in a new array (to keep, as the history's canonical bytes are kept).
 *
 * @internal
 * @param text - the text
 * @returns its UTF-8 encoding
 */
export function utf8(text: string): Uint8Array {
  return ENCODER.encode(text);
}
let scratchText = new Uint8Array(4096);

/** Hashes the UTF-8 bytes of `text` through a reused buffer (grown when a text needs more). */
function updateText(hash: DigestPrefix, text: string): void {
  // A UTF-16 code unit takes at most 3 UTF-8 bytes.
  if (scratchText.length < text.length * 3) scratchText = new Uint8Array(text.length * 3);
  const { written } = ENCODER.encodeInto(text, scratchText);
  hash.update(scratchText.subarray(0, written));
}
