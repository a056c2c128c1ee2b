import type { Config } from "../lint/config.js";
import type { ContactPolicy } from "../model/types.js";
import { surveysByPersona, type Workspace } from "../model/workspace.js";
import { addToDay, type DateDuration, dayNumber } from "./civil.js";
import { type DayRange, type PlacedSend, schedule, type Unscheduled } from "./schedule.js";

/**
 * Contact pressure: how many surveys one customer of a persona may receive, all journeys
 * together, against the contact policy (the persona's own, else the workspace's).
 */

/**
 * More than `maxSurveys` sends in [start, end): the persona's sends[first … first + count), and
 * the first one too many. Indexes rather than a copy: a busy plan has a window per send.
 */
export interface Excess {
  start: number;
  end: number;
  first: number;
  count: number;
  tipping: PlacedSend;
}

/** Two consecutive sends closer than `minGap`: the persona's sends[at − 1] and sends[at]. */
export interface Gap {
  first: PlacedSend;
  second: PlacedSend;
  at: number;
}

export interface PersonaPressure {
  persona: string;
  policy: ContactPolicy | null;
  sends: PlacedSend[];
  unscheduled: Unscheduled[];
  /** The most sends in any window of the policy's length (null without a window). */
  maxInWindow: number | null;
  excesses: Excess[];
  gaps: Gap[];
  ok: boolean;
}

/** The policy that applies to a persona: its own `contactPolicy`, else the workspace's. */
function policyFor(persona: string, workspace: Workspace, config: Config): ContactPolicy | null {
  const own = workspace.personas.find((p) => p.id === persona)?.contactPolicy;
  return own ?? config.contactPolicy;
}

/** The calendar's default range: the config's `calendar.start` (else today) and `horizon` (else P12M). */
export function defaultRange(config: Config, today: string): DayRange {
  const { start, horizon } = config.calendar;
  // A start that is not a date is the schema's finding (a config with one is not used).
  const from = start?.day ?? dayNumber(today);
  return { from, to: horizon.duration ? addToDay(from, horizon.duration) - 1 : from };
}

/** Every persona's sends in the range and their pressure against its policy. */
export function pressures(
  workspace: Workspace,
  config: Config,
  range: DayRange,
): PersonaPressure[] {
  return [...surveysByPersona(workspace)].map(([persona, surveys]) => {
    const { sends, unscheduled } = schedule(surveys, range);
    return assess(persona, sends, unscheduled, policyFor(persona, workspace, config));
  });
}

export function assess(
  persona: string,
  sends: PlacedSend[],
  unscheduled: Unscheduled[],
  policy: ContactPolicy | null,
): PersonaPressure {
  // A malformed window or gap (null parts) is the schema's finding: no limit is checked.
  const window = policy?.window?.duration ?? null;
  const minGap = policy?.minGap?.duration ?? null;
  const { maxInWindow, excesses } = window
    ? windows(sends, window, policy?.maxSurveys ?? Number.POSITIVE_INFINITY)
    : { maxInWindow: null, excesses: [] };
  const gaps = minGap ? closeSends(sends, minGap) : [];
  return {
    persona,
    policy,
    sends,
    unscheduled,
    maxInWindow,
    excesses,
    gaps,
    ok: excesses.length === 0 && gaps.length === 0,
  };
}

/**
 * Sliding windows [d, d + window) starting at each send: the most sends in one, and each window
 * holding more than `max`. Sends exactly `window` apart are not in the same window.
 */
function windows(sends: PlacedSend[], window: DateDuration, max: number) {
  let maxInWindow = 0;
  const excesses: Excess[] = [];
  let j = 0;
  for (let i = 0; i < sends.length; i++) {
    const start = (sends[i] as PlacedSend).day;
    const end = addToDay(start, window);
    j = Math.max(j, i);
    while (j < sends.length && (sends[j] as PlacedSend).day < end) j++;
    maxInWindow = Math.max(maxInWindow, j - i);
    if (j - i > max) {
      excesses.push({ start, end, first: i, count: j - i, tipping: sends[i + max] as PlacedSend });
    }
  }
  return { maxInWindow, excesses };
}

/** Consecutive sends closer than `minGap` (two on the same day are 0 days apart). */
function closeSends(sends: PlacedSend[], minGap: DateDuration): Gap[] {
  const gaps: Gap[] = [];
  for (let i = 1; i < sends.length; i++) {
    const first = sends[i - 1] as PlacedSend;
    const second = sends[i] as PlacedSend;
    if (second.day < addToDay(first.day, minGap)) gaps.push({ first, second, at: i });
  }
  return gaps;
}

/**
 * Sends that overflow the policy together: the persona's sends[first … end). One finding each,
 * however many windows or pairs of sends they break.
 */
export interface Crowd {
  first: number;
  end: number;
  /** The send reported: the one too many in the crowd's first window, or the first too close. */
  tipping: PlacedSend;
  /** Windows: the most sends in one window of the crowd. Gaps: the sends in the run (end − first). */
  most: number;
}

/**
 * The windows over the policy, joined while they share a send: six surveys in a fortnight are one
 * crowd of four overflowing windows, not four. Tipped by the one too many in its first window.
 */
export function crowdedWindows(p: PersonaPressure): Crowd[] {
  const crowds: Crowd[] = [];
  let current: Crowd | null = null;
  for (const e of p.excesses) {
    if (current && e.first < current.end) {
      current.end = Math.max(current.end, e.first + e.count);
      current.most = Math.max(current.most, e.count);
      continue;
    }
    current = { first: e.first, end: e.first + e.count, tipping: e.tipping, most: e.count };
    crowds.push(current);
  }
  return crowds;
}

/**
 * The runs of sends each too close to the one before: a, b, c with b too close to a and c to b are
 * one crowd, tipped by b.
 */
export function closeRuns(p: PersonaPressure): Crowd[] {
  const crowds: Crowd[] = [];
  let current: Crowd | null = null;
  for (const gap of p.gaps) {
    if (current && gap.at === current.end) {
      current.end++;
      current.most++;
      continue;
    }
    current = { first: gap.at - 1, end: gap.at + 1, tipping: gap.second, most: 2 };
    crowds.push(current);
  }
  return crowds;
}
