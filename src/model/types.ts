import type { Options as RuleOptions } from "rrule";
import type { DateDuration } from "../survey/civil.js";

/**
 * The workspace model: the personas, journeys, stages, events, surveys and questions of every
 * file, each with where it was written and its fields decoded once, by the workspace builder.
 * Built tolerantly from documents that may have schema errors: a part whose identifying fields
 * are malformed is left out; a malformed field decodes to null (or is left out of a list, or is
 * an `invalid` recurrence), never to an exception. The schema reports it.
 */

/** Where a node was written: a document of a file and a JSON Pointer into it. */
export interface Origin {
  file: string;
  document: number;
  pointer: string;
}

export interface PersonaNode {
  id: string;
  origin: Origin;
  name: string | null;
  /** The short portrait paragraph. */
  summary: string | null;
  /** The texts of `habits`, `goals` and `frustrations` (items that are not text left out). */
  habits: string[];
  goals: string[];
  frustrations: string[];
  channels: Located<string>[];
  /** The traits of the identity card that are mappings, each with its place in `traits`. */
  traits: Trait[];
  /** The persona's own contact policy, which wins over the workspace's. */
  contactPolicy: ContactPolicy | null;
}

export interface Trait {
  /** What the trait is (a scalar written there, as text). */
  name: string | null;
  value: string | number | boolean | null;
  basis: "data" | "hypothesis" | null;
  source: string | null;
  /** Its place in the persona's `traits`. */
  index: number;
  origin: Origin;
}

/** Survey fatigue limits, per customer of a persona, all journeys together. */
/** Survey fatigue limits; a duration written as text is kept, its parts null when malformed. */
export interface ContactPolicy {
  maxSurveys?: number;
  window?: WrittenDuration;
  minGap?: WrittenDuration;
}

export interface JourneyNode {
  id: string;
  origin: Origin;
  title: string | null;
  persona: Located<string> | null;
  /** When the map was last reviewed; null when it does not say. */
  reviewed: WrittenDate | null;
  /** How often one customer goes through the journey; null when it does not say. */
  frequency: WrittenDuration | null;
  stages: StageNode[];
  /** Journey-wide surveys, attached to no stage. */
  surveys: SurveyNode[];
}

export interface StageNode {
  id: string;
  origin: Origin;
  journey: JourneyNode;
  name: string | null;
  /** decision, conversion or dissatisfaction by the schema; any text written there counts. */
  keyMoment: string | null;
  /** The reason recorded for not surveying the stage. */
  noSurvey: string | null;
  events: EventNode[];
  surveys: SurveyNode[];
}

export interface EventNode {
  id: string;
  origin: Origin;
  stage: StageNode;
  /** What happens, from the customer's point of view. */
  action: string | null;
  /** Who acts: customer (the default) or brand; null when not written or not one of them. */
  actor: "customer" | "brand" | null;
  motivation: string | null;
  /** The texts of `expectations` (items that are not text left out). */
  expectations: string[];
  channel: Located<string> | null;
  /** Perceived satisfaction when it is a number (1 to 5 by the schema). */
  satisfaction: number | null;
  /** Whether the event states a satisfaction at all, even one that is not a number. */
  statesSatisfaction: boolean;
  emotion: string | null;
  visibility: "customer" | "internal" | null;
  /** Every item of the list, a malformed one too: it still says the author gave evidence. */
  painPoints: PainPoint[];
  /**
   * Every item of the list, a malformed one too (its fields are null); null when `evidence` is
   * written but is not a list: what it holds is unknown (the schema reports it).
   */
  evidence: Evidence[] | null;
}

export interface PainPoint {
  text: string | null;
  impact: number | null;
}

export interface Evidence {
  source: string | null;
  ref: string | null;
  date: string | null;
}

export interface SurveyNode {
  id: string;
  origin: Origin;
  journey: JourneyNode;
  /** Null for a journey-wide survey. */
  stage: StageNode | null;
  title: string | null;
  subject: string | null;
  event: Located<string> | null;
  channel: Located<string> | null;
  indicators: Located<string>[];
  recurrence: Recurrence;
  questions: QuestionNode[];
}

export interface QuestionNode {
  /** Null when the question has no id (ids are optional). */
  id: string | null;
  origin: Origin;
  survey: SurveyNode;
  text: string | null;
  type: "scale" | "open" | "choice" | null;
  /** The answer scale, when both its ends are numbers. */
  scale: Scale | null;
  indicator: Located<string> | null;
}

/**
 * When a survey is sent: one of the four forms, or `invalid`. The form is chosen by the first of
 * `once`, `every`, `rrule`, `trigger: after-event` the recurrence has; a form whose values do not
 * read (a date that is not one, a period that is not a duration, a rule RFC 5545 refuses) is
 * `invalid`, as is a survey without recurrence.
 */
export type Recurrence =
  | { form: "once"; date: CivilDate }
  | { form: "every"; period: Period; start: CivilDate; until: CivilDate | null }
  | {
      form: "rrule";
      /** The rule as written, and its options once checked against RFC 5545. */
      rule: string;
      options: Partial<RuleOptions>;
      start: CivilDate;
      /** Not part of the form (the schema refuses it, the scheduler ignores it); shown as written. */
      until: string | null;
    }
  | { form: "after-event"; delay: WrittenDuration | null; cooldown: WrittenDuration | null }
  | {
      form: "invalid";
      /** Why the scheduler cannot place the survey: "its start "…" is not a date", … */
      reason: string;
      /** The recurrence's text values as written (null when there is no recurrence mapping). */
      written: WrittenRecurrence | null;
    };

/** The keys of a recurrence mapping whose values are text, as written. */
export interface WrittenRecurrence {
  once?: string;
  every?: string;
  start?: string;
  until?: string;
  rrule?: string;
  trigger?: string;
  delay?: string;
  cooldown?: string;
}

/** A valid `YYYY-MM-DD` date: as written, and its day number (days since 1970-01-01). */
export interface CivilDate {
  text: string;
  day: number;
}

/** A valid ISO 8601 duration of date parts: as written, and its parts. */
export interface Period {
  text: string;
  duration: DateDuration;
}

/** A date field that is written: its text (how messages quote it) and its day, null when not a date. */
export interface WrittenDate {
  text: string;
  day: number | null;
}

/** A duration field that is written: its text and its parts, null when not a duration. */
export interface WrittenDuration {
  text: string;
  duration: DateDuration | null;
}

/** A scalar value and where it was written. */
export interface Located<T> {
  value: T;
  origin: Origin;
}

export interface Channel {
  id: string;
  label?: string;
}

export interface Scale {
  min: number;
  max: number;
}

export interface Indicator {
  id: string;
  label?: string;
  scale?: Scale;
}
