import type { LocaleCatalogue, ParamReader } from "./paramReader.js";

const subject = (p: ParamReader): string =>
  p.has("component") ? `The basis of fee component ${p.id("component")}` : `Target ${p.id("target")}`;

const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

const baseOf = (p: ParamReader): string =>
  `Fee component ${p.id("component")} charges on growth over the baseline of target ${p.id("target")}`;

/**
 * English messages of the SMART findings, keyed by finding code: complete sentences naming the
 * target and the numbers involved.
 *
 * @example
 * ```ts
 * renderFinding(finding, "en");
 * ```
 */
export const en: LocaleCatalogue = {
  words: {
    listSeparator: ", ",
    quote: (id) => `"${id}"`,
    days: "days",
    kpis: {
      gmv: "GMV",
      orders: "orders",
      averageOrderValue: "average order value",
      salesGrowth: "sales growth",
      adSpend: "ad spend",
      acos: "ACoS",
      roas: "ROAS",
      tacos: "TACoS",
      conversionRate: "conversion rate",
      clickThroughRate: "click-through rate",
      negativeReviewRate: "negative review rate",
      reviewRate: "review rate",
      averageRating: "average rating",
      returnRate: "return rate",
      refundRate: "refund rate",
      inventoryTurnover: "inventory turnover",
      daysOfInventory: "days of inventory",
      sellThroughRate: "sell-through rate",
      listingOptimizationRate: "listing optimization rate",
      grossProfit: "gross profit",
      grossMargin: "gross margin",
      responseRate: "response rate",
    },
    factGroups: {},
    goalKinds: {
      atLeast: "at least",
      atMost: "at most",
      above: "above",
      below: "below",
      change: "a change of",
    },
    nullReasons: {
      "zero-denominator": "a zero denominator",
      "missing-facts": "missing facts",
      "insufficient-data": "too small a sample",
    },
  },
  messages: {
    "schema-invalid": (p) => sentence(`The contract cannot be read at ${p.text("at")}: ${p.text("detail")}`),
    "kpi-unknown": (p) =>
      `Target ${p.id("target")} uses the KPI ${p.id("kpi")}, which is neither in the catalogue nor defined in the contract's kpis list.`,
    "scope-incomplete": (p) =>
      `${subject(p)} does not state the scope knob${p.count("knobs") > 1 ? "s" : ""} ${p.id("knobs")} of ${p.kpi("kpi")}; a contract must spell out every knob so that both parties compute the same number.`,
    "scope-invalid": (p) => {
      switch (p.reason) {
        case "unknown-knob":
          return `${subject(p)} names the scope knob ${p.id("knob")}, which ${p.kpi("kpi")} does not have.`;
        case "bad-value":
          return `${subject(p)} sets the scope knob ${p.id("knob")} of ${p.kpi("kpi")} to ${p.text("value")}, which is not an allowed value.`;
        case "preset-unknown":
          return `${subject(p)} names the ${p.kpi("kpi")} preset ${p.id("preset")}, which is unknown or not yet in effect on the term start ${p.text("termStart")}.`;
        case "preset-kpi-mismatch":
          return `${subject(p)} uses the preset ${p.id("preset")}, which is a scope of ${p.kpi("presetKpi")}, not of ${p.kpi("kpi")}.`;
        case "preset-not-name":
          return `${subject(p)} gives the ${p.kpi("kpi")} preset as ${p.text("value")}, which is not a preset name; a preset scope is exactly { "preset": name }.`;
        case "comparison-baseline":
          return `${subject(p)} sets the scope knob ${p.id("knob")} of ${p.kpi("kpi")} to "baseline", a comparison value nothing in a contract supplies; use "previous-period" or "same-period-last-year" (read from the history), or a gmv target with a change goal on a baseline.`;
        default:
          return `${subject(p)} combines the ${p.kpi("kpi")} preset ${p.id("preset")} with other knobs; a preset scope is exactly { "preset": name }.`;
      }
    },
    "stores-unknown": (p) =>
      p.reason === "empty"
        ? `Target ${p.id("target")} has an empty stores list; omit it to pool every store of the contract.`
        : `Target ${p.id("target")} names the store ${p.id("store")}, which is not one of the contract's stores.`,
    "basis-baseline-mismatch": (p) => {
      switch (p.reason) {
        case "kpi":
          return `${baseOf(p)}, but the basis is ${p.kpi("basisKpi")} while the target measures ${p.kpi("targetKpi")}.`;
        case "scope":
          return `${baseOf(p)}, but the basis and the target state different scopes (the knobs ${p.id("knobs")} differ).`;
        default:
          return `${baseOf(p)}, but the basis covers the stores ${p.id("basisStores")} and the target the stores ${p.id("targetStores")}.`;
      }
    },
    "goal-invalid": (p) => {
      const t = `Target ${p.id("target")}`;
      switch (p.reason) {
        case "no-goal":
          return `${t} has no goal; state one of atLeast, atMost, above, below or change.`;
        case "several-goals":
          return `${t} states several goals (${p.text("kinds")}); state exactly one.`;
        case "not-decimal":
          return `${t} has the goal ${p.text("kind")} ${p.id("value")}, which is not a decimal such as "0.22" or a percent such as "22%".`;
        case "change-on-nonpositive-baseline":
          return `${t} sets a relative change on a baseline of ${p.value("baseline")}; a change needs a baseline above zero.`;
        case "above-one":
          return `${t} asks for ${p.kpi("kpi")} ${p.kind("kind")} ${p.text("value")} (${p.pct("value")}), but ${p.kpi("kpi")} is a share of a whole and cannot exceed 100%.`;
        case "looks-like-percent":
          return `${t} sets ${p.kpi("kpi")} ${p.kind("kind")} ${p.text("value")}, which means ${p.pct("value")}; if you meant ${p.text("value")}%, write "${p.text("value")}%" or ${p.text("suggested")}.`;
        case "stars-out-of-range":
          return `${t} sets an average rating ${p.kind("kind")} ${p.text("value")}, outside the scale of 1 to 5 stars.`;
        default:
          return `${t} sets a change of ${p.signedPct("value")}, which would put its target value below zero.`;
      }
    },
    "facts-unavailable": (p) =>
      p.has("fact")
        ? `Fee component ${p.id("component")} re-bills the fact ${p.text("fact")} from the ${p.groups("groups")} data, which the contract's dataSources do not include.`
        : `${subject(p)} needs ${p.kpi("kpi")} facts from the ${p.groups("groups")} data, which the contract's dataSources do not include.`,
    "fx-rate-missing": (p) =>
      `Store ${p.id("store")} reports in ${p.text("from")} but the fees are in ${p.text("to")}, and the contract's fx table has no ${p.text("from")}→${p.text("to")} rate, so its facts cannot be converted.`,
    "baseline-missing": (p) =>
      `Target ${p.id("target")} on ${p.kpi("kpi")} has no baseline, so nobody can tell whether its goal is achievable, and a relative goal or a fee over its baseline has nothing to start from.`,
    "baseline-too-short": (p) =>
      `The baseline of target ${p.id("target")} covers ${p.text("days")} days, fewer than the ${p.text("minimum")} days needed to smooth out seasons and promotions.`,
    "comparison-unavailable": (p) =>
      `Target ${p.id("target")} compares with earlier cycles that the history given lacks: ${p.text("cycles")}; settlement refuses a cycle whose comparison is missing, so add them to the history.`,
    "baseline-unavailable": (p) => {
      const t = `The baseline of target ${p.id("target")}`;
      switch (p.reason) {
        case "missing-cycles":
          return `${t} cannot be computed from the history given: facts are missing for the cycles ${p.text("cycles")}.`;
        case "null-value":
          return `${t} has no value over the history given, because of ${p.nullReason("nullReason")}.`;
        case "fx":
          return `${t} cannot be computed: history facts are in ${p.text("from")} and the fx table has no ${p.text("from")}→${p.text("to")} rate for ${p.text("date")}.`;
        default:
          return sentence(`${t} cannot be computed from the history given: ${p.text("detail")}`);
      }
    },
    "baseline-not-checked": (p) =>
      `The baseline of target ${p.id("target")} is computed from history that was not supplied, so the checks that need its value were skipped; pass the history to run them.`,
    "target-unrealistic": (p) => {
      const t = `Target ${p.id("target")}`;
      switch (p.reason) {
        case "change":
          return `${t} asks ${p.kpi("kpi")} to change by ${p.signedPct("change")}, more than the ${p.pct("maxChange")} judged achievable.`;
        case "level":
          return `${t} asks ${p.kpi("kpi")} to move from its baseline of ${p.value("baseline")} to ${p.value("targetValue")}, a change of ${p.pct("change")}, more than the ${p.pct("maxChange")} judged achievable.`;
        default:
          return `${t} needs ${p.kpi("kpi")} to grow from ${p.value("lastValue")} to ${p.value("targetValue")} in ${p.text("months")} month${p.text("months") === "1" ? "" : "s"}, ${p.pct("required")} a month compounded, while the best month-on-month growth in the baseline was ${p.pct("best")}; more than ${p.pct("margin")} above that is not realistic.`;
      }
    },
    "target-already-met": (p) =>
      p.reason === "change-direction"
        ? `Target ${p.id("target")} sets a change of ${p.signedPct("change")} on ${p.kpi("kpi")}, which asks for no improvement, so the goal is met without any effort.`
        : `Target ${p.id("target")} is already met by its baseline: ${p.kpi("kpi")} was ${p.value("baseline")} against a target of ${p.kind("kind")} ${p.value("targetValue")}, so it rewards no improvement.`,
    "no-guardrail": (p) =>
      p.reason === "profitability"
        ? `The growth objective ${p.id("targets")} has no profitability guardrail: the contract has no target on ${p.kpi("kpis")}, so growth could be bought at a loss.`
        : `The growth objective ${p.id("targets")} has no brand-health guardrail: the contract has no target on ${p.kpi("kpis")}, so growth could cost reviews and returns.`,
    "weights-invalid": (p) => {
      switch (p.reason) {
        case "missing":
          return `Objective target ${p.id("target")} has no weight; every objective needs one and the weights must add up to 1.`;
        case "not-decimal":
          return `Target ${p.id("target")} has the weight ${p.id("value")}, which is not a decimal or a percent.`;
        case "negative":
          return `Target ${p.id("target")} has the negative weight ${p.text("value")}; weights must be zero or more.`;
        default:
          return `The weights of the objectives ${p.id("targets")} add up to ${p.text("sum")} (${p.pct("sum")}), not 1 (100%).`;
      }
    },
    "weight-on-guardrail": (p) =>
      `Guardrail target ${p.id("target")} has the weight ${p.text("weight")}; guardrails are limits, not scored objectives, so they carry no weight.`,
    "conflicting-targets": (p) =>
      `Target ${p.id("target")} asks ${p.kpi("kpi")} to change by ${p.signedPct("change")} while target ${p.id("other")} asks ${p.kpi("otherKpi")} to change by ${p.signedPct("otherChange")}; pushed this hard at the same time, the two pull against each other.`,
    "target-without-effect": (p) =>
      p.reason === "guardrail"
        ? `Guardrail target ${p.id("target")} affects no fee: no bonus, penalty or gate refers to it, so missing it has no consequence.`
        : `Target ${p.id("target")} affects neither the fee nor the standing: no bonus, penalty or gate refers to it, and neither a scorecard nor standing rules use the score.`,
    "no-window": (p) =>
      `Target ${p.id("target")} has no evaluation; state { "every": "cycle" } or a window with its aggregate, so that everyone knows when it is judged.`,
    "window-before-baseline": (p) =>
      `Target ${p.id("target")} is judged from ${p.text("windowStart")}, on or before ${p.text("baselineEnd")}, the last day of its baseline window, so the target would partly judge its own baseline.`,
    "window-too-short": (p) =>
      `Target ${p.id("target")} on ${p.kpi("kpi")} is judged over ${p.text("days")} days, fewer than ${p.text("minimum")}; review, return and inventory figures need at least ${p.text("minimum")} days to settle.`,
    "window-outside-term": (p) =>
      `The evaluation window ${p.text("windowStart")}..${p.text("windowEnd")} of target ${p.id("target")} is not inside the contract term ${p.text("termStart")}..${p.text("termEnd")}.`,
    "window-misaligned": (p) =>
      p.reason === "baseline"
        ? `The baseline window ${p.text("start")}..${p.text("end")} of target ${p.id("target")} does not consist of whole cycles.`
        : `The evaluation window ${p.text("start")}..${p.text("end")} of target ${p.id("target")} does not start and end on the contract's cycle boundaries; it must consist of whole cycles.`,
    "gate-not-every-cycle": (p) =>
      `Fee component ${p.id("component")} is gated on target ${p.id("target")}, which is not judged every cycle; a gate must name a target evaluated with { "every": "cycle" }.`,
    "standing-missing": () =>
      "The contract has no standing rules, so nothing says when repeated misses lead to rectification or termination.",
  },
};
