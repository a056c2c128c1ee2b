// A deterministic workspace generator for the benchmarks: N personas × M journeys of format v1,
// schema-valid (no syntax or schema finding), with a realistic share of rule findings planted in a
// few percent of the events and stages — missing satisfaction, claims without evidence, internal
// steps, surveys on another channel than their event, stale maps, stages left open (no survey and
// no noSurvey reason, key moments among them), questions asked twice to one persona — and the
// contact pressure that many triggered surveys put on one persona.
//
//   node bench/generate.mjs <folder> [--journeys 300] [--seed 1]
//
// Dates in maps are quoted ("2026-05-15"): the format reads them as text either way, and the peers
// measured beside journey (ajv-cli reads YAML with js-yaml 3, whose YAML 1.1 timestamps become Date
// objects) then see the same valid files.
//
// The same arguments write the same bytes. The folder is created (it must not hold a workspace
// already); it gets a journey.config.yaml, personas/ and journeys/<persona>/.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mulberry32 } from "./random.mjs";

const CHANNELS = ["web", "mobile-app", "email", "sms", "phone", "store", "social", "mail"];
const VERBS = [
  "Reads",
  "Compares",
  "Checks",
  "Chooses",
  "Fills in",
  "Calls about",
  "Waits for",
  "Receives",
  "Returns",
  "Asks about",
  "Pays for",
  "Looks up",
];
const THINGS = [
  "the product page",
  "the delivery options",
  "the price with other shops",
  "the loyalty account",
  "the order confirmation",
  "the parcel",
  "the invoice",
  "the return label",
  "the opening hours",
  "the customer service chat",
  "the size guide",
  "the warranty terms",
  "the store stock",
  "the payment page",
];
const MOTIVES = [
  "Wants a second opinion before buying",
  "Short of time between two meetings",
  "Worried about the delivery date",
  "Looking for the best price",
  "Needs the product for the weekend",
  "Had a bad experience last time",
];
const EXPECTATIONS = [
  "clear price",
  "honest reviews",
  "few steps",
  "secure payment",
  "evening delivery",
  "a quick answer",
  "a friendly tone",
  "no hidden costs",
];
const EMOTIONS = ["curious", "confident", "annoyed", "relieved", "hesitant", "pleased", "anxious"];
const SOURCES = ["analytics", "interview", "survey", "complaints", "observation"];
const PAINS = [
  "No evening delivery slot",
  "The form forgets what was typed",
  "The price changes at the last step",
  "Nobody answers the phone after 6 pm",
  "The tracking link does not work",
  "The store had no stock left",
];
const STAGES = [
  ["discovery", "Discovery"],
  ["consideration", "Consideration"],
  ["purchase", "Purchase"],
  ["delivery", "Delivery"],
  ["first-use", "First use"],
  ["support", "Support"],
  ["loyalty", "Loyalty"],
];
const KEY_MOMENTS = ["decision", "conversion", "dissatisfaction"];
const INDICATORS = [
  ["csat", 1, 5, "How satisfied are you with"],
  ["ces", 1, 7, "How easy was it to deal with"],
  ["nps", 0, 10, "How likely are you to recommend us after"],
];
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"];
const OPEN_QUESTIONS = [
  "What almost stopped you",
  "What could we have done better",
  "Was anything missing",
  "What surprised you",
];

/** Quoted as YAML wants a plain text that could read as something else. */
const q = (text) => JSON.stringify(text);

/**
 * The text of a workspace of `personas` × `perPersona` journeys: a map from relative path to file
 * contents, in a fixed order, and what was planted.
 */
function workspaceFiles({ personas, perPersona, seed = 1 }) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  const files = new Map();
  const planted = { events: 0, stages: 0, surveys: 0, questions: 0, findings: 0 };

  files.set(
    "journey.config.yaml",
    [
      "# A generated benchmark workspace (bench/generate.mjs).",
      "kind: config",
      "contactPolicy:",
      "  maxSurveys: 6",
      "  window: P30D",
      "calendar:",
      "  start: 2026-01-01",
      "  horizon: P12M",
      "staleAfter: P12M",
      "",
    ].join("\n"),
  );

  for (let p = 0; p < personas; p++) {
    const pid = `persona-${String(p).padStart(4, "0")}`;
    const lines = [
      "# yaml-language-server: $schema=../../../schemas/persona.schema.json",
      "kind: persona",
      `id: ${pid}`,
      `name: Persona ${p}`,
      "summary: >",
      `  Customer segment ${p}: buys ${pick(["online", "in the store", "by phone", "on the app"])}`,
      `  ${pick(["every month", "a few times a year", "once a year"])}, ${pick(["reads reviews", "compares prices", "asks the staff"])} before buying,`,
      `  and expects ${pick(EXPECTATIONS)} above all.`,
      "traits:",
      "  - name: age",
      `    value: ${pick(["18-29", "30-39", "40-49", "50-64", "65+"])}`,
      "    basis: data",
      "    source: CRM export 2026-Q2",
      "  - name: household",
      `    value: ${pick(["single", "couple", "family", "shared flat"])}`,
      "    basis: hypothesis",
      `habits: [${pick(["buys online regularly", "visits the store on Saturdays"])}, ${pick(["reads reviews before buying", "compares prices"])}]`,
      `goals: [save time, ${pick(["buy the right product the first time", "pay less", "get advice"])}]`,
      `frustrations: [${pick(PAINS).toLowerCase()}]`,
      `channels: [${[...new Set([pick(CHANNELS), pick(CHANNELS), "email"])].join(", ")}]`,
      "",
    ];
    files.set(`personas/${pid}.yaml`, lines.join("\n"));

    // Questions asked in this persona's journeys: a few repeat one of them, word for word.
    const asked = [];
    for (let m = 0; m < perPersona; m++) {
      const jid = `${pid}-journey-${m}`;
      const stale = chance(0.05);
      if (stale) planted.findings++;
      const lines = [
        "# yaml-language-server: $schema=../../../schemas/journey.schema.json",
        "kind: journey",
        `id: ${jid}`,
        `title: Persona ${p} journey ${m}`,
        `persona: ${pid}`,
        `purchaseMode: ${pick(["e-commerce", "store", "home-sales", "phone"])}`,
        `objective: Find where customers of segment ${p} give up, journey ${m}`,
        `owners: [${pick(["marketing", "sales"])}, ${pick(["customer-service", "it", "logistics"])}]`,
        `reviewed: ${q(stale ? "2024-05-01" : `2026-${String(1 + Math.floor(random() * 10)).padStart(2, "0")}-15`)}`,
        `frequency: ${pick(["P1M", "P2M", "P3M", "P6M"])}`,
        "stages:",
      ];
      const stageCount = 5 + Math.floor(random() * 3);
      let surveyIndex = 0;
      for (let s = 0; s < stageCount; s++) {
        const [sid, sname] = STAGES[s];
        const keyMoment = chance(0.3) ? pick(KEY_MOMENTS) : null;
        lines.push(`  - id: ${sid}`, `    name: ${sname}`);
        if (keyMoment) lines.push(`    keyMoment: ${keyMoment}`);
        // A stage has a survey, or a noSurvey reason; a few are left open (a finding).
        const wantsSurvey = keyMoment !== null || chance(0.4);
        const open = chance(0.04);
        if (open) {
          planted.stages++;
          planted.findings++;
        } else if (!wantsSurvey) {
          lines.push(
            `    noSurvey: Covered by ${pick(SOURCES)} data; the team agreed not to ask here`,
          );
        }
        lines.push("    events:");
        const eventCount = 3 + Math.floor(random() * 3);
        const events = [];
        for (let e = 0; e < eventCount; e++) {
          const eid = `${sid}-event-${e}`;
          const channel = pick(CHANNELS);
          events.push({ eid, channel });
          const brand = chance(0.2);
          const noSatisfaction = chance(0.02);
          const internal = chance(0.005);
          const unsupported = chance(0.015);
          if (noSatisfaction || internal || unsupported) {
            planted.events++;
            planted.findings += noSatisfaction + internal + unsupported;
          }
          lines.push(
            `      - id: ${eid}`,
            `        action: ${pick(VERBS)} ${pick(THINGS)}`,
            `        channel: ${channel}`,
          );
          if (brand) lines.push("        actor: brand");
          if (internal) lines.push("        visibility: internal");
          lines.push(
            `        motivation: ${pick(MOTIVES)}`,
            `        expectations: [${pick(EXPECTATIONS)}, ${pick(EXPECTATIONS)}]`,
          );
          // Low satisfaction (2) makes a key moment: only where the stage has a survey.
          const satisfaction =
            wantsSurvey && !open && chance(0.15) ? 2 : 3 + Math.floor(random() * 3);
          if (!noSatisfaction) lines.push(`        satisfaction: ${satisfaction}`);
          lines.push(`        emotion: ${pick(EMOTIONS)}`);
          if (unsupported || chance(0.2)) {
            lines.push(
              "        painPoints:",
              `          - text: ${pick(PAINS)}`,
              `            impact: ${1 + Math.floor(random() * 5)}`,
            );
          }
          if (!unsupported) {
            lines.push(
              "        evidence:",
              `          - source: ${pick(SOURCES)}`,
              `            ref: ${q(`${pick(THINGS)} study, 2026-Q${1 + Math.floor(random() * 3)}`)}`,
            );
          }
        }
        if (wantsSurvey && !open) {
          lines.push("    surveys:");
          const { eid, channel } = pick(events);
          const mismatch = chance(0.03);
          if (mismatch) {
            planted.surveys++;
            planted.findings++;
          }
          const [indicator, min, max, stem] = pick(INDICATORS);
          const visit = `${ORDINALS[m % ORDINALS.length]} ${pick(["order", "visit", "purchase", "request", "call"])}`;
          let question = `${stem} ${pick(THINGS)} during your ${visit} (${sname.toLowerCase()})?`;
          if (asked.length > 0 && chance(0.03)) {
            question = pick(asked);
            planted.questions++;
            planted.findings++;
          }
          asked.push(question);
          lines.push(
            `      - id: ${jid}-survey-${surveyIndex++}`,
            `        title: ${sname} ${indicator.toUpperCase()}`,
            `        event: ${eid}`,
            `        channel: ${mismatch ? CHANNELS[(CHANNELS.indexOf(channel) + 1) % CHANNELS.length] : channel}`,
            `        subject: How the ${sname.toLowerCase()} stage went for segment ${p}`,
            `        indicators: [${indicator}]`,
            "        questions:",
            `          - text: ${q(question)}`,
            `            indicator: ${indicator}`,
            `            scale: { min: ${min}, max: ${max} }`,
            `          - text: ${q(`${pick(OPEN_QUESTIONS)} with ${pick(THINGS)} during your ${visit}?`)}`,
            "            type: open",
            "        recurrence:",
            "          trigger: after-event",
            `          delay: P${1 + Math.floor(random() * 10)}D`,
            `          cooldown: P${pick([30, 60, 90, 180])}D`,
          );
        }
        lines.push("");
      }
      if (m === 0) {
        lines.push(
          "surveys:",
          `  - id: ${jid}-relationship`,
          "    title: Relationship NPS",
          "    channel: email",
          `    subject: Overall relationship of segment ${p} with the brand`,
          "    indicators: [nps]",
          "    questions:",
          `      - text: ${q(`How likely is segment ${p} to recommend us to a friend?`)}`,
          "        indicator: nps",
          "        scale: { min: 0, max: 10 }",
          `    recurrence: { every: P4M, start: "2026-0${1 + (p % 9)}-15" }`,
          "",
        );
      }
      files.set(`journeys/${pid}/${jid}.yaml`, lines.join("\n"));
    }
  }
  return { files, planted };
}

/** The persona × journey split of a workspace of `journeys` journeys (5 journeys a persona). */
function shape(journeys) {
  const perPersona = journeys < 50 ? 3 : 5;
  return { personas: Math.ceil(journeys / perPersona), perPersona };
}

/** Writes the workspace into `dir`; returns the number of files and bytes and what was planted. */
export function generate(dir, { journeys, seed = 1 }) {
  const { personas, perPersona } = shape(journeys);
  const { files, planted } = workspaceFiles({ personas, perPersona, seed });
  let bytes = 0;
  for (const [path, text] of files) {
    const file = join(dir, path);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return { personas, journeys: personas * perPersona, files: files.size, bytes, planted };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const [value] = args.splice(i, 2).slice(1);
    return Number(value);
  };
  const journeys = option("--journeys", 300);
  const seed = option("--seed", 1);
  const [dir] = args;
  if (
    !dir ||
    dir.startsWith("-") ||
    !Number.isInteger(journeys) ||
    journeys < 1 ||
    !Number.isInteger(seed)
  ) {
    console.error("usage: node bench/generate.mjs <folder> [--journeys 300] [--seed 1]");
    process.exit(2);
  }
  if (existsSync(join(dir, "journey.config.yaml"))) {
    console.error(`${dir} already holds a workspace: give a new folder`);
    process.exit(2);
  }
  const { personas, files, bytes, planted } = generate(dir, { journeys, seed });
  console.log(
    `${dir}: ${personas} personas, ${files - personas - 1} journeys, ${(bytes / 1e6).toFixed(1)} MB; planted ${planted.findings} findings`,
  );
}
