import { UsageError } from "../errors.js";
import { DATE_SHAPE, dateProblem } from "../survey/civil.js";

/**
 * The date the run is for: JOURNEY_TODAY when set (reproducible runs: CI, tests, "what will be
 * stale on 1 March?"), else the local date of `now`.
 */
export function today(env: Record<string, string | undefined>, now: Date): string {
  const forced = env.JOURNEY_TODAY;
  if (forced) {
    if (!DATE_SHAPE.test(forced)) {
      throw new UsageError(`JOURNEY_TODAY must be a date written YYYY-MM-DD, not "${forced}"`);
    }
    const problem = dateProblem(forced);
    if (problem !== null) throw new UsageError(`JOURNEY_TODAY=${forced}: ${problem}`);
    return forced;
  }
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
