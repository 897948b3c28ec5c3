import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { FACT_PATHS } from "../facts/readFact.js";
import { D, type Dec, quotient } from "../internal/decimal.js";
import { periodFactsArbitrary } from "../testing/arbitraries.js";
import { SPEC_EXAMPLE_FACTS } from "../testing/specExampleFacts.js";
import { isDecimalString } from "../values/decimal.js";
import { computeKpi } from "./computeKpi.js";
import { customKpiFromJson, customKpiSchema, type KpiExpression } from "./customKpi.js";

const paths = [...FACT_PATHS, "ads.attributed.7d.sales", "ads.attributed.14d.orders"];

const { expression } = fc.letrec<{ expression: KpiExpression }>((tie) => ({
  expression: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...paths),
    fc.constantFrom("0", "1", "2", "-3", "0.5", "100").map((c) => ({ const: c })),
    fc.array(tie("expression"), { minLength: 1, maxLength: 3 }).map((sum) => ({ sum })),
    fc.array(tie("expression"), { minLength: 1, maxLength: 3 }).map((product) => ({ product })),
    fc.tuple(tie("expression"), tie("expression")).map((difference) => ({ difference })),
    fc.tuple(tie("expression"), tie("expression")).map((ratio) => ({ ratio })),
  ),
}));

/** Evaluates `substituted` independently: + − × ÷, brackets, unary minus, 34-digit half-even. */
function evaluate(text: string): Dec {
  const tokens = text.match(/\d+(?:\.\d+)?|[-+−×÷()]/g) ?? [];
  let i = 0;
  const factor = (): Dec => {
    const t = tokens[i++];
    if (t === "(") {
      const v = sum();
      i++;
      return v;
    }
    if (t === "-") return factor().neg();
    return new D(t ?? "NaN");
  };
  const product = (): Dec => {
    let v = factor();
    while (tokens[i] === "×" || tokens[i] === "÷")
      v = tokens[i++] === "×" ? v.times(factor()) : quotient(v, factor());
    return v;
  };
  const sum = (): Dec => {
    let v = product();
    while (tokens[i] === "+" || tokens[i] === "−")
      v = tokens[i++] === "+" ? v.plus(product()) : v.minus(product());
    return v;
  };
  return sum();
}

describe("custom KPI properties", () => {
  fcTest.prop([expression, periodFactsArbitrary({ currency: "USD" })])(
    "any valid expression gives a decimal or a null with a reason, and its trace recomputes",
    (expr, facts) => {
      const kpi = customKpiFromJson({
        id: "custom",
        unit: "ratio",
        polarity: "higher-is-better",
        expression: expr,
      });
      const result = computeKpi(kpi, facts);
      if (result.value === null) {
        expect(["zero-denominator", "missing-facts"]).toContain(result.reason);
        return;
      }
      expect(isDecimalString(result.value)).toBe(true);
      expect(evaluate(result.trace.substituted).eq(result.value), result.trace.substituted).toBe(true);
    },
  );

  fcTest.prop([expression])("an expression round-trips through JSON and the schema", (expr) => {
    const json = JSON.parse(
      JSON.stringify({ id: "k", unit: "money", polarity: "lower-is-better", expression: expr }),
    );
    expect(customKpiSchema.parse(json).expression).toEqual(expr);
  });

  fcTest.prop([
    expression,
    periodFactsArbitrary({ currency: "EUR", complete: true, windows: ["7d", "14d"] }),
  ])("with every fact present the trace's formula names exactly the paths read", (expr, facts) => {
    const kpi = customKpiFromJson({ id: "k", unit: "ratio", polarity: "higher-is-better", expression: expr });
    const result = computeKpi(kpi, facts);
    expect(result.value === null ? result.reason : "value").not.toBe("missing-facts");
    if (result.value !== null)
      expect(Object.keys(result.trace.inputs).sort()).toEqual([...kpi.reads({})].sort());
  });

  /** The paths present in the SPEC §2 facts: a tree over them never lacks a fact. */
  const present = [
    "sales.gross",
    "sales.orders",
    "sales.units",
    "sales.refunds",
    "ads.spend",
    "ads.clicks",
    "ads.attributed.14d.sales",
    "traffic.sessions",
    "costs.cogs",
    "inventory.closingUnits",
  ];
  const { tree } = fc.letrec<{ tree: KpiExpression }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom(...present),
      fc.constantFrom("0", "1", "-2", "0.25", "0.001").map((c) => ({ const: c })),
      fc.array(tie("tree"), { minLength: 1, maxLength: 3 }).map((sum) => ({ sum })),
      fc.array(tie("tree"), { minLength: 1, maxLength: 3 }).map((product) => ({ product })),
      fc.tuple(tie("tree"), tie("tree")).map((difference) => ({ difference })),
      fc.tuple(tie("tree"), tie("tree")).map((ratio) => ({ ratio })),
    ),
  }));
  const evaluated = (expr: KpiExpression) => {
    const result = computeKpi(
      customKpiFromJson({ id: "k", unit: "ratio", polarity: "higher-is-better", expression: expr }),
      SPEC_EXAMPLE_FACTS,
    );
    return result.value === null ? { value: null, reason: result.reason } : { value: result.value };
  };

  fcTest.prop([tree])(
    "over present facts: a decimal string, or null with zero-denominator; never missing, never a throw",
    (expr) => {
      const result = evaluated(expr);
      if (result.value === null) expect(result.reason).toBe("zero-denominator");
      else expect(isDecimalString(result.value)).toBe(true);
    },
  );

  fcTest.prop([tree, tree])("sum [a, b] = difference [a, b × (−1)] = sum [b, a]", (a, b) => {
    const added = evaluated({ sum: [a, b] });
    expect(evaluated({ difference: [a, { product: [b, { const: "-1" }] }] })).toEqual(added);
    expect(evaluated({ sum: [b, a] })).toEqual(added);
  });

  fcTest.prop([tree])("× 1 and + 0 leave a value unchanged", (e) => {
    const plain = evaluated(e);
    expect(evaluated({ product: [e, { const: "1" }] })).toEqual(plain);
    expect(evaluated({ sum: [e, { const: "0" }] })).toEqual(plain);
  });
});
