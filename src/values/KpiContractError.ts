/**
 * The one error class the library throws for programmer errors and for refused input
 * (a currency mismatch in a call, an unknown currency, a contract settlement refuses).
 *
 * `code` is stable and machine-readable; `params` carries the values involved so a caller can
 * render its own message; `issues` lists every problem when the error reports several at once.
 *
 * @example
 * ```ts
 * try {
 *   minorUnits("XYZ");
 * } catch (e) {
 *   if (e instanceof KpiContractError) console.log(e.code); // "currency-unknown"
 * }
 * ```
 */
export class KpiContractError extends Error {
  /** Stable machine-readable code, for example `"currency-unknown"` or `"contract-invalid"`. */
  readonly code: string;
  /** The values involved (plain JSON data). */
  readonly params: Record<string, unknown>;
  /** Every problem found, when the error reports several (parse errors, SMART findings). */
  readonly issues: readonly ValidationIssue[];

  /**
   * Creates an error with a stable code.
   *
   * @param code - stable machine-readable code
   * @param message - human-readable English message
   * @param params - the values involved
   * @param issues - every problem found, for errors that report several
   */
  constructor(
    code: string,
    message: string,
    params: Record<string, unknown> = {},
    issues: readonly ValidationIssue[] = [],
  ) {
    super(message);
    this.name = "KpiContractError";
    this.code = code;
    this.params = params;
    this.issues = issues;
  }
}

/**
 * One problem found in untrusted input: where it is (`path`, JSON keys and array indexes), a stable
 * `code`, and a human-readable `message`.
 */
export interface ValidationIssue {
  /** Stable machine-readable code (zod's issue codes, or one of the library's own). */
  readonly code: string;
  /** Location of the problem inside the input. */
  readonly path: readonly (string | number)[];
  /** Human-readable English message. */
  readonly message: string;
  /** Row number (1-based, header excluded) for tabular input. */
  readonly row?: number;
}

/**
 * Result of a `safeParse*` or `safe*` function: the data, or the error that the throwing twin
 * would have thrown.
 */
export type SafeResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: KpiContractError };
