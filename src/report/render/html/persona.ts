import type { PersonaNode } from "../../../model/types.js";
import { dateOf } from "../../../survey/civil.js";
import type { PersonaPressure } from "../../../survey/pressure.js";
import { amountOf } from "../../../survey/words.js";
import type { RenderData } from "../index.js";
import type { Anchors } from "./anchors.js";
import { badges, findingsTable } from "./findings.js";
import { dataTable, el, esc } from "./markup.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A persona: its card (portrait, identity card, habits, goals, frustrations, channels) and calendar. */
export function personaSection(p: PersonaNode, data: RenderData, anchors: Anchors): string {
  const id = anchors.of(p);
  const heading = `${id}--title`;
  const journeys = data.workspace.journeys.filter((j) => j.persona?.value === p.id);
  const drawn = new Set(data.journeys);
  const journeyLinks = journeys.map((j) =>
    drawn.has(j)
      ? el("a", { href: `#${anchors.of(j)}` }, esc(j.title ?? j.id))
      : `${esc(j.title ?? j.id)} <span class="id">(not drawn here)</span>`,
  );
  const list = (title: string, items: readonly string[]) =>
    items.length === 0
      ? ""
      : el(
          "div",
          {},
          el("h3", {}, esc(title)),
          el(
            "ul",
            {},
            items.map((t) => el("li", {}, esc(t))),
          ),
        );
  const card = el(
    "div",
    { class: "persona-card" },
    p.summary === null
      ? el("p", { class: "muted" }, "No summary written.")
      : el("p", { class: "summary" }, esc(p.summary)),
    traitsTable(p),
    el(
      "div",
      { class: "lists" },
      list("Habits", p.habits),
      list("Goals", p.goals),
      list("Frustrations", p.frustrations),
      list(
        "Channels",
        p.channels.map((c) => c.value),
      ),
    ),
    el(
      "p",
      {},
      journeys.length === 0
        ? "No journey maps this persona."
        : `Journeys: ${journeyLinks.join(", ")}`,
    ),
  );
  return el(
    "section",
    { class: "persona", id, "aria-labelledby": heading, "data-persona": p.id },
    el(
      "h2",
      { id: heading },
      `Persona: ${esc(p.name ?? p.id)} `,
      el("span", { class: "id" }, esc(p.id)),
      " ",
      badges(anchors.on(p)),
    ),
    card,
    calendarStrip(p, data, anchors),
    el("h3", {}, `Lint findings (${anchors.on(p).length})`),
    findingsTable(anchors.on(p), `Lint findings of persona ${p.name ?? p.id}`, () => id),
  );
}

function traitsTable(p: PersonaNode): string {
  if (p.traits.length === 0) return el("p", { class: "muted" }, "No identity card (traits).");
  const rows = p.traits.map((t) => {
    const basis =
      t.basis === "data"
        ? el("span", { class: "basis-data" }, "data")
        : t.basis === "hypothesis"
          ? el("span", { class: "basis-hypothesis" }, "hypothesis")
          : el("span", { class: "muted" }, "not said");
    const source =
      t.source !== null
        ? esc(t.source)
        : t.basis === "data"
          ? el("strong", {}, "no source named")
          : el("span", { class: "muted" }, "–");
    return el(
      "tr",
      {},
      el("th", { scope: "row" }, esc(t.name ?? "(unnamed)")),
      el("td", {}, esc(t.value === null ? "–" : String(t.value))),
      el("td", {}, basis),
      el("td", {}, source),
    );
  });
  return dataTable(
    "traits",
    `Identity card of ${esc(p.name ?? p.id)}`,
    ["trait", "value", "based on", "source"],
    rows,
  );
}

/** The months of the calendar's range, as [year, month 1–12]. */
function monthsOf(from: string, to: string): [number, number][] {
  const out: [number, number][] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push([y, m]);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

const monthKey = (y: number, m: number) =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;

/** Whether a send of the persona takes part in going over its contact policy. */
function overSends(p: PersonaPressure): Set<number> {
  const over = new Set<number>();
  for (const x of p.excesses) for (let i = x.first; i < x.first + x.count; i++) over.add(i);
  for (const g of p.gaps) {
    over.add(g.at - 1);
    over.add(g.at);
  }
  return over;
}

function policyWords(p: PersonaPressure): string {
  const policy = p.policy;
  if (!policy || (policy.maxSurveys === undefined && !policy.minGap)) return "no contact policy";
  const parts: string[] = [];
  if (policy.maxSurveys !== undefined && policy.window) {
    parts.push(`at most ${policy.maxSurveys} in ${esc(amountOf(policy.window))}`);
  }
  if (policy.minGap) parts.push(`at least ${esc(amountOf(policy.minGap))} apart`);
  return `contact policy: ${parts.join(", ")}`;
}

/**
 * The persona's surveys month by month over the calendar's range (twelve months a row), every
 * journey of the persona counted as one customer lives them all: how many, which (≈ estimated),
 * and the months where the contact policy is broken.
 */
function calendarStrip(persona: PersonaNode, data: RenderData, anchors: Anchors): string {
  const { calendar } = data;
  const heading = anchors.extra("calendar", persona.id);
  const p = calendar.personas.find((x) => x.persona === persona.id);
  const title = el(
    "h3",
    { id: heading },
    `Survey calendar of ${esc(persona.name ?? persona.id)}, ${esc(calendar.from)} to ${esc(calendar.to)}`,
  );
  if (!p) {
    return el(
      "section",
      { "aria-labelledby": heading },
      title,
      el("p", {}, "No survey reaches this persona."),
    );
  }
  const over = overSends(p);
  const byMonth = new Map<
    string,
    { survey: string; estimated: boolean; over: boolean; date: string }[]
  >();
  p.sends.forEach((send, i) => {
    const date = dateOf(send.day);
    if (date < calendar.from || date > calendar.to) return;
    const key = date.slice(0, 7);
    const list = byMonth.get(key) ?? [];
    list.push({ survey: send.survey.id, estimated: send.estimated, over: over.has(i), date });
    byMonth.set(key, list);
  });
  const months = monthsOf(calendar.from, calendar.to);
  const rows: [number, number][][] = [];
  for (let i = 0; i < months.length; i += 12) rows.push(months.slice(i, i + 12));
  const tables = rows.map((row) =>
    dataTable(
      "strip",
      `Surveys sent to one customer of ${esc(persona.name ?? persona.id)} per month`,
      row.map(([y, m]) => `${MONTHS[m - 1] ?? ""} ${el("span", { class: "muted" }, String(y))}`),
      el(
        "tr",
        {},
        row.map(([y, m]) => {
          const key = monthKey(y, m);
          const sends = byMonth.get(key) ?? [];
          const isOver = sends.some((s) => s.over);
          const estimated = sends.filter((s) => s.estimated).length;
          return el(
            "td",
            { class: isOver ? "over" : null, "data-month": key, "data-sends": sends.length },
            el(
              "span",
              { class: "count" },
              String(sends.length),
              el("span", { class: "vh" }, sends.length === 1 ? " survey" : " surveys"),
            ),
            estimated > 0 ? el("span", { class: "muted" }, `${estimated} estimated ≈`) : "",
            isOver ? el("span", { class: "over-note" }, "over the policy") : "",
            sends.length === 0
              ? ""
              : el(
                  "ul",
                  {},
                  sends.map((s) =>
                    el(
                      "li",
                      {},
                      `${esc(s.date.slice(8))} ${esc(s.survey)}`,
                      s.estimated ? el("span", { title: "estimated" }, " ≈") : "",
                    ),
                  ),
                ),
          );
        }),
      ),
    ),
  );
  const unscheduled = calendar.unscheduled.filter((u) => u.persona === persona.id);
  return el(
    "section",
    { "aria-labelledby": heading },
    title,
    el(
      "p",
      {},
      `${p.sends.length} ${p.sends.length === 1 ? "survey" : "surveys"} for one customer, all journeys together; ${policyWords(p)}: `,
      p.ok ? el("strong", {}, "kept") : el("strong", {}, "broken"),
      p.maxInWindow === null ? "" : ` (at most ${p.maxInWindow} in one window).`,
    ),
    tables,
    el(
      "p",
      { class: "muted" },
      "≈ sent after an event: placed as if the journey were passed through from the first day, then once per its frequency — the worst case a customer can meet.",
    ),
    unscheduled.length === 0
      ? ""
      : el(
          "p",
          {},
          "Not on the calendar: ",
          unscheduled.map((u) => `${el("code", {}, esc(u.survey))} (${esc(u.reason)})`).join("; "),
        ),
  );
}
