import type { Locale } from "../contract/schema.js";
import type { SmartFindingData } from "../smart/SmartFinding.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { en } from "./en.js";
import { type LocaleCatalogue, paramReader } from "./paramReader.js";
import { zhCN } from "./zh-CN.js";

/** The message catalogues shipped with the library, by locale. */
export const MESSAGES: Readonly<Record<Locale, LocaleCatalogue>> = Object.freeze({ en, "zh-CN": zhCN });

/**
 * Renders the message of a SMART finding in a locale, from its `code` and `params` only.
 *
 * @param finding - a finding (its `message`, if any, is ignored)
 * @param locale - `"en"` (default) or `"zh-CN"`
 * @returns a complete sentence naming the target and the numbers involved
 * @throws {@link KpiContractError} `locale-unknown` for a locale that is not shipped
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
  if (!Object.hasOwn(MESSAGES, locale)) {
    throw new KpiContractError(
      "locale-unknown",
      `Unknown locale ${JSON.stringify(locale)}: use "en" or "zh-CN"`,
      {
        locale,
      },
    );
  }
  const catalogue = MESSAGES[locale];
  const message = catalogue.messages[finding.code];
  if (message === undefined) {
    throw new KpiContractError(
      "finding-code-unknown",
      `No message for the finding code ${JSON.stringify(finding.code)}`,
      {
        code: finding.code,
      },
    );
  }
  return message(paramReader(finding.params, catalogue.words));
}
