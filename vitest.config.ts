import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // CLI tests spawn the built binary: a few seconds each on a loaded 2-core machine.
    testTimeout: 30_000,
  },
});
