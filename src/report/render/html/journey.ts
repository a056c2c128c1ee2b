import type { EventNode, JourneyNode, StageNode, SurveyNode } from "../../../model/types.js";
import { periodOf } from "../../../survey/words.js";
import { describeRecurrence } from "../../../views/recurrence.js";
import type { RenderData } from "../index.js";
import type { Anchors } from "./anchors.js";
import { badges, findingsTable } from "./findings.js";
import { el, esc } from "./markup.js";

/** The curve's drawing: a point's height in px for a satisfaction of 1 to 5 (5 at the top). */
const CURVE = { height: 72, top: 12, step: 12 } as const;
const yOf = (s: number) => CURVE.top + (5 - Math.min(5, Math.max(1, s))) * CURVE.step;

/** A map with more columns than this goes on an A3 page when printed. */
const WIDE = 8;

/** A column of the grid: an event, or a stage that has none. */
type Column = { stage: StageNode; event: EventNode | null };

const columnsOf = (j: JourneyNode): Column[] =>
  j.stages.flatMap((stage): Column[] =>
    stage.events.length === 0
      ? [{ stage, event: null }]
      : stage.events.map((event) => ({ stage, event })),
  );

const span = (stage: StageNode) => Math.max(1, stage.events.length);

/** The surveys listening to one event: of its stage naming it, and journey-wide ones naming it. */
const onEvent = (e: EventNode) => [
  ...e.stage.surveys.filter((s) => s.event?.value === e.id),
  ...e.stage.journey.surveys.filter((s) => s.event?.value === e.id),
];

/** The surveys of a stage not drawn under one of its events: the whole stage, or an unknown event. */
const onStage = (stage: StageNode) =>
  stage.surveys.filter(
    (s) => s.event === null || !stage.events.some((e) => e.id === s.event?.value),
  );

function surveyCard(s: SurveyNode, anchors: Anchors, note = ""): string {
  const id = anchors.of(s);
  const channel = s.channel?.value;
  const questions = s.questions.map((q) =>
    el(
      "li",
      {},
      esc(q.text ?? "(no text)"),
      q.indicator ? ` ${el("span", { class: "tag" }, esc(q.indicator.value))}` : "",
      q.scale ? ` ${el("span", { class: "muted" }, `${q.scale.min}–${q.scale.max}`)}` : "",
    ),
  );
  return el(
    "div",
    { class: "survey", id, "data-survey": s.id },
    el(
      "p",
      { class: "survey-title" },
      esc(s.title ?? s.id),
      " ",
      el("span", { class: "id" }, esc(s.id)),
      " ",
      badges(anchors.on(s)),
    ),
    note === "" ? "" : el("p", { class: "muted" }, esc(note)),
    el("p", {}, "Channel: ", channel ? el("span", { class: "tag" }, esc(channel)) : "not said"),
    el(
      "p",
      {},
      "Indicators: ",
      s.indicators.length === 0
        ? "none"
        : s.indicators.map((i) => el("span", { class: "tag" }, esc(i.value))).join(" "),
    ),
    el("p", {}, "When: ", esc(describeRecurrence(s))),
    s.subject === null ? "" : el("p", {}, "About: ", esc(s.subject)),
    questions.length === 0
      ? el("p", { class: "muted" }, "No questions.")
      : el(
          "details",
          {},
          el(
            "summary",
            {},
            `${questions.length} ${questions.length === 1 ? "question" : "questions"}`,
          ),
          el("ol", {}, questions),
        ),
  );
}

function stageHeader(stage: StageNode, anchors: Anchors): string {
  const surveyed = stage.surveys.length > 0;
  const open = !surveyed && stage.noSurvey === null;
  const status = surveyed
    ? `surveyed (${stage.surveys.length})`
    : stage.noSurvey !== null
      ? "not surveyed, by decision"
      : "⚠ no survey and no reason recorded";
  const classes = ["stage", stage.keyMoment !== null ? "key" : "", open ? "open" : ""]
    .filter(Boolean)
    .join(" ");
  return el(
    "th",
    {
      scope: "colgroup",
      colspan: span(stage) > 1 ? span(stage) : null,
      class: classes,
      id: anchors.of(stage),
      "data-stage": stage.id,
    },
    esc(stage.name ?? stage.id),
    " ",
    el("span", { class: "id" }, esc(stage.id)),
    stage.keyMoment === null
      ? ""
      : el("span", { class: "key-moment status" }, `★ key moment: ${esc(stage.keyMoment)}`),
    el("span", { class: "status" }, esc(status)),
    badges(anchors.on(stage)),
  );
}

/** The satisfaction cell of a column: its point, and the half lines to its neighbours' points. */
function curveCell(columns: readonly Column[], i: number): string {
  const e = columns[i]?.event ?? null;
  if (!e)
    return el("td", { class: "curve-cell" }, el("span", { class: "score muted" }, "no events"));
  const s = e.satisfaction;
  const assumed = e.evidence !== null && e.evidence.length === 0;
  if (s === null) {
    return el(
      "td",
      { class: "curve-cell", "data-event": e.id },
      el("span", { class: "score" }, e.statesSatisfaction ? "not a number" : "not stated"),
    );
  }
  const y = yOf(s);
  const neighbour = (k: number) => columns[k]?.event?.satisfaction ?? null;
  const prev = neighbour(i - 1);
  const next = neighbour(i + 1);
  const grid = [1, 3, 5]
    .map((v) => `<line class="grid" x1="0" x2="100%" y1="${yOf(v)}" y2="${yOf(v)}"></line>`)
    .join("");
  const left =
    prev === null ? "" : `<line x1="0" y1="${(yOf(prev) + y) / 2}" x2="50%" y2="${y}"></line>`;
  const right =
    next === null ? "" : `<line x1="50%" y1="${y}" x2="100%" y2="${(yOf(next) + y) / 2}"></line>`;
  const evidence =
    e.evidence === null
      ? "evidence unreadable"
      : assumed
        ? "no evidence: an assumption"
        : "from data";
  const label = `satisfaction ${s} out of 5, ${evidence}`;
  const circle = `<circle class="s${Math.min(5, Math.max(1, Math.round(s)))}${assumed ? " assumed" : ""}" cx="50%" cy="${y}" r="6" data-satisfaction="${esc(s)}"></circle>`;
  return el(
    "td",
    { class: "curve-cell", "data-event": e.id },
    `<svg class="curve" role="img" aria-label="${esc(label)}">${grid}${left}${right}${circle}</svg>`,
    el(
      "span",
      { class: assumed ? "score assumed" : "score" },
      el("strong", {}, `${esc(s)}/5`),
      assumed ? " · assumed" : e.evidence === null ? " · evidence?" : " · data",
    ),
  );
}

function eventCell(e: EventNode, anchors: Anchors): string {
  const tags = [
    e.actor === "brand" ? el("span", { class: "tag" }, "brand acts") : "",
    e.visibility === "internal" ? el("span", { class: "tag" }, "internal step") : "",
  ].join(" ");
  return el(
    "td",
    { id: anchors.of(e), "data-event": e.id, class: "event" },
    el("strong", {}, esc(e.action ?? e.id)),
    " ",
    el("span", { class: "id" }, esc(e.id)),
    tags.trim() === "" ? "" : ` ${tags}`,
    e.motivation === null ? "" : el("p", { class: "muted" }, "Why: ", esc(e.motivation)),
    e.expectations.length === 0
      ? ""
      : el("p", { class: "muted" }, "Expects: ", esc(e.expectations.join("; "))),
    badges(anchors.on(e)),
  );
}

/** A row of the grid: its header and one cell per column (`cell` of the event, or of an empty stage). */
function lane(title: string, columns: readonly Column[], cell: (e: EventNode) => string): string {
  return el(
    "tr",
    {},
    el("th", { scope: "row" }, esc(title)),
    columns.map((c) =>
      c.event ? cell(c.event) : el("td", {}, el("span", { class: "muted" }, "–")),
    ),
  );
}

const list = (items: readonly string[]) =>
  items.length === 0
    ? ""
    : el(
        "ul",
        {},
        items.map((t) => el("li", {}, t)),
      );

function grid(j: JourneyNode, data: RenderData, anchors: Anchors): string {
  const columns = columnsOf(j);
  const captionId = anchors.extra("map", j.id);
  const points = columns
    .filter((c) => c.event)
    .map((c) => {
      const e = c.event as EventNode;
      const s = e.satisfaction === null ? "not stated" : `${e.satisfaction}`;
      return `${e.action ?? e.id}: ${s}`;
    });
  const header = el(
    "tr",
    {},
    el("td", {}, el("span", { class: "vh" }, "lane")),
    j.stages.map((s) => stageHeader(s, anchors)),
  );
  const rows = [
    lane("Action", columns, (e) => eventCell(e, anchors)),
    lane("Channel", columns, (e) =>
      el("td", {}, e.channel ? el("span", { class: "tag" }, esc(e.channel.value)) : "not said"),
    ),
    el(
      "tr",
      { class: "curve-row" },
      el(
        "th",
        { scope: "row" },
        "Satisfaction",
        el("span", { class: "vh" }, `, 1 to 5: ${esc(points.join("; "))}`),
      ),
      columns.map((_, i) => curveCell(columns, i)),
    ),
    lane("Emotion", columns, (e) => el("td", {}, e.emotion === null ? "–" : esc(e.emotion))),
    lane("Pain points", columns, (e) =>
      el(
        "td",
        {},
        e.painPoints.length === 0
          ? "–"
          : list(
              e.painPoints.map(
                (p) =>
                  `${esc(p.text ?? "(no text)")}${p.impact === null ? "" : ` ${el("span", { class: "tag" }, `impact ${esc(p.impact)}/5`)}`}`,
              ),
            ),
      ),
    ),
    lane("Evidence", columns, (e) =>
      e.evidence === null
        ? el("td", {}, el("span", { class: "evidence none" }, "written, but not as a list"))
        : e.evidence.length === 0
          ? el("td", {}, el("span", { class: "evidence none" }, "none: an assumption"))
          : el(
              "td",
              {},
              list(
                e.evidence.map((v) =>
                  [
                    v.source ? el("strong", {}, esc(v.source)) : "",
                    v.ref ? esc(v.ref) : "",
                    v.date ? el("span", { class: "muted" }, esc(v.date)) : "",
                  ]
                    .filter(Boolean)
                    .join(" · "),
                ),
              ),
            ),
    ),
    lane("Surveys on this event", columns, (e) => {
      const surveys = onEvent(e);
      return el(
        "td",
        {},
        surveys.length === 0
          ? el("span", { class: "muted" }, "none")
          : surveys
              .map((s) =>
                surveyCard(s, anchors, s.stage === null ? "journey-wide, about this event" : ""),
              )
              .join(""),
      );
    }),
    el(
      "tr",
      {},
      el("th", { scope: "row" }, "Surveys of the stage"),
      j.stages.map((stage) => {
        const surveys = onStage(stage);
        const open = stage.surveys.length === 0 && stage.noSurvey === null;
        const content =
          surveys.length > 0
            ? surveys
                .map((s) =>
                  surveyCard(
                    s,
                    anchors,
                    s.event === null
                      ? "listens to every event of the stage"
                      : `about event "${s.event.value}", not on this stage`,
                  ),
                )
                .join("")
            : stage.surveys.length > 0
              ? el("span", { class: "muted" }, "surveyed on its events")
              : stage.noSurvey !== null
                ? el("p", {}, "Not surveyed: ", el("em", {}, esc(stage.noSurvey)))
                : el(
                    "p",
                    {},
                    el("strong", {}, "⚠ No survey, and no reason recorded."),
                    " Survey this stage or write why not (noSurvey).",
                  );
        return el(
          "td",
          { colspan: span(stage) > 1 ? span(stage) : null, class: open ? "open" : null },
          content,
        );
      }),
    ),
  ];
  return el(
    "div",
    { class: "grid-wrap" },
    el(
      "table",
      { class: "map", "aria-describedby": captionId },
      el(
        "caption",
        { id: captionId, class: "vh" },
        `${esc(j.title ?? j.id)}: stages as columns, each with its events; lanes as rows`,
      ),
      el("thead", {}, header),
      el("tbody", {}, rows),
    ),
  );
}

/** One journey: its heading and facts, the grid, journey-wide surveys, and its findings. */
export function journeySection(j: JourneyNode, data: RenderData, anchors: Anchors): string {
  const id = anchors.of(j);
  const heading = `${id}--title`;
  const persona = j.persona?.value;
  const personaNode = data.personas.find((p) => p.id === persona);
  const columns = columnsOf(j);
  const relationship = j.surveys.filter((s) => s.event === null);
  const mine = new Set<object>([
    j,
    ...j.stages,
    ...j.stages.flatMap((s) => [...s.events, ...s.surveys]),
    ...j.surveys,
  ]);
  const findings = anchors.findings.filter((p) => p.node !== null && mine.has(p.node));
  const facts = [
    `Persona: ${
      persona === undefined
        ? "not said"
        : personaNode
          ? el("a", { href: `#${anchors.of(personaNode)}` }, esc(personaNode.name ?? persona))
          : esc(persona)
    }`,
    `Reviewed: ${j.reviewed ? esc(j.reviewed.text) : "not said"}`,
    `Passed through: ${j.frequency ? `every ${esc(periodOf(j.frequency))}` : "not said"}`,
    `${j.stages.length} stages, ${columns.filter((c) => c.event).length} events, ${j.stages.reduce((n, s) => n + s.surveys.length, j.surveys.length)} surveys`,
  ];
  return el(
    "section",
    {
      class: columns.length > WIDE ? "journey wide" : "journey",
      id,
      "aria-labelledby": heading,
      "data-journey": j.id,
    },
    el(
      "h2",
      { id: heading },
      esc(j.title ?? j.id),
      " ",
      el("span", { class: "id" }, esc(j.id)),
      " ",
      badges(anchors.on(j)),
    ),
    el(
      "ul",
      { class: "meta" },
      facts.map((f) => el("li", {}, f)),
    ),
    grid(j, data, anchors),
    el("h3", {}, "About the relationship (journey-wide surveys)"),
    relationship.length === 0
      ? el("p", { class: "muted" }, "None.")
      : relationship.map((s) => surveyCard(s, anchors, "listens to no single touchpoint")).join(""),
    el("h3", {}, `Lint findings (${findings.length})`),
    findingsTable(findings, `Lint findings of ${j.title ?? j.id}`, (p) =>
      p.node === null ? null : anchors.of(p.node),
    ),
  );
}
