import { UsageError } from "../errors.js";
import { outputStyle } from "../io/io.js";
import { emit, inputsOf } from "../io/output.js";
import { today } from "../io/today.js";
import { CALENDAR_FORMATS } from "../report/calendar/index.js";
import { formatterOf } from "../report/registry.js";
import { calendarOf } from "../survey/calendar.js";
import { DATE_SHAPE, dateOf, dateProblem, dayNumber, LAST_DAY } from "../survey/civil.js";
import { defaultRange } from "../survey/pressure.js";
import type { DayRange } from "../survey/schedule.js";
import { choiceOption, formatOption, pathsArgument, textOption, defineCommand } from "./command.js";
import { displayNote, readForDisplay, viewOptions } from "./read.js";

const PERIODS = ["week", "month"] as const;

/** `journey calendar`: every send per persona in a date range, and each persona's pressure. */
export default defineCommand({
  name: "calendar",
  description:
    "the survey calendar: every send per persona in a date range, and each persona's contact pressure",
  arguments: [pathsArgument],
  options: {
    ...viewOptions,
    format: formatOption(CALENDAR_FORMATS, "table"),
    from: textOption(
      "--from <date>",
      "first day, YYYY-MM-DD (default: the config's calendar.start, else today)",
    ),
    to: textOption(
      "--to <date>",
      "last day, YYYY-MM-DD (default: from + the config's calendar.horizon, else P12M)",
    ),
    by: choiceOption(
      "--by <period>",
      "group the table by week or month",
      { values: PERIODS, problem: (value) => `--by expects week or month, got "${value}"` },
      "month",
    ),
  },
  examples: [
    ["journey calendar", "what each persona receives, when, and whether it is too much"],
    ["journey calendar --persona julie --from 2026-01-01 --to 2026-12-31"],
    ["journey calendar --by week --from 2026-03-01 --to 2026-03-31"],
    [
      "journey calendar --from 2027-01-01",
      "surveys after an event start that day: all journeys passed through on it, the worst case",
    ],
    ["journey calendar --format ics -o surveys.ics", "open it in a calendar application"],
    ["journey calendar --format json", "sends and pressure, for scripts"],
  ],
  async run([paths]: [string[]], options, io) {
    const date = today(io.env, io.now);
    const workspaces = readForDisplay(io, paths, options.config);
    const first = workspaces[0];
    if (!first) throw new UsageError("no maps to read");
    const notes: string[] = [];
    const range = rangeOf(options, defaultRange(first.config, date), notes);
    const calendar = calendarOf(workspaces, range, options);
    const format = await formatterOf(CALENDAR_FORMATS, options.format);
    const report = { ...calendar, by: options.by, today: date };
    const text = await format(report, outputStyle(io, options.output));
    // Notes once the calendar is sure to be printed: an invocation error is one line alone.
    const note = displayNote(workspaces);
    for (const line of [...notes, ...(note === null ? [] : [note])]) io.stderr(line);
    emit(io, text, options.output, inputsOf(workspaces));
    return 0;
  },
});

/** The longest range a calendar covers: enough for any plan, and no runaway expansion. */
const MAX_DAYS = 366 * 100;

/**
 * The range of --from/--to, else `fallback`'s. A range that would run past 9999-12-31 (`--from
 * 9999-12-31` and a year's horizon) ends on that day, with a note (added to `notes`) for stderr.
 */
export function rangeOf(
  options: { from?: string; to?: string },
  fallback: DayRange,
  notes: string[],
): DayRange {
  const read = (flag: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    if (!DATE_SHAPE.test(value))
      throw new UsageError(`${flag} expects a date as YYYY-MM-DD, got "${value}"`);
    const problem = dateProblem(value);
    if (problem !== null) throw new UsageError(`${flag} ${value}: ${problem}`);
    return dayNumber(value);
  };
  const fromFlag = read("--from", options.from);
  const toFlag = read("--to", options.to);
  const from = fromFlag ?? fallback.from;
  let to = toFlag ?? (fromFlag !== undefined ? from + (fallback.to - fallback.from) : fallback.to);
  if (to < from) throw new UsageError(`--to (${dateOf(to)}) is before --from (${dateOf(from)})`);
  if (to - from > MAX_DAYS) {
    throw new UsageError(
      `a calendar covers at most 100 years: ${dateOf(from)} to ${dateOf(to)} is longer`,
    );
  }
  if (to > LAST_DAY) {
    notes.push("journey: the calendar ends on 9999-12-31, the last day a date can be written\n");
    to = LAST_DAY;
  }
  return { from, to };
}
