import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { barChart, CHART_HEIGHT, CHART_WIDTH } from "./chart.js";
import { escapeHtml, escapeMarkdown } from "./escape.js";
import { groupDigits } from "./format.js";

const decimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
  .map(([n, scale]) => {
    const negative = n < 0n;
    const digits = (negative ? -n : n).toString().padStart(scale + 1, "0");
    const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    return negative ? `-${text}` : text;
  });

describe("report properties", () => {
  it("every bar and line of a chart lies inside its view box, one bar per point", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(decimal, { nil: null }), { minLength: 1, maxLength: 24 }),
        fc.option(decimal, { nil: null }),
        fc.option(decimal, { nil: null }),
        (values, target, baseline) => {
          const svg = barChart({
            title: "t",
            points: values.map((value, i) => ({
              label: `c${i}`,
              value,
              tone: "neutral",
              text: value ?? "n/a",
            })),
            target: target === null ? null : { value: target, label: "T" },
            baseline: baseline === null ? null : { value: baseline, label: "B" },
          });
          expect(svg.match(/<rect class="bar/g)).toHaveLength(values.length);
          for (const m of svg.matchAll(/ (x|y|x1|x2|y1|y2|width|height)="([^"]+)"/g)) {
            const v = Number(m[2]);
            expect(Number.isFinite(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(
              m[1]?.startsWith("x") || m[1] === "width" ? CHART_WIDTH : CHART_HEIGHT,
            );
          }
        },
      ),
    );
  });

  it("grouping digits only adds commas", () => {
    fc.assert(
      fc.property(decimal, (d) => {
        expect(groupDigits(d).replaceAll(",", "")).toBe(d);
      }),
    );
  });

  it("escaped HTML holds no markup character", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(escapeHtml(s)).not.toMatch(/[<>"']/);
      }),
    );
  });

  it("an escaped Markdown cell has no unescaped pipe and no line break", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const e = escapeMarkdown(s);
        expect(e).not.toMatch(/[\r\n]/);
        // Every pipe is preceded by an odd number of backslashes.
        for (const m of e.matchAll(/(\\*)\|/g)) expect((m[1]?.length ?? 0) % 2).toBe(1);
      }),
    );
  });
});
