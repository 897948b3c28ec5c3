/**
 * The library version, written into every settlement statement. Kept equal to package.json's
 * `version` by a test (the core imports no JSON and reads no files).
 *
 * @example
 * ```ts
 * import { VERSION } from "kpi-contract";
 * console.log(VERSION); // "0.1.0"
 * ```
 */
export const VERSION = "0.1.0";
