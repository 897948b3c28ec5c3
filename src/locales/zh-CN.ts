import type { LocaleCatalogue, ParamReader } from "./paramReader.js";

const subject = (p: ParamReader): string =>
  p.has("component") ? `费用项${p.id("component")}的计费基数` : `目标${p.id("target")}`;

const baseOf = (p: ParamReader): string =>
  `费用项${p.id("component")}按目标${p.id("target")}的基线计算增量提成`;

/** 常见的结构问题，用运营听得懂的话说。 */
const SCHEMA_REASONS: Readonly<Record<string, string>> = {
  unrecognized_keys: "存在合同格式里没有的字段（多半是拼写错误）",
  invalid_type: "字段类型不对",
  invalid_value: "取值不在允许范围内",
  invalid_union: "写法不符合任何一种允许的格式",
  invalid_format: "格式不对",
  too_small: "数值或数量太小",
  too_big: "数值或数量太大",
  "duplicate-id": "编号重复",
  "reference-unknown": "引用的编号不存在",
  "period-reversed": "结束日期早于开始日期",
  "decimal-invalid": "数字格式不对",
  "ratio-invalid": "比例格式不对",
  "schema-version-unsupported": "schemaVersion 不受支持",
};

/**
 * 简体中文提示：按问题代码组织，完整句子，写明目标和相关数字。
 *
 * @example
 * ```ts
 * renderFinding(finding, "zh-CN");
 * ```
 */
export const zhCN: LocaleCatalogue = {
  words: {
    listSeparator: "、",
    quote: (id) => `「${id}」`,
    days: "天",
    kpis: {
      gmv: "GMV",
      orders: "订单量",
      averageOrderValue: "客单价",
      salesGrowth: "销售增长率",
      adSpend: "广告花费",
      acos: "ACoS",
      roas: "ROAS",
      tacos: "TACoS",
      conversionRate: "转化率",
      clickThroughRate: "点击率",
      negativeReviewRate: "差评率",
      reviewRate: "留评率",
      averageRating: "平均星级",
      returnRate: "退货率",
      refundRate: "退款率",
      inventoryTurnover: "库存周转率",
      daysOfInventory: "库存周转天数",
      sellThroughRate: "售罄率",
      listingOptimizationRate: "Listing 优化率",
      grossProfit: "毛利",
      grossMargin: "毛利率",
      responseRate: "客服 24 小时回复率",
    },
    factGroups: {
      sales: "销售",
      ads: "广告",
      traffic: "流量",
      reviews: "评价",
      inventory: "库存",
      costs: "成本",
      listings: "Listing",
      service: "客服",
    },
    goalKinds: { atLeast: "不低于", atMost: "不高于", above: "高于", below: "低于", change: "变化" },
    nullReasons: {
      "zero-denominator": "分母为零",
      "missing-facts": "缺少数据",
      "insufficient-data": "样本量不足",
    },
  },
  messages: {
    "schema-invalid": (p) => {
      const reason =
        (Object.hasOwn(SCHEMA_REASONS, p.reason) ? SCHEMA_REASONS[p.reason] : undefined) ?? "格式不对";
      return `合同结构有误（位置：${p.text("at")}）：${reason}（${p.text("detail")}）。`;
    },
    "kpi-unknown": (p) =>
      `目标${p.id("target")}用的指标${p.id("kpi")}既不在指标库里，也没有在合同的自定义指标（kpis）中定义，无法计算。`,
    "scope-incomplete": (p) =>
      `${subject(p)}没有写明${p.kpi("kpi")}的口径参数${p.id("knobs")}。合同里每个口径参数都要写清楚，双方才能算出同一个数。`,
    "scope-invalid": (p) => {
      switch (p.reason) {
        case "unknown-knob":
          return `${subject(p)}写了口径参数${p.id("knob")}，但${p.kpi("kpi")}没有这个参数。`;
        case "bad-value":
          return `${subject(p)}把${p.kpi("kpi")}的口径参数${p.id("knob")}设为 ${p.text("value")}，这个取值不被允许。`;
        case "preset-unknown":
          return `${subject(p)}引用的${p.kpi("kpi")}预设口径${p.id("preset")}不存在，或在合同开始日 ${p.text("termStart")} 还没有生效。`;
        case "preset-kpi-mismatch":
          return `${subject(p)}引用的预设口径${p.id("preset")}是${p.kpi("presetKpi")}的口径，不是${p.kpi("kpi")}的。`;
        case "preset-not-name":
          return `${subject(p)}的${p.kpi("kpi")}预设口径写成了${p.text("value")}，不是预设名称；用预设时口径只能写成 { "preset": 名称 }。`;
        case "comparison-baseline":
          return `${subject(p)}把${p.kpi("kpi")}的口径参数${p.id("knob")}设为 "baseline"，但合同中没有任何地方提供这个对比值；请改用 "previous-period" 或 "same-period-last-year"（从历史数据读取），或改为对 gmv 设定相对基线的 change 目标。`;
        default:
          return `${subject(p)}在${p.kpi("kpi")}预设口径${p.id("preset")}之外又写了别的参数；用预设时口径只能写成 { "preset": 名称 }。`;
      }
    },
    "stores-unknown": (p) =>
      p.reason === "empty"
        ? `目标${p.id("target")}的店铺列表是空的；如果要合并全部店铺一起考核，直接去掉 stores 即可。`
        : `目标${p.id("target")}引用了店铺${p.id("store")}，但合同里没有这个店铺。`,
    "basis-baseline-mismatch": (p) => {
      switch (p.reason) {
        case "kpi":
          return `${baseOf(p)}，但计费基数是${p.kpi("basisKpi")}，而该目标考核的是${p.kpi("targetKpi")}，口径对不上。`;
        case "scope":
          return `${baseOf(p)}，但两边的口径不一致（参数${p.id("knobs")}不同）。`;
        default:
          return `${baseOf(p)}，但计费基数覆盖的店铺（${p.id("basisStores")}）和该目标的店铺（${p.id("targetStores")}）不一致。`;
      }
    },
    "goal-invalid": (p) => {
      const t = `目标${p.id("target")}`;
      switch (p.reason) {
        case "no-goal":
          return `${t}没有设定目标值，请在 atLeast、atMost、above、below、change 中选一种写明。`;
        case "several-goals":
          return `${t}同时写了多个目标值（${p.text("kinds")}），只能保留一个。`;
        case "not-decimal":
          return `${t}的目标值 ${p.text("kind")} ${p.id("value")} 不是合法数字，请写成 "0.22" 或 "22%" 这样的格式。`;
        case "change-on-nonpositive-baseline":
          return `${t}按基线设定了变化幅度，但基线是 ${p.value("baseline")}；基线必须大于零，变化幅度才有意义。`;
        case "above-one":
          return `${t}要求${p.kpi("kpi")}${p.kind("kind")} ${p.text("value")}（即 ${p.pct("value")}），但${p.kpi("kpi")}是占比类指标，不可能超过 100%。`;
        case "looks-like-percent":
          return `${t}把${p.kpi("kpi")}的目标值写成了${p.kind("kind")} ${p.text("value")}，按小数理解就是 ${p.pct("value")}；如果本意是 ${p.text("value")}%，请写 "${p.text("value")}%" 或 ${p.text("suggested")}。`;
        case "stars-out-of-range":
          return `${t}的平均星级目标${p.kind("kind")} ${p.text("value")}，超出了 1 到 5 星的范围。`;
        default:
          return `${t}的变化幅度是 ${p.signedPct("value")}，会让目标值变成负数。`;
      }
    },
    "facts-unavailable": (p) =>
      p.has("fact")
        ? `费用项${p.id("component")}按 ${p.text("fact")} 实报实销，需要${p.groups("groups")}数据，但合同约定的数据来源（dataSources）里没有。`
        : `${subject(p)}计算${p.kpi("kpi")}需要${p.groups("groups")}数据，但合同约定的数据来源（dataSources）里没有。`,
    "fx-rate-missing": (p) =>
      `店铺${p.id("store")}以 ${p.text("from")} 记账，服务费却以 ${p.text("to")} 计价，而合同的汇率表里没有 ${p.text("from")}→${p.text("to")} 的汇率，数据无法折算。`,
    "baseline-missing": (p) =>
      `目标${p.id("target")}（${p.kpi("kpi")}）没有基线：既判断不了目标能不能做到，按变化幅度设定的目标或按基线计算的提成也没有起点。`,
    "baseline-too-short": (p) =>
      `目标${p.id("target")}的基线只覆盖 ${p.text("days")} 天，少于 ${p.text("minimum")} 天，很难排除季节和大促的影响。`,
    "comparison-unavailable": (p) =>
      `目标${p.id("target")}要与之前的周期对比，但提供的历史数据缺少这些周期：${p.text("cycles")}；缺少对比数据的周期将无法结算，请把它们补充到历史数据中。`,
    "baseline-unavailable": (p) => {
      const t = `目标${p.id("target")}的基线`;
      switch (p.reason) {
        case "missing-cycles":
          return `${t}无法用提供的历史数据计算：缺少这些考核周期的数据：${p.text("cycles")}。`;
        case "null-value":
          return `${t}在提供的历史数据上算不出数值（${p.nullReason("nullReason")}）。`;
        case "fx":
          return `${t}无法计算：历史数据以 ${p.text("from")} 记账，汇率表里没有 ${p.text("date")} 适用的 ${p.text("from")}→${p.text("to")} 汇率。`;
        default:
          return `${t}无法用提供的历史数据计算（${p.text("detail")}）。`;
      }
    },
    "baseline-not-checked": (p) =>
      `目标${p.id("target")}的基线要用历史数据计算，但这次校验没有提供历史数据，依赖基线数值的检查都跳过了；传入 history 即可补查。`,
    "target-unrealistic": (p) => {
      const t = `目标${p.id("target")}`;
      switch (p.reason) {
        case "change":
          return `${t}要求${p.kpi("kpi")}变化 ${p.signedPct("change")}，超过了可达上限 ${p.pct("maxChange")}。`;
        case "level":
          return `${t}要求${p.kpi("kpi")}从基线 ${p.value("baseline")} 做到 ${p.value("targetValue")}，变化 ${p.pct("change")}，超过了可达上限 ${p.pct("maxChange")}。`;
        default:
          return `${t}要求${p.kpi("kpi")}在 ${p.text("months")} 个月内从 ${p.value("lastValue")} 做到 ${p.value("targetValue")}，相当于每月复合增长 ${p.pct("required")}；而基线期内最好的月环比增长只有 ${p.pct("best")}，高出 ${p.pct("margin")} 以上基本做不到。`;
      }
    },
    "target-already-met": (p) =>
      p.reason === "change-direction"
        ? `目标${p.id("target")}给${p.kpi("kpi")}定的变化幅度是 ${p.signedPct("change")}，等于不要求任何提升，不用努力就能达标。`
        : `目标${p.id("target")}的基线已经达标：${p.kpi("kpi")}基线是 ${p.value("baseline")}，目标值是${p.kind("kind")} ${p.value("targetValue")}，相当于为没有提升的结果付费。`,
    "no-guardrail": (p) =>
      p.reason === "profitability"
        ? `增长目标${p.id("targets")}没有配盈利类护栏指标：合同里没有任何针对${p.kpi("kpis")}的目标，增长可能是靠亏钱换来的。`
        : `增长目标${p.id("targets")}没有配品牌健康类护栏指标：合同里没有任何针对${p.kpi("kpis")}的目标，增长可能以牺牲评价和退货为代价。`,
    "weights-invalid": (p) => {
      switch (p.reason) {
        case "missing":
          return `考核目标${p.id("target")}没有设权重；每个考核目标都要有权重，而且权重合计要等于 1。`;
        case "not-decimal":
          return `目标${p.id("target")}的权重${p.id("value")}不是合法的数字或百分比。`;
        case "negative":
          return `目标${p.id("target")}的权重 ${p.text("value")} 是负数，权重不能小于零。`;
        default:
          return `考核目标${p.id("targets")}的权重合计是 ${p.text("sum")}（${p.pct("sum")}），不等于 1（100%）。`;
      }
    },
    "weight-on-guardrail": (p) =>
      `护栏指标${p.id("target")}设了权重 ${p.text("weight")}；护栏指标只守底线、不参与加权评分，不能设权重。`,
    "conflicting-targets": (p) =>
      `目标${p.id("target")}要求${p.kpi("kpi")}变化 ${p.signedPct("change")}，同时目标${p.id("other")}要求${p.kpi("otherKpi")}变化 ${p.signedPct("otherChange")}；两头同时压这么狠，会互相拉扯。`,
    "target-without-effect": (p) =>
      p.reason === "guardrail"
        ? `护栏指标${p.id("target")}不影响任何费用：没有奖金、扣款或门槛引用它，没守住也没有任何后果。`
        : `目标${p.id("target")}既不影响服务费，也不影响合同状态：没有奖金、扣款或门槛引用它，也没有综合评分（scorecard）或整改规则（standing）用到评分。`,
    "no-window": (p) =>
      `目标${p.id("target")}没有写考核方式；请写明 { "every": "cycle" }（每个考核周期单独考核），或写明考核窗口和汇总方式，让双方都清楚什么时候考核。`,
    "window-before-baseline": (p) =>
      `目标${p.id("target")}从 ${p.text("windowStart")} 开始考核，不晚于基线窗口的最后一天 ${p.text("baselineEnd")}；考核期和基线期重叠，等于拿基线考核自己。`,
    "window-too-short": (p) =>
      `目标${p.id("target")}（${p.kpi("kpi")}）的考核期只有 ${p.text("days")} 天，不足 ${p.text("minimum")} 天；评价、退货、库存类指标至少要 ${p.text("minimum")} 天才看得准。`,
    "window-outside-term": (p) =>
      `目标${p.id("target")}的考核窗口 ${p.text("windowStart")} 至 ${p.text("windowEnd")} 不在合同期 ${p.text("termStart")} 至 ${p.text("termEnd")} 之内。`,
    "window-misaligned": (p) =>
      p.reason === "baseline"
        ? `目标${p.id("target")}的基线窗口 ${p.text("start")} 至 ${p.text("end")} 不是由完整的考核周期组成的。`
        : `目标${p.id("target")}的考核窗口 ${p.text("start")} 至 ${p.text("end")} 没有对齐合同的考核周期，必须由完整的考核周期组成。`,
    "gate-not-every-cycle": (p) =>
      `费用项${p.id("component")}以目标${p.id("target")}作为门槛，但该目标不是每个考核周期都考核；门槛目标必须按 { "every": "cycle" } 考核。`,
    "standing-missing": () =>
      "合同没有约定整改与解约规则（standing），连续不达标时该整改还是该解约无据可依。",
  },
};
