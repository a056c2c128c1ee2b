import { describe, expect, it } from "vitest";
import { brief, lintSources, PERSONA, STRUCTURAL, yaml } from "./helpers.js";

const JOURNEY = yaml`
  kind: journey
  id: julie-online
  title: Julie buys online
  persona: julie
  stages:
    - id: purchase
      name: Purchase
      events:
        - id: checkout
          action: Pays for the cart
          channel: web
        - id: delivery-choice
          action: Chooses a delivery slot
          channel: web
      surveys:
        - id: checkout-csat
          title: Checkout satisfaction
          event: checkout
          channel: web
          subject: Ease of paying
          indicators: [csat]
          questions:
            - id: q1
              text: How satisfied are you?
              indicator: csat
              scale: { min: 1, max: 5 }
          recurrence: { trigger: after-event }
    - id: delivery
      name: Delivery
      events:
        - id: parcel
          action: Receives the parcel
          channel: email
  surveys:
    - id: relationship-nps
      title: Relationship
      channel: email
      subject: The whole relationship
      indicators: [nps]
      questions:
        - text: Would you recommend us?
          indicator: nps
          scale: { min: 0, max: 10 }
      recurrence: { every: P6M, start: 2026-01-15 }
`;

const lint = (files: Record<string, string>, config?: string) =>
  brief(lintSources(files, { rules: STRUCTURAL, ...(config ? { config } : {}) })).filter(
    ([rule]) => rule !== "schema",
  );

describe("the base case is clean", () => {
  it("a persona and a journey that reference each other correctly", () => {
    expect(
      brief(lintSources({ "p.yaml": PERSONA, "j.yaml": JOURNEY }, { rules: STRUCTURAL })),
    ).toEqual([]);
  });
});

describe("duplicate-id", () => {
  it("two personas in two files: the later one points at the first", () => {
    expect(lint({ "a.yaml": PERSONA, "b.yaml": PERSONA, "j.yaml": JOURNEY })).toEqual([
      ["duplicate-id", 2, 5, 'duplicate persona id "julie": already used at a.yaml:2:5'],
    ]);
  });

  it("two journeys, and their surveys with them", () => {
    expect(lint({ "p.yaml": PERSONA, "j1.yaml": JOURNEY, "j2.yaml": JOURNEY })).toEqual([
      ["duplicate-id", 2, 5, 'duplicate journey id "julie-online": already used at j1.yaml:2:5'],
      [
        "duplicate-id",
        16,
        13,
        'duplicate survey id "checkout-csat": already used at j1.yaml:16:13',
      ],
      [
        "duplicate-id",
        35,
        9,
        'duplicate survey id "relationship-nps": already used at j1.yaml:35:9',
      ],
    ]);
  });

  it.each([
    [
      "stage",
      JOURNEY.replace("- id: delivery\n", "- id: purchase\n"),
      [[28, 9, 'duplicate stage id "purchase": already used at j.yaml:6:9']],
    ],
    [
      "event",
      JOURNEY.replace("- id: parcel", "- id: checkout"),
      [[31, 13, 'duplicate event id "checkout": already used at j.yaml:9:13']],
    ],
    [
      "question",
      JOURNEY.replace(
        "      - text: Would you recommend us?",
        "      - id: q1\n        text: A\n      - id: q1\n        text: Would you recommend us?",
      ),
      [[43, 13, 'duplicate question id "q1": already used at j.yaml:41:13']],
    ],
  ])("two %ss of one journey or survey", (_what, journey, expected) => {
    expect(lint({ "p.yaml": PERSONA, "j.yaml": journey })).toEqual(
      expected.map((e) => ["duplicate-id", ...e]),
    );
  });

  it("the same stage and event ids in two journeys are fine", () => {
    const other = JOURNEY.replace("id: julie-online", "id: julie-again")
      .replace("id: checkout-csat", "id: other-csat")
      .replace("id: relationship-nps", "id: other-nps");
    expect(lint({ "p.yaml": PERSONA, "j.yaml": JOURNEY, "k.yaml": other })).toEqual([]);
  });
});

describe("unknown-reference", () => {
  it("a journey's persona, with did-you-mean", () => {
    expect(
      lint({ "p.yaml": PERSONA, "j.yaml": JOURNEY.replace("persona: julie", "persona: juli") }),
    ).toEqual([["unknown-reference", 4, 10, 'unknown persona "juli"; did you mean "julie"?']]);
  });

  it("a survey's event that is not in its stage", () => {
    expect(
      lint({ "p.yaml": PERSONA, "j.yaml": JOURNEY.replace("event: checkout", "event: chekout") }),
    ).toEqual([
      [
        "unknown-reference",
        18,
        16,
        'unknown event "chekout" in stage "purchase"; did you mean "checkout"?',
      ],
    ]);
  });

  it("a survey's event that belongs to another stage", () => {
    expect(
      lint({ "p.yaml": PERSONA, "j.yaml": JOURNEY.replace("event: checkout", "event: parcel") }),
    ).toEqual([
      [
        "unknown-reference",
        18,
        16,
        'event "parcel" belongs to stage "delivery", not to this survey\'s stage "purchase"',
      ],
    ]);
  });

  it("a journey-wide survey's event may be any event of the journey, and must exist", () => {
    const ok = JOURNEY.replace(
      "    channel: email\n    subject: The whole",
      "    event: parcel\n    channel: email\n    subject: The whole",
    );
    expect(lint({ "p.yaml": PERSONA, "j.yaml": ok })).toEqual([]);
    const bad = ok.replace("event: parcel", "event: parcels");
    expect(lint({ "p.yaml": PERSONA, "j.yaml": bad })).toEqual([
      [
        "unknown-reference",
        37,
        12,
        'unknown event "parcels" in journey "julie-online"; did you mean "parcel"?',
      ],
    ]);
  });

  it("channels of events, surveys and personas, against the built-in list", () => {
    const journey = JOURNEY.replace(
      "channel: web\n      - id: delivery-choice",
      "channel: webb\n      - id: delivery-choice",
    ).replace(
      "    channel: email\n    subject: The whole",
      "    channel: telepathy\n    subject: The whole",
    );
    const persona = `${PERSONA}channels: [web, e-mail]\n`;
    expect(lint({ "p.yaml": persona, "j.yaml": journey })).toEqual([
      ["unknown-reference", 11, 18, 'unknown channel "webb"; did you mean "web"?'],
      ["unknown-reference", 37, 14, 'unknown channel "telepathy"'],
      ["unknown-reference", 5, 17, 'unknown channel "e-mail"; did you mean "email"?'],
    ]);
  });

  it("a config's channels replace the built-in list", () => {
    const config = "kind: config\nchannels: [{ id: web }, { id: email }, { id: kiosk-v2 }]\n";
    const journey = JOURNEY.replace("channel: email\nsurveys:", "channel: kiosk-v2\nsurveys:");
    expect(lint({ "p.yaml": PERSONA, "j.yaml": journey }, config)).toEqual([]);
    expect(
      lint(
        {
          "p.yaml": PERSONA,
          "j.yaml": JOURNEY.replace(
            "channel: web\n      - id: delivery",
            "channel: store\n      - id: delivery",
          ),
        },
        config,
      ),
    ).toEqual([["unknown-reference", 11, 18, 'unknown channel "store"']]);
  });

  it("indicators of surveys and questions; a config adds its own", () => {
    const journey = JOURNEY.replace(
      "indicators: [csat]",
      "indicators: [csat, effort-index]",
    ).replace("        indicator: nps", "        indicator: nsp");
    expect(lint({ "p.yaml": PERSONA, "j.yaml": journey })).toEqual([
      ["unknown-reference", 21, 28, 'unknown indicator "effort-index"'],
      ["unknown-reference", 42, 20, 'unknown indicator "nsp"; did you mean "nps"?'],
    ]);
    const config =
      "kind: config\nindicators:\n  - id: effort-index\n    scale: { min: 1, max: 10 }\n";
    expect(lint({ "p.yaml": PERSONA, "j.yaml": journey }, config)).toEqual([
      ["unknown-reference", 42, 20, 'unknown indicator "nsp"; did you mean "nps"?'],
    ]);
  });
});

describe("a schema error in one node hides nothing elsewhere", () => {
  it("a bad event, a bad survey and a wrong persona are all reported", () => {
    const journey = JOURNEY.replace("persona: julie", "persona: juli")
      .replace(
        "action: Chooses a delivery slot",
        "action: Chooses a delivery slot\n        satisfction: 2",
      )
      .replace(
        "recurrence: { every: P6M, start: 2026-01-15 }",
        "recurrence: { every: 6 months, start: 2026-01-15 }",
      )
      .replace("- id: parcel", "- id: checkout");
    expect(
      brief(lintSources({ "p.yaml": PERSONA, "j.yaml": journey }, { rules: STRUCTURAL })),
    ).toEqual([
      ["unknown-reference", 4, 10, 'unknown persona "juli"; did you mean "julie"?'],
      ["schema", 14, 9, 'unknown key "satisfction" in event; did you mean "satisfaction"?'],
      ["duplicate-id", 32, 13, 'duplicate event id "checkout": already used at j.yaml:9:13'],
      [
        "schema",
        45,
        26,
        '"every" must be an ISO 8601 duration such as P7D, P2W, P1M or P1Y, not "6 months"',
      ],
    ]);
  });

  it("a syntax error in one document does not stop the others of the file", () => {
    const text = `${PERSONA}---\nkind: persona\nid: marc\nname: [unclosed\n---\nkind: persona\nid: anna\nname: Anna\nsummary: S\nhobby: x\n`;
    expect(brief(lintSources({ "p.yaml": text }, { rules: STRUCTURAL }))).toEqual([
      [
        "syntax",
        9,
        1,
        "YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ],
      [
        "schema",
        14,
        1,
        'unknown key "hobby" in persona (allowed: kind, id, name, summary, traits, habits, goals, frustrations, channels, contactPolicy, or an x- extension key)',
      ],
    ]);
  });
});
