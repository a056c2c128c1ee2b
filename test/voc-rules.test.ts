import { describe, expect, it } from "vitest";
import { JOURNEY_HEAD, lintSources, PERSONA } from "./helpers.js";

/**
 * Findings of one rule as [file, line, column, message], for files given as arrays of lines. Every
 * fixture must be valid (no syntax or schema finding): a rule silent on a broken file proves nothing.
 */
function findings(rule: string, files: Record<string, string[]>, config?: string): unknown[] {
  const texts = Object.fromEntries(
    Object.entries(files).map(([name, lines]) => [name, `${lines.join("\n")}\n`]),
  );
  const all = lintSources(texts, config ? { config } : {});
  expect(
    all
      .filter((f) => f.rule === "syntax" || f.rule === "schema")
      .map((f) => `${f.file}:${f.line} ${f.message}`),
  ).toEqual([]);
  return all.filter((f) => f.rule === rule).map((f) => [f.file, f.line, f.column, f.message]);
}

const persona = PERSONA.trimEnd().split("\n"); // julie, 4 lines
const head = JOURNEY_HEAD; // 6 lines

/** A stage (starting on line 7 of a journey) with one web event (satisfaction first) and optional extra lines. */
const stage = (extra: string[] = [], event: string[] = ["        satisfaction: 4"]) => [
  "  - id: s",
  "    name: S",
  "    events:",
  "      - id: e",
  "        action: A",
  "        channel: web",
  ...event,
  ...extra,
];

/** A stage survey block (indented for `stages[].surveys`); `questions` are added to its list. */
const survey = (id: string, lines: string[] = [], questions: string[] = []) => [
  `      - id: ${id}`,
  "        title: T",
  "        channel: web",
  "        subject: S",
  "        indicators: [csat]",
  "        questions:",
  `          - text: How satisfied are you with ${id}?`,
  "            indicator: csat",
  "            scale: { min: 1, max: 5 }",
  ...questions,
  "        recurrence: { once: 2026-03-02 }",
  ...lines,
];

describe("stage-without-survey", () => {
  it("fires on a stage with neither survey nor noSurvey, at the stage", () => {
    expect(
      findings("stage-without-survey", { "p.yaml": persona, "j.yaml": [...head, ...stage()] }),
    ).toEqual([["j.yaml", 7, 5, 'stage "s" has no survey and no noSurvey reason']]);
  });
  it("is silent with a noSurvey reason, or a stage survey", () => {
    expect(
      findings("stage-without-survey", {
        "p.yaml": persona,
        "j.yaml": [...head, ...stage(["    noSurvey: Covered by analytics"])],
      }),
    ).toEqual([]);
    expect(
      findings("stage-without-survey", {
        "p.yaml": persona,
        "j.yaml": [...head, ...stage(["    surveys:", ...survey("x")])],
      }),
    ).toEqual([]);
  });
  it("a journey-wide survey does not cover a stage", () => {
    const wide = ["surveys:", ...survey("wide").map((l) => l.slice(4))];
    expect(
      findings("stage-without-survey", {
        "p.yaml": persona,
        "j.yaml": [...head, ...stage(), ...wide],
      }),
    ).toEqual([["j.yaml", 7, 5, 'stage "s" has no survey and no noSurvey reason']]);
  });
});

describe("key-moment-without-survey", () => {
  it("a keyMoment stage without survey, even with a noSurvey reason, at keyMoment", () => {
    const text = [...head, ...stage(["    keyMoment: conversion", "    noSurvey: Not now"])];
    expect(findings("key-moment-without-survey", { "p.yaml": persona, "j.yaml": text })).toEqual([
      ["j.yaml", 14, 5, 'stage "s" is a key moment (conversion) but has no survey'],
    ]);
  });
  it("satisfaction exactly at the threshold fires, at the satisfaction; one above does not", () => {
    const at2 = [...head, ...stage([], ["        satisfaction: 2"])];
    expect(findings("key-moment-without-survey", { "p.yaml": persona, "j.yaml": at2 })).toEqual([
      [
        "j.yaml",
        13,
        23,
        'stage "s" has an event with satisfaction 2 (at or below 2), a key moment, but no survey',
      ],
    ]);
    const at3 = [...head, ...stage([], ["        satisfaction: 3"])];
    expect(findings("key-moment-without-survey", { "p.yaml": persona, "j.yaml": at3 })).toEqual([]);
  });
  it("the threshold option", () => {
    const at3 = [...head, ...stage([], ["        satisfaction: 3"])];
    const config = "kind: config\nrules:\n  key-moment-without-survey: [error, { threshold: 3 }]\n";
    expect(
      findings("key-moment-without-survey", { "p.yaml": persona, "j.yaml": at3 }, config),
    ).toHaveLength(1);
  });
  it("a stage survey without event covers the key moment", () => {
    const text = [...head, ...stage(["    keyMoment: decision", "    surveys:", ...survey("x")])];
    expect(findings("key-moment-without-survey", { "p.yaml": persona, "j.yaml": text })).toEqual(
      [],
    );
  });
});

describe("survey-channel-mismatch", () => {
  it("a survey on another channel than its event, at the survey's channel", () => {
    const text = [
      ...head,
      ...stage([
        "    surveys:",
        ...survey("x", ["        event: e"]).map((l) => l.replace("channel: web", "channel: sms")),
      ]),
    ];
    expect(findings("survey-channel-mismatch", { "p.yaml": persona, "j.yaml": text })).toEqual([
      ["j.yaml", 17, 18, 'survey "x" is sent by sms, but its event "e" happens on web'],
    ]);
  });
  it("without event: a channel of the stage's events", () => {
    const bad = [
      ...head,
      ...stage([
        "    surveys:",
        ...survey("x").map((l) => l.replace("channel: web", "channel: email")),
      ]),
    ];
    expect(findings("survey-channel-mismatch", { "p.yaml": persona, "j.yaml": bad })).toEqual([
      ["j.yaml", 17, 18, 'survey "x" is sent by email, but the events of stage "s" happen on web'],
    ]);
    const good = [...head, ...stage(["    surveys:", ...survey("x")])];
    expect(findings("survey-channel-mismatch", { "p.yaml": persona, "j.yaml": good })).toEqual([]);
  });
  it("journey-wide without event: a channel of the journey or of the persona", () => {
    const wide = (channel: string) => [
      "surveys:",
      ...survey("wide").map((l) => l.slice(4).replace("channel: web", `channel: ${channel}`)),
    ];
    const withChannels = [...persona, "channels: [web, email]"];
    expect(
      findings("survey-channel-mismatch", {
        "p.yaml": withChannels,
        "j.yaml": [...head, ...stage(["    noSurvey: n"]), ...wide("email")],
      }),
    ).toEqual([]);
    expect(
      findings("survey-channel-mismatch", {
        "p.yaml": withChannels,
        "j.yaml": [...head, ...stage(["    noSurvey: n"]), ...wide("sms")],
      }),
    ).toEqual([
      [
        "j.yaml",
        18,
        14,
        'survey "wide" is sent by sms, a channel neither of journey "j" nor of its persona (web, email)',
      ],
    ]);
  });
});

describe("redundant-question", () => {
  const question = (text: string) => [
    "      - id: q",
    "        title: T",
    "        channel: web",
    "        subject: S",
    "        indicators: [csat]",
    "        questions:",
    `          - text: ${text}`,
    "            indicator: csat",
    "            scale: { min: 1, max: 5 }",
    "        recurrence: { once: 2026-03-02 }",
  ];
  const journey = (id: string, text: string, surveyId: string, personaId = "julie") => [
    "kind: journey",
    `id: ${id}`,
    "title: J",
    `persona: ${personaId}`,
    "stages:",
    ...stage(["    surveys:", ...question(text).map((l) => l.replace("id: q", `id: ${surveyId}`))]),
  ];

  it("the same question once normalised, across two journeys of one persona, names the other place", () => {
    expect(
      findings("redundant-question", {
        "p.yaml": persona,
        "a.yaml": journey("a", "Êtes-vous satisfait de l’accueil ?", "sa"),
        "b.yaml": journey("b", "etes vous SATISFAIT de l'accueil", "sb"),
      }),
    ).toEqual([
      [
        "b.yaml",
        20,
        19,
        'question "etes vous SATISFAIT de l\'accueil" is already asked to persona "julie" at a.yaml:20:19 (the same once case, accents and punctuation are set aside)',
      ],
    ]);
  });

  it("not across personas", () => {
    const marc = ["kind: persona", "id: marc", "name: M", "summary: S"];
    expect(
      findings("redundant-question", {
        "p.yaml": persona,
        "m.yaml": marc,
        "a.yaml": journey("a", "How was it?", "sa"),
        "b.yaml": journey("b", "How was it?", "sb", "marc"),
      }),
    ).toEqual([]);
  });

  it("twice in one survey", () => {
    const again = ["          - text: HOW SATISFIED ARE YOU WITH X", "            type: open"];
    const files = {
      "p.yaml": persona,
      "j.yaml": [...head, ...stage(["    surveys:", ...survey("x", [], again)])],
    };
    expect(findings("redundant-question", files)).toEqual([
      [
        "j.yaml",
        24,
        19,
        expect.stringMatching(
          /^question "HOW SATISFIED ARE YOU WITH X" is already asked to persona "julie" at j\.yaml:21:19/,
        ),
      ],
    ]);
  });

  it("near-identical: the similarity option just under, at and just over the pair's similarity (0.8)", () => {
    // {satisfied, deliveri} and {overall, satisfied, deliveri}: 2·2 / (2 + 3) = 0.8.
    const files = {
      "p.yaml": persona,
      "a.yaml": journey("a", "How satisfied are you with the delivery?", "sa"),
      "b.yaml": journey("b", "Overall, how satisfied are you with the delivery?", "sb"),
    };
    const at = (similarity: number) =>
      `kind: config\nrules:\n  redundant-question: [warning, { similarity: ${similarity} }]\n`;
    expect(findings("redundant-question", files, at(0.8))).toEqual([
      [
        "b.yaml",
        20,
        19,
        'question "Overall, how satisfied are you with the delivery?" is near-identical (80% of content words shared) to one already asked to persona "julie" at a.yaml:20:19: "How satisfied are you with the delivery?"',
      ],
    ]);
    expect(findings("redundant-question", files, at(0.79))).toHaveLength(1);
    expect(findings("redundant-question", files, at(0.81))).toEqual([]);
    expect(findings("redundant-question", files)).toHaveLength(1); // default 0.8
  });

  it("near-identical: plural and feminine endings set aside, every content word shared", () => {
    const files = {
      "p.yaml": persona,
      "a.yaml": journey("a", "Êtes-vous satisfait de la livraison ?", "sa"),
      "b.yaml": journey("b", "Êtes-vous satisfaite de vos livraisons ?", "sb"),
    };
    const at = "kind: config\nrules:\n  redundant-question: [warning, { similarity: 1 }]\n";
    expect(findings("redundant-question", files, at)).toEqual([
      [
        "b.yaml",
        20,
        19,
        'question "Êtes-vous satisfaite de vos livraisons ?" is near-identical (100% of content words shared) to one already asked to persona "julie" at a.yaml:20:19: "Êtes-vous satisfait de la livraison ?"',
      ],
    ]);
  });

  it("different questions are not redundant", () => {
    const files = {
      "p.yaml": persona,
      "a.yaml": journey("a", "How easy was it to pay?", "sa"),
      "b.yaml": journey("b", "Would you recommend us?", "sb"),
    };
    expect(findings("redundant-question", files)).toEqual([]);
  });
});

describe("redundant-indicator", () => {
  it("two surveys of one stage measuring csat: at the second's indicator", () => {
    const text = [...head, ...stage(["    surveys:", ...survey("x"), ...survey("y")])];
    expect(findings("redundant-indicator", { "p.yaml": persona, "j.yaml": text })).toEqual([
      [
        "j.yaml",
        29,
        22,
        'indicator "csat" is already measured at this stage by survey "x" (j.yaml:19:22)',
      ],
    ]);
  });
  it("in two stages, or stage and journey-wide, they are not redundant", () => {
    const two = [
      ...head,
      ...stage(["    surveys:", ...survey("x")]),
      ...stage(["    surveys:", ...survey("y")]).map((l) =>
        l.replace("id: s", "id: t").replace("id: e", "id: f"),
      ),
    ];
    expect(findings("redundant-indicator", { "p.yaml": persona, "j.yaml": two })).toEqual([]);
    const wide = [
      ...head,
      ...stage(["    surveys:", ...survey("x")]),
      "surveys:",
      ...survey("y").map((l) => l.slice(4)),
    ];
    expect(findings("redundant-indicator", { "p.yaml": persona, "j.yaml": wide })).toEqual([]);
  });
});

describe("indicator-scale", () => {
  const withScale = (scale: string, indicator = "csat", type?: string) => [
    ...head,
    ...stage([
      "    surveys:",
      ...survey("x").map((l) =>
        l.replace("scale: { min: 1, max: 5 }", scale).replace(/csat/g, indicator),
      ),
      ...(type ? [`            type: ${type}`] : []),
    ]),
  ];
  it("csat on 1–10: at the scale", () => {
    expect(
      findings("indicator-scale", {
        "p.yaml": persona,
        "j.yaml": withScale("scale: { min: 1, max: 10 }"),
      }),
    ).toEqual([["j.yaml", 23, 20, "csat is measured on 1–5, not 1–10"]]);
  });
  it("nps 0–10 and ces 1–7 are right", () => {
    expect(
      findings("indicator-scale", {
        "p.yaml": persona,
        "j.yaml": withScale("scale: { min: 0, max: 10 }", "nps"),
      }),
    ).toEqual([]);
    expect(
      findings("indicator-scale", {
        "p.yaml": persona,
        "j.yaml": withScale("scale: { min: 1, max: 7 }", "ces"),
      }),
    ).toEqual([]);
  });
  it("an open question cannot measure csat", () => {
    expect(
      findings("indicator-scale", { "p.yaml": persona, "j.yaml": withScale("type: open") }),
    ).toEqual([["j.yaml", 23, 19, "an open question cannot measure csat, which is a 1–5 scale"]]);
  });
  it("a configured indicator's scale", () => {
    const config =
      "kind: config\nindicators:\n  - id: effort-index\n    scale: { min: 1, max: 10 }\n";
    expect(
      findings(
        "indicator-scale",
        { "p.yaml": persona, "j.yaml": withScale("scale: { min: 1, max: 10 }", "effort-index") },
        config,
      ),
    ).toEqual([]);
    expect(
      findings(
        "indicator-scale",
        { "p.yaml": persona, "j.yaml": withScale("scale: { min: 0, max: 10 }", "effort-index") },
        config,
      ),
    ).toEqual([["j.yaml", 23, 20, "effort-index is measured on 1–10, not 0–10"]]);
  });
});

describe("indicator-without-question", () => {
  it("a listed indicator no question measures, and a question's indicator the survey does not list", () => {
    const text = [
      ...head,
      ...stage([
        "    surveys:",
        ...survey("x").map((l) => l.replace("indicators: [csat]", "indicators: [nps]")),
      ]),
    ];
    expect(findings("indicator-without-question", { "p.yaml": persona, "j.yaml": text })).toEqual([
      ["j.yaml", 19, 22, 'survey "x" lists indicator "nps" but no question measures it'],
      [
        "j.yaml",
        22,
        24,
        'this question measures "csat", which survey "x" does not list in its indicators',
      ],
    ]);
  });
  it("silent when they agree, open questions aside", () => {
    const open = ["          - text: Anything else?", "            type: open"];
    const files = {
      "p.yaml": persona,
      "j.yaml": [...head, ...stage(["    surveys:", ...survey("x", [], open)])],
    };
    expect(findings("indicator-without-question", files)).toEqual([]);
  });
});

describe("internal-step, missing-satisfaction", () => {
  it("an internal event, at visibility", () => {
    const text = [
      ...head,
      ...stage(["    noSurvey: n"], ["        satisfaction: 4", "        visibility: internal"]),
    ];
    expect(findings("internal-step", { "p.yaml": persona, "j.yaml": text })).toEqual([
      [
        "j.yaml",
        14,
        21,
        'event "e" is an internal step, invisible to the customer: take it off the map',
      ],
    ]);
    const visible = [...head, ...stage(["    noSurvey: n"], ["        visibility: customer"])];
    expect(findings("internal-step", { "p.yaml": persona, "j.yaml": visible })).toEqual([]);
  });
  it("an event without satisfaction, at the event", () => {
    expect(
      findings("missing-satisfaction", {
        "p.yaml": persona,
        "j.yaml": [...head, ...stage([], [])],
      }),
    ).toEqual([
      [
        "j.yaml",
        10,
        9,
        'event "e" has no satisfaction: the need for a survey here cannot be judged',
      ],
    ]);
    expect(
      findings("missing-satisfaction", { "p.yaml": persona, "j.yaml": [...head, ...stage()] }),
    ).toEqual([]);
  });
});

describe("unsupported-claim", () => {
  it("satisfaction without evidence: at the satisfaction; with evidence: silent", () => {
    expect(
      findings("unsupported-claim", { "p.yaml": persona, "j.yaml": [...head, ...stage()] }),
    ).toEqual([
      [
        "j.yaml",
        13,
        23,
        'event "e" states a satisfaction with no evidence: say where it comes from',
      ],
    ]);
    const evidenced = [
      ...head,
      ...stage(
        [],
        [
          "        satisfaction: 4",
          "        evidence: [{ source: analytics, ref: Funnel 2026-Q3 }]",
        ],
      ),
    ];
    expect(findings("unsupported-claim", { "p.yaml": persona, "j.yaml": evidenced })).toEqual([]);
  });
  it("pain points alone, at painPoints", () => {
    const text = [...head, ...stage([], ["        painPoints: [{ text: Slow }]"])];
    expect(findings("unsupported-claim", { "p.yaml": persona, "j.yaml": text })).toEqual([
      ["j.yaml", 13, 9, 'event "e" states pain points with no evidence: say where it comes from'],
    ]);
  });
  it("a trait based on data without source, at basis; a hypothesis needs none", () => {
    const p = [
      ...persona,
      "traits:",
      "  - { name: age, value: 30-39, basis: data }",
      "  - { name: job, value: clerk, basis: hypothesis }",
    ];
    expect(
      findings("unsupported-claim", { "p.yaml": p, "j.yaml": [...head, ...stage([], [])] }),
    ).toEqual([["p.yaml", 6, 39, 'trait "age" is based on data but names no source']]);
  });
});

describe("stale-map (today is 2026-11-22 in tests)", () => {
  const reviewed = (date: string | null) => [
    ...head.slice(0, 4),
    ...(date ? [`reviewed: ${date}`] : []),
    "stages:",
    ...stage(),
  ];
  it("no reviewed date: at the journey's id", () => {
    expect(findings("stale-map", { "p.yaml": persona, "j.yaml": reviewed(null) })).toEqual([
      [
        "j.yaml",
        2,
        5,
        'journey "j" has no reviewed date: maps go stale, say when this one was last reviewed',
      ],
    ]);
  });
  it("exactly 12 months ago is still fresh; one day more is stale", () => {
    expect(findings("stale-map", { "p.yaml": persona, "j.yaml": reviewed("2025-11-22") })).toEqual(
      [],
    );
    expect(findings("stale-map", { "p.yaml": persona, "j.yaml": reviewed("2025-11-21") })).toEqual([
      [
        "j.yaml",
        5,
        11,
        'journey "j" was last reviewed on 2025-11-21, more than P12M before 2026-11-22',
      ],
    ]);
  });
  it("the config's staleAfter", () => {
    expect(
      findings(
        "stale-map",
        { "p.yaml": persona, "j.yaml": reviewed("2026-06-01") },
        "kind: config\nstaleAfter: P3M\n",
      ),
    ).toHaveLength(1);
    expect(
      findings(
        "stale-map",
        { "p.yaml": persona, "j.yaml": reviewed("2026-09-01") },
        "kind: config\nstaleAfter: P3M\n",
      ),
    ).toEqual([]);
  });
});

describe("orphan-persona", () => {
  it("a persona no journey maps, at its id", () => {
    const marc = ["kind: persona", "id: marc", "name: M", "summary: S"];
    expect(
      findings("orphan-persona", {
        "p.yaml": persona,
        "m.yaml": marc,
        "j.yaml": [...head, ...stage()],
      }),
    ).toEqual([["m.yaml", 2, 5, 'persona "marc" has no journey: map it, or remove it']]);
  });
});
