import { describe, expect, it } from "vitest";
import type { SmartFinding } from "../smart/SmartFinding.js";
import { renderValidation } from "./renderValidation.js";

const note: SmartFinding = {
  code: "future-code" as "no-window",
  criterion: "time-bound",
  severity: "info",
  path: ["targets", 0],
  params: {},
  message: "A note for later",
};

describe("renderValidation: counts and labels", () => {
  it("counts a single note in the singular", () => {
    const md = renderValidation({ ok: true, findings: [note] }, { format: "markdown" });
    expect(md).toContain("No errors: the contract can be settled.");
    expect(md).toContain("0 errors, 0 warnings, 1 note");
    expect(md).toContain("| Note | Time-bound | future-code |  | targets\\[0\\] | A note for later |");
  });

  it("shows a severity or criterion it has no label for as written", () => {
    const finding = { ...note, severity: "fatal", criterion: "ethical" } as unknown as SmartFinding;
    const md = renderValidation({ ok: false, findings: [finding] }, { format: "markdown" });
    // An unknown severity is none of error, warning or note: every count stays 0.
    expect(md).toContain("0 errors, 0 warnings, 0 notes");
    expect(md).toContain("| fatal | ethical | future-code |  | targets\\[0\\] | A note for later |");
    const html = renderValidation({ ok: false, findings: [finding] }, { format: "html" });
    expect(html).toContain('<td class="fatal">fatal</td><td>ethical</td>');
  });
});
