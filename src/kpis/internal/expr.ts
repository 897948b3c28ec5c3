import { D, type Dec, formatDecimal } from "../../internal/decimal.js";
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
   * The value as a JS number when it is a count, or a sum or difference of counts that stayed a
   * safe integer: such sums are added as integers, with no Decimal arithmetic. Undefined otherwise.
   */
  readonly int: number | undefined;
}

/** The Decimals of 0 to 1023, shared (Decimals are immutable): most counts and sums of counts. */
const SMALL_INTS: readonly Dec[] = Array.from({ length: 1024 }, (_, i) => new D(i));

/** The Decimal of a safe integer (a count or a sum of counts). */
function intDecimal(n: number): Dec {
  return n >= 0 && n < SMALL_INTS.length ? (SMALL_INTS[n] as Dec) : new D(n);
}

/** A number as an atom; a negative number is bracketed so that `a − (-3)` stays unambiguous. */
export function literal(value: Dec, formula?: string): Expr {
  const text = formatDecimal(value);
  const written = value.isNeg() ? `(${text})` : text;
  return { formula: formula ?? written, formulaPrec: 2, text: written, textPrec: 2, value, int: undefined };
}

/**
 * A fact as read (`"46000.00"` stays as written, so the trace shows the facts' own figures). A count
 * may be given as its number: its Decimal is then built without parsing text (-0 reads as 0).
 */
export function factTerm(path: string, raw: string | number): Expr {
  if (typeof raw === "number") {
    const count = raw + 0;
    const int = Number.isSafeInteger(count) ? count : undefined;
    const value = int === undefined ? new D(count) : intDecimal(int);
    return { formula: path, formulaPrec: 2, text: String(count), textPrec: 2, value, int };
  }
  return { formula: path, formulaPrec: 2, text: raw, textPrec: 2, value: new D(raw), int: undefined };
}

/** Names an expression in formulas (`gmv`) while its text keeps the numbers. */
export function named(expr: Expr, name: string): Expr {
  return { ...expr, formula: name, formulaPrec: 2 };
}

function wrap(s: string, needed: boolean): string {
  return needed ? `(${s})` : s;
}

function binary(a: Expr, op: string, b: Expr, prec: 0 | 1, value: Dec, int?: number): Expr {
  // The right operand is bracketed at equal precedence too: text is read left to right and
  // rounded arithmetic is not associative, so `a ÷ (b ÷ c)` must keep its brackets.
  return {
    formula: `${wrap(a.formula, a.formulaPrec < prec)} ${op} ${wrap(b.formula, b.formulaPrec <= prec)}`,
    formulaPrec: prec,
    text: `${wrap(a.text, a.textPrec < prec)} ${op} ${wrap(b.text, b.textPrec <= prec)}`,
    textPrec: prec,
    value,
    int,
  };
}

/** `a.int ± b.int` when both are integers and the result is a safe integer, else undefined. */
function intResult(a: Expr, b: Expr, sign: 1 | -1): number | undefined {
  if (a.int === undefined || b.int === undefined) return undefined;
  const n = a.int + sign * b.int;
  return Number.isSafeInteger(n) ? n : undefined;
}

/** a + b. */
export function plus(a: Expr, b: Expr): Expr {
  const int = intResult(a, b, 1);
  return binary(a, "+", b, 0, int === undefined ? a.value.plus(b.value) : intDecimal(int), int);
}

/** a − b. */
export function minus(a: Expr, b: Expr): Expr {
  const int = intResult(a, b, -1);
  return binary(a, "−", b, 0, int === undefined ? a.value.minus(b.value) : intDecimal(int), int);
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

/** a ÷ b to 34 significant digits, half-even; undefined when b is zero. */
export function over(a: Expr, b: Expr): Expr | undefined {
  const value = divide(a.value, b.value);
  return value === undefined ? undefined : binary(a, "÷", b, 1, value);
}

/** |a|: when a is negative the text is the absolute value itself, so the text needs only + − × ÷. */
export function abs(a: Expr): Expr {
  const formula = `|${a.formula}|`;
  if (!a.value.isNeg()) return { ...a, formula, formulaPrec: 2 };
  return literal(a.value.abs(), formula);
}
