import { defineConfig } from "tsup";

// The library entries are platform-neutral (browsers, edge runtimes, Node); only the CLI targets Node.
export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      "report/index": "src/report/index.ts",
      "testing/index": "src/testing/index.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
  },
  {
    // The command line: ESM for Node 20+, its shebang kept from src/cli/main.ts.
    entry: { "cli/main": "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    clean: false,
    target: "node20",
    platform: "node",
    treeshake: true,
  },
]);
