import Decimal from "decimal.js";

/** Significant digits of a quotient (SPEC §1.1: divisions to 34 significant digits, half-even). */
export const QUOTIENT_DIGITS = 34;

/**
 * The library's only Decimal constructor. Sums, differences and products are exact (SPEC §1.1):
 * the precision is decimal.js's largest, so they never round. Only quotients are limited, to
 * {@link QUOTIENT_DIGITS} significant digits half-even, and every division goes through
 * {@link quotient} (a test keeps `.div` and the other precision-bound methods out of the rest of
 * `src/`). Never exponent notation. Cloned so that the caller's global `Decimal` settings are never
 * read or changed.
 */
export const D = Decimal.clone({
  precision: 1e9,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
  maxE: 9e15,
  minE: -9e15,
});

const EXACT = D.precision;
/** The constructor's settings as decimal.js keeps them: plain, writable properties. */
const settings = D as { precision: number };

/**
 * `numerator ÷ denominator` to {@link QUOTIENT_DIGITS} significant digits, half-even: the one place
 * the library divides. The denominator must not be zero (callers turn a zero denominator into a
 * typed result before dividing).
 *
 * @internal
 */
export function quotient(numerator: Dec | number, denominator: Dec | number): Dec {
  if (typeof numerator !== "number" && typeof denominator !== "number") {
    const long = longQuotient(numerator, denominator);
    if (long !== undefined) return long;
  }
  // decimal.js reads the precision from the constructor at the call; it is lowered for this one
  // synchronous division only, so sums and products elsewhere stay exact.
  settings.precision = QUOTIENT_DIGITS;
  try {
    return (typeof numerator === "number" ? new D(numerator) : numerator).div(denominator);
  } finally {
    settings.precision = EXACT;
  }
}

/** Powers of ten as BigInts, 10^0 to 10^127. */
const POW10: readonly bigint[] = (() => {
  const out = [1n];
  for (let k = 1; k < 128; k++) out.push((out[k - 1] as bigint) * 10n);
  return out;
})();

/** The significand's digits of decimal.js's base-10^7 words: the first word as is, the others padded. */
function digitsOf(words: readonly number[]): string {
  let text = String(words[0]);
  for (let i = 1; i < words.length; i++) text += String(words[i]).padStart(7, "0");
  return text;
}

/**
 * {@link quotient} by a divisor of more than seven significant digits (a 34-digit KPI value, say),
 * where decimal.js's long division allocates several arrays per quotient word: here one BigInt
 * division of the significands, scaled to give 35 or 36 digits, rounded half-even to 34 with the
 * division's remainder deciding ties. Undefined (decimal.js divides) for a divisor of one word,
 * where decimal.js is quick, a zero dividend (whose sign decimal.js keeps), and significands too far
 * apart in length for the table of powers. Values are read through decimal.js's documented
 * read-only `d`, `e` and `s`; a property test compares every result with decimal.js's.
 */
function longQuotient(x: Dec, y: Dec): Dec | undefined {
  const xd = x.d as readonly number[] | null;
  const yd = y.d as readonly number[] | null;
  if (xd === null || yd === null || yd.length < 2 || xd[0] === 0) return undefined;
  const xs = digitsOf(xd);
  const ys = digitsOf(yd);
  // x = xs × 10^(x.e − |xs| + 1), the same for y; scaled by 10^k the quotient has 35 or 36 digits.
  const k = QUOTIENT_DIGITS + 1 + ys.length - xs.length;
  if (k < 0 || k >= POW10.length) return undefined;
  const n = BigInt(xs) * (POW10[k] as bigint);
  const divisor = BigInt(ys);
  const q = n / divisor;
  const cut = q >= (POW10[QUOTIENT_DIGITS + 1] as bigint) ? 2 : 1;
  const unit = POW10[cut] as bigint;
  let kept = q / unit;
  const dropped = q - kept * unit;
  const half = unit / 2n;
  if (dropped > half || (dropped === half && (n !== q * divisor || kept % 2n === 1n))) kept += 1n;
  const exponent = x.e - xs.length + 1 - (y.e - ys.length + 1) - k + cut;
  return new D(`${x.s === y.s ? "" : "-"}${kept}e${exponent}`);
}

/**
 * `base ^ exponent` to {@link QUOTIENT_DIGITS} significant digits, half-even: a fractional power
 * (a compound growth rate) cannot be exact, so it is rounded like a quotient.
 *
 * @internal
 */
export function power(base: Dec, exponent: Dec): Dec {
  settings.precision = QUOTIENT_DIGITS;
  try {
    return base.pow(exponent);
  } finally {
    settings.precision = EXACT;
  }
}

/** A decimal value of the library's private constructor. Never part of a public type. */
export type Dec = InstanceType<typeof D>;

/** Zero, shared because Decimals are immutable. */
export const ZERO: Dec = new D(0);
/** One, shared because Decimals are immutable. */
export const ONE: Dec = new D(1);

/**
 * Compares two finite Decimals as `x.cmp(y)` does (−1, 0 or 1; −0 equals 0), without the copy of
 * `y` that decimal.js makes for every comparison: by sign, exponent, then base-10^7 words (read
 * through decimal.js's documented read-only `s`, `e` and `d`). A property test compares it with
 * `cmp` on every kind of pair.
 *
 * @internal
 */
export function compare(x: Dec, y: Dec): number {
  const xd = x.d as readonly number[] | null;
  const yd = y.d as readonly number[] | null;
  if (xd === null || yd === null) return x.cmp(y);
  const xs = x.s;
  if (xd[0] === 0 || yd[0] === 0) return xd[0] !== 0 ? xs : yd[0] !== 0 ? -y.s : 0;
  if (xs !== y.s) return xs;
  const flip = xs < 0;
  if (x.e !== y.e) return x.e > y.e !== flip ? 1 : -1;
  const n = Math.min(xd.length, yd.length);
  for (let i = 0; i < n; i++) {
    const a = xd[i] as number;
    const b = yd[i] as number;
    if (a !== b) return a > b !== flip ? 1 : -1;
  }
  return xd.length === yd.length ? 0 : xd.length > yd.length !== flip ? 1 : -1;
}

/** Decimals of contract texts read by {@link contractDecimal}; cleared when it reaches its bound. */
const CONTRACT_TEXTS = new Map<string, Dec>();
const CONTRACT_TEXTS_BOUND = 4096;

/**
 * The Decimal of a decimal text of a contract (an amount, rate, cap, bound or threshold), parsed
 * once and shared: a schedule's few texts are read on every settlement, and Decimals are immutable,
 * so sharing one changes nothing but the time. Kept in a bounded table keyed by the text (cleared
 * when full). Only for contract texts, never for facts or history.
 *
 * @internal
 */
export function contractDecimal(text: string): Dec {
  let value = CONTRACT_TEXTS.get(text);
  if (value === undefined) {
    if (CONTRACT_TEXTS.size >= CONTRACT_TEXTS_BOUND) CONTRACT_TEXTS.clear();
    value = new D(text);
    CONTRACT_TEXTS.set(text, value);
  }
  return value;
}

/** Reads a decimal string (already validated) or a Dec into a Dec. */
export function dec(value: string | Dec): Dec {
  return typeof value === "string" ? new D(value) : value;
}

/**
 * Writes a non-money decimal: plain notation, trailing zeros removed, never "-0".
 */
export function formatDecimal(value: Dec): string {
  if (value.isZero()) return "0";
  return value.toFixed();
}

/**
 * Writes an already-rounded money amount with exactly `exponent` fraction digits, never "-0".
 * Rounding must have happened before (in `roundMoney`); this only pads.
 */
export function formatMinor(value: Dec, exponent: number): string {
  if (value.isZero()) return ZERO.toFixed(exponent);
  // Never for money (an amount past 10^9e15), but written as before: "Infinity", "NaN".
  if (!value.isFinite()) return value.toFixed(exponent);
  // Plain notation with the value's own digits (no rounding), padded: decimal.js's toFixed(n)
  // would round first, several times slower, and nothing is left to round here.
  const plain = value.toFixed();
  const dot = plain.indexOf(".");
  const places = dot < 0 ? 0 : plain.length - dot - 1;
  if (places > exponent) {
    throw new Error(`internal: ${plain} is not rounded to ${exponent} fraction digits`);
  }
  if (places === exponent) return plain;
  return `${dot < 0 ? `${plain}.` : plain}${"0".repeat(exponent - places)}`;
}

/** Decimals a description shows at least: ratios such as ACoS read as 0.2262 (22.62%). */
const READABLE_DECIMALS = 4;

/** Decimals of a decimal string (no exponent, as validated decimals are written). */
function decimalsOf(value: string): number {
  const dot = value.indexOf(".");
  return dot < 0 ? 0 : value.length - dot - 1;
}

/**
 * The fewest decimals a value needs to be readable: four, or enough for four significant digits
 * when its magnitude is below 0.001 (0.00000012345 reads ≈0.0000001235, never ≈0.0000).
 */
function readableDecimals(exact: Dec): number {
  if (exact.isZero() || exact.abs().gte("0.001")) return READABLE_DECIMALS;
  // For 0 < |x| < 1, decimal.js's exponent is −(leading zero decimals + 1).
  return -exact.e + READABLE_DECIMALS - 1;
}

/**
 * Writes a decimal for people to read in a description or message, never for arithmetic: as
 * written when it has no more decimals than it needs to be readable (four, or four significant
 * digits below 0.001); otherwise rounded half-up to the fewest decimals, from that many on, that
 * keep its order against each value of `against` (the targets, thresholds or steps it is compared
 * with in the same sentence), and marked "≈". A missed target of 0.22 thus shows an actual of
 * 0.2200049 as "≈0.220005", never "≈0.2200". The exact value stays in the statement's fields and
 * traces.
 *
 * @param value - a decimal string (already validated)
 * @param against - the values it is compared with in the same sentence
 */
export function readableDecimal(value: string, against: string | readonly string[] = []): string {
  const places = decimalsOf(value);
  if (places <= READABLE_DECIMALS) return value;
  const exact = new D(value);
  const others = typeof against === "string" ? [against] : against;
  const sides = others.map((o) => exact.cmp(o));
  for (let d = readableDecimals(exact); d < places; d++) {
    const shown = exact.toDecimalPlaces(d, D.ROUND_HALF_UP);
    if (others.every((o, i) => shown.cmp(o) === sides[i])) return `≈${shownText(shown, d)}`;
  }
  return value;
}

/**
 * Writes two computed decimals compared in one sentence (an actual and its target) readably, each
 * as {@link readableDecimal} would, but both to the same decimals, the fewest (four or more) at which
 * the two texts still compare as the exact values do: 0.12434 against 0.1242984 reads ≈0.12434
 * against ≈0.12430, never ≈0.1243 against ≈0.1243.
 *
 * @param a - a decimal string
 * @param b - the decimal string it is compared with
 * @returns the two texts, in the order given
 */
export function readablePair(a: string, b: string): readonly [string, string] {
  const most = Math.max(decimalsOf(a), decimalsOf(b));
  if (most <= READABLE_DECIMALS) return [a, b];
  const x = new D(a);
  const y = new D(b);
  const side = x.cmp(y);
  const from = Math.max(readableDecimals(x), readableDecimals(y));
  for (let d = from; d < most; d++) {
    const sx = x.toDecimalPlaces(d, D.ROUND_HALF_UP);
    const sy = y.toDecimalPlaces(d, D.ROUND_HALF_UP);
    if (sx.cmp(sy) === side) return [pairText(a, sx, d), pairText(b, sy, d)];
  }
  return [a, b];
}

/** One value of {@link readablePair}: as written when rounding to `d` decimals changed nothing. */
function pairText(written: string, shown: Dec, d: number): string {
  return decimalsOf(written) <= d ? written : `≈${shownText(shown, d)}`;
}

function shownText(shown: Dec, d: number): string {
  return shown.isZero() ? ZERO.toFixed(d) : shown.toFixed(d);
}
