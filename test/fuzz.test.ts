/**
 * Fuzzing: the example workspaces, mutated (keys deleted, values of the wrong type, extreme
 * numbers and dates, long texts, duplicate ids, dangling references, broken indentation, tabs,
 * truncated files, aliases and alias bombs, unknown keys, document separators, binary bytes,
 * items repeated 150 times, files removed or copied), run through every command in-process, with
 * the paths named in each of the ways a user names them. Each command must end within a time
 * bound, never crash, exit 0, 1 or 2 as its findings say (lint and validate in JSON: 1 exactly
 * when an error is listed), and print one `journey: …` line when it exits 2; stylish and JSON
 * agree, validate finds what lint finds with the structural rules, --output writes what stdout
 * shows (test/fuzz/run.ts has the whole list).
 *
 * The seeds are fixed, so the test is deterministic. To run more:
 *
 *   FUZZ_RUNS=500 npx vitest run test/fuzz.test.ts                   seeds 1 to 500
 *   FUZZ_SEED=1234 [FUZZ_RUNS=100] npx vitest run test/fuzz.test.ts  from seed 1234
 *   FUZZ_BOUND_MS=5000 …                                             another time bound (ms)
 *   FUZZ_MUTATIONS=8 …                                               up to 8 mutations a case (default 3)
 *
 * A failure prints its seed, its mutations, the fewest of them that still fail and where their
 * files are kept.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BOUND_MS, describeCase, drawCase, runCase, shrink, unmutated } from "./fuzz/run.js";

/** The seeds every run checks (each a case of 1 to 3 mutations through every command). */
const CI_SEEDS = 24;

function seeds(): number[] {
  const runs = Number(process.env.FUZZ_RUNS) || undefined;
  const from = Number(process.env.FUZZ_SEED) || undefined;
  if (from !== undefined) return Array.from({ length: runs ?? 1 }, (_, i) => from + i);
  return Array.from({ length: runs ?? CI_SEEDS }, (_, i) => i + 1);
}

/** What else a replay needs to draw the same case. */
const REPLAY = process.env.FUZZ_MUTATIONS ? `FUZZ_MUTATIONS=${process.env.FUZZ_MUTATIONS} ` : "";

/** A hang fails its case; how long each command takes is checked inside it. */
const CASE_TIMEOUT = Math.max(60_000, BOUND_MS * 30);

describe("fuzz: mutated workspaces through every command", () => {
  // The first run of each command loads its modules: not what the time bound measures.
  beforeAll(async () => {
    await runCase(unmutated("broken"));
  }, CASE_TIMEOUT);

  it.each(["clean", "broken"] as const)(
    "examples/%s as it is",
    async (base) => {
      expect((await runCase(unmutated(base))).problems).toEqual([]);
    },
    CASE_TIMEOUT,
  );

  it.each(seeds())(
    "seed %i",
    async (seed) => {
      const c = drawCase(seed);
      const { problems } = await runCase(c);
      if (problems.length === 0) return;
      // Shrinking reruns the case: not when it is slow.
      const slow = problems.some((p) => / took \d+ ms/.test(p));
      const minimal = slow ? c.mutations : await shrink(c, problems[0] ?? "");
      const kept = await runCase(c, minimal, true);
      const message = [
        `seed ${seed} (replay: ${REPLAY}FUZZ_SEED=${seed} npx vitest run test/fuzz.test.ts)`,
        describeCase(c),
        `the fewest that still fail: ${describeCase(c, minimal)}`,
        `their files are kept in ${kept.dir}`,
      ].join("\n");
      expect(problems, message).toEqual([]);
    },
    CASE_TIMEOUT,
  );
});
