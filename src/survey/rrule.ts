import { createRequire } from "node:module";
import type RRulePackage from "rrule";
import type { Options } from "rrule";

// rrule is CommonJS and only needed when a map has a rule: loaded on first use.
const require = createRequire(import.meta.url);
let loaded: typeof RRulePackage | undefined;

export function rruleLibrary(): typeof RRulePackage {
  loaded ??= require("rrule") as typeof RRulePackage;
  return loaded;
}

const DAY_FREQUENCIES = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY"];

/** Parts that hold integers, and the values RFC 5545 §3.3.10 allows them. */
const RANGES: [keyof Options, number, number, boolean][] = [
  ["interval", 1, Number.MAX_SAFE_INTEGER, false],
  ["count", 1, Number.MAX_SAFE_INTEGER, false],
  ["bymonth", 1, 12, false],
  ["bymonthday", -31, 31, true],
  ["byyearday", -366, 366, true],
  ["byweekno", -53, 53, true],
  ["bysetpos", -366, 366, true],
];

/**
 * The options of an RFC 5545 RRULE value, or what is wrong with it. The rrule library's parser is
 * lenient (it reads FREQ=SOMETIMES as no frequency, BYMONTHDAY=40 as the 40th), so its result is
 * checked against the RFC's ranges; frequencies below a day are refused (sends are dates).
 */
export function parseRule(text: string): { options: Partial<Options> } | { problem: string } {
  const { RRule } = rruleLibrary();
  let options: Partial<Options>;
  try {
    options = RRule.parseString(text);
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  const freq = /(?:^|;|:)FREQ=([A-Z]*)/i.exec(text)?.[1]?.toUpperCase();
  if (options.freq === undefined || freq === undefined) {
    return { problem: "FREQ is missing or unknown (YEARLY, MONTHLY, WEEKLY or DAILY)" };
  }
  if (!DAY_FREQUENCIES.includes(freq)) {
    return { problem: `FREQ=${freq} is shorter than a day: surveys are sent on dates` };
  }
  if (options.dtstart) return { problem: "DTSTART belongs in the recurrence's `start`" };
  for (const [part, min, max, nonZero] of RANGES) {
    const value = options[part] as unknown;
    if (value === undefined || value === null) continue;
    for (const n of Array.isArray(value) ? value : [value]) {
      if (
        typeof n !== "number" ||
        !Number.isInteger(n) ||
        n < min ||
        n > max ||
        (nonZero && n === 0)
      ) {
        return { problem: `${part.toUpperCase()}=${String(n)} is out of range` };
      }
    }
  }
  const weekdays = options.byweekday as unknown;
  if (Array.isArray(weekdays) && weekdays.some((d) => d === null || d === undefined)) {
    return { problem: "BYDAY has an unknown day (MO, TU, WE, TH, FR, SA, SU)" };
  }
  return { options };
}
