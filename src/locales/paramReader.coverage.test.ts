import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { paramReader } from "./paramReader.js";
import { zhCN } from "./zh-CN.js";

describe("paramReader on params that are lists or missing", () => {
  const p = paramReader({ knobs: ["refunds", "tax"], kpi: "gmv", values: ["1.5", "2"] }, en.words);

  it("counts a list, a single value and a missing param", () => {
    expect(p.count("knobs")).toBe(2);
    expect(p.count("kpi")).toBe(1);
    expect(p.count("missing")).toBe(0);
  });

  it("joins a list where one value is expected, and leaves the joined text unformatted", () => {
    expect(p.reason).toBe("?");
    expect(p.num("values")).toBe("1.5, 2");
    expect(p.pct("values")).toBe("1.5, 2");
    expect(p.kind("knobs")).toBe("refunds, tax");
  });

  it("writes a missing param as a question mark", () => {
    expect(p.text("missing")).toBe("?");
    expect(p.id("missing")).toBe('"?"');
    expect(p.kpi("missing")).toBe("?");
    expect(p.num("missing")).toBe("?");
    expect(paramReader({}, zhCN.words).id("target")).toBe("「?」");
  });
});
