import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import canonicalize from "canonicalize";
import { KpiContractError } from "../values/KpiContractError.js";
import { normalizeDecimals } from "./normalizeDecimals.js";

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
  const text = canonicalize(normalizeDecimals(data));
  if (text === undefined) {
    throw new KpiContractError(
      "digest-failed",
      "The settlement input cannot be written as canonical JSON",
      {},
    );
  }
  return bytesToHex(sha256(utf8ToBytes(text)));
}
