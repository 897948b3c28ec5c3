/**
 * A compact index of composite keys for streaming aggregation: each key is reduced to a 96-bit hash
 * (three 32-bit lanes) and kept in an open-addressing table of typed arrays with a 32-bit value
 * per key. Memory is 16 bytes per slot at a load of at most 3/4 (growth by 1.5), so about 21–32
 * bytes per distinct key whatever the length of the ids, and no row is ever held.
 *
 * The hash is not cryptographic but mixes every UTF-16 unit into three independent lanes; two
 * different keys of one run share all 96 bits with a probability of about n² ÷ 2^97 (10^-16 for ten
 * million keys). Such a collision would show as a reported `duplicate` row, never as a lost one.
 */

/**
 * A key index. Hash a key into `lanes` with {@link hashKey}; `find` then looks it up and remembers
 * where it is (or would go), and `put` writes its value there. Nothing else may run between a
 * `find` and its `put`.
 */
export interface KeyIndex {
  /** Scratch for the three hash lanes of the current key, written by {@link hashKey}. */
  readonly lanes: Int32Array;
  /** Distinct keys held. */
  size(): number;
  /** The value (≥ 0) of the current key, or -1 when absent. */
  find(): number;
  /** Sets the value (≥ 0) of the key last passed to `find`, adding it when it was absent. */
  put(value: number): void;
  /** Adds the current key with `value` unless present: -1 when added, else the value it has. */
  insert(value: number): number;
  /** Bytes held by the table's arrays. */
  bytes(): number;
}

const INITIAL_CAPACITY = 1024;
const SEPARATOR = 0x10000; // not a UTF-16 unit, so ("ab", "c") and ("a", "bc") hash apart

/**
 * Hashes a key made of a small integer tag and one or two strings into `lanes`.
 *
 * @param lanes - the index's scratch lanes
 * @param tag - an integer that separates key spaces (store index, cycle index…), 0 ≤ tag < 2^31
 * @param a - first part of the key
 * @param b - second part of the key (`""` when none)
 * @example
 * ```ts
 * const index = createKeyIndex();
 * hashKey(index.lanes, 0, "113-1234567", "SKU-1");
 * index.insert(7); // -1 (added)
 * index.insert(9); // 7 (already there)
 * ```
 */
export function hashKey(lanes: Int32Array, tag: number, a: string, b: string): void {
  hashKeys(lanes, undefined, tag, a, b);
}

/**
 * Hashes the key `(tag, a, b)` into `lanes` and, in the same pass over `a`, the key `(tag, a, "")`
 * into `prefixLanes`: an order line's key and its order's key at the cost of one.
 *
 * @param lanes - scratch lanes for `(tag, a, b)`
 * @param prefixLanes - scratch lanes for `(tag, a, "")`, or undefined
 * @param tag - an integer that separates key spaces, 0 ≤ tag < 2^31
 * @param a - first part of the key
 * @param b - second part of the key
 * @example
 * ```ts
 * hashKeys(lines.lanes, orders.lanes, 0, "113-1234567", "SKU-1");
 * // lines.lanes as hashKey(…, "113-1234567", "SKU-1"), orders.lanes as hashKey(…, "113-1234567", "")
 * ```
 */
export function hashKeys(
  lanes: Int32Array,
  prefixLanes: Int32Array | undefined,
  tag: number,
  a: string,
  b: string,
): void {
  let h1 = 0x811c9dc5 ^ tag;
  let h2 = 0x9e3779b9 ^ Math.imul(tag, 0x85ebca6b);
  let h3 = 0x27d4eb2f ^ Math.imul(tag, 0xc2b2ae35);
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h1 ^= h1 >>> 15;
    h2 = Math.imul(h2 ^ c, 0x2c1b3c6d);
    h2 ^= h2 >>> 13;
    h3 = Math.imul(h3 ^ c, 0x297a2d39);
    h3 ^= h3 >>> 16;
  }
  h1 = Math.imul(h1 ^ SEPARATOR, 0x01000193);
  h2 = Math.imul(h2 ^ SEPARATOR, 0x2c1b3c6d);
  h3 = Math.imul(h3 ^ SEPARATOR, 0x297a2d39);
  if (prefixLanes !== undefined) finish(prefixLanes, h1, h2, h3, a.length * 0x10001);
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h1 ^= h1 >>> 15;
    h2 = Math.imul(h2 ^ c, 0x2c1b3c6d);
    h2 ^= h2 >>> 13;
    h3 = Math.imul(h3 ^ c, 0x297a2d39);
    h3 ^= h3 >>> 16;
  }
  finish(lanes, h1, h2, h3, a.length * 0x10001 + b.length);
}

function finish(lanes: Int32Array, h1: number, h2: number, h3: number, len: number): void {
  lanes[0] = fmix(h1 ^ len);
  lanes[1] = fmix(h2 ^ Math.imul(len, 0x9e3779b1));
  lanes[2] = fmix(h3 ^ Math.imul(len, 0x7feb352d));
}

// Murmur3's final avalanche: every input bit affects every output bit.
function fmix(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x;
}

// The home slot of a key: lane 0 scaled onto [0, capacity) by a multiplication (no modulo).
function home(lane: number, capacity: number): number {
  return Math.floor(((lane >>> 0) * capacity) / 4294967296);
}

/**
 * Creates an empty key index.
 *
 * @param expected - keys expected (an upper bound known in advance avoids re-hashing as it grows)
 * @returns the index
 * @example
 * ```ts
 * const orders = createKeyIndex();
 * hashKey(orders.lanes, 0, "113-1234567", "");
 * orders.find(); // -1
 * orders.put(5);
 * orders.find(); // 5
 * ```
 */
export function createKeyIndex(expected = 0): KeyIndex {
  const lanes = new Int32Array(3);
  let capacity = Math.max(INITIAL_CAPACITY, Math.ceil((expected * 4) / 3) + 1);
  // Four int32 per slot, the three lanes then the value, so a look-up touches one cache line. Lane 0
  // of an empty slot is 0; a key whose lane 0 hashes to 0 is stored with lane 0 = 1.
  let table = new Int32Array(capacity * 4);
  let count = 0;
  let limit = (capacity * 3) >>> 2;
  let lastSlot = 0;

  // The slot of the current key, or -(free slot) - 1 when it is absent.
  function probe(): number {
    const a = lanes[0]! === 0 ? 1 : lanes[0]!;
    const b = lanes[1]!;
    const c = lanes[2]!;
    let slot = home(a, capacity);
    for (;;) {
      const at = slot << 2;
      const k = table[at]!;
      if (k === 0) return -slot - 1;
      if (k === a && table[at + 1] === b && table[at + 2] === c) return slot;
      slot = slot + 1 === capacity ? 0 : slot + 1;
    }
  }

  function place(slot: number, value: number): void {
    const at = slot << 2;
    table[at] = lanes[0]! === 0 ? 1 : lanes[0]!;
    table[at + 1] = lanes[1]!;
    table[at + 2] = lanes[2]!;
    table[at + 3] = value;
    count++;
    if (count > limit) grow();
  }

  function grow(): void {
    const old = table;
    const oldCapacity = capacity;
    // Growth by 1.5 (not 2) keeps the peak near the 3/4 load for large indexes.
    capacity = Math.floor(capacity * 1.5);
    table = new Int32Array(capacity * 4);
    limit = (capacity * 3) >>> 2;
    for (let s = 0; s < oldCapacity; s++) {
      const from = s << 2;
      const a = old[from]!;
      if (a === 0) continue;
      let slot = home(a, capacity);
      while (table[slot << 2] !== 0) slot = slot + 1 === capacity ? 0 : slot + 1;
      const to = slot << 2;
      table[to] = a;
      table[to + 1] = old[from + 1]!;
      table[to + 2] = old[from + 2]!;
      table[to + 3] = old[from + 3]!;
    }
  }

  return {
    lanes,
    size: () => count,
    find(): number {
      lastSlot = probe();
      return lastSlot >= 0 ? table[(lastSlot << 2) + 3]! : -1;
    },
    put(value: number): void {
      if (lastSlot >= 0) table[(lastSlot << 2) + 3] = value;
      else place(-lastSlot - 1, value);
    },
    insert(value: number): number {
      const slot = probe();
      if (slot >= 0) return table[(slot << 2) + 3]!;
      place(-slot - 1, value);
      return -1;
    },
    bytes: () => table.byteLength,
  };
}
