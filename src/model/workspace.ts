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
} from "./types.js";

/** Every persona, journey and survey of a set of files: the cross-file index rules work on. */
export interface Workspace {
  personas: PersonaNode[];
  journeys: JourneyNode[];
  /** Every event of every journey, in file order. */
  events: EventNode[];
  /** Every survey, stage-level and journey-wide, in file order. */
  surveys: SurveyNode[];
}

type Obj = Record<string, unknown>;

/** A YAML mapping (not a list, not null). */
export const isObject = (v: unknown): v is Obj =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const objects = (v: unknown): [number, Obj][] =>
  Array.isArray(v) ? [...v.entries()].filter((e): e is [number, Obj] => isObject(e[1])) : [];
const text = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);

function located(obj: Obj, key: string, origin: Origin): Located<string> | null {
  const value = text(obj[key]);
  return value === null ? null : { value, origin: at(origin, key) };
}

function locatedList(obj: Obj, key: string, origin: Origin): Located<string>[] {
  const list = obj[key];
  if (!Array.isArray(list)) return [];
  const out: Located<string>[] = [];
  for (const [i, v] of list.entries()) {
    if (typeof v === "string") out.push({ value: v, origin: at(origin, key, i) });
  }
  return out;
}

const at = (origin: Origin, ...segments: (string | number)[]): Origin => ({
  ...origin,
  pointer: childPointer(origin.pointer, ...segments),
});

/**
 * Builds the workspace from parsed files. Documents whose YAML could not be read are skipped;
 * documents with schema errors still contribute every entity whose id is a string.
 */
export function buildWorkspace(files: readonly SourceFile[]): Workspace {
  const ws: Workspace = { personas: [], journeys: [], events: [], surveys: [] };
  for (const file of files) {
    for (const doc of file.documents) {
      if (!doc.usable || !isObject(doc.value)) continue;
      const origin: Origin = { file: file.path, document: doc.index, pointer: "" };
      const data = doc.value;
      const id = text(data.id);
      if (id === null) continue;
      if (data.kind === "persona") {
        ws.personas.push({ id, origin, data, channels: locatedList(data, "channels", origin) });
      } else if (data.kind === "journey") {
        const journey = buildJourney(id, data, origin);
        ws.journeys.push(journey);
        for (const stage of journey.stages) {
          ws.events.push(...stage.events);
          ws.surveys.push(...stage.surveys);
        }
        ws.surveys.push(...journey.surveys);
      }
    }
  }
  return ws;
}

function buildJourney(id: string, data: Obj, origin: Origin): JourneyNode {
  const journey: JourneyNode = {
    id,
    origin,
    data,
    persona: located(data, "persona", origin),
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
      events: [],
      surveys: [],
      data: s,
    };
    for (const [j, e] of objects(s.events)) {
      const eventId = text(e.id);
      if (eventId === null) continue;
      const eventOrigin = at(stageOrigin, "events", j);
      const event: EventNode = {
        id: eventId,
        origin: eventOrigin,
        stage,
        data: e,
        channel: located(e, "channel", eventOrigin),
      };
      stage.events.push(event);
    }
    stage.surveys = buildSurveys(s.surveys, stageOrigin, journey, stage);
    journey.stages.push(stage);
  }
  journey.surveys = buildSurveys(data.surveys, origin, journey, null);
  return journey;
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
      data: s,
      event: located(s, "event", origin),
      channel: located(s, "channel", origin),
      indicators: locatedList(s, "indicators", origin),
      questions: [],
    };
    for (const [j, q] of objects(s.questions)) {
      const qOrigin = at(origin, "questions", j);
      const question: QuestionNode = {
        id: text(q.id),
        origin: qOrigin,
        survey,
        data: q,
        indicator: located(q, "indicator", qOrigin),
      };
      survey.questions.push(question);
    }
    out.push(survey);
  }
  return out;
}
