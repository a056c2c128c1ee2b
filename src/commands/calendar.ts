import { Chalk } from "chalk";
import { UsageError } from "../errors.js";
import { type Io, outputStyle } from "../io/io.js";
import { emit } from "../io/output.js";
import type { SurveyNode } from "../model/types.js";
import { today } from "../io/today.js";
import { dateOf, dayNumber, dayOf } from "../survey/civil.js";
import { amount } from "../survey/words.js";
import { toIcs } from "../survey/ics.js";
import { defaultRange, type PersonaPressure, pressures } from "../survey/pressure.js";
import type { DayRange, PlacedSend } from "../survey/schedule.js";
import { type CsvValue, toCsv } from "../report/csv.js";
import { type Cell, renderTable } from "../report/table.js";
import { readForDisplay, requireKnown, vocabulary } from "./read.js";

export interface CalendarOptions {
  format: string;
  config?: string;
  output?: string;
  from?: string;
  to?: string;
  by: string;
  persona: string[];
  journey: string[];
}

const FORMATS = ["table", "json", "csv", "ics"];

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

interface PressureRow {
  persona: string;
  maxInWindow: number | null;
  limit: number | null;
  window: string | null;
  ok: boolean;
}

interface UnscheduledRow {
  survey: string;
  persona: string;
  journey: string;
  reason: string;
}

/**
 * `journey calendar`: every send of every survey reaching each persona in the range, and each
 * persona's contact pressure against its policy. `--journey` narrows the sends listed; pressure
 * always counts every journey of the persona, as one customer lives them all.
 */
export async function calendar(paths: string[], options: CalendarOptions, io: Io): Promise<number> {
  if (!FORMATS.includes(options.format)) {
    throw new UsageError(`unknown format "${options.format}": use ${FORMATS.join(", ")}`);
  }
  if (!["week", "month"].includes(options.by)) {
    throw new UsageError(`--by expects week or month, got "${options.by}"`);
  }
  const date = today(io.env, io.now);
  let range: DayRange | undefined;
  const all: PersonaPressure[] = [];
  const personaIds: string[] = [];
  const journeyIds: string[] = [];
  for (const { config, workspace } of readForDisplay(io, paths, options.config)) {
    range ??= rangeOf(options, defaultRange(config, date));
    const known = vocabulary(workspace);
    personaIds.push(...known.personas);
    journeyIds.push(...known.journeys);
    all.push(...pressures(workspace, config, range));
  }
  if (!range) throw new UsageError("no maps to read");
  requireKnown("persona", options.persona, personaIds);
  requireKnown("journey", options.journey, journeyIds);
  const chosen = (values: readonly string[], value: string) =>
    values.length === 0 || values.includes(value);
  const personas = all.filter((p) => chosen(options.persona, p.persona));
  const listed = (survey: SurveyNode) => chosen(options.journey, survey.journey.id);
  const sends = personas
    .flatMap((p) => p.sends.filter((s) => listed(s.survey)).map((send) => [p, send] as const))
    .sort(
      ([pa, a], [pb, b]) =>
        a.day - b.day || compare(pa.persona, pb.persona) || compare(a.survey.id, b.survey.id),
    );
  const sendRows: SendRow[] = sends.map(([p, send]) => ({
    date: dateOf(send.day),
    survey: send.survey.id,
    persona: p.persona,
    journey: send.survey.journey.id,
    stage: send.survey.stage?.id ?? null,
    channel: send.survey.channel?.value ?? null,
    estimated: send.estimated,
  }));
  const pressureRows: PressureRow[] = personas.map((p) => ({
    persona: p.persona,
    maxInWindow: p.maxInWindow,
    limit: p.policy?.maxSurveys ?? null,
    window: p.policy?.window ?? null,
    ok: p.ok,
  }));
  const unscheduled: UnscheduledRow[] = personas.flatMap((p) =>
    p.unscheduled
      .filter((u) => listed(u.survey))
      .map((u) => ({
        survey: u.survey.id,
        persona: p.persona,
        journey: u.survey.journey.id,
        reason: u.reason,
      })),
  );
  const from = dateOf(range.from);
  const to = dateOf(range.to);
  let text: string;
  if (options.format === "json") {
    text = `${JSON.stringify({ from, to, sends: sendRows, pressure: pressureRows, unscheduled }, null, 2)}\n`;
  } else if (options.format === "csv") {
    const fields = [
      "date",
      "survey",
      "persona",
      "journey",
      "stage",
      "channel",
      "estimated",
    ] as const;
    text = toCsv(
      fields,
      sendRows.map((row) => fields.map((f) => row[f] as CsvValue)),
    );
  } else if (options.format === "ics") {
    text = ics(
      sends.map(([, send]) => send),
      sendRows,
      date,
    );
  } else {
    text = await table(personas, sends, { from, to, by: options.by }, unscheduled, io, options);
  }
  emit(io, text, options.output);
  return 0;
}

/** The longest range a calendar covers: enough for any plan, and no runaway expansion. */
const MAX_DAYS = 366 * 100;

function rangeOf(options: CalendarOptions, fallback: DayRange): DayRange {
  const read = (flag: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const day = dayOf(value);
    if (day === null) throw new UsageError(`${flag} expects a date as YYYY-MM-DD, got "${value}"`);
    return day;
  };
  const fromFlag = read("--from", options.from);
  const toFlag = read("--to", options.to);
  const from = fromFlag ?? fallback.from;
  const to =
    toFlag ?? (fromFlag !== undefined ? from + (fallback.to - fallback.from) : fallback.to);
  if (to < from) throw new UsageError(`--to (${dateOf(to)}) is before --from (${dateOf(from)})`);
  if (to - from > MAX_DAYS) {
    throw new UsageError(
      `a calendar covers at most 100 years: ${dateOf(from)} to ${dateOf(to)} is longer`,
    );
  }
  return { from, to };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function ics(sends: readonly PlacedSend[], rows: readonly SendRow[], date: string): string {
  const stamp = `${date.replace(/-/g, "")}T000000Z`;
  const events = sends.map((send, i) => {
    const row = rows[i] as SendRow;
    const survey = send.survey;
    const title = typeof survey.data.title === "string" ? survey.data.title : survey.id;
    const subject = typeof survey.data.subject === "string" ? survey.data.subject : "";
    return {
      date: row.date,
      end: dateOf(send.day + 1),
      uid: `${row.survey}.${row.persona}.${row.date.replace(/-/g, "")}@journey`,
      summary: `${title} (${row.persona})`,
      description: [
        `Survey: ${row.survey}`,
        `Persona: ${row.persona}`,
        `Journey: ${row.journey}${row.stage ? `, stage ${row.stage}` : ""}`,
        `Channel: ${row.channel ?? "none"}`,
        `Subject: ${subject}`,
        ...(send.estimated
          ? ["Estimated: sent after an event, placed by the journey's frequency"]
          : []),
      ].join("\n"),
      categories: [row.persona, row.channel ?? "none", "survey"],
    };
  });
  return toIcs(events, stamp);
}

/** The period a day falls in: its month (2026-03) or the Monday of its week. */
function periodOf(day: number, by: string): string {
  if (by === "month") return dateOf(day).slice(0, 7);
  const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; Monday is 0
  return dateOf(day - weekday);
}

async function table(
  personas: readonly PersonaPressure[],
  sends: readonly (readonly [PersonaPressure, PlacedSend])[],
  range: { from: string; to: string; by: string },
  unscheduled: readonly UnscheduledRow[],
  io: Io,
  options: CalendarOptions,
): Promise<string> {
  if (personas.length === 0) {
    return `Survey calendar ${range.from} to ${range.to}: no survey reaches a persona in these maps\n`;
  }
  const { colorLevel, width } = outputStyle(io, options.output);
  const chalk = new Chalk({ level: colorLevel });
  // Sends over the policy: the one too many in a window, the one too close to the previous.
  const over = new Set<PlacedSend>();
  for (const p of personas) {
    for (const excess of p.excesses) over.add(excess.tipping);
    for (const gap of p.gaps) over.add(gap.second);
  }
  // Every period of the range, in order, those without sends too.
  const periods = new Map<string, Map<string, PlacedSend[]>>();
  for (let day = dayNumber(range.from); day <= dayNumber(range.to); day++) {
    const period = periodOf(day, range.by);
    if (!periods.has(period)) periods.set(period, new Map());
  }
  for (const [p, send] of sends) {
    const period = periodOf(send.day, range.by);
    const row = periods.get(period) ?? new Map<string, PlacedSend[]>();
    row.set(p.persona, [...(row.get(p.persona) ?? []), send]);
    periods.set(period, row);
  }
  const columns = [
    { header: range.by === "month" ? "month" : "week of" },
    ...personas.map((p) => ({ header: p.persona, wrap: true })),
  ];
  const exceeded = (row: Map<string, PlacedSend[]>) =>
    [...row.values()].some((list) => list.some((s) => over.has(s)));
  const cells = [...periods].map(([period, row]): Cell[] => [
    exceeded(row) ? { text: `${period} ⚠`, color: (c, t) => c.red.bold(t) } : { text: period },
    ...personas.map((p): Cell => {
      const list = row.get(p.persona) ?? [];
      const text = list
        .map(
          (s) =>
            `${dateOf(s.day).slice(5)} ${s.survey.id}${s.estimated ? " ≈" : ""}${over.has(s) ? " ⚠" : ""}`,
        )
        .join("\n");
      return list.some((s) => over.has(s)) ? { text, color: (c, t) => c.red.bold(t) } : { text };
    }),
  ]);
  const header = `Survey calendar ${range.from} to ${range.to}, by ${range.by}`;
  const sendsTable =
    cells.length > 0
      ? await renderTable(columns, cells, { width, chalk })
      : "no sends in this range\n";
  const pressureCells = personas.map((p): Cell[] => [
    { text: p.persona },
    { text: String(p.sends.length) },
    { text: p.maxInWindow === null ? "–" : String(p.maxInWindow) },
    {
      text:
        p.policy?.maxSurveys !== undefined
          ? `${p.policy.maxSurveys} in ${amount(p.policy.window ?? "")}`
          : "–",
    },
    { text: p.policy?.minGap ? amount(p.policy.minGap) : "–" },
    statusCell(p),
  ]);
  const pressureTable = await renderTable(
    [
      { header: "persona" },
      { header: "sends" },
      { header: "most in a window" },
      { header: "limit" },
      { header: "min gap" },
      { header: "pressure", wrap: true },
    ],
    pressureCells,
    { width, chalk },
  );
  const notes = [
    ...(sends.some(([, s]) => s.estimated)
      ? ["≈ estimated: sent after an event, placed by the journey's frequency"]
      : []),
    ...(sends.some(([, s]) => over.has(s))
      ? ["⚠ over the contact policy: journey lint reports it (contact-pressure)"]
      : []),
    ...unscheduled.map((u) => `not on the calendar: "${u.survey}" (${u.persona}), ${u.reason}`),
  ];
  return `${header}\n${sendsTable}\nContact pressure\n${pressureTable}${notes.join("\n")}\n`;
}

function statusCell(p: PersonaPressure): Cell {
  const partial = p.unscheduled.length > 0 ? "; not fully assessed (unscheduled surveys)" : "";
  if (!p.policy) return { text: `no contact policy${partial}`, color: (c, t) => c.dim(t) };
  if (!p.ok) {
    const what = [
      p.excesses.length > 0 ? "too many in a window" : "",
      p.gaps.length > 0 ? "too close together" : "",
    ].filter(Boolean);
    return { text: `exceeded: ${what.join(", ")}${partial}`, color: (c, t) => c.red.bold(t) };
  }
  return { text: `ok${partial}`, color: (c, t) => (partial ? c.yellow(t) : c.green(t)) };
}
