// `npm run check` and `npm test`: after the build, the type check of the tests, Prettier, ESLint
// and knip — and with --test, vitest — run side by side on the machine's cores instead of waiting
// in turn; each one's output is printed whole when it ends (scripts/parallel.mjs). vitest's
// spawned-binary tests read dist/, which the build wrote before (tsc -b test only checks).
import { run } from "./parallel.mjs";

const checks = [
  "tsc -b test",
  "prettier --check --cache .",
  "eslint --cache --cache-location node_modules/.cache/eslint/ .",
  "knip --cache",
];
const withTests = process.argv.includes("--test");
process.exitCode = await run(withTests ? [...checks, "vitest run"] : checks);
