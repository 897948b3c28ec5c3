import { D, type Dec, formatDecimal } from "../../internal/decimal.js";
import { scaledInteger } from "../../values/decimal.js";
import { divide } from "../../values/ratio.js";

/** 0 for + and −, 1 for × and ÷, 2 for an atom (number, path, name or bracketed term). */
type Prec = 0 | 1 | 2;

/**
 * A value together with how it was obtained: `formula` with fact paths and names, `text` with the
 * numbers put in. Building every KPI from these combinators keeps the trace and the value in step:
 * evaluating `text` left to right (× ÷ before + −, 34-digit half-even arithmetic) gives `value`
 * exactly, because each combinator computes in the order its text reads.
 *
 * @internal
 */
export interface Expr {
  readonly formula: string;
  readonly formulaPrec: Prec;
  readonly text: string;
  readonly textPrec: Prec;
  readonly value: Dec;
  /**
   * The value as a whole number of 10^-{@link Expr.scale} when it is exactly that and a safe
   * integer: a count (scale 0), a money fact of at most 15 digits (`"46000.00"` is 4600000 at scale
   * 2), or a sum or difference of such. These are added as integers, and a quotient of two divides
   * the integers (the scales cancel), with no decimal text parsed. Undefined otherwise.
   */
  readonly int: number | undefined;
  /** The power of ten `int` counts in (its digits after the point); 0 without `int`. */
  readonly scale: number;
}

/** The Decimals of 0 to 1023, shared (Decimals are immutable): most counts and sums of counts. */
const SMALL_INTS: readonly Dec[] = Array.from({ length: 1024 }, (_, i) => new D(i));

/** The Decimal of a safe integer (a count or a sum of counts). */
function intDecimal(n: number): Dec {
  return n >= 0 && n < SMALL_INTS.length ? (SMALL_INTS[n] as Dec) : new D(n);
}

/**
 * The one shape of every {@link Expr}. The Decimal of a term known as `int` × 10^-`scale` is made
 * when something first reads `value` (a step, a result, a product); sums and quotients of such
 * terms need none.
 */
class Term implements Expr {
  readonly formula: string;
  readonly formulaPrec: Prec;
  readonly text: string;
  readonly textPrec: Prec;
  readonly int: number | undefined;
  readonly scale: number;
  private decimal: Dec | undefined;

  constructor(
    formula: string,
    formulaPrec: Prec,
    text: string,
    textPrec: Prec,
    value: Dec | undefined,
    int: number | undefined,
    scale: number,
  ) {
    this.formula = formula;
    this.formulaPrec = formulaPrec;
    this.text = text;
    this.textPrec = textPrec;
    this.int = int;
    this.scale = scale;
    this.decimal = value;
  }

  get value(): Dec {
    if (this.decimal === undefined) {
      const int = this.int as number;
      // `${int}e-${scale}` is the number itself, read exactly.
      this.decimal = this.scale === 0 ? intDecimal(int) : new D(`${int}e-${this.scale}`);
    }
    return this.decimal;
  }
}

/** A number as an atom; a negative number is bracketed so that `a − (-3)` stays unambiguous. */
export function literal(value: Dec, formula?: string): Expr {
  const text = formatDecimal(value);
  const written = value.isNeg() ? `(${text})` : text;
  return new Term(formula ?? written, 2, written, 2, value, undefined, 0);
}

/**
 * A fact as read (`"46000.00"` stays as written, so the trace shows the facts' own figures). A count
 * is given as its number (-0 reads as 0); a money text of at most 15 digits is read as a whole
 * number of its last digit's unit without parsing it as a Decimal. Anything else is parsed.
 */
export function factTerm(path: string, raw: string | number): Expr {
  if (typeof raw === "number") {
    const count = raw + 0;
    const int = Number.isSafeInteger(count) ? count : undefined;
    return new Term(path, 2, String(count), 2, int === undefined ? new D(count) : undefined, int, 0);
  }
  // A negative zero (whose sign decimal.js keeps) and anything scaledInteger does not read are
  // parsed as before.
  const scaled = scaledInteger(raw);
  if (scaled === undefined || Object.is(scaled.int, -0)) {
    return new Term(path, 2, raw, 2, new D(raw), undefined, 0);
  }
  return new Term(path, 2, raw, 2, undefined, scaled.int, scaled.scale);
}

/** Names an expression in formulas (`gmv`) while its text keeps the numbers. */
export function named(expr: Expr, name: string): Expr {
  return new Term(name, 2, expr.text, expr.textPrec, known(expr), expr.int, expr.scale);
}

/** The Decimal of an expression if it has one already; undefined when it is kept as `int`. */
function known(expr: Expr): Dec | undefined {
  return expr.int === undefined ? expr.value : undefined;
}

function wrap(s: string, needed: boolean): string {
  return needed ? `(${s})` : s;
}

function binary(a: Expr, op: string, b: Expr, prec: 0 | 1, value: Dec | undefined, scaled?: ScaledInt): Expr {
  // The right operand is bracketed at equal precedence too: text is read left to right and
  // rounded arithmetic is not associative, so `a ÷ (b ÷ c)` must keep its brackets.
  return new Term(
    `${wrap(a.formula, a.formulaPrec < prec)} ${op} ${wrap(b.formula, b.formulaPrec <= prec)}`,
    prec,
    `${wrap(a.text, a.textPrec < prec)} ${op} ${wrap(b.text, b.textPrec <= prec)}`,
    prec,
    value,
    scaled?.int,
    scaled?.scale ?? 0,
  );
}

/** A whole number of 10^-scale. */
interface ScaledInt {
  readonly int: number;
  readonly scale: number;
}

/** Two integers in one unit (10^-scale): `a` and `b` after bringing the coarser to the finer unit. */
interface Scaled {
  readonly a: number;
  readonly b: number;
  readonly scale: number;
}

/** `a` and `b` as integers of one unit, while both are integers and stay safe; else undefined. */
function inOneUnit(a: Expr, b: Expr): Scaled | undefined {
  if (a.int === undefined || b.int === undefined) return undefined;
  if (a.scale === b.scale) return { a: a.int, b: b.int, scale: a.scale };
  // Past 15 digits of shift the product of a non-zero integer is no safe integer, and is refused.
  const factor = 10 ** Math.abs(a.scale - b.scale);
  const x = a.scale < b.scale ? a.int * factor : a.int;
  const y = b.scale < a.scale ? b.int * factor : b.int;
  return Number.isSafeInteger(x) && Number.isSafeInteger(y)
    ? { a: x, b: y, scale: Math.max(a.scale, b.scale) }
    : undefined;
}

/** `a ± b` as an integer of one unit when both are integers and the result is a safe integer. */
function intResult(a: Expr, b: Expr, sign: 1 | -1): ScaledInt | undefined {
  const both = inOneUnit(a, b);
  if (both === undefined) return undefined;
  const n = both.a + sign * both.b;
  return Number.isSafeInteger(n) ? { int: n, scale: both.scale } : undefined;
}

/** a + b. */
export function plus(a: Expr, b: Expr): Expr {
  const int = intResult(a, b, 1);
  return binary(a, "+", b, 0, int === undefined ? a.value.plus(b.value) : undefined, int);
}

/** a − b. */
export function minus(a: Expr, b: Expr): Expr {
  const int = intResult(a, b, -1);
  return binary(a, "−", b, 0, int === undefined ? a.value.minus(b.value) : undefined, int);
}

/** a × b. */
export function times(a: Expr, b: Expr): Expr {
  return binary(a, "×", b, 1, a.value.times(b.value));
}

/** Left-to-right sum of one or more terms. */
export function sum(terms: readonly [Expr, ...Expr[]]): Expr {
  const [first, ...rest] = terms;
  return rest.reduce(plus, first);
}

/** Left-to-right product of one or more terms. */
export function product(terms: readonly [Expr, ...Expr[]]): Expr {
  const [first, ...rest] = terms;
  return rest.reduce(times, first);
}

/**
 * a ÷ b to 34 significant digits, half-even; undefined when b is zero. Two integers of one unit
 * divide as they are: (A × 10^-s) ÷ (B × 10^-s) is A ÷ B, the same quotient.
 */
export function over(a: Expr, b: Expr): Expr | undefined {
  const both = inOneUnit(a, b);
  const value =
    both === undefined ? divide(a.value, b.value) : divide(intDecimal(both.a), intDecimal(both.b));
  return value === undefined ? undefined : binary(a, "÷", b, 1, value);
}

/** |a|: when a is negative the text is the absolute value itself, so the text needs only + − × ÷. */
export function abs(a: Expr): Expr {
  const formula = `|${a.formula}|`;
  const negative = a.int === undefined ? a.value.isNeg() : a.int < 0;
  if (!negative) return new Term(formula, 2, a.text, a.textPrec, known(a), a.int, a.scale);
  return literal(a.value.abs(), formula);
}
