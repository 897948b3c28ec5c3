/** The character code of `0`. */
const ZERO_CODE = 48;

/**
 * The non-negative integer written by `count` ASCII digits of `text` from `start`, or -1 when the
 * text is too short or one of them is not a digit. The date and timestamp scanners read their
 * fields with it instead of a regular expression.
 *
 * @internal
 */
export function digitsAt(text: string, start: number, count: number): number {
  if (start + count > text.length) return -1;
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - ZERO_CODE;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
