/**
 * The workspace model: the personas, journeys, stages, events, surveys and questions of every
 * file, each with where it was written. Built tolerantly from documents that may have schema
 * errors: a part whose identifying fields are malformed is left out, the rest is kept.
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
  channels: Located<string>[];
  data: Record<string, unknown>;
}

export interface JourneyNode {
  id: string;
  origin: Origin;
  persona: Located<string> | null;
  stages: StageNode[];
  /** Journey-wide surveys, attached to no stage. */
  surveys: SurveyNode[];
  data: Record<string, unknown>;
}

export interface StageNode {
  id: string;
  origin: Origin;
  journey: JourneyNode;
  events: EventNode[];
  surveys: SurveyNode[];
  data: Record<string, unknown>;
}

export interface EventNode {
  id: string;
  origin: Origin;
  stage: StageNode;
  channel: Located<string> | null;
  data: Record<string, unknown>;
}

export interface SurveyNode {
  id: string;
  origin: Origin;
  journey: JourneyNode;
  /** Null for a journey-wide survey. */
  stage: StageNode | null;
  event: Located<string> | null;
  channel: Located<string> | null;
  indicators: Located<string>[];
  questions: QuestionNode[];
  data: Record<string, unknown>;
}

export interface QuestionNode {
  /** Null when the question has no id (ids are optional). */
  id: string | null;
  origin: Origin;
  survey: SurveyNode;
  indicator: Located<string> | null;
  data: Record<string, unknown>;
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
