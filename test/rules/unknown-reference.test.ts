import { unknownReference } from "../../src/rules/unknown-reference.js";
import { JOURNEY, PERSONA } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

/** A workspace of julie and this journey, in j.yaml. */
const julie = (journey: string, persona = PERSONA) => ({ "p.yaml": persona, "j.yaml": journey });

const WIDE_ON_PARCEL = JOURNEY.replace(
  "    channel: email\n    subject: The whole",
  "    event: parcel\n    channel: email\n    subject: The whole",
);

const CHANNELS = "kind: config\nchannels: [{ id: web }, { id: email }, { id: kiosk-v2 }]\n";
const REPLACED = `${CHANNELS}replaceChannels: true\n`;
const BRANCH = "kind: config\nchannels: [branch]\n";
/** The journey with its delivery-choice event in a branch. */
const IN_BRANCH = JOURNEY.replace(
  "channel: web\n      - id: delivery-choice",
  "channel: branch\n      - id: delivery-choice",
);
const EFFORT_INDEX =
  "kind: config\nindicators:\n  - id: effort-index\n    scale: { min: 1, max: 10 }\n";
const TWO_INDICATORS = JOURNEY.replace(
  "indicators: [csat]",
  "indicators: [csat, effort-index]",
).replace("        indicator: nps", "        indicator: nsp");

ruleTester(unknownReference, {
  valid: [
    { name: "references that resolve", files: julie(JOURNEY) },
    {
      name: "a journey-wide survey's event: any event of the journey",
      files: julie(WIDE_ON_PARCEL),
    },
    {
      name: "a config's channels add to the built-in list: kiosk-v2 beside store, never declared",
      files: julie(
        JOURNEY.replace("channel: email\nsurveys:", "channel: kiosk-v2\nsurveys:").replace(
          "channel: web\n      - id: delivery",
          "channel: store\n      - id: delivery",
        ),
      ),
      config: CHANNELS,
    },
    {
      name: "channels: [branch] (an id alone) makes branch known, and web stays known",
      files: julie(IN_BRANCH),
      config: BRANCH,
    },
    {
      name: "with replaceChannels, the config's channels are the vocabulary",
      files: julie(JOURNEY.replace("channel: email\nsurveys:", "channel: kiosk-v2\nsurveys:")),
      config: REPLACED,
    },
    {
      name: "a config may give a built-in channel or a standard indicator its own label",
      files: julie(JOURNEY),
      config:
        "kind: config\nchannels: [{ id: web, label: Online banking }]\nindicators: [{ id: nps, label: Recommendation }]\n",
    },
  ],
  invalid: [
    {
      name: "a journey's persona, with did-you-mean",
      files: julie(JOURNEY.replace("persona: julie", "persona: juli")),
      errors: [
        {
          messageId: "persona",
          file: "j.yaml",
          line: 4,
          column: 10,
          message: 'unknown persona "juli"; did you mean "julie"?',
        },
      ],
    },
    {
      name: "a survey's event that is not in its stage",
      files: julie(JOURNEY.replace("event: checkout", "event: chekout")),
      errors: [
        {
          messageId: "event",
          file: "j.yaml",
          line: 18,
          column: 16,
          message: 'unknown event "chekout" in stage "purchase"; did you mean "checkout"?',
        },
      ],
    },
    {
      name: "a survey's event that belongs to another stage",
      files: julie(JOURNEY.replace("event: checkout", "event: parcel")),
      errors: [
        {
          messageId: "eventOfOtherStage",
          file: "j.yaml",
          line: 18,
          column: 16,
          message:
            'event "parcel" belongs to stage "delivery", not to this survey\'s stage "purchase"',
        },
      ],
    },
    {
      name: "a journey-wide survey's event must exist in the journey",
      files: julie(WIDE_ON_PARCEL.replace("event: parcel", "event: parcels")),
      errors: [
        {
          messageId: "event",
          file: "j.yaml",
          line: 37,
          column: 12,
          message: 'unknown event "parcels" in journey "julie-online"; did you mean "parcel"?',
        },
      ],
    },
    {
      name: "channels of events, surveys and personas, against the built-in list",
      files: julie(
        JOURNEY.replace(
          "channel: web\n      - id: delivery-choice",
          "channel: webb\n      - id: delivery-choice",
        ).replace(
          "    channel: email\n    subject: The whole",
          "    channel: telepathy\n    subject: The whole",
        ),
        `${PERSONA}channels: [web, e-mail]\n`,
      ),
      errors: [
        {
          messageId: "channelNear",
          file: "j.yaml",
          line: 11,
          column: 18,
          message:
            'unknown channel "webb"; did you mean "web"? Or declare it under channels: in journey.config.yaml',
        },
        {
          messageId: "channel",
          file: "j.yaml",
          line: 37,
          column: 14,
          message: 'unknown channel "telepathy": declare it under channels: in journey.config.yaml',
        },
        {
          messageId: "channelNear",
          file: "p.yaml",
          line: 5,
          column: 17,
          message:
            'unknown channel "e-mail"; did you mean "email"? Or declare it under channels: in journey.config.yaml',
        },
      ],
    },
    {
      name: "a channel no config declares says where to declare it",
      files: julie(IN_BRANCH),
      errors: [
        {
          messageId: "channel",
          file: "j.yaml",
          line: 11,
          column: 18,
          message: 'unknown channel "branch": declare it under channels: in journey.config.yaml',
        },
      ],
    },
    {
      name: "with replaceChannels, a built-in channel the config's channels leave out is unknown",
      files: julie(
        JOURNEY.replace(
          "channel: web\n      - id: delivery",
          "channel: store\n      - id: delivery",
        ),
      ),
      config: REPLACED,
      errors: [
        {
          messageId: "channel",
          file: "j.yaml",
          line: 11,
          column: 18,
          message: 'unknown channel "store": declare it under channels: in journey.config.yaml',
        },
      ],
    },
    {
      name: "with replaceChannels and channels: [branch, email], web is unknown",
      files: julie(IN_BRANCH),
      config: "kind: config\nchannels: [branch, email]\nreplaceChannels: true\n",
      errors: [
        {
          messageId: "channel",
          file: "j.yaml",
          line: 14,
          column: 18,
          message: 'unknown channel "web": declare it under channels: in journey.config.yaml',
        },
        {
          messageId: "channel",
          file: "j.yaml",
          line: 19,
          column: 18,
          message: 'unknown channel "web": declare it under channels: in journey.config.yaml',
        },
      ],
    },
    {
      name: "indicators of surveys and questions",
      files: julie(TWO_INDICATORS),
      errors: [
        {
          messageId: "indicator",
          file: "j.yaml",
          line: 21,
          column: 28,
          message:
            'unknown indicator "effort-index": declare it under indicators: in journey.config.yaml',
        },
        {
          messageId: "indicatorNear",
          file: "j.yaml",
          line: 42,
          column: 20,
          message:
            'unknown indicator "nsp"; did you mean "nps"? Or declare it under indicators: in journey.config.yaml',
        },
      ],
    },
    {
      name: "a config adds its own indicators, written as an id alone or as a mapping",
      files: julie(
        TWO_INDICATORS.replace(
          "indicators: [csat, effort-index]",
          "indicators: [csat, effort-index, loyalty]",
        ),
      ),
      config: `${EFFORT_INDEX}  - loyalty\n`,
      errors: [
        {
          messageId: "indicatorNear",
          file: "j.yaml",
          line: 42,
          column: 20,
          message:
            'unknown indicator "nsp"; did you mean "nps"? Or declare it under indicators: in journey.config.yaml',
        },
      ],
    },
  ],
});
