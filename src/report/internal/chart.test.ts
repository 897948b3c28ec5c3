import { describe, expect, it } from "vitest";
import { barChart, type ChartPoint } from "./chart.js";

const point = (label: string, value: string | null, tone: ChartPoint["tone"] = "neutral"): ChartPoint => ({
  label,
  value,
  tone,
  text: value ?? "n/a",
});

const attr = (svg: string, cls: string, name: string): string[] =>
  [...svg.matchAll(new RegExp(`<[a-z]+ class="${cls}"[^>]*? ${name}="([^"]+)"`, "g"))].map((m) => m[1] ?? "");

describe("barChart", () => {
  it("puts one bar per point, scaled from zero with 12% headroom", () => {
    // Plot height 260 − 28 − 40 = 192; domain 0..100 + 12 = 112; y(100) = 28 + 12 × 192 ÷ 112 = 48.57;
    // y(0) = 220; bar heights 220 − 48.57 = 171.43 and 50 × 192 ÷ 112 = 85.71.
    const svg = barChart({
      title: "t",
      points: [point("a", "100"), point("b", "50")],
      target: null,
      baseline: null,
    });
    expect(attr(svg, "bar bar-neutral", "y")).toEqual(["48.57", "134.29"]);
    expect(attr(svg, "bar bar-neutral", "height")).toEqual(["171.43", "85.71"]);
    expect(svg).not.toContain("target-line");
    expect(svg).not.toContain("baseline-line");
  });

  it("draws the target and baseline lines at their values", () => {
    // Domain 0..(200 + 24); y(200) = 28 + 24 × 192 ÷ 224 = 48.57; y(100) = 28 + 124 × 192 ÷ 224 = 134.29.
    const svg = barChart({
      title: "t",
      points: [point("a", "100")],
      target: { value: "200", label: "Target 200" },
      baseline: { value: "100", label: "Baseline 100" },
    });
    expect(attr(svg, "target-line", "y1")).toEqual(["48.57"]);
    expect(attr(svg, "baseline-line", "y1")).toEqual(["134.29"]);
    expect(svg).toContain(">Target 200</text>");
  });

  it("hangs negative bars below the zero line", () => {
    // Domain −50 − 18 .. 100 + 18: span 150, headroom 18 each side, scale 192 ÷ 186.
    const svg = barChart({
      title: "t",
      points: [point("a", "100"), point("b", "-50")],
      target: null,
      baseline: null,
    });
    const [y1, y2] = attr(svg, "bar bar-neutral", "y").map(Number);
    const zero = Number(attr(svg, "axis", "y1")[0]);
    expect(y1).toBeLessThan(zero);
    expect(y2).toBe(zero);
  });

  it("keeps a zero-height bar and n/a for a missing value", () => {
    const svg = barChart({
      title: "t",
      points: [point("a", null, "pending"), point("b", "1")],
      target: null,
      baseline: null,
    });
    expect(svg.match(/<rect class="bar/g)).toHaveLength(2);
    expect(svg).toContain('class="bar bar-missing"');
    expect(svg).toContain(">n/a</text>");
  });

  it("draws an empty plot without values", () => {
    const svg = barChart({ title: "t", points: [point("a", null)], target: null, baseline: null });
    expect(svg).toContain('height="0"');
  });

  it("moves overlapping line labels apart", () => {
    const svg = barChart({
      title: "t",
      points: [point("a", "100")],
      target: { value: "0.22", label: "T" },
      baseline: { value: "0.2201", label: "B" },
    });
    const [t] = attr(svg, "target-line-label", "y").map(Number);
    const [b] = attr(svg, "baseline-line-label", "y").map(Number);
    expect(Math.abs((t ?? 0) - (b ?? 0))).toBeGreaterThanOrEqual(14);
  });

  it("keeps one bar per cycle over many cycles, thinning the labels to fit", () => {
    // 12 slots of 318 ÷ 12 = 26.5 px: no room for value labels; cycle labels every ⌈46 ÷ 26.5⌉ = 2nd.
    const points = Array.from({ length: 12 }, (_, i) =>
      point(`2026-${String(i + 1).padStart(2, "0")}`, String(i + 1)),
    );
    const svg = barChart({ title: "t", points, target: null, baseline: null });
    expect(svg.match(/<rect class="bar/g)).toHaveLength(12);
    expect(svg.match(/class="bar-value"/g)).toBeNull();
    expect(svg.match(/class="cycle-label"/g)).toHaveLength(6);
    expect(svg).toContain("<title>2026-12: 12</title>");
  });

  it("escapes labels and titles", () => {
    const svg = barChart({ title: "<x>", points: [point("<a>", "1")], target: null, baseline: null });
    expect(svg).not.toContain("<a>");
    expect(svg).toContain('aria-label="&lt;x&gt;"');
  });
});
