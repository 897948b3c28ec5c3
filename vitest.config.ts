import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      // The CLI is exercised end to end, the testing helpers are test code shipped for users.
      exclude: ["src/cli/**", "src/testing/**", "src/**/*.test.ts", "src/**/*.d.ts"],
      reporter: ["text-summary", "json-summary", "html"],
      reportsDirectory: "build/coverage",
      reportOnFailure: true,
    },
  },
});
