import { disableDirective } from "../../src/rules/disable-directive.js";
import { JOURNEY_HEAD, PERSONA } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

const files = { "p.yaml": PERSONA };

/**
 * A journey whose one stage (line 8) has no survey, and whose one event (line 11) has a
 * satisfaction with evidence; the comment, if any, is on line 7, just above the stage.
 */
const journey = (comment?: string) =>
  [
    ...JOURNEY_HEAD,
    ...(comment ? [`  # ${comment}`] : []),
    "  - id: s",
    "    name: S",
    "    events:",
    "      - { id: e, action: A, channel: web, satisfaction: 4, evidence: [{ source: analytics, ref: R }] }",
    "",
  ].join("\n");

ruleTester(disableDirective, {
  valid: [
    {
      name: "a directive that silences a finding and gives its reason",
      files,
      code: journey("journey-disable-next-line stage-without-survey -- decided in the Q3 review"),
    },
    {
      name: "the same text inside a block scalar is not a comment",
      files,
      code: journey().replace(
        "    name: S",
        "    name: |\n      # journey-disable-next-line missing-satisfaction -- not a comment",
      ),
    },
    {
      name: "the rule can be turned off like any other",
      files,
      config: "kind: config\nrules:\n  disable-directive: off\n",
      code: journey("journey-disable-next-line missing-satisfaction -- wrong rule"),
    },
  ],
  invalid: [
    {
      name: "a directive for a rule that does not fire on the next line: at the comment",
      files,
      code: journey("journey-disable-next-line missing-satisfaction -- wrong rule"),
      errors: [
        {
          messageId: "unused",
          line: 7,
          column: 3,
          message:
            'journey-disable-next-line "missing-satisfaction" silences nothing on the next line: remove it',
        },
      ],
    },
    {
      name: "an unknown rule id, with did-you-mean",
      files,
      code: journey("journey-disable-next-line stage-without-surveys -- typo"),
      errors: [
        {
          messageId: "unknown",
          line: 7,
          column: 3,
          message:
            'journey-disable-next-line names an unknown rule "stage-without-surveys"; did you mean "stage-without-survey"?',
        },
      ],
    },
    {
      name: "an unknown rule id like no other",
      files,
      code: journey("journey-disable-next-line frobnicate -- why not"),
      errors: [
        {
          messageId: "unknown",
          line: 7,
          column: 3,
          message: 'journey-disable-next-line names an unknown rule "frobnicate"',
        },
      ],
    },
    {
      name: "a structural rule cannot be disabled",
      files,
      code: journey("journey-disable-next-line schema -- no"),
      errors: [
        {
          messageId: "fixed",
          line: 7,
          column: 3,
          message:
            'journey-disable-next-line cannot disable "schema": structural rules are always on',
        },
      ],
    },
    {
      name: "a directive without a reason (it still silences)",
      files,
      code: journey("journey-disable-next-line stage-without-survey"),
      errors: [
        {
          messageId: "reason",
          line: 7,
          column: 3,
          message:
            'journey-disable-next-line "stage-without-survey" gives no reason: add " -- <why>"',
        },
      ],
    },
  ],
});
