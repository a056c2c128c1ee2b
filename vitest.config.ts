import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Worker threads sharing one module graph: no test relies on a fresh module state (the
    // modules cache only what they compute once), and the 30-odd files import src/ once per
    // worker instead of once each.
    pool: "threads",
    isolate: false,
    // The few tests that spawn the built binary take a few seconds each on a loaded 2-core machine.
    testTimeout: 30_000,
  },
});
