import { readFileSync } from "node:fs";
import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { afterAll, describe, expect } from "vitest";
import { validateContract } from "../smart/validateContract.js";
import { safeParseContract } from "./parseContract.js";

const worked = JSON.parse(
  readFileSync(new URL("../../test/fixtures/worked/contract.json", import.meta.url), "utf8"),
);

type Path = (string | number)[];

/** Every path inside a JSON value (objects' keys and arrays' indexes), the root excluded. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== "object" || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  return node;
}

const PATHS = pathsOf(worked);
const OBJECT_PATHS: Path[] = [
  [],
  ...PATHS.filter((p) => {
    const v = parentOf(worked, [...p, "x"]);
    return typeof v === "object" && v !== null && !Array.isArray(v);
  }),
];

type Mutation =
  | { kind: "delete"; path: number }
  | { kind: "replace"; path: number; junk: unknown }
  | { kind: "proto"; path: number; key: "__proto__" | "constructor" | "prototype"; payload: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), path: fc.nat({ max: PATHS.length - 1 }) }),
  fc.record({
    kind: fc.constant("replace" as const),
    path: fc.nat({ max: PATHS.length - 1 }),
    junk: fc.oneof(
      fc.jsonValue(),
      fc.constantFrom("", "22%", "-0", "1e3", "2026-02-30", "NaN", "__proto__", null, -1, 1e21, 5e-324),
    ),
  }),
  fc.record({
    kind: fc.constant("proto" as const),
    path: fc.nat({ max: OBJECT_PATHS.length - 1 }),
    key: fc.constantFrom("__proto__" as const, "constructor" as const, "prototype" as const),
    payload: fc.oneof(fc.constant({ polluted: "yes" }), fc.jsonValue()),
  }),
);

/** Applies mutations to a copy of the worked contract, going through JSON text as an ERP would. */
function mutate(mutations: readonly Mutation[]): unknown {
  const root = structuredClone(worked);
  for (const m of mutations) {
    if (m.kind === "proto") continue;
    const path = PATHS[m.path];
    if (path === undefined) continue;
    let parent: Record<string | number, unknown>;
    try {
      parent = parentOf(root, path);
    } catch {
      continue; // an earlier mutation removed this branch
    }
    if (typeof parent !== "object" || parent === null) continue;
    const key = path[path.length - 1] as string | number;
    if (m.kind === "delete") {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else {
      parent[key] = m.junk;
    }
  }
  // Prototype keys cannot be set on an object without changing its prototype: write placeholders,
  // then rename them in the JSON text, which JSON.parse turns into own properties.
  const renames: [string, string][] = [];
  mutations.forEach((m, i) => {
    if (m.kind !== "proto") return;
    const path = OBJECT_PATHS[m.path] ?? [];
    let target: unknown;
    try {
      target = path.length === 0 ? root : parentOf(root, [...path, "x"]);
    } catch {
      return;
    }
    if (typeof target !== "object" || target === null || Array.isArray(target)) return;
    const placeholder = `__placeholder_${i}__`;
    (target as Record<string, unknown>)[placeholder] = m.payload;
    renames.push([JSON.stringify(placeholder), JSON.stringify(m.key)]);
  });
  let text = JSON.stringify(root);
  for (const [from, to] of renames) text = text.replace(from, () => to);
  return JSON.parse(text);
}

function prototypeIsClean(): boolean {
  const probe = {} as Record<string, unknown>;
  return Object.keys(Object.prototype).length === 0 && probe.polluted === undefined && !("polluted" in probe);
}

describe("safeParseContract never throws", () => {
  afterAll(() => expect(prototypeIsClean()).toBe(true));

  fcTest.prop([fc.anything()])("on anything", (input) => {
    const result = safeParseContract(input);
    expect(typeof result.success).toBe("boolean");
    expect(prototypeIsClean()).toBe(true);
  });

  fcTest.prop([fc.jsonValue()])("on any JSON value", (input) => {
    expect(typeof safeParseContract(input).success).toBe("boolean");
  });

  fcTest.prop([fc.array(mutation, { minLength: 1, maxLength: 4 })], { numRuns: 300 })(
    "on mutated valid contracts, and validateContract reports instead of throwing",
    (mutations) => {
      const input = mutate(mutations);
      const parsed = safeParseContract(input);
      if (!parsed.success) {
        expect(parsed.error.issues.length).toBeGreaterThan(0);
        for (const issue of parsed.error.issues) expect(Array.isArray(issue.path)).toBe(true);
      }
      const report = validateContract(input);
      expect(report.ok).toBe(report.findings.every((f) => f.severity !== "error"));
      expect(prototypeIsClean()).toBe(true);
    },
  );

  fcTest.prop([fc.constantFrom("__proto__", "constructor", "prototype"), fc.jsonValue()])(
    "refuses prototype keys at the top level as unknown keys",
    (key, payload) => {
      // A function replacement, so that "$'" in the payload is not read as a replacement pattern.
      const text = JSON.stringify(worked).replace(
        /^\{/,
        () => `{${JSON.stringify(key)}:${JSON.stringify(payload)},`,
      );
      const result = safeParseContract(JSON.parse(text));
      expect(result.success).toBe(false);
      expect(prototypeIsClean()).toBe(true);
    },
  );
});
