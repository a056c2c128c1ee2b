import type { Config } from "../lint/config.js";
import type { Scope } from "../model/scope.js";
import type { JourneyNode, SurveyNode } from "../model/types.js";
import type { Workspace } from "../model/workspace.js";
import { requireKnown, vocabulary } from "../views/filter.js";
import { pushAll } from "../util/arrays.js";
import { dateOf } from "./civil.js";
import { type PersonaPressure, pressures } from "./pressure.js";
import type { DayRange, PlacedSend } from "./schedule.js";

/** A send as `--format json` and `csv` print it. */
export interface SendRow {
  date: string;
  survey: string;
  persona: string;
  journey: string;
  stage: string | null;
  channel: string | null;
  estimated: boolean;
}

export interface PressureRow {
  persona: string;
  maxInWindow: number | null;
  limit: number | null;
  window: string | null;
  ok: boolean;
}

export interface UnscheduledRow {
  survey: string;
  persona: string;
  journey: string;
  reason: string;
}

/** The survey calendar of a range: what every formatter of `journey calendar` receives. */
export interface Calendar {
  /** The range, as dates (both included). */
  from: string;
  to: string;
  /** The personas chosen, with their sends and pressure (all their journeys counted). */
  personas: PersonaPressure[];
  /** The sends listed (of the journeys chosen), by date, persona, survey; with their rows. */
  sends: (readonly [PersonaPressure, PlacedSend])[];
  sendRows: SendRow[];
  pressure: PressureRow[];
  unscheduled: UnscheduledRow[];
}

/** Which personas and journeys to show: none named, all of them. */
export interface CalendarSelection {
  persona: readonly string[];
  journey: readonly string[];
}

/**
 * Every send of every survey reaching each persona in the range, and each persona's contact
 * pressure against its policy. `journey` narrows the sends listed; pressure always counts every
 * journey of the persona, as one customer lives them all.
 */
export function calendarOf(
  workspaces: readonly { workspace: Workspace; config: Config; scope?: Scope }[],
  range: DayRange,
  selection: CalendarSelection,
): Calendar {
  const all: PersonaPressure[] = [];
  const personaIds: string[] = [];
  const journeyIds: string[] = [];
  const shown = new Set<PersonaPressure>();
  const journeyShown = new Map<JourneyNode, boolean>();
  for (const { config, workspace, scope } of workspaces) {
    const known = vocabulary(workspace);
    pushAll(personaIds, known.personas);
    pushAll(journeyIds, known.journeys);
    for (const p of pressures(workspace, config, range)) {
      all.push(p);
      if (!scope || scope.persona(p.persona)) shown.add(p);
    }
    for (const j of workspace.journeys) journeyShown.set(j, !scope || scope.journey(j));
  }
  requireKnown("persona", selection.persona, personaIds);
  requireKnown("journey", selection.journey, journeyIds);
  const chosen = (values: readonly string[], value: string) =>
    values.length === 0 || values.includes(value);
  // The paths named select the personas and journeys shown (scope); the filters narrow them.
  const personas = all.filter((p) => shown.has(p) && chosen(selection.persona, p.persona));
  const listed = (survey: SurveyNode) =>
    journeyShown.get(survey.journey) !== false && chosen(selection.journey, survey.journey.id);
  const sends = personas
    .flatMap((p) => p.sends.filter((s) => listed(s.survey)).map((send) => [p, send] as const))
    .sort(
      ([pa, a], [pb, b]) =>
        a.day - b.day || compare(pa.persona, pb.persona) || compare(a.survey.id, b.survey.id),
    );
  return {
    from: dateOf(range.from),
    to: dateOf(range.to),
    personas,
    sends,
    sendRows: sends.map(([p, send]) => ({
      date: dateOf(send.day),
      survey: send.survey.id,
      persona: p.persona,
      journey: send.survey.journey.id,
      stage: send.survey.stage?.id ?? null,
      channel: send.survey.channel?.value ?? null,
      estimated: send.estimated,
    })),
    pressure: personas.map((p) => ({
      persona: p.persona,
      maxInWindow: p.maxInWindow,
      limit: p.policy?.maxSurveys ?? null,
      window: p.policy?.window?.text ?? null,
      ok: p.ok,
    })),
    unscheduled: personas.flatMap((p) =>
      p.unscheduled
        .filter((u) => listed(u.survey))
        .map((u) => ({
          survey: u.survey.id,
          persona: p.persona,
          journey: u.survey.journey.id,
          reason: u.reason,
        })),
    ),
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
