import { syntax } from "../../src/rules/syntax.js";
import { PERSONA, yaml } from "../helpers.js";
import { ruleTester } from "../rule-tester.js";

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
          message: "YAML: Tabs are not allowed as indentation",
        },
      ],
    },
  ],
});
