import { D, type Dec, quotient, ZERO } from "../../internal/decimal.js";
import { escapeHtml } from "./escape.js";

/** One bar: a cycle's label, its value (null when the KPI has none), how to colour it and its text. */
export interface ChartPoint {
  readonly label: string;
  readonly value: string | null;
  readonly tone: "met" | "missed" | "pending" | "neutral";
  /** The formatted value written above the bar (or the "n/a" word). */
  readonly text: string;
}

/** A horizontal reference line: the target or the baseline. */
export interface ChartLine {
  readonly value: string;
  /** What the label at the right end says, such as `Target 22%`. */
  readonly label: string;
}

/** Everything a target's chart shows. */
export interface ChartSpec {
  /** Accessible name of the chart. */
  readonly title: string;
  readonly points: readonly ChartPoint[];
  readonly target: ChartLine | null;
  readonly baseline: ChartLine | null;
}

/** The view box of a chart: two fit side by side on a 1000-pixel page. */
export const CHART_WIDTH = 480;
export const CHART_HEIGHT = 260;
const WIDTH = CHART_WIDTH;
const HEIGHT = CHART_HEIGHT;
const LEFT = 12;
const RIGHT = 150;
const TOP = 28;
const BOTTOM = 40;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;
const LABEL_GAP = 14;
/** Narrowest slot that still has room for a value label such as "41,500.00" at 11 px. */
const VALUE_LABEL_SLOT = 58;
/** Narrowest slot for a cycle label such as "2026-03"; narrower slots label every n-th cycle. */
const CYCLE_LABEL_SLOT = 46;

const COLOURS: Readonly<Record<ChartPoint["tone"], string>> = {
  met: "#1f8a4c",
  missed: "#c2410c",
  pending: "#b8c2cc",
  neutral: "#2563eb",
};

/** A coordinate with two decimals, computed exactly. */
const px = (value: Dec): string => value.toDecimalPlaces(2, D.ROUND_HALF_EVEN).toFixed(2);

/**
 * Draws a bar chart as an inline SVG element: one bar per cycle (a zero-height bar and "n/a" where
 * the KPI has no value, so the bar count always equals the cycle count), a dashed target line and a
 * dotted baseline line across the plot, their labels at the right. Coordinates are computed with
 * decimals; every text is escaped.
 */
export function barChart(spec: ChartSpec): string {
  const values = [
    ...spec.points.flatMap((p) => (p.value === null ? [] : [new D(p.value)])),
    ...(spec.target ? [new D(spec.target.value)] : []),
    ...(spec.baseline ? [new D(spec.baseline.value)] : []),
  ];
  let lo = D.min(ZERO, ...values);
  let hi = D.max(ZERO, ...values);
  if (hi.eq(lo)) hi = lo.plus(1);
  // Headroom for the value labels above the tallest bar (and below the lowest negative one).
  const span = hi.minus(lo);
  if (hi.gt(0)) hi = hi.plus(span.times("0.12"));
  if (lo.lt(0)) lo = lo.minus(span.times("0.12"));
  const scale = quotient(PLOT_H, hi.minus(lo));
  const y = (v: Dec): Dec => new D(TOP).plus(hi.minus(v).times(scale));
  const y0 = y(ZERO);

  const n = Math.max(spec.points.length, 1);
  const slot = quotient(PLOT_W, n);
  const barWidth = slot.times("0.6");
  const valueLabels = slot.gte(VALUE_LABEL_SLOT);
  const labelEvery = Math.ceil(CYCLE_LABEL_SLOT / Math.max(1, slot.toNumber()));
  // Painted in layers: bars, then the reference lines, then every text on top with a white halo.
  const parts: string[] = [];
  const texts: string[] = [];
  parts.push(
    `<line class="axis" x1="${LEFT}" x2="${LEFT + PLOT_W}" y1="${px(y0)}" y2="${px(y0)}" stroke="#5b6b7c" stroke-width="1"/>`,
  );
  spec.points.forEach((p, i) => {
    const x = new D(LEFT).plus(slot.times(i)).plus(slot.times("0.2"));
    const centre = new D(LEFT).plus(slot.times(i)).plus(quotient(slot, 2));
    const label = escapeHtml(p.label);
    const text = escapeHtml(p.text);
    if (p.value === null) {
      parts.push(
        `<rect class="bar bar-missing" data-cycle="${label}" x="${px(x)}" y="${px(y0)}" width="${px(barWidth)}" height="0" fill="${COLOURS.pending}"><title>${label}: ${text}</title></rect>`,
      );
      if (valueLabels) {
        texts.push(
          `<text class="bar-value" x="${px(centre)}" y="${px(y0.minus(6))}" text-anchor="middle" font-size="11" fill="#5b6b7c">${text}</text>`,
        );
      }
    } else {
      const v = new D(p.value);
      const yv = y(v);
      const top = D.min(yv, y0);
      const height = yv.minus(y0).abs();
      const labelY = v.lt(0) ? yv.plus(13) : yv.minus(5);
      parts.push(
        `<rect class="bar bar-${p.tone}" data-cycle="${label}" data-value="${escapeHtml(p.value)}" x="${px(x)}" y="${px(top)}" width="${px(barWidth)}" height="${px(height)}" fill="${COLOURS[p.tone]}"><title>${label}: ${text}</title></rect>`,
      );
      if (valueLabels) {
        texts.push(
          `<text class="bar-value" x="${px(centre)}" y="${px(labelY)}" text-anchor="middle" font-size="11" fill="#1d2733" stroke="#fff" stroke-width="3" paint-order="stroke">${text}</text>`,
        );
      }
    }
    if (i % labelEvery === 0) {
      texts.push(
        `<text class="cycle-label" x="${px(centre)}" y="${HEIGHT - BOTTOM + 18}" text-anchor="middle" font-size="11" fill="#5b6b7c">${label}</text>`,
      );
    }
  });

  // Reference lines, with their labels nudged apart when they would overlap.
  const lines = [
    spec.target ? { line: spec.target, cls: "target-line", colour: "#111827", dash: "6 4" } : null,
    spec.baseline ? { line: spec.baseline, cls: "baseline-line", colour: "#7c3aed", dash: "2 3" } : null,
  ].flatMap((l) => (l === null ? [] : [{ ...l, y: y(new D(l.line.value)) }]));
  const labelYs = lines.map((l) => l.y);
  if (lines.length === 2) {
    const [a, b] = labelYs as [Dec, Dec];
    if (a.minus(b).abs().lt(LABEL_GAP)) {
      const mid = quotient(a.plus(b), 2);
      const half = quotient(LABEL_GAP, 2);
      labelYs[0] = a.lte(b) ? mid.minus(half) : mid.plus(half);
      labelYs[1] = a.lte(b) ? mid.plus(half) : mid.minus(half);
    }
  }
  // labelYs holds one y per line.
  lines.forEach((l, i) => {
    parts.push(
      `<line class="${l.cls}" x1="${LEFT}" x2="${LEFT + PLOT_W}" y1="${px(l.y)}" y2="${px(l.y)}" stroke="${l.colour}" stroke-width="1.5" stroke-dasharray="${l.dash}"/>`,
    );
    texts.push(
      `<text class="${l.cls}-label" x="${LEFT + PLOT_W + 6}" y="${px(labelYs[i]!.plus(4))}" font-size="11" fill="${l.colour}">${escapeHtml(l.line.label)}</text>`,
    );
  });

  const title = escapeHtml(spec.title);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${title}" font-family="inherit"><title>${title}</title>${parts.join("")}${texts.join("")}</svg>`;
}
