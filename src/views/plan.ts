import type { EventNode, Origin, StageNode, SurveyNode } from "../model/types.js";
import type { Workspace } from "../model/workspace.js";
import { describeRecurrence } from "./recurrence.js";

/**
 * The three read-only views of a workspace, as rows: touchpoints (one per event), the survey plan
 * (one per survey) and stage coverage (one per stage). Pure: positions come from `locate`.
 * Field names and order are the JSON contract of `journey touchpoints|surveys --format json`.
 */

/** Where a row comes from: the file (relative, `/`-separated) and the 1-based line. */
export type Locate = (origin: Origin) => { file: string; line: number };

export interface TouchpointRow {
  persona: string | null;
  journey: string;
  stage: string;
  event: string;
  channel: string | null;
  satisfaction: number | null;
  /** The surveys listening to this event. */
  surveys: string[];
  file: string;
  line: number;
}

export interface SurveyRow {
  id: string;
  persona: string | null;
  journey: string;
  /** Null for a journey-wide survey. */
  stage: string | null;
  event: string | null;
  channel: string | null;
  subject: string | null;
  indicators: string[];
  /** In words: "every 3 months from 2026-01-15", "10 days after each parcel-delivered, …". */
  recurrence: string;
  /** How many questions. */
  questions: number;
  file: string;
  line: number;
}

export type CoverageStatus = "surveyed" | "waived" | "open";

export interface CoverageRow {
  persona: string | null;
  journey: string;
  stage: string;
  name: string | null;
  keyMoment: string | null;
  /** Surveyed when a survey listens to the stage; else waived with a `noSurvey` reason; else open. */
  status: CoverageStatus;
  surveys: string[];
  reason: string | null;
  file: string;
  line: number;
}

/**
 * The surveys listening to an event: those of its stage naming it as `event`, those of its stage
 * naming no event (they listen to the whole stage), and journey-wide surveys naming it. A
 * journey-wide survey naming no event is about the relationship: it listens to no touchpoint.
 */
function listeners(event: EventNode): SurveyNode[] {
  const { stage } = event;
  return [
    ...stage.surveys.filter((s) => s.event === null || s.event.value === event.id),
    ...stage.journey.surveys.filter((s) => s.event?.value === event.id),
  ];
}

export function touchpointRows(workspace: Workspace, locate: Locate): TouchpointRow[] {
  return workspace.events.map((event) => {
    const { journey } = event.stage;
    return {
      persona: journey.persona?.value ?? null,
      journey: journey.id,
      stage: event.stage.id,
      event: event.id,
      channel: event.channel?.value ?? null,
      satisfaction: event.satisfaction,
      surveys: listeners(event).map((s) => s.id),
      ...locate(event.origin),
    };
  });
}

export function surveyRows(workspace: Workspace, locate: Locate): SurveyRow[] {
  return workspace.surveys.map((survey) => ({
    id: survey.id,
    persona: survey.journey.persona?.value ?? null,
    journey: survey.journey.id,
    stage: survey.stage?.id ?? null,
    event: survey.event?.value ?? null,
    channel: survey.channel?.value ?? null,
    subject: survey.subject,
    indicators: survey.indicators.map((i) => i.value),
    recurrence: describeRecurrence(survey),
    questions: survey.questions.length,
    ...locate(survey.origin),
  }));
}

export function coverageRows(workspace: Workspace, locate: Locate): CoverageRow[] {
  const rows: CoverageRow[] = [];
  for (const journey of workspace.journeys) {
    for (const stage of journey.stages) rows.push(coverageOf(stage, locate));
  }
  return rows;
}

function coverageOf(stage: StageNode, locate: Locate): CoverageRow {
  const reason = stage.noSurvey;
  const surveys = stage.surveys.map((s) => s.id);
  const status: CoverageStatus =
    surveys.length > 0 ? "surveyed" : reason !== null ? "waived" : "open";
  return {
    persona: stage.journey.persona?.value ?? null,
    journey: stage.journey.id,
    stage: stage.id,
    name: stage.name,
    keyMoment: stage.keyMoment,
    status,
    surveys,
    reason,
    ...locate(stage.origin),
  };
}

/** The key moment of each stage that is one, by `journey/stage`: the touchpoints table marks them. */
export function keyMoments(workspace: Workspace): Map<string, string> {
  const moments = new Map<string, string>();
  for (const journey of workspace.journeys) {
    for (const stage of journey.stages) {
      if (stage.keyMoment !== null) moments.set(`${journey.id}/${stage.id}`, stage.keyMoment);
    }
  }
  return moments;
}
