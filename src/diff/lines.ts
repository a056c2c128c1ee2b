import { amount } from "../survey/words.js";
import type { DiffReport, FindingRow, PersonaChange, Pressure, SurveyRow } from "./model.js";

/**
 * The changes of a diff in words, one row each, as the table and the Markdown show them: what
 * changed, the item it is about, and the detail. `tone` says how a terminal colours it.
 */
export interface ChangeRow {
  change: string;
  item: string;
  detail: string;
  tone: "added" | "removed" | "changed" | "warning";
}

/** Every change of a persona but its findings, in a fixed order. */
export function personaRows(p: PersonaChange): ChangeRow[] {
  const rows: ChangeRow[] = [];
  const row = (change: string, item: string, detail: string, tone: ChangeRow["tone"]) =>
    rows.push({ change, item, detail, tone });
  if (p.status !== "changed") row(`persona ${p.status}`, p.id, p.name ?? "", tone(p.status));
  for (const j of p.journeys.added) row("journey added", j.id, j.title ?? "", "added");
  for (const j of p.journeys.removed) row("journey removed", j.id, j.title ?? "", "removed");
  for (const s of p.surveys.added) row("survey added", s.id, surveyWords(s), "added");
  for (const s of p.surveys.removed) row("survey removed", s.id, surveyWords(s), "removed");
  for (const s of p.surveys.changed) {
    for (const f of s.fields)
      row("survey changed", s.id, `${f.field}: ${f.before ?? "–"} → ${f.after ?? "–"}`, "changed");
    for (const q of s.questions.reworded)
      row(
        "survey changed",
        s.id,
        `question ${q.id ?? q.position} reworded: “${q.before}” → “${q.after}”`,
        "changed",
      );
    for (const q of s.questions.changed)
      row(
        "survey changed",
        s.id,
        `question ${q.id ?? q.position} ${q.field}: ${q.before ?? "–"} → ${q.after ?? "–"}`,
        "changed",
      );
    for (const q of s.questions.added)
      row("survey changed", s.id, `question ${q.id ?? q.position} added: “${q.text}”`, "changed");
    for (const q of s.questions.removed)
      row("survey changed", s.id, `question ${q.id ?? q.position} removed: “${q.text}”`, "changed");
  }
  const stageWords = (name: string | null, status: string) =>
    `${name === null ? "" : `${name}, `}${status}`;
  for (const s of p.stages.added)
    row("stage added", `${s.journey}/${s.stage}`, stageWords(s.name, s.status), "added");
  for (const s of p.stages.removed)
    row("stage removed", `${s.journey}/${s.stage}`, stageWords(s.name, s.status), "removed");
  for (const s of p.stages.opened)
    row(
      "stage open",
      `${s.journey}/${s.stage}`,
      `no survey and no noSurvey reason now (was ${s.before})`,
      "warning",
    );
  for (const s of p.stages.decided)
    row("stage decided", `${s.journey}/${s.stage}`, `${s.after} now (was open)`, "added");
  const eventWords = (channel: string | null, satisfaction: number | null) =>
    [channel ?? "no channel", satisfaction === null ? null : `satisfaction ${satisfaction}`]
      .filter((w) => w !== null)
      .join(", ");
  for (const e of p.events.added)
    row(
      "event added",
      `${e.journey}/${e.stage}/${e.event}`,
      eventWords(e.channel, e.satisfaction),
      "added",
    );
  for (const e of p.events.removed)
    row(
      "event removed",
      `${e.journey}/${e.stage}/${e.event}`,
      eventWords(e.channel, e.satisfaction),
      "removed",
    );
  for (const e of p.events.changed)
    row(
      "event channel",
      `${e.journey}/${e.stage}/${e.event}`,
      `${e.before ?? "no channel"} → ${e.after ?? "no channel"}`,
      "changed",
    );
  for (const s of p.satisfaction)
    row(
      "satisfaction",
      `${s.journey}/${s.stage}/${s.event}`,
      `${s.before ?? "–"} → ${s.after ?? "–"}`,
      "changed",
    );
  const pressure = pressureWords(p);
  if (pressure !== null)
    row(
      "contact pressure",
      p.id,
      pressure,
      p.pressure.crossed === "over" || p.pressure.after?.ok === false ? "warning" : "changed",
    );
  return rows;
}

/** The findings of a group as rows: fixed, then introduced. */
export function findingRows(findings: {
  fixed: readonly FindingRow[];
  introduced: readonly FindingRow[];
}): ChangeRow[] {
  return [
    ...findings.fixed.map((f) => findingRow("finding fixed", f, "added")),
    ...findings.introduced.map((f) => findingRow("new finding", f, "removed")),
  ];
}

const findingRow = (change: string, f: FindingRow, t: ChangeRow["tone"]): ChangeRow => ({
  change,
  item: f.rule,
  detail: `${f.severity} at ${f.file}:${f.line}:${f.column}: ${f.message}`,
  tone: t,
});

const tone = (status: "added" | "removed"): ChangeRow["tone"] => status;

/** A survey in one line: where it listens, channel, indicators, when, how many questions. */
function surveyWords(s: SurveyRow): string {
  const where = `${s.journey}${s.stage === null ? " (journey-wide)" : `/${s.stage}`}${s.event === null ? "" : ` on ${s.event}`}`;
  const questions = `${s.questions.length} question${s.questions.length === 1 ? "" : "s"}`;
  return [
    where,
    s.channel ?? "no channel",
    s.indicators.join(", ") || "no indicator",
    s.recurrence,
    questions,
  ].join(" · ");
}

/**
 * The contact pressure before → after, when it changed: the sends in the range, the most in a
 * window and the limit, and whether the persona crossed it.
 */
function pressureWords(p: PersonaChange): string | null {
  const { before, after, crossed } = p.pressure;
  if (JSON.stringify(before) === JSON.stringify(after)) return null;
  const sends = (x: Pressure | null) => String(x?.sends ?? 0);
  const most = (x: Pressure | null) => (x?.maxInWindow ?? "–").toString();
  // A side no survey reaches has no count, not no policy: the other side's limit stands for it.
  const limit = (x: Pressure | null) => {
    const p = x ?? before ?? after;
    return p === null || p.limit === null || p.window === null
      ? "none"
      : `${p.limit} in ${amount(p.window)}`;
  };
  const arrow = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);
  const parts = [
    `sends ${arrow(sends(before), sends(after))}`,
    `most in a window ${arrow(most(before), most(after))}`,
    `limit ${arrow(limit(before), limit(after))}`,
  ];
  const verdict =
    crossed === "over"
      ? "over the limit now"
      : crossed === "within"
        ? "within the limit now"
        : after !== null && !after.ok
          ? "still over the limit"
          : null;
  return `${parts.join(", ")}${verdict === null ? "" : `: ${verdict}`}`;
}

/** The first line: what is compared. */
export function headline(report: DiffReport): string {
  const { ref, commit, mergeBase } = report.base;
  const base = mergeBase
    ? `the merge base of HEAD and ${ref} (${commit.slice(0, 7)})`
    : `${ref} (${commit.slice(0, 7)})`;
  return `Changes to the maps since ${base}, sends counted from ${report.range.from} to ${report.range.to}`;
}

/** The line when nothing changed. */
export function nothingChanged(report: DiffReport): string {
  const { ref, commit, mergeBase } = report.base;
  const base = mergeBase ? `the merge base of HEAD and ${ref}` : ref;
  return `No change to the personas' surveys, stages, events, contact pressure or findings since ${base} (${commit.slice(0, 7)})`;
}

/** The last line: the counts. */
export function summaryLine(report: DiffReport): string {
  const s = report.summary;
  if (s.personas === 0 && s.findingsFixed + s.findingsIntroduced === 0)
    return "no change to the personas' surveys, stages, events, contact pressure or findings";
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts = [
    plural(s.personas, "persona") + " changed",
    `surveys: ${s.surveysAdded} added, ${s.surveysRemoved} removed, ${s.surveysChanged} changed`,
    ...(s.stagesOpened > 0 ? [`${plural(s.stagesOpened, "stage")} left open`] : []),
    ...(s.overLimit > 0 ? [`${plural(s.overLimit, "persona")} over the contact policy now`] : []),
    `findings: ${s.findingsFixed} fixed, ${s.findingsIntroduced} new (${plural(s.errorsIntroduced, "error")})`,
  ];
  return parts.join("; ");
}
