import { dateOf, dayNumber } from "../../survey/civil.js";
import type { PersonaPressure } from "../../survey/pressure.js";
import type { PlacedSend } from "../../survey/schedule.js";
import { amountOf } from "../../survey/words.js";
import { chalkFor, type Style } from "../style.js";
import { type Cell, renderTable } from "../table.js";
import type { CalendarReport } from "./index.js";

/** The period a day falls in: its month (2026-03) or the Monday of its week. */
function periodOf(day: number, by: CalendarReport["by"]): string {
  if (by === "month") return dateOf(day).slice(0, 7);
  const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; Monday is 0
  return dateOf(day - weekday);
}

/**
 * The sends by period (a row per week or month, a column per persona, sends over the policy
 * marked ⚠), then each persona's contact pressure, then notes on what is estimated or missing.
 */
export async function calendarTable(report: CalendarReport, style: Style): Promise<string> {
  const { personas, sends, by, from, to, unscheduled } = report;
  if (personas.length === 0) {
    return `Survey calendar ${from} to ${to}: no survey reaches a persona in these maps\n`;
  }
  const { width } = style;
  const chalk = chalkFor(style);
  // Sends over the policy: the one too many in a window, the one too close to the previous.
  const over = new Set<PlacedSend>();
  for (const p of personas) {
    for (const excess of p.excesses) over.add(excess.tipping);
    for (const gap of p.gaps) over.add(gap.second);
  }
  // Every period of the range, in order, those without sends too.
  const periods = new Map<string, Map<string, PlacedSend[]>>();
  for (let day = dayNumber(from); day <= dayNumber(to); day++) {
    const period = periodOf(day, by);
    if (!periods.has(period)) periods.set(period, new Map());
  }
  for (const [p, send] of sends) {
    const period = periodOf(send.day, by);
    const row = periods.get(period) ?? new Map<string, PlacedSend[]>();
    const list = row.get(p.persona);
    if (list) list.push(send);
    else row.set(p.persona, [send]);
    periods.set(period, row);
  }
  const columns = [
    { header: by === "month" ? "month" : "week of" },
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
  const header = `Survey calendar ${from} to ${to}, by ${by}`;
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
          ? `${p.policy.maxSurveys} in ${p.policy.window ? amountOf(p.policy.window) : ""}`
          : "–",
    },
    { text: p.policy?.minGap?.text ? amountOf(p.policy.minGap) : "–" },
    statusCell(p),
  ]);
  const pressureTable = await renderTable(
    [
      { header: "persona" },
      { header: "sends" },
      { header: "most in a window" },
      { header: "limit" },
      { header: "min gap" },
      { header: "pressure", prose: true },
    ],
    pressureCells,
    { width, chalk },
  );
  const notes = [
    ...(sends.some(([, s]) => s.estimated)
      ? [
          // Why January is crowded: every triggered survey starts on the range's first day.
          "≈ sent after an event: placed as if every journey were passed through from the first day, then once per its frequency — the worst case a customer can meet",
        ]
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
