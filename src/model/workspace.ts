import {
  contactPolicyOf,
  isObject,
  items,
  numberOf,
  oneOf,
  recurrenceOf,
  scaleOf,
  stringOf,
  writtenDate,
  writtenDuration,
} from "./fields.js";
import { childPointer } from "./pointer.js";
import type { SourceFile } from "./source.js";
import type {
  EventNode,
  JourneyNode,
  Located,
  Origin,
  PersonaNode,
  QuestionNode,
  StageNode,
  SurveyNode,
  Trait,
} from "./types.js";

/** Every persona, journey and survey of a set of files: the cross-file index rules work on. */
export interface Workspace {
  personas: PersonaNode[];
  journeys: JourneyNode[];
  /** Every event of every journey, in file order. */
  events: EventNode[];
  /** Every survey, stage-level and journey-wide, in file order. */
  surveys: SurveyNode[];
  /**
   * The files of which something could not be read (a YAML error, too large, not text): what they
   * hold is unknown, so no rule may conclude that an id is missing from the workspace if it could be
   * there (`mayHold`).
   */
  unreadable: UnreadableFile[];
}

export interface UnreadableFile {
  path: string;
  /** Its text, when it is text (a YAML error); null when it was not read or is not text. */
  text: string | null;
}

/**
 * Whether a file that could not be read may hold `id` (define it, or refer to it): a file that is
 * text can only if the id is written in it, as a word; one that is not text, always.
 */
export function mayHold(workspace: Workspace, id: string): boolean {
  const word = new RegExp(
    `(?<![A-Za-z0-9_-])${id.replace(/[^A-Za-z0-9]/g, "\\$&")}(?![A-Za-z0-9_-])`,
  );
  return workspace.unreadable.some((f) => f.text === null || word.test(f.text));
}

type Obj = Record<string, unknown>;

const objects = (v: unknown): [number, Obj][] =>
  [...items(v).entries()].filter((e): e is [number, Obj] => isObject(e[1]));
const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean";
/** The items of a list that are text. */
const texts = (v: unknown): string[] => items(v).filter((x): x is string => typeof x === "string");
/** An id or a reference: text that is not empty. */
const text = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);

function located(obj: Obj, key: string, origin: Origin): Located<string> | null {
  const value = text(obj[key]);
  return value === null ? null : { value, origin: at(origin, key) };
}

function locatedList(obj: Obj, key: string, origin: Origin): Located<string>[] {
  const out: Located<string>[] = [];
  for (const [i, v] of items(obj[key]).entries()) {
    if (typeof v === "string") out.push({ value: v, origin: at(origin, key, i) });
  }
  return out;
}

const at = (origin: Origin, ...segments: (string | number)[]): Origin => ({
  ...origin,
  // eslint-disable-next-line no-restricted-syntax -- a rest parameter passed on: a few segments.
  pointer: childPointer(origin.pointer, ...segments),
});

/** The files of which something could not be read: a document that did not parse, or no text. */
export function unreadableFiles(files: readonly SourceFile[]): UnreadableFile[] {
  return files
    .filter(
      (f) =>
        f.documents.some((d) => !d.usable) || (f.documents.length === 0 && f.issues.length > 0),
    )
    .map((f) => ({ path: f.path, text: f.documents.length > 0 ? f.text : null }));
}

/**
 * Builds the workspace from parsed files. Documents whose YAML could not be read are skipped;
 * documents with schema errors still contribute every entity whose id is a string.
 */
export function buildWorkspace(files: readonly SourceFile[]): Workspace {
  const ws: Workspace = {
    personas: [],
    journeys: [],
    events: [],
    surveys: [],
    unreadable: unreadableFiles(files),
  };
  for (const file of files) {
    for (const doc of file.documents) {
      if (!doc.usable || !isObject(doc.value)) continue;
      const origin: Origin = { file: file.path, document: doc.index, pointer: "" };
      const data = doc.value;
      const id = text(data.id);
      if (id === null) continue;
      if (data.kind === "persona") {
        ws.personas.push(buildPersona(id, data, origin));
      } else if (data.kind === "journey") {
        const journey = buildJourney(id, data, origin);
        ws.journeys.push(journey);
        for (const stage of journey.stages) {
          for (const event of stage.events) ws.events.push(event);
          for (const survey of stage.surveys) ws.surveys.push(survey);
        }
        for (const survey of journey.surveys) ws.surveys.push(survey);
      }
    }
  }
  return ws;
}

function buildPersona(id: string, data: Obj, origin: Origin): PersonaNode {
  const traits: Trait[] = objects(data.traits).map(([i, t]) => ({
    name: isScalar(t.name) ? String(t.name) : null,
    value: isScalar(t.value) ? t.value : null,
    basis: oneOf(t.basis, ["data", "hypothesis"] as const),
    source: stringOf(t.source),
    index: i,
    origin: at(origin, "traits", i),
  }));
  return {
    id,
    origin,
    name: stringOf(data.name),
    summary: stringOf(data.summary),
    habits: texts(data.habits),
    goals: texts(data.goals),
    frustrations: texts(data.frustrations),
    channels: locatedList(data, "channels", origin),
    traits,
    contactPolicy: contactPolicyOf(data.contactPolicy),
  };
}

function buildJourney(id: string, data: Obj, origin: Origin): JourneyNode {
  const journey: JourneyNode = {
    id,
    origin,
    title: stringOf(data.title),
    persona: located(data, "persona", origin),
    reviewed: writtenDate(data.reviewed),
    frequency: writtenDuration(data.frequency),
    stages: [],
    surveys: [],
  };
  for (const [i, s] of objects(data.stages)) {
    const stageId = text(s.id);
    if (stageId === null) continue;
    const stageOrigin = at(origin, "stages", i);
    const stage: StageNode = {
      id: stageId,
      origin: stageOrigin,
      journey,
      name: stringOf(s.name),
      keyMoment: stringOf(s.keyMoment),
      noSurvey: stringOf(s.noSurvey),
      events: [],
      surveys: [],
    };
    for (const [j, e] of objects(s.events)) {
      const eventId = text(e.id);
      if (eventId === null) continue;
      stage.events.push(buildEvent(eventId, e, at(stageOrigin, "events", j), stage));
    }
    stage.surveys = buildSurveys(s.surveys, stageOrigin, journey, stage);
    journey.stages.push(stage);
  }
  journey.surveys = buildSurveys(data.surveys, origin, journey, null);
  return journey;
}

function buildEvent(id: string, e: Obj, origin: Origin, stage: StageNode): EventNode {
  const field = (item: unknown, key: string) => (isObject(item) ? item[key] : undefined);
  return {
    id,
    origin,
    stage,
    action: stringOf(e.action),
    actor: oneOf(e.actor, ["customer", "brand"] as const),
    motivation: stringOf(e.motivation),
    expectations: texts(e.expectations),
    channel: located(e, "channel", origin),
    satisfaction: numberOf(e.satisfaction),
    statesSatisfaction: e.satisfaction !== undefined,
    emotion: stringOf(e.emotion),
    visibility: oneOf(e.visibility, ["customer", "internal"] as const),
    painPoints: items(e.painPoints).map((p) => ({
      text: stringOf(field(p, "text")),
      impact: numberOf(field(p, "impact")),
    })),
    evidence:
      e.evidence === undefined || Array.isArray(e.evidence)
        ? items(e.evidence).map((p) => ({
            source: stringOf(field(p, "source")),
            ref: stringOf(field(p, "ref")),
            date: stringOf(field(p, "date")),
          }))
        : null,
  };
}

function buildSurveys(
  list: unknown,
  parent: Origin,
  journey: JourneyNode,
  stage: StageNode | null,
): SurveyNode[] {
  const out: SurveyNode[] = [];
  for (const [i, s] of objects(list)) {
    const id = text(s.id);
    if (id === null) continue;
    const origin = at(parent, "surveys", i);
    const survey: SurveyNode = {
      id,
      origin,
      journey,
      stage,
      title: stringOf(s.title),
      subject: stringOf(s.subject),
      event: located(s, "event", origin),
      channel: located(s, "channel", origin),
      indicators: locatedList(s, "indicators", origin),
      recurrence: recurrenceOf(s.recurrence),
      questions: [],
    };
    for (const [j, q] of objects(s.questions)) {
      const qOrigin = at(origin, "questions", j);
      const question: QuestionNode = {
        id: text(q.id),
        origin: qOrigin,
        survey,
        text: stringOf(q.text),
        type: oneOf(q.type, ["scale", "open", "choice"] as const),
        scale: scaleOf(q.scale),
        indicator: located(q, "indicator", qOrigin),
      };
      survey.questions.push(question);
    }
    out.push(survey);
  }
  return out;
}

/**
 * The surveys that reach each persona, all journeys together, in workspace order: the one
 * definition the rules (redundant-question, contact-pressure, unscheduled-survey) and the survey
 * calendar share. A survey reaches the persona its journey names, known or not (unknown-reference
 * reports an unknown one). A journey that names no persona is a schema error, and its surveys
 * reach no persona: they are left out rather than grouped under a stand-in such as
 * "journey:<id>", which the calendar's rows, its JSON and the contact-pressure findings would
 * show as a persona id that no persona has. Every example map names its persona, so no view,
 * calendar or finding of a valid workspace depends on this choice.
 */
export function surveysByPersona(workspace: Workspace): Map<string, SurveyNode[]> {
  const byPersona = new Map<string, SurveyNode[]>();
  for (const survey of workspace.surveys) {
    const persona = survey.journey.persona?.value;
    if (persona === undefined) continue;
    const list = byPersona.get(persona);
    if (list) list.push(survey);
    else byPersona.set(persona, [survey]);
  }
  return byPersona;
}
