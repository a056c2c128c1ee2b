import { staleMap } from "../../src/rules/stale-map.js";
import { PERSONA, TODAY, yaml } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

const files = { "p.yaml": PERSONA };

/** A journey with this `reviewed` line (line 5). */
const journey = (reviewed: string) => yaml`
  kind: journey
  id: j
  title: J
  persona: julie
  ${reviewed}
  stages:
    - id: s
      name: S
      events: [{ id: e, action: A, channel: web }]
`;

const P3M = "kind: config\nstaleAfter: P3M\n";

// The tests run on TODAY, 2026-11-22.
ruleTester(staleMap, {
  valid: [
    { name: "reviewed a month ago", files, code: journey("reviewed: 2026-10-22") },
    { name: "exactly 12 months ago is still fresh", files, code: journey("reviewed: 2025-11-22") },
    {
      name: "within the config's staleAfter",
      files,
      config: P3M,
      code: journey("reviewed: 2026-09-01"),
    },
    {
      name: "on another day of the run",
      files,
      today: "2026-01-01",
      code: journey("reviewed: 2025-11-21"),
    },
  ],
  invalid: [
    {
      name: "no reviewed date: at the journey's id",
      files,
      code: journey("objective: Buy a phone"),
      errors: [
        {
          messageId: "unreviewed",
          line: 2,
          column: 5,
          message:
            'journey "j" has no reviewed date: maps go stale, say when this one was last reviewed',
        },
      ],
    },
    {
      name: "one day more than 12 months: at the date",
      files,
      code: journey("reviewed: 2025-11-21"),
      errors: [
        {
          messageId: "stale",
          line: 5,
          column: 11,
          message: `journey "j" was last reviewed on 2025-11-21, more than 12 months before ${TODAY}`,
        },
      ],
    },
    {
      name: "older than the config's staleAfter",
      files,
      config: P3M,
      code: journey("reviewed: 2026-06-01"),
      errors: [
        {
          messageId: "stale",
          line: 5,
          column: 11,
          message:
            'journey "j" was last reviewed on 2026-06-01, more than 3 months before 2026-11-22',
        },
      ],
    },
  ],
});
