// Source of schemas/*.schema.json. The JSON files are generated from this module by
// `npm run docs` (scripts/write-schemas.mjs) and committed (editors and `journey schema` read
// them); test/schemas.test.ts fails when they drift from this source. The config schema's `rules`
// come from the rule registry: `configSchema(RULES)`.
const ID = "^[a-z0-9]+(-[a-z0-9]+)*$";
const DURATION = "^P(?=\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$";

const str = (description) => ({ type: "string", minLength: 1, description });
const id = (description) => ({ type: "string", pattern: ID, maxLength: 64, description });
// A date of years 0001 to 9999: ajv's `date` format accepts year 0000.
const date = (description) => ({
  type: "string",
  format: "date",
  pattern: "^(?!0000)",
  description,
});
const duration = (description) => ({ type: "string", pattern: DURATION, description });
/** A duration longer than zero (P0D, P0M… are refused). */
const NONZERO_DURATION = "^P(?=\\d)(?!(0+[YMWD])+$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$";
const strings = (description) => ({
  type: "array",
  items: { type: "string", minLength: 1 },
  description,
});
const ids = (description) => ({
  type: "array",
  items: { type: "string", pattern: ID, maxLength: 64 },
  uniqueItems: true,
  description,
});
const extensions = {
  "^x-": { description: "Extension key, free for your own tools (ignored by journey)." },
};

/** An object that accepts exactly these properties plus `x-` extension keys. */
function object(description, properties, required = []) {
  return {
    type: "object",
    description,
    properties,
    required,
    patternProperties: extensions,
    additionalProperties: false,
  };
}

const contactPolicy = (description) => ({
  ...object(description, {
    maxSurveys: {
      type: "integer",
      minimum: 1,
      maximum: 1000,
      description: "At most this many surveys to one customer of a persona in any `window`.",
    },
    window: {
      type: "string",
      pattern: NONZERO_DURATION,
      description:
        "The length of the sliding window for `maxSurveys` (ISO 8601 duration longer than zero, e.g. P30D).",
    },
    minGap: duration(
      "Never two surveys to the same customer closer than this (ISO 8601 duration, e.g. P7D).",
    ),
  }),
  minProperties: 1,
  dependencies: { maxSurveys: ["window"], window: ["maxSurveys"] },
});

const scale = (description) =>
  object(
    description,
    {
      min: { type: "integer", description: "Lowest answer of the scale." },
      max: { type: "integer", description: "Highest answer of the scale." },
    },
    ["min", "max"],
  );

const kind = (value) => ({ const: value, description: `Document kind: \`${value}\`.` });

export const persona = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "urn:journey:schema:v1:persona",
  title: "journey persona (format v1)",
  ...object(
    "A persona: a fictional character standing for a type of customer, portrayed from known data and from hypotheses.",
    {
      kind: kind("persona"),
      id: id("Persona id, a kebab-case slug unique among personas (journeys refer to it)."),
      name: str("The persona's first name or label, e.g. Julie."),
      summary: str("The short portrait paragraph: identity and consumption habits."),
      traits: {
        type: "array",
        description:
          "The identity card: each trait says whether it comes from data or is a hypothesis.",
        items: object(
          "One trait of the identity card.",
          {
            name: str("What the trait is, e.g. age, occupation."),
            value: {
              type: ["string", "number", "boolean"],
              description: "The trait's value: a string, number or boolean.",
            },
            basis: {
              enum: ["data", "hypothesis"],
              description: "`data` when known from a source, `hypothesis` when assumed.",
            },
            source: str(
              "Where the data comes from (expected when basis is data), e.g. CRM export 2026-Q2.",
            ),
          },
          ["name", "value", "basis"],
        ),
      },
      habits: strings("Consumption habits."),
      goals: strings("What the persona wants to achieve."),
      frustrations: strings("What gets in the persona's way."),
      channels: ids("Channels this persona uses (channel ids)."),
      contactPolicy: contactPolicy(
        "Overrides the workspace's contactPolicy for this persona (the most specific policy wins).",
      ),
    },
    ["kind", "id", "name", "summary"],
  ),
};

const question = object(
  "One question of the survey.",
  {
    id: id("Question id, unique within the survey (optional)."),
    text: str("The question as the customer reads it."),
    indicator: id("The indicator this question measures (nps, csat, ces or a configured one)."),
    scale: scale("The answer scale, e.g. { min: 1, max: 5 }."),
    type: {
      enum: ["scale", "open", "choice"],
      description:
        "Kind of answer: `scale` (default when a scale is given), `open` text or `choice`.",
    },
  },
  ["text"],
);

const recurrenceForms = {
  once: object("A one-off campaign.", { once: date("The single send date (YYYY-MM-DD).") }, [
    "once",
  ]),
  every: object(
    "A periodic survey.",
    {
      every: duration("The period (ISO 8601 duration, e.g. P3M)."),
      start: date("First send date (YYYY-MM-DD)."),
      until: date("Last possible send date (YYYY-MM-DD, optional)."),
    },
    ["every", "start"],
  ),
  rrule: object(
    "An RFC 5545 recurrence rule.",
    {
      rrule: str('An RFC 5545 RRULE, e.g. "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15".'),
      start: date("DTSTART of the rule (YYYY-MM-DD)."),
    },
    ["rrule", "start"],
  ),
  trigger: object(
    "A transactional survey sent after each occurrence of its event.",
    {
      trigger: {
        const: "after-event",
        description: "Sent after each occurrence of the survey's `event`.",
      },
      delay: duration("Wait after the event before sending (ISO 8601 duration, optional)."),
      cooldown: duration(
        "Never again to the same customer within this (ISO 8601 duration, optional).",
      ),
    },
    ["trigger"],
  ),
};

const recurrenceKeys = ["once", "every", "rrule", "trigger"];

// Exactly one of the four forms, chosen by its key. An if/then chain (rather than oneOf) makes the
// validator report the errors of the one form the author meant, not a cascade over all four.
function recurrence() {
  let chain = { anyOf: recurrenceKeys.map((k) => ({ required: [k] })) };
  for (const key of [...recurrenceKeys].reverse()) {
    chain = { if: { required: [key] }, then: recurrenceForms[key], else: chain };
  }
  return {
    type: "object",
    description:
      "When the survey is sent: exactly one of `once`, `every` + `start`, `rrule` + `start`, or `trigger: after-event` (+ `delay`, `cooldown`).",
    ...chain,
  };
}

const survey = object(
  "A survey: who is asked what, on which channel, how often.",
  {
    id: id("Survey id, unique among all surveys of the workspace."),
    title: str("A short title."),
    event: id(
      "The event (touchpoint) of this stage that triggers or anchors the survey (optional).",
    ),
    channel: id("The channel the survey is sent on (a channel id)."),
    subject: str("What the survey is about, given the stage and the customer's objective."),
    indicators: {
      ...ids("The indicators the questionnaire measures: nps, csat, ces or a configured one."),
      minItems: 1,
    },
    questions: {
      type: "array",
      minItems: 1,
      items: question,
      description: "The questions, in order (at least one).",
    },
    recurrence: recurrence(),
    owner: str("The team that owns the survey (optional)."),
  },
  ["id", "title", "channel", "subject", "indicators", "questions", "recurrence"],
);

const event = object(
  "An event: one action of the customer or the brand during the stage, on one channel.",
  {
    id: id("Event id, unique within the journey."),
    action: str("What happens, from the customer's point of view."),
    actor: {
      enum: ["customer", "brand"],
      description: "Who acts: `customer` (default) or `brand`.",
    },
    channel: id("The channel of the action (a channel id); stage × channel is the touchpoint."),
    visibility: {
      enum: ["customer", "internal"],
      description: "`customer` (default) or `internal`; internal steps do not belong on the map.",
    },
    motivation: str("What drives the contact at this moment."),
    expectations: strings("What the customer expects here."),
    satisfaction: {
      type: "integer",
      minimum: 1,
      maximum: 5,
      description: "Perceived satisfaction, 1 (very dissatisfied) to 5 (very satisfied).",
    },
    emotion: str("One word for the customer's emotion, e.g. curious."),
    painPoints: {
      type: "array",
      description: "Obstacles the customer meets here.",
      items: object(
        "A pain point.",
        {
          text: str("The obstacle."),
          impact: {
            type: "integer",
            minimum: 1,
            maximum: 5,
            description: "Impact on the experience, 1 (minor) to 5 (severe).",
          },
        },
        ["text"],
      ),
    },
    evidence: {
      type: "array",
      description: "Where the satisfaction and pain points come from.",
      items: object(
        "One piece of evidence.",
        {
          source: {
            enum: [
              "survey",
              "interview",
              "observation",
              "analytics",
              "social",
              "reviews",
              "complaints",
              "other",
            ],
            description: "The kind of source.",
          },
          ref: str("What exactly, e.g. Product page bounce rate, 2026-Q3."),
          date: date("When it was collected (optional)."),
        },
        ["source", "ref"],
      ),
    },
  },
  ["id", "action", "channel"],
);

const stage = object(
  "A stage of the journey, in journey order.",
  {
    id: id("Stage id, unique within the journey."),
    name: str("The stage's name, e.g. Discovery."),
    keyMoment: {
      enum: ["decision", "conversion", "dissatisfaction"],
      description:
        "Marks a key moment: decisive for the purchase, for conversion, or a source of dissatisfaction.",
    },
    noSurvey: str("An explicit decision not to survey this stage, with its reason."),
    events: {
      type: "array",
      minItems: 1,
      items: event,
      description: "The events of the stage (at least one).",
    },
    surveys: {
      type: "array",
      items: { $ref: "#/definitions/survey" },
      description: "Surveys that listen to this stage.",
    },
  },
  ["id", "name", "events"],
);

export const journey = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "urn:journey:schema:v1:journey",
  title: "journey map (format v1)",
  ...object(
    "One persona's journey through one purchase mode, with only the steps the customer perceives.",
    {
      kind: kind("journey"),
      id: id("Journey id, a kebab-case slug unique among journeys."),
      title: str("The journey's title, e.g. Julie buys online."),
      persona: id("The persona this journey maps (a persona id)."),
      purchaseMode: id("How the persona buys: e-commerce, store, home-sales…"),
      objective: str("What the map is for."),
      owners: strings("Teams involved (marketing, customer-service, it…)."),
      reviewed: date("Last review date (YYYY-MM-DD): maps go stale."),
      frequency: duration(
        "How often one customer of this persona goes through this journey (ISO 8601 duration); drives the estimated sends of triggered surveys.",
      ),
      stages: {
        type: "array",
        minItems: 1,
        items: stage,
        description: "The stages, in journey order (at least one).",
      },
      surveys: {
        type: "array",
        items: { $ref: "#/definitions/survey" },
        description: "Journey-wide (relationship) surveys, attached to no stage.",
      },
    },
    ["kind", "id", "title", "persona", "stages"],
  ),
  definitions: { survey },
};

const SEVERITIES = ["error", "warning", "off"];
const severity = { $ref: "#/definitions/severity" };

/**
 * A setting of a rule id that is not in the registry: any severity or `[severity, options]`. Such
 * ids stay valid for the schema so that the engine's own check names them ("unknown rule …; did
 * you mean …?") — and rules given to the engine beside the registry can be configured.
 */
const anyRuleSetting = {
  description: "A rule's severity, or [severity, options].",
  anyOf: [
    { enum: SEVERITIES },
    {
      type: "array",
      minItems: 1,
      maxItems: 2,
      items: [{ enum: SEVERITIES }, { type: "object" }],
      additionalItems: false,
    },
  ],
};

/** `{ threshold }` for a rule's options, as the setting's description names them. */
const optionNames = (rule) => `{ ${Object.keys(rule.optionsSchema?.properties ?? {}).join(", ")} }`;

/**
 * The setting of one configurable rule, for editors to complete and check: a severity, or
 * `[severity, options]` against the rule's options schema (with its defaults). if/then/else
 * rather than anyOf, so that a wrong option is reported where it is, not as "not valid".
 * A rule that takes no options accepts `[severity]` only (`maxItems: 1`), so that options given
 * to it are reported where they are ("takes no options").
 */
function ruleSetting(rule) {
  const options = rule.optionsSchema
    ? {
        ...rule.optionsSchema,
        properties: Object.fromEntries(
          Object.entries(rule.optionsSchema.properties ?? {}).map(([name, schema]) => [
            name,
            name in rule.defaultOptions
              ? { ...schema, default: rule.defaultOptions[name] }
              : schema,
          ]),
        ),
      }
    : null;
  const forms = rule.optionsSchema
    ? `error, warning or off, or [severity, ${optionNames(rule)}]`
    : "error, warning or off";
  return {
    description: `${rule.description} Default: ${rule.defaultSeverity}. Set ${forms}.`,
    default: rule.defaultSeverity,
    if: { type: "array" },
    then: options
      ? {
          type: "array",
          minItems: 1,
          maxItems: 2,
          items: [severity, options],
          additionalItems: false,
        }
      : { type: "array", minItems: 1, maxItems: 1, items: [severity] },
    else: severity,
  };
}

/** The config's `rules`: one typed property per configurable rule of the registry. */
function rulesSchema(rules) {
  const fixed = rules.filter((r) => r.fixed).map((r) => r.id);
  return {
    type: "object",
    description:
      "Per rule id: error | warning | off, or [severity, options]." +
      (fixed.length > 0
        ? ` The structural rules (${fixed.join(", ")}) are always on at error and cannot be set here.`
        : ""),
    properties: Object.fromEntries(
      rules.filter((r) => !r.fixed).map((r) => [r.id, ruleSetting(r)]),
    ),
    additionalProperties: anyRuleSetting,
  };
}

/**
 * An entry of the config's `channels` or `indicators`: an id alone (`branch`), or a mapping with
 * that id. An if/then (rather than oneOf) reports the errors of the form that was written.
 */
const vocabularyEntry = (description, mapping) => ({
  description,
  if: { type: "string" },
  then: { ...mapping.properties.id, description },
  else: mapping,
});

/** The config schema, for the rules of a registry (`RULES` of src/rules/index.ts). */
export const configSchema = (rules) => ({
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "urn:journey:schema:v1:config",
  title: "journey workspace config (format v1)",
  ...object(
    "The workspace configuration (journey.config.yaml at the workspace root).",
    {
      kind: kind("config"),
      include: strings(
        'Globs of files to read, relative to the workspace root (default ["**/*.yaml", "**/*.yml"]).',
      ),
      ignore: strings("Globs of files not to read, relative to the workspace root."),
      channels: {
        type: "array",
        description:
          "Channels added to the built-in list (web, mobile-app, email, sms, phone, chat, store, social, mail, home-visit, kiosk); with `replaceChannels: true`, the whole vocabulary. One with a built-in id gives it its own label.",
        items: vocabularyEntry(
          "A channel: its id, or a mapping of its id and label.",
          object("A channel.", { id: id("Channel id."), label: str("Human-readable name.") }, [
            "id",
          ]),
        ),
      },
      replaceChannels: {
        type: "boolean",
        description:
          "`true`: `channels` replaces the built-in list instead of adding to it, and a built-in channel it leaves out is unknown (default false).",
      },
      indicators: {
        type: "array",
        description:
          "Indicators added to nps, csat and ces. One with a standard id gives it its own label or scale.",
        items: vocabularyEntry(
          "An indicator: its id, or a mapping of its id, label and scale.",
          object(
            "An indicator.",
            {
              id: id("Indicator id."),
              label: str("Human-readable name."),
              scale: scale("The scale its questions must use."),
            },
            ["id"],
          ),
        ),
      },
      rules: rulesSchema(rules),
      contactPolicy: contactPolicy(
        "Survey fatigue limits, per customer of a persona, all journeys together.",
      ),
      staleAfter: duration(
        "A map whose `reviewed` date is older than this is stale (default P12M).",
      ),
      calendar: object("Default range of `journey calendar`.", {
        start: date("First day (default: today)."),
        horizon: duration("Length of the range (default P12M)."),
      }),
    },
    ["kind"],
  ),
  dependencies: { replaceChannels: ["channels"] },
  definitions: { severity: { description: "A rule's severity.", enum: SEVERITIES } },
});
