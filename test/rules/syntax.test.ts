import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { syntax } from "../../src/rules/syntax.js";
import { lintSources, PERSONA, ROOT, yaml } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

/** The evidence of the event of `journeyWith`, lines 15 and 16 of it. */
const EVIDENCE = "          - source: interview\n            ref: Interviews, 2026-09\n";

/** A journey whose only event ends with `evidence:` (line 14), followed by `evidence`. */
function journeyWith(evidence: string): string {
  return `${yaml`
    kind: journey
    id: julie-online
    title: Julie buys online
    persona: julie
    stages:
      - id: discovery
        name: Discovery
        noSurvey: Too early to ask
        events:
          - id: product-page
            action: Reads the product page and its reviews
            channel: web
            satisfaction: 4
            evidence:
  `}${evidence}`;
}

ruleTester(syntax, {
  valid: [
    { name: "plain YAML", code: PERSONA },
    {
      name: "a few aliases",
      code: yaml`
        kind: persona
        id: a
        name: &n Anna
        summary: *n
        habits: &h [reads reviews]
        goals: *h
      `,
    },
    {
      name: "a byte-order mark and CRLF line ends",
      code: `\uFEFF${PERSONA}`.replace(/\n/g, "\r\n"),
    },
  ],
  invalid: [
    {
      name: "an unclosed flow sequence: the other documents of the file are still read",
      code: `${PERSONA}---\nkind: persona\nid: marc\nname: [unclosed\n---\n${PERSONA.replace("julie", "anna")}`,
      errors: [
        {
          messageId: "problem",
          line: 9,
          column: 1,
          message:
            "YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
        },
      ],
    },
    {
      name: "a duplicate key: at the second one",
      code: "kind: persona\nid: p\nname: P\nname: Q\nsummary: S\n",
      errors: [
        {
          messageId: "problem",
          line: 4,
          column: 1,
          message: 'duplicate key "name" in a mapping: each key may appear once',
        },
      ],
    },
    {
      name: "an alias bomb",
      code: yaml`
        kind: persona
        id: bomb
        a: &a [x, x, x, x, x, x, x, x, x]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]
      `,
      errors: [
        {
          messageId: "problem",
          line: 4,
          column: 8,
          message:
            "aliases expand to more than 200 nodes (an alias bomb?); the document is not read",
        },
      ],
    },
    {
      name: "a tab for indentation",
      code: "kind: persona\nid: p\nname: P\nsummary: S\ntraits:\n\t- { name: a, value: b, basis: hypothesis }\n",
      errors: [
        {
          messageId: "problem",
          line: 6,
          column: 1,
          message: "tabs cannot indent YAML: indent with spaces",
        },
      ],
    },
    {
      name: "a tab in an event's indentation: one finding at the tab (the library reports seven errors)",
      code: journeyWith(EVIDENCE).replace("        action:", "\t\taction:"),
      errors: [
        {
          messageId: "problem",
          line: 11,
          column: 1,
          endLine: 11,
          endColumn: 2,
          message: "tabs cannot indent YAML: indent with spaces",
        },
      ],
    },
    {
      name: "a tab after spaces (which the library takes for a bad indentation): at the tab",
      code: journeyWith(EVIDENCE.replace("            ref:", "          \tref:")),
      errors: [
        {
          messageId: "problem",
          line: 16,
          column: 11,
          message: "tabs cannot indent YAML: indent with spaces",
        },
      ],
    },
    {
      name: "a key deeper than its siblings: at the key, with the column expected",
      code: `${PERSONA}traits:\n  - name: age\n    value: 30-39\n     basis: data\n`,
      errors: [
        {
          messageId: "problem",
          line: 8,
          column: 6,
          endLine: 8,
          endColumn: 11,
          message: '"basis" is indented to column 6; expected column 5, like "value" above',
        },
      ],
    },
    {
      name: "a key shallower than its siblings (the library points at column 1): at the key",
      code: `${PERSONA}traits:\n  - name: age\n    value: 30-39\n   basis: data\n`,
      errors: [
        {
          messageId: "problem",
          line: 8,
          column: 4,
          message: '"basis" is indented to column 4; expected column 5, like "value" above',
        },
      ],
    },
    {
      name: "an evidence item's ref one column short of its source",
      code: journeyWith(EVIDENCE.replace("            ref:", "           ref:")),
      errors: [
        {
          messageId: "problem",
          line: 16,
          column: 12,
          endLine: 16,
          endColumn: 15,
          message: '"ref" is indented to column 12; expected column 13, like "source" above',
        },
      ],
    },
    {
      name: "an evidence item's ref one column past its source (the library points at the line above)",
      code: journeyWith(EVIDENCE.replace("            ref:", "             ref:")),
      errors: [
        {
          messageId: "problem",
          line: 16,
          column: 14,
          message: '"ref" is indented to column 14; expected column 13, like "source" above',
        },
      ],
    },
    {
      name: "the first key of a mapping is the odd one: at it, like the keys below",
      code: `${PERSONA}traits:\n  - name: age\n     value: 30-39\n     basis: data\n`,
      errors: [
        {
          messageId: "problem",
          line: 6,
          column: 5,
          message: '"name" is indented to column 5; expected column 6, like "value" below',
        },
      ],
    },
    {
      name: "a list item out of line with the items above",
      code: `${PERSONA}traits:\n  - name: age\n    value: 30-39\n    basis: data\n   - name: job\n    value: nurse\n    basis: data\n`,
      errors: [
        {
          messageId: "problem",
          line: 9,
          column: 4,
          message: "this list item is indented to column 4; expected column 3, like the item above",
        },
      ],
    },
    {
      name: "a list item without the space after its dash",
      code: `${PERSONA}traits:\n  -name: age\n    value: 30-39\n    basis: data\n`,
      errors: [
        {
          messageId: "problem",
          line: 6,
          column: 3,
          message: '"-name" is not a list item: put a space after the "-"',
        },
      ],
    },
    {
      name: "the first line of a folded text deeper than the next",
      code: yaml`
        kind: persona
        id: julie
        name: Julie
        summary: >
           Buys online after reading
          reviews.
      `,
      errors: [
        {
          messageId: "problem",
          line: 5,
          column: 4,
          message:
            'the first line of "summary" is indented to column 4; expected column 3, like the line below',
        },
      ],
    },
    {
      name: "a key without its colon: one finding, not one for each of its children",
      code: `${PERSONA}traits\n  - name: age\n    value: 30-39\n    basis: data\n`,
      errors: [
        {
          messageId: "problem",
          line: 5,
          column: 1,
          message: "YAML: Implicit keys need to be on a single line",
        },
      ],
    },
    {
      name: "an unclosed quote: at the opening quote (the library points at the end of the file)",
      code: yaml`
        ---
        kind: persona
        id: julie
        name: "Julie
        summary: Buys online
        habits: [reads reviews]
      `,
      errors: [
        {
          messageId: "problem",
          line: 4,
          column: 7,
          message: 'YAML: Missing closing "quote',
        },
      ],
    },
    {
      name: "two independent mistakes in one file: two findings",
      code: `${PERSONA}traits:\n  - name: age\n    value: 30-39\n     basis: data\nhabits: [reads reviews, compares prices\ngoals: [x]\n`,
      errors: [
        {
          messageId: "problem",
          line: 8,
          column: 6,
          message: '"basis" is indented to column 6; expected column 5, like "value" above',
        },
        {
          messageId: "problem",
          line: 10,
          column: 1,
          message:
            "YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
        },
      ],
    },
    {
      name: "a tab and, further down, a misaligned key: two findings",
      code: `${PERSONA.replace("name: Julie", "\tname: Julie")}traits:\n  - name: age\n    value: 30-39\n     basis: data\n`,
      errors: [
        {
          messageId: "problem",
          line: 3,
          column: 1,
          message: "tabs cannot indent YAML: indent with spaces",
        },
        {
          messageId: "problem",
          line: 8,
          column: 6,
          message: '"basis" is indented to column 6; expected column 5, like "value" above',
        },
      ],
    },
  ],
});

describe("syntax: one finding per indentation mistake, on the line of the mistake", () => {
  const examples = join(ROOT, "examples", "clean");
  const files = ["journey.config.yaml", "journeys/julie-online.yaml", "personas/julie.yaml"];
  // Each line of the clean examples one column deeper, one shallower, indented by a tab, or (a
  // list item) without the space after its dash.
  const mistakes = files.flatMap((file) => {
    const lines = readFileSync(join(examples, file), "utf8").split("\n");
    return lines.flatMap((line, i) => {
      if (line.trim() === "" || line.trim().startsWith("#")) return [];
      const body = line.trimStart();
      const variants = [` ${line}`, `\t${body}`];
      if (body !== line) variants.push(line.slice(1));
      if (/^ *- \S/.test(line)) variants.push(line.replace("- ", "-"));
      return variants.map((variant) => ({
        file,
        line: i + 1,
        text: lines.map((l, k) => (k === i ? variant : l)).join("\n"),
      }));
    });
  });

  it("gives one syntax finding where the library reports any error", () => {
    const wrong: string[] = [];
    let broken = 0;
    for (const m of mistakes) {
      const errors = parseAllDocuments(m.text) as unknown as { errors: unknown[] }[];
      if ([errors].flat().every((d) => d.errors.length === 0)) continue;
      broken++;
      const found = lintSources({ [m.file]: m.text }, { rules: [syntax] });
      const at = found.map((f) => `${f.line}:${f.column} ${f.message}`);
      if (found.length !== 1 || found[0]?.line !== m.line) {
        wrong.push(
          `${m.file}:${m.line} ${JSON.stringify(m.text.split("\n")[m.line - 1])}: ${at.join("; ")}`,
        );
      }
    }
    expect(broken).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
  });
});
