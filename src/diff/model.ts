import type { Config } from "../lint/config.js";
import type { Finding, Severity } from "../lint/finding.js";
import { identityOf } from "../lint/identity.js";
import type { Scope } from "../model/scope.js";
import type {
  EventNode,
  JourneyNode,
  PersonaNode,
  QuestionNode,
  StageNode,
  SurveyNode,
} from "../model/types.js";
import type { Workspace } from "../model/workspace.js";
import { dateOf } from "../survey/civil.js";
import { type PersonaPressure, pressures } from "../survey/pressure.js";
import type { DayRange } from "../survey/schedule.js";
import type { CoverageStatus } from "../views/plan.js";
import { describeRecurrence } from "../views/recurrence.js";

/**
 * What a change does to each persona's surveys: the workspaces at a commit and in the working
 * tree, compared entity by entity (by id, never by file or line), and their findings matched by
 * what identifies them. Pure; the JSON contract of `journey diff --format json` (version 1,
 * documented in docs/diff.md).
 */

/** One side of the comparison: its workspaces, what the paths named of each, its findings. */
export interface DiffSide {
  workspaces: readonly { config: Config; workspace: Workspace; scope: Scope }[];
  /** The findings reported on (those lint prints for the same paths). */
  findings: readonly Finding[];
}

export interface DiffReport {
  version: 1;
  /** The commit compared with: the ref as given (or the upstream), its hash, whether a merge base. */
  base: { ref: string; commit: string; mergeBase: boolean };
  /** The calendar range the sends are counted in (both days included). */
  range: { from: string; to: string };
  /** Whether anything below changed. */
  changed: boolean;
  /** Files renamed or moved (paths relative to the current directory). */
  renamed: { from: string; to: string }[];
  /** The personas with a change, by id. */
  personas: PersonaChange[];
  /** Findings that belong to no persona (the config, a file that could not be read…). */
  workspace: { findings: FindingChanges };
  summary: Summary;
}

export interface Summary {
  personas: number;
  surveysAdded: number;
  surveysRemoved: number;
  surveysChanged: number;
  stagesOpened: number;
  /** Personas now over their contact policy that were within it. */
  overLimit: number;
  findingsFixed: number;
  findingsIntroduced: number;
  /** Of the findings introduced, the errors (what `--fail-on-new` fails on). */
  errorsIntroduced: number;
}

export interface PersonaChange {
  id: string;
  name: string | null;
  /** added: nothing of it at the commit; removed: nothing of it now. */
  status: "added" | "removed" | "changed";
  journeys: { added: JourneyRow[]; removed: JourneyRow[] };
  surveys: { added: SurveyRow[]; removed: SurveyRow[]; changed: SurveyChange[] };
  stages: {
    added: StageRow[];
    removed: StageRow[];
    /** Stages on both sides that were surveyed or waived and are open now. */
    opened: StageStatusChange[];
    /** Stages on both sides that were open and are surveyed or waived now. */
    decided: StageStatusChange[];
  };
  /** `changed`: events on both sides now on another channel (the touchpoint moved). */
  events: { added: EventRow[]; removed: EventRow[]; changed: EventChannelChange[] };
  satisfaction: SatisfactionChange[];
  /** Null on a side where no survey reaches the persona. */
  pressure: { before: Pressure | null; after: Pressure | null; crossed: "over" | "within" | null };
  findings: FindingChanges;
}

export interface JourneyRow {
  id: string;
  title: string | null;
}

export interface SurveyRow {
  id: string;
  journey: string;
  stage: string | null;
  event: string | null;
  channel: string | null;
  indicators: string[];
  recurrence: string;
  questions: string[];
}

export type SurveyField =
  "journey" | "stage" | "event" | "channel" | "subject" | "indicators" | "recurrence";

export interface SurveyChange {
  id: string;
  journey: string;
  /** The fields that differ, in this order; indicators joined by ", ". */
  fields: { field: SurveyField; before: string | null; after: string | null }[];
  questions: {
    added: Question[];
    removed: Question[];
    reworded: { id: string | null; position: number; before: string; after: string }[];
    /** The same question measuring another indicator, or on another scale (`1–5`). */
    changed: {
      id: string | null;
      position: number;
      field: "indicator" | "scale";
      before: string | null;
      after: string | null;
    }[];
  };
}

export interface Question {
  id: string | null;
  /** 1-based, in its survey. */
  position: number;
  text: string;
}

export interface StageRow {
  journey: string;
  stage: string;
  name: string | null;
  status: CoverageStatus;
}

export interface StageStatusChange {
  journey: string;
  stage: string;
  before: CoverageStatus;
  after: CoverageStatus;
}

export interface EventRow {
  journey: string;
  stage: string;
  event: string;
  channel: string | null;
  satisfaction: number | null;
}

export interface EventChannelChange {
  journey: string;
  stage: string;
  event: string;
  before: string | null;
  after: string | null;
}

export interface SatisfactionChange {
  journey: string;
  stage: string;
  event: string;
  before: number | null;
  after: number | null;
}

export interface Pressure {
  sends: number;
  maxInWindow: number | null;
  limit: number | null;
  window: string | null;
  minGap: string | null;
  ok: boolean;
}

export interface FindingChanges {
  fixed: FindingRow[];
  introduced: FindingRow[];
}

export interface FindingRow {
  rule: string;
  severity: Severity;
  message: string;
  /** Where it is (fixed: where it was, at the commit). */
  file: string;
  line: number;
  column: number;
  entity: string | null;
}

/** What one side holds of one persona. */
interface PersonaSide {
  node: PersonaNode | null;
  journeys: Map<string, JourneyNode>;
  surveys: Map<string, SurveyNode>;
  stages: Map<string, StageNode>;
  events: Map<string, EventNode>;
  pressure: PersonaPressure | null;
}

interface Indexed {
  personas: Map<string, PersonaSide>;
  /** The persona of a finding's entity: `persona:`, `journey:` or `survey:` of this side. */
  personaOf(entity: string | null): string | null;
}

export function diffOf(
  before: DiffSide,
  after: DiffSide,
  options: {
    base: DiffReport["base"];
    range: DayRange;
    /** Renamed files, paths relative to the current directory: old → new. */
    renamed: ReadonlyMap<string, string>;
  },
): DiffReport {
  const old = index(before, options.range);
  const now = index(after, options.range);
  const findings = matchFindings(before.findings, after.findings, options.renamed);
  const byPersona = (rows: readonly [Finding, string | null][]) => {
    const grouped = new Map<string | null, FindingRow[]>();
    for (const [f, persona] of rows) {
      const list = grouped.get(persona) ?? [];
      list.push(rowOf(f));
      grouped.set(persona, list);
    }
    return grouped;
  };
  const fixed = byPersona(findings.fixed.map((f) => [f, old.personaOf(f.entity)]));
  const introduced = byPersona(findings.introduced.map((f) => [f, now.personaOf(f.entity)]));
  const ids = [
    ...new Set([
      ...old.personas.keys(),
      ...now.personas.keys(),
      ...[...fixed.keys(), ...introduced.keys()].filter((p): p is string => p !== null),
    ]),
  ].sort(compare);
  const personas: PersonaChange[] = [];
  for (const id of ids) {
    const change = personaChange(id, old.personas.get(id), now.personas.get(id), {
      fixed: fixed.get(id) ?? [],
      introduced: introduced.get(id) ?? [],
    });
    if (change !== null) personas.push(change);
  }
  const workspace = {
    findings: { fixed: fixed.get(null) ?? [], introduced: introduced.get(null) ?? [] },
  };
  const renamed = [...options.renamed].map(([from, to]) => ({ from, to }));
  const allFindings = [workspace.findings, ...personas.map((p) => p.findings)];
  const summary: Summary = {
    personas: personas.length,
    surveysAdded: sum(personas, (p) => p.surveys.added.length),
    surveysRemoved: sum(personas, (p) => p.surveys.removed.length),
    surveysChanged: sum(personas, (p) => p.surveys.changed.length),
    stagesOpened: sum(personas, (p) => p.stages.opened.length),
    overLimit: personas.filter((p) => p.pressure.crossed === "over").length,
    findingsFixed: sum(allFindings, (f) => f.fixed.length),
    findingsIntroduced: sum(allFindings, (f) => f.introduced.length),
    errorsIntroduced: sum(
      allFindings,
      (f) => f.introduced.filter((row) => row.severity === "error").length,
    ),
  };
  return {
    version: 1,
    base: options.base,
    range: { from: dateOf(options.range.from), to: dateOf(options.range.to) },
    changed:
      personas.length > 0 ||
      renamed.length > 0 ||
      workspace.findings.fixed.length + workspace.findings.introduced.length > 0,
    renamed,
    personas,
    workspace,
    summary,
  };
}

const sum = <T>(items: readonly T[], count: (item: T) => number) =>
  items.reduce((n, item) => n + count(item), 0);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every persona a side shows (its own document, or a journey naming it), with what it holds. */
function index(side: DiffSide, range: DayRange): Indexed {
  const personas = new Map<string, PersonaSide>();
  const of = (id: string) => {
    let found = personas.get(id);
    if (!found) {
      found = {
        node: null,
        journeys: new Map(),
        surveys: new Map(),
        stages: new Map(),
        events: new Map(),
        pressure: null,
      };
      personas.set(id, found);
    }
    return found;
  };
  const journeyPersona = new Map<string, string | null>();
  const surveyPersona = new Map<string, string | null>();
  for (const { config, workspace, scope } of side.workspaces) {
    for (const persona of workspace.personas) {
      if (scope.persona(persona.id)) of(persona.id).node ??= persona;
    }
    for (const journey of workspace.journeys) {
      const persona = journey.persona?.value ?? null;
      if (!journeyPersona.has(journey.id)) journeyPersona.set(journey.id, persona);
      for (const survey of [...journey.surveys, ...journey.stages.flatMap((s) => s.surveys)])
        if (!surveyPersona.has(survey.id)) surveyPersona.set(survey.id, persona);
      if (persona === null || !scope.journey(journey)) continue;
      const held = of(persona);
      held.journeys.set(journey.id, journey);
      for (const stage of journey.stages) {
        held.stages.set(`${journey.id}/${stage.id}`, stage);
        for (const event of stage.events) held.events.set(`${journey.id}/${event.id}`, event);
      }
    }
    for (const survey of workspace.surveys) {
      const persona = survey.journey.persona?.value;
      if (persona === undefined || !scope.journey(survey.journey)) continue;
      const held = of(persona);
      if (!held.surveys.has(survey.id)) held.surveys.set(survey.id, survey);
    }
    for (const p of pressures(workspace, config, range)) {
      if (scope.persona(p.persona)) of(p.persona).pressure ??= p;
    }
  }
  return {
    personas,
    personaOf(entity) {
      const [kind, ...rest] = (entity ?? "").split(":");
      const id = rest.join(":");
      if (kind === "persona") return id;
      if (kind === "journey") return journeyPersona.get(id) ?? null;
      if (kind === "survey") return surveyPersona.get(id) ?? null;
      return null;
    },
  };
}

function personaChange(
  id: string,
  before: PersonaSide | undefined,
  after: PersonaSide | undefined,
  findings: FindingChanges,
): PersonaChange | null {
  const journeys = added(before?.journeys, after?.journeys);
  const surveys = added(before?.surveys, after?.surveys);
  const stages = added(before?.stages, after?.stages);
  const events = added(before?.events, after?.events);
  const changedSurveys: SurveyChange[] = [];
  for (const [key, survey] of after?.surveys ?? []) {
    const was = before?.surveys.get(key);
    if (was === undefined) continue;
    const change = surveyChange(was, survey);
    if (change !== null) changedSurveys.push(change);
  }
  const opened: StageStatusChange[] = [];
  const decided: StageStatusChange[] = [];
  for (const [key, stage] of after?.stages ?? []) {
    const was = before?.stages.get(key);
    if (was === undefined) continue;
    const change = {
      journey: stage.journey.id,
      stage: stage.id,
      before: statusOf(was),
      after: statusOf(stage),
    };
    if (change.after === "open" && change.before !== "open") opened.push(change);
    if (change.before === "open" && change.after !== "open") decided.push(change);
  }
  const satisfaction: SatisfactionChange[] = [];
  const channels: EventChannelChange[] = [];
  for (const [key, event] of after?.events ?? []) {
    const was = before?.events.get(key);
    if (was !== undefined && was.channel?.value !== event.channel?.value)
      channels.push({
        journey: event.stage.journey.id,
        stage: event.stage.id,
        event: event.id,
        before: was.channel?.value ?? null,
        after: event.channel?.value ?? null,
      });
    if (was === undefined || was.satisfaction === event.satisfaction) continue;
    satisfaction.push({
      journey: event.stage.journey.id,
      stage: event.stage.id,
      event: event.id,
      before: was.satisfaction,
      after: event.satisfaction,
    });
  }
  const pressureBefore = pressureOf(before?.pressure ?? null);
  const pressureAfter = pressureOf(after?.pressure ?? null);
  const wasOk = pressureBefore?.ok ?? true;
  const isOk = pressureAfter?.ok ?? true;
  const crossed = wasOk && !isOk ? "over" : !wasOk && isOk && pressureAfter ? "within" : null;
  const change: PersonaChange = {
    id,
    name: after?.node?.name ?? before?.node?.name ?? null,
    status: before === undefined ? "added" : after === undefined ? "removed" : "changed",
    journeys: {
      added: journeys.added.map(journeyRow),
      removed: journeys.removed.map(journeyRow),
    },
    surveys: {
      added: surveys.added.map(surveyRow),
      removed: surveys.removed.map(surveyRow),
      changed: changedSurveys,
    },
    stages: {
      added: stages.added.map(stageRow),
      removed: stages.removed.map(stageRow),
      opened,
      decided,
    },
    events: {
      added: events.added.map(eventRow),
      removed: events.removed.map(eventRow),
      changed: channels,
    },
    satisfaction,
    pressure: { before: pressureBefore, after: pressureAfter, crossed },
    findings,
  };
  const nothing =
    change.status === "changed" &&
    journeys.added.length + journeys.removed.length === 0 &&
    surveys.added.length + surveys.removed.length + changedSurveys.length === 0 &&
    stages.added.length + stages.removed.length + opened.length + decided.length === 0 &&
    events.added.length + events.removed.length + channels.length + satisfaction.length === 0 &&
    JSON.stringify(pressureBefore) === JSON.stringify(pressureAfter) &&
    findings.fixed.length + findings.introduced.length === 0;
  return nothing ? null : change;
}

/** What is only in `after` (added) and only in `before` (removed), in each side's order. */
function added<T>(before: Map<string, T> | undefined, after: Map<string, T> | undefined) {
  const was = before ?? new Map<string, T>();
  const is = after ?? new Map<string, T>();
  return {
    added: [...is].filter(([key]) => !was.has(key)).map(([, v]) => v),
    removed: [...was].filter(([key]) => !is.has(key)).map(([, v]) => v),
  };
}

const journeyRow = (j: JourneyNode): JourneyRow => ({ id: j.id, title: j.title });

function surveyRow(survey: SurveyNode): SurveyRow {
  return {
    id: survey.id,
    journey: survey.journey.id,
    stage: survey.stage?.id ?? null,
    event: survey.event?.value ?? null,
    channel: survey.channel?.value ?? null,
    indicators: survey.indicators.map((i) => i.value),
    recurrence: describeRecurrence(survey),
    questions: survey.questions.map((q) => q.text ?? ""),
  };
}

/** As `journey coverage` decides: surveyed when a survey listens, else waived with a reason, else open. */
const statusOf = (stage: StageNode): CoverageStatus =>
  stage.surveys.length > 0 ? "surveyed" : stage.noSurvey !== null ? "waived" : "open";

const stageRow = (stage: StageNode): StageRow => ({
  journey: stage.journey.id,
  stage: stage.id,
  name: stage.name,
  status: statusOf(stage),
});

const eventRow = (event: EventNode): EventRow => ({
  journey: event.stage.journey.id,
  stage: event.stage.id,
  event: event.id,
  channel: event.channel?.value ?? null,
  satisfaction: event.satisfaction,
});

function pressureOf(p: PersonaPressure | null): Pressure | null {
  if (p === null) return null;
  return {
    sends: p.sends.length,
    maxInWindow: p.maxInWindow,
    limit: p.policy?.maxSurveys ?? null,
    window: p.policy?.window?.text ?? null,
    minGap: p.policy?.minGap?.text ?? null,
    ok: p.ok,
  };
}

function surveyChange(before: SurveyNode, after: SurveyNode): SurveyChange | null {
  const a = surveyFields(before);
  const b = surveyFields(after);
  const fields = (Object.keys(b) as SurveyField[])
    .filter((field) => a[field] !== b[field])
    .map((field) => ({ field, before: a[field], after: b[field] }));
  const questions = questionChanges(before.questions, after.questions);
  const same =
    fields.length === 0 &&
    questions.added.length +
      questions.removed.length +
      questions.reworded.length +
      questions.changed.length ===
      0;
  return same ? null : { id: after.id, journey: after.journey.id, fields, questions };
}

function surveyFields(survey: SurveyNode): Record<SurveyField, string | null> {
  return {
    journey: survey.journey.id,
    stage: survey.stage?.id ?? null,
    event: survey.event?.value ?? null,
    channel: survey.channel?.value ?? null,
    subject: survey.subject,
    indicators: survey.indicators.map((i) => i.value).join(", "),
    recurrence: describeRecurrence(survey),
  };
}

/**
 * Questions matched across the change: by id when both have one; else the same text (moved, not
 * reported); else the same position, when they do not both have (different) ids — a reworded
 * question. The rest are added or removed.
 */
function questionChanges(before: readonly QuestionNode[], after: readonly QuestionNode[]) {
  const nodes = new Map<Question, QuestionNode>();
  const listed = (qs: readonly QuestionNode[]): Question[] =>
    qs.map((q, i) => {
      const listed = { id: q.id, position: i + 1, text: q.text ?? "" };
      nodes.set(listed, q);
      return listed;
    });
  const old = listed(before);
  const now = listed(after);
  const taken = new Set<Question>();
  const matched = new Set<Question>();
  const reworded: SurveyChange["questions"]["reworded"] = [];
  const changed: SurveyChange["questions"]["changed"] = [];
  const pair = (q: Question, was: Question) => {
    taken.add(was);
    matched.add(q);
    if (was.text !== q.text)
      reworded.push({ id: q.id, position: q.position, before: was.text, after: q.text });
    const [a, b] = [nodes.get(was), nodes.get(q)];
    const measures = {
      indicator: (n: QuestionNode | undefined) => n?.indicator?.value ?? null,
      scale: (n: QuestionNode | undefined) => (n?.scale ? `${n.scale.min}–${n.scale.max}` : null),
    };
    for (const field of ["indicator", "scale"] as const) {
      const [before, after] = [measures[field](a), measures[field](b)];
      if (before !== after) changed.push({ id: q.id, position: q.position, field, before, after });
    }
  };
  const free = (q: Question) => !taken.has(q);
  const unmatched = () => now.filter((q) => !matched.has(q));
  for (const q of now) {
    const was = q.id === null ? undefined : old.find((o) => free(o) && o.id === q.id);
    if (was) pair(q, was);
  }
  const distinct = (a: Question, b: Question) => a.id !== null && b.id !== null && a.id !== b.id;
  for (const q of unmatched()) {
    const was = old.find((o) => free(o) && o.text === q.text && !distinct(o, q));
    if (was) pair(q, was);
  }
  for (const q of unmatched()) {
    const was = old[q.position - 1];
    if (was && free(was) && !distinct(was, q)) pair(q, was);
  }
  return { added: unmatched(), removed: old.filter(free), reworded, changed };
}

/**
 * The findings fixed (at the commit, not now) and introduced (now, not at the commit), matched by
 * identity (rule, message, file, entity, anchor; never the line), the commit's files through
 * their renames; as many of one identity on each side match one to one. Those left, when they
 * are about an entity, match by the rest of their identity in any file.
 */
function matchFindings(
  before: readonly Finding[],
  after: readonly Finding[],
  renamed: ReadonlyMap<string, string>,
): { fixed: Finding[]; introduced: Finding[] } {
  const waiting = new Map<string, Finding[]>();
  for (const f of before) {
    const key = identityOf({ ...f, file: renamed.get(f.file) ?? f.file });
    const list = waiting.get(key) ?? [];
    list.push(f);
    waiting.set(key, list);
  }
  const unmatched: Finding[] = [];
  for (const f of after) {
    const list = waiting.get(identityOf(f));
    if (list && list.length > 0) list.shift();
    else unmatched.push(f);
  }
  // Then, what is about a persona, journey or survey, wherever its file is now: a file moved and
  // edited before git knows of the move, or split in two, still holds the same entities.
  const anywhere = (f: Finding) => JSON.stringify([f.rule, f.messageId, f.entity, f.anchor]);
  const elsewhere = new Map<string, Finding[]>();
  for (const f of [...waiting.values()].flat()) {
    if (f.entity === null) continue;
    const list = elsewhere.get(anywhere(f)) ?? [];
    list.push(f);
    elsewhere.set(anywhere(f), list);
  }
  const moved = new Set<Finding>();
  const introduced: Finding[] = [];
  for (const f of unmatched) {
    const was = f.entity === null ? undefined : elsewhere.get(anywhere(f))?.shift();
    if (was === undefined) introduced.push(f);
    else moved.add(was);
  }
  const fixed = [...waiting.values()].flat().filter((f) => !moved.has(f));
  const order = new Map(before.map((f, i) => [f, i]));
  fixed.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { fixed, introduced };
}

const rowOf = (f: Finding): FindingRow => ({
  rule: f.rule,
  severity: f.severity,
  message: f.message,
  file: f.file,
  line: f.line,
  column: f.column,
  entity: f.entity,
});
