import type { Locale } from "../contract/schema.js";
import { refuse } from "../internal/issues.js";
import type { SmartFindingData } from "../smart/SmartFinding.js";
import { describeInput } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { en } from "./en.js";
import { type LocaleCatalogue, paramReader } from "./paramReader.js";
import { zhCN } from "./zh-CN.js";

/** The message catalogues shipped with the library, by locale. */
export const MESSAGES: Readonly<Record<Locale, LocaleCatalogue>> = Object.freeze({ en, "zh-CN": zhCN });

/** Refuses a finding that is not `{ code: string, params: { key: string | string[] } }`, with the path. */
function checkFinding(finding: unknown): void {
  const f = finding as { code?: unknown; params?: unknown } | null;
  let problem: { path: (string | number)[]; message: string } | undefined;
  if (typeof f !== "object" || f === null)
    problem = { path: [], message: "Expected a finding { code, params }" };
  else if (typeof f.code !== "string")
    problem = { path: ["code"], message: "Expected the finding's code, a string" };
  else if (typeof f.params !== "object" || f.params === null || Array.isArray(f.params))
    problem = { path: ["params"], message: "Expected the finding's params, an object" };
  else {
    for (const [key, value] of Object.entries(f.params)) {
      const ok =
        typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string"));
      if (!ok) {
        problem = {
          path: ["params", key],
          message: "Expected a param that is a string or a list of strings",
        };
        break;
      }
    }
  }
  if (problem !== undefined) {
    refuse("finding-invalid", "Cannot render the finding", [{ code: "finding-invalid", ...problem }]);
  }
}

/**
 * Renders the message of a SMART finding in a locale, from its `code` and `params` only.
 *
 * @param finding - a finding (its `message`, if any, is ignored)
 * @param locale - `"en"` (default) or `"zh-CN"`
 * @returns a complete sentence naming the target and the numbers involved
 * @throws {@link KpiContractError} `finding-invalid` for something that is not a finding (with the
 *   path of the problem), `finding-code-unknown`, `locale-unknown` for a locale that is not shipped
 * @example
 * ```ts
 * renderFinding({ code: "no-window", criterion: "time-bound", severity: "error", path: ["targets", 0],
 *   params: { target: "acos" } }, "en");
 * // 'Target "acos" has no evaluation; state { "every": "cycle" } or a window …'
 * ```
 */
export function renderFinding(
  finding: Pick<SmartFindingData, "code" | "params">,
  locale: Locale = "en",
): string {
  checkFinding(finding);
  if (typeof locale !== "string" || !Object.hasOwn(MESSAGES, locale)) {
    throw new KpiContractError(
      "locale-unknown",
      `Unknown locale ${describeInput(locale)}: use "en" or "zh-CN"`,
      {
        locale,
      },
    );
  }
  const catalogue = MESSAGES[locale];
  const message = Object.hasOwn(catalogue.messages, finding.code)
    ? catalogue.messages[finding.code]
    : undefined;
  if (message === undefined) {
    throw new KpiContractError(
      "finding-code-unknown",
      `No message for the finding code ${describeInput(finding.code)}`,
      {
        code: finding.code,
      },
    );
  }
  return message(paramReader(finding.params, catalogue.words));
}
