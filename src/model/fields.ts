import { dayOf, isZero, parseDuration } from "../survey/civil.js";
import { parseRule } from "../survey/rrule.js";
import type {
  CivilDate,
  ContactPolicy,
  Recurrence,
  Scale,
  WrittenDate,
  WrittenDuration,
  WrittenRecurrence,
} from "./types.js";

/**
 * Tolerant decoders of field values, for the workspace builder and the config: each reads a
 * value as YAML gave it and returns its type, or null when the value is not of that type (the
 * schema reports it). None throws.
 */

type Obj = Record<string, unknown>;

/** A YAML mapping (not a list, not null). */
export const isObject = (v: unknown): v is Obj =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Text, the empty string included. */
export const stringOf = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** A finite number (YAML's .inf and .nan are numbers no scale holds), else null. */
export const numberOf = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;

/** One of the values of an enumeration. */
export const oneOf = <T extends string>(v: unknown, values: readonly T[]): T | null =>
  (values as readonly unknown[]).includes(v) ? (v as T) : null;

/** Each item of a list (nothing when it is not a list). */
export const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A field that is written, with its text as messages quote it: String() of what is there. */
export function writtenDate(v: unknown): WrittenDate | null {
  if (v === undefined) return null;
  return { text: String(v), day: typeof v === "string" ? dayOf(v) : null };
}

export function writtenDuration(v: unknown): WrittenDuration | null {
  if (v === undefined) return null;
  return { text: String(v), duration: typeof v === "string" ? parseDuration(v) : null };
}

/** An answer scale whose two ends are numbers. */
export function scaleOf(v: unknown): Scale | null {
  if (!isObject(v) || typeof v.min !== "number" || typeof v.max !== "number") return null;
  return { min: v.min, max: v.max };
}

/** A date written as text (a value of another type is not one: null). */
export const textDate = (v: unknown): WrittenDate | null =>
  typeof v === "string" ? { text: v, day: dayOf(v) } : null;

/** A duration written as text (a value of another type is not one: null). */
export const textDuration = (v: unknown): WrittenDuration | null =>
  typeof v === "string" ? { text: v, duration: parseDuration(v) } : null;

/** The schema's maximum of `maxSurveys`. */
const MAX_SURVEYS = 1000;

/**
 * A contact policy: the persona's or the workspace's. Limits of the wrong type are left out; a
 * window or gap written as text but not a duration is kept, with null parts.
 */
export function contactPolicyOf(v: unknown): ContactPolicy | null {
  if (!isObject(v)) return null;
  const policy: ContactPolicy = {};
  // What the schema accepts, or nothing: a rule never counts against 1.5, -1 or 1e308 surveys,
  // nor in a window of zero days, in which no survey fits (the schema reports those).
  const max = v.maxSurveys;
  if (Number.isSafeInteger(max) && (max as number) >= 1 && (max as number) <= MAX_SURVEYS) {
    policy.maxSurveys = max as number;
  }
  const window = textDuration(v.window);
  if (window?.duration && isZero(window.duration)) window.duration = null;
  if (window) policy.window = window;
  const minGap = textDuration(v.minGap);
  if (minGap) policy.minGap = minGap;
  return policy;
}

const RECURRENCE_TEXTS = [
  "once",
  "every",
  "start",
  "until",
  "rrule",
  "trigger",
  "delay",
  "cooldown",
] as const;

/** The text values of a recurrence mapping, or null when it is not a mapping. */
export function writtenRecurrence(v: unknown): WrittenRecurrence | null {
  if (!isObject(v)) return null;
  const written: WrittenRecurrence = {};
  for (const key of RECURRENCE_TEXTS) {
    const value = v[key];
    if (typeof value === "string") written[key] = value;
  }
  return written;
}

/**
 * A survey's recurrence. The form is that of the first key among `once`, `every`, `rrule` (and
 * `trigger: after-event`) the mapping has, as the scheduler has always read it; within a form,
 * values are checked in the order the reasons of an invalid one name them.
 */
export function recurrenceOf(v: unknown): Recurrence {
  const written = writtenRecurrence(v);
  if (!isObject(v) || written === null)
    return { form: "invalid", reason: "it has no recurrence", written: null };
  const invalid = (reason: string): Recurrence => ({ form: "invalid", reason, written });
  const date = (key: "once" | "start" | "until"): CivilDate | null => {
    const text = written[key];
    const day = text === undefined ? null : dayOf(text);
    return text === undefined || day === null ? null : { text, day };
  };
  const notADate = (key: string) =>
    invalid(
      v[key] === undefined ? `it has no ${key}` : `its ${key} "${String(v[key])}" is not a date`,
    );
  if (v.once !== undefined) {
    const once = date("once");
    return once ? { form: "once", date: once } : notADate("once");
  }
  if (v.every !== undefined) {
    const duration = written.every === undefined ? null : parseDuration(written.every);
    if (written.every === undefined || !duration)
      return invalid(`its period "${String(v.every)}" is not a duration`);
    const start = date("start");
    if (!start) return notADate("start");
    const until = v.until === undefined ? null : date("until");
    if (v.until !== undefined && !until) return notADate("until");
    return { form: "every", period: { text: written.every, duration }, start, until };
  }
  if (v.rrule !== undefined) {
    const start = date("start");
    if (!start) return notADate("start");
    const parsed = written.rrule === undefined ? null : parseRule(written.rrule);
    if (written.rrule === undefined || !parsed || "problem" in parsed)
      return invalid(`its rule "${String(v.rrule)}" is not a valid RFC 5545 rule`);
    const { options } = parsed;
    return { form: "rrule", rule: written.rrule, options, start, until: written.until ?? null };
  }
  if (written.trigger === "after-event") {
    return {
      form: "after-event",
      delay: writtenDuration(written.delay),
      cooldown: writtenDuration(written.cooldown),
    };
  }
  return invalid("its recurrence is not one of the four forms");
}
