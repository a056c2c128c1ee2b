// The scheduler on 1,000 surveys over 10 years: 100 journeys of 10 surveys, for 20 personas, with
// every recurrence form (periodic, RFC 5545 rules, one-off, triggered with delay and cooldown).
import { resolveConfig } from "../dist/lint/config.js";
import { parseText } from "../dist/model/source.js";
import { buildWorkspace } from "../dist/model/workspace.js";
import { dayNumber } from "../dist/survey/civil.js";
import { pressures } from "../dist/survey/pressure.js";

const RECURRENCES = [
  "{ every: P1W, start: 2026-01-05 }",
  "{ every: P1M, start: 2026-01-31 }",
  "{ every: P3M, start: 2026-02-15, until: 2034-12-31 }",
  '{ rrule: "FREQ=WEEKLY;BYDAY=MO,TH", start: 2026-01-01 }',
  '{ rrule: "FREQ=MONTHLY;BYMONTHDAY=15,-1", start: 2026-01-01 }',
  "{ once: 2027-06-01 }",
  "{ trigger: after-event, delay: P2D, cooldown: P30D }",
  "{ trigger: after-event }",
  '{ rrule: "FREQ=DAILY;INTERVAL=3", start: 2026-01-01 }',
  "{ every: P2W, start: 2026-01-12 }",
];

function workspace(journeys = 100) {
  const files = [];
  for (let j = 0; j < journeys; j++) {
    const surveys = RECURRENCES.map(
      (r, s) => `
      - id: s-${j}-${s}
        title: Survey ${s}
        event: e-${j}
        channel: email
        subject: Subject ${s}
        indicators: [csat]
        questions: [{ text: "Question ${j} ${s}?", indicator: csat, scale: { min: 1, max: 5 } }]
        recurrence: ${r}`,
    ).join("");
    files.push(
      parseText(
        `j-${j}.yaml`,
        `kind: journey\nid: j-${j}\ntitle: J\npersona: p-${j % 20}\nfrequency: P${1 + (j % 4)}W\nstages:\n  - id: s\n    name: S\n    events: [{ id: e-${j}, action: A, channel: email }]\n    surveys:${surveys}\n`,
      ),
    );
  }
  return buildWorkspace(files);
}

/** Median time in ms of scheduling and assessing every persona over 10 years, and the sends. */
export function measure(runs = 3) {
  const ws = workspace();
  const config = resolveConfig(
    { kind: "config", contactPolicy: { maxSurveys: 2, window: "P30D", minGap: "P7D" } },
    null,
  );
  const range = { from: dayNumber("2026-01-01"), to: dayNumber("2035-12-31") };
  const times = [];
  let sends = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    sends = pressures(ws, config, range).reduce((n, p) => n + p.sends.length, 0);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)], surveys: ws.surveys.length, sends };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ms, surveys, sends } = measure();
  console.log(
    `${ms.toFixed(0).padStart(7)} ms  calendar: ${surveys} surveys over 10 years (${sends} sends)`,
  );
}
