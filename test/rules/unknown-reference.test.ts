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
      name: "a config's channels replace the built-in list",
      files: julie(JOURNEY.replace("channel: email\nsurveys:", "channel: kiosk-v2\nsurveys:")),
      config: CHANNELS,
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
          messageId: "channel",
          file: "j.yaml",
          line: 11,
          column: 18,
          message: 'unknown channel "webb"; did you mean "web"?',
        },
        {
          messageId: "channel",
          file: "j.yaml",
          line: 37,
          column: 14,
          message: 'unknown channel "telepathy"',
        },
        {
          messageId: "channel",
          file: "p.yaml",
          line: 5,
          column: 17,
          message: 'unknown channel "e-mail"; did you mean "email"?',
        },
      ],
    },
    {
      name: "a built-in channel the config's channels leave out",
      files: julie(
        JOURNEY.replace(
          "channel: web\n      - id: delivery",
          "channel: store\n      - id: delivery",
        ),
      ),
      config: CHANNELS,
      errors: [
        {
          messageId: "channel",
          file: "j.yaml",
          line: 11,
          column: 18,
          message: 'unknown channel "store"',
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
          message: 'unknown indicator "effort-index"',
        },
        {
          messageId: "indicator",
          file: "j.yaml",
          line: 42,
          column: 20,
          message: 'unknown indicator "nsp"; did you mean "nps"?',
        },
      ],
    },
    {
      name: "a config adds its own indicators",
      files: julie(TWO_INDICATORS),
      config: EFFORT_INDEX,
      errors: [
        {
          messageId: "indicator",
          file: "j.yaml",
          line: 42,
          column: 20,
          message: 'unknown indicator "nsp"; did you mean "nps"?',
        },
      ],
    },
  ],
});
