import { createFiles, type NewFile } from "../io/init.js";
import { shippedSchema } from "../io/shipped.js";
import { today } from "../io/today.js";
import { DOCUMENT_KINDS } from "../validate/validators.js";
import { HOMEPAGE } from "../version.js";
import { defineCommand } from "./command.js";

/**
 * Where `journey init` puts the JSON schemas, inside the new workspace: a dot-folder, which journey
 * never reads, beside the maps, so that the editor finds them offline however journey was
 * installed (globally, with npx, or not at all on a colleague's machine).
 */
export const SCHEMA_FOLDER = ".journey/schemas";

/** The persona and journey of the starter workspace. */
const PERSONA_FILE = "personas/alex.yaml";
const JOURNEY_FILE = "journeys/alex-online.yaml";
const CONFIG_FILE = "journey.config.yaml";

/** `# yaml-language-server: $schema=…` for a file at `path`, relative to it. */
function modeline(path: string, kind: string): string {
  const up = "../".repeat(path.split("/").length - 1);
  return `# yaml-language-server: $schema=${up}${SCHEMA_FOLDER}/${kind}.schema.json`;
}

const config = () => `${modeline(CONFIG_FILE, "config")}
# The workspace's settings. journey reads the maps of this folder with them; every setting is
# optional. The line above tells your editor where the JSON schema of this file is.
kind: config

# The files to read, relative to this folder: here the two folders of maps, so that other YAML
# files of a repository are not taken for maps. Without include: every .yaml and .yml file.
include:
  - "personas/**/*.{yaml,yml}"
  - "journeys/**/*.{yaml,yml}"
# Files not to read, relative to this folder.
# ignore: ["drafts/**"]

# Channels added to the built-in ones (web, mobile-app, email, sms, phone, chat, store, social,
# mail, home-visit, kiosk): an id alone, or an id and a label. With replaceChannels: true, the
# channels listed here are the only ones.
# channels:
#   - branch
#   - { id: video-call, label: Video call with an adviser }

# Indicators added to nps (0-10), csat (1-5) and ces (1-7), with the scale their questions use.
# indicators:
#   - { id: effort-index, label: Effort index, scale: { min: 1, max: 10 } }

# Each rule's severity: error, warning or off, or [severity, { options }]. \`journey rules\` lists
# the rules and \`journey rules <id>\` explains one; your editor completes their ids.
rules:
  stage-without-survey: warning
  # redundant-question: [warning, { similarity: 0.9 }]

# How often one customer may be surveyed, all journeys together, unless a persona has a
# contactPolicy of its own: at most maxSurveys in any window, and never two within minGap.
contactPolicy:
  maxSurveys: 2
  window: P30D
  minGap: P7D

# A journey whose reviewed date is older than this is stale (an ISO 8601 duration: P12M, 12 months).
staleAfter: P12M

# The default range of \`journey calendar\`: from start (default: today) for horizon.
# calendar:
#   start: 2027-01-01
#   horizon: P12M
`;

const persona = () => `${modeline(PERSONA_FILE, "persona")}
# A persona: a fictional character who stands for a type of customer, portrayed from known data
# and from hypotheses. Journeys refer to it by its id.
kind: persona
# A kebab-case slug, unique among the workspace's personas.
id: alex
# The persona's first name, or a label.
name: Alex
# The short portrait: who they are, how they buy.
summary: >
  Works shifts in a hospital and shops on the phone between two shifts. Compares prices, reads a
  few reviews, and wants the parcel delivered when someone is at home.
# The identity card. basis: data (known: name its source) or hypothesis (assumed, to be checked).
traits:
  - name: age
    value: 25-34
    basis: data
    source: CRM export, last quarter
  - name: occupation
    value: nurse
    basis: hypothesis
# Consumption habits, goals, and what gets in the way.
habits: [buys on the phone, reads reviews before buying]
goals: [save time]
frustrations: [delivery slots during working hours]
# The channels this persona uses: web, mobile-app, email, sms, phone, chat, store, social, mail,
# home-visit, kiosk, or one the config adds.
channels: [web, mobile-app, email]
# How often a customer of this persona may be surveyed, instead of the config's contactPolicy.
# contactPolicy:
#   maxSurveys: 1
#   window: P30D
`;

const journey = (reviewed: string) => `${modeline(JOURNEY_FILE, "journey")}
# A journey map: one persona through one purchase mode, stage by stage, with only the steps the
# customer perceives. \`journey touchpoints\`, \`journey surveys\`, \`journey coverage\` and
# \`journey calendar\` show it in the terminal.
kind: journey
# A kebab-case slug, unique among the workspace's journeys.
id: alex-online
title: Alex buys online
# The persona this journey maps: the id of a persona of the workspace.
persona: alex
# How the persona buys (e-commerce, store, home-sales…), what the map is for, and the teams involved.
purchaseMode: e-commerce
objective: Find where first-time buyers give up
owners: [marketing, customer-service]
# The last review of the map, YYYY-MM-DD: \`journey lint\` warns when it is older than the config's
# staleAfter. Change it each time the map is reviewed.
reviewed: ${reviewed}
# How often one customer goes through this journey: places the surveys sent after an event on the
# calendar, to check the contact policy.
frequency: P3M

# The stages, in journey order. Each is decided: surveyed (it has surveys), or waived (noSurvey
# says why it is not surveyed). \`journey coverage\` shows which is which.
stages:
  # A waived stage: the decision not to survey it, and why.
  - id: discovery
    name: Discovery
    noSurvey: Too early to ask; web analytics and product reviews tell us enough
    # What happens in the stage, in order: one action of the customer (or of the brand) each, on
    # one channel. Stage × channel is a touchpoint.
    events:
      - id: product-page
        action: Reads the product page and its reviews
        channel: mobile-app
        # What drives the contact at this moment, and what the customer expects.
        motivation: Wants to be sure the product fits before buying
        expectations: [clear price, honest reviews]
        # Perceived satisfaction, 1 (very dissatisfied) to 5 (very satisfied). At 2 or less the
        # stage is a key moment, which calls for a survey.
        satisfaction: 4
        # Where the satisfaction comes from: survey, interview, observation, analytics, social,
        # reviews, complaints or other, and what exactly (ref).
        evidence:
          - source: analytics
            ref: Product page bounce rate, last quarter

  # A surveyed stage, and a key moment: decision, conversion or dissatisfaction.
  - id: purchase
    name: Purchase
    keyMoment: conversion
    events:
      - id: checkout
        action: Fills in the cart and pays
        channel: web
        satisfaction: 3
        # Obstacles met here, with their impact: 1 (minor) to 5 (severe).
        painPoints:
          - text: Has to create an account before paying
            impact: 3
        evidence:
          - source: complaints
            ref: Customer service tickets about the checkout, last quarter
    # The surveys that listen to this stage.
    surveys:
      - id: checkout-ces
        title: Checkout effort
        # The event it follows (an event of this stage) and the channel it is sent on: one of
        # that event's channels.
        event: checkout
        channel: web
        # What it asks about, what it measures (nps, csat, ces or an indicator of the config),
        # and its questions: each measured indicator on its own scale.
        subject: Ease of ordering and paying
        indicators: [ces]
        questions:
          - id: q-effort
            text: How easy was it to place your order today?
            indicator: ces
            scale: { min: 1, max: 7 }
          - text: What almost stopped you from ordering?
            type: open
        # When it is sent: after each checkout, at most once per 90 days to the same customer.
        # The other forms: once: <date>; every: <duration> with start: <date>; rrule: with start.
        recurrence:
          trigger: after-event
          cooldown: P90D
        owner: marketing
`;

/** `journey init [folder]`: a starter workspace that lints clean, with schemas for the editor. */
export default defineCommand({
  name: "init",
  description:
    "create a starter workspace (config, a persona, a journey, the schemas your editor checks them with); never overwrites",
  arguments: [
    { name: "[folder]", description: "where to create it (default: the current directory)" },
  ],
  options: {},
  examples: [
    ["journey init maps", "create the workspace in maps/, then run journey lint maps"],
    ["journey init", "create it in the current directory"],
  ],
  async run([folder]: [string | undefined], _options, io) {
    const target = folder ?? ".";
    const files: NewFile[] = [
      { path: CONFIG_FILE, text: config() },
      { path: PERSONA_FILE, text: persona() },
      { path: JOURNEY_FILE, text: journey(today(io.env, io.now)) },
      ...DOCUMENT_KINDS.map((kind) => ({
        path: `${SCHEMA_FOLDER}/${kind}.schema.json`,
        text: shippedSchema(kind),
      })),
    ];
    const written = createFiles(io, target, files, ["journey.config.yml"]);
    io.stdout(nextSteps(target, written));
    return 0;
  },
});

/** What was created, and what to do next. */
function nextSteps(folder: string, written: readonly string[]): string {
  const maps = written.filter((path) => !path.endsWith(".json"));
  const schemas = written.filter((path) => path.endsWith(".json"));
  const lint = folder === "." ? "journey lint" : `journey lint ${shellWord(folder)}`;
  return [
    "Created a journey workspace:",
    ...maps.map((path) => `  ${path}`),
    ...schemas.map((path) => `  ${path}`),
    "",
    "Next steps:",
    `  ${lint}`,
    "      check the maps: no problem yet. Then make the persona and the journey yours.",
    "  Open the maps in an editor with the YAML language server (VS Code: Red Hat's YAML",
    "      extension): the first line of each file points it to the schemas in",
    `      ${SCHEMA_FOLDER}, so it checks and completes them as you type, offline.`,
    "      Commit that folder with the maps; after upgrading journey, refresh it with",
    `      journey schema <kind> > ${SCHEMA_FOLDER}/<kind>.schema.json.`,
    "  journey rules",
    "      what journey lint checks; journey rules <id> explains a rule.",
    `  In CI and pre-commit: ${HOMEPAGE}/blob/main/docs/ci.md`,
    "",
  ].join("\n");
}

/** A path as the shell reads it back: quoted when it holds anything but plain characters. */
function shellWord(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}
