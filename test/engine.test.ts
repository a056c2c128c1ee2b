import { describe, expect, it } from "vitest";
import { activeRules, resolveConfig } from "../src/lint/config.js";
import type { Rule } from "../src/lint/rule.js";
import { childPointer } from "../src/model/pointer.js";
import { RULES } from "../src/rules/index.js";
import { lintSources, PERSONA, STRUCTURAL, yaml } from "./helpers.js";

interface MaxOptions {
  max: number;
}

/** A rule with options: reports journeys with more stages than `max`. */
const tooManyStages: Rule<MaxOptions> = {
  id: "too-many-stages",
  description: "Test rule.",
  defaultSeverity: "warning",
  messages: { many: "{count} stages, more than {max}" },
  optionsSchema: {
    type: "object",
    properties: { max: { type: "integer", minimum: 1 } },
    additionalProperties: false,
  },
  defaultOptions: { max: 1 },
  check({ workspace, options, report }) {
    for (const j of workspace.journeys) {
      if (j.stages.length > options.max) {
        report({
          messageId: "many",
          data: { count: j.stages.length, max: options.max },
          at: { ...j.origin, pointer: "/stages", target: "key" },
        });
      }
    }
  },
};

const JOURNEY = yaml`
  kind: journey
  id: j
  title: J
  persona: julie
  stages:
    - id: a
      name: A
      events: [{ id: e1, action: X, channel: web }]
      surveys:
        - id: s1
          title: S
          channel: web
          subject: S
          indicators: [csat]
          questions: [{ text: Q, indicator: csat, scale: { min: 1, max: 5 } }]
          recurrence: { once: 2026-01-01 }
    - id: b
      name: B
      events: [{ id: e2, action: Y, channel: web }]
`;

const lint = (config?: string) =>
  lintSources(
    { "p.yaml": PERSONA, "j.yaml": JOURNEY },
    { rules: [...STRUCTURAL, tooManyStages], ...(config ? { config } : {}) },
  );

describe("the rule engine", () => {
  it("applies the default severity and options, renders the message, points at the key", () => {
    expect(lint().map((f) => [f.rule, f.severity, f.line, f.column, f.message, f.entity])).toEqual([
      ["too-many-stages", "warning", 5, 1, "2 stages, more than 1", "journey:j"],
    ]);
  });

  it("options from the config reach the rule", () => {
    expect(lint("kind: config\nrules:\n  too-many-stages: [error, { max: 2 }]\n")).toEqual([]);
    expect(
      lint("kind: config\nrules:\n  too-many-stages: [error]\n").map((f) => f.severity),
    ).toEqual(["error"]);
  });

  it("off: the rule does not run", () => {
    expect(lint("kind: config\nrules:\n  too-many-stages: off\n")).toEqual([]);
  });

  it("options that do not match the rule's options schema are an invocation error", () => {
    expect(() => lint("kind: config\nrules:\n  too-many-stages: [error, { max: 0 }]\n")).toThrow(
      'config: rule "too-many-stages": option "max" must be >= 1',
    );
    expect(() =>
      lint("kind: config\nrules:\n  too-many-stages: [error, { maximum: 3 }]\n"),
    ).toThrow('config: rule "too-many-stages": unknown option "maximum"');
  });

  it("options given to a rule that takes none are an invocation error", () => {
    const config = resolveConfig(
      { kind: "config", rules: { "duplicate-id": ["error", { x: 1 }] } },
      "journey.config.yaml",
    );
    expect(() => activeRules(RULES, config, [])).toThrow(
      'journey.config.yaml: rule "duplicate-id" is always on at error and cannot be configured',
    );
    const withFixture = resolveConfig(
      { kind: "config", rules: { "no-options": ["warning", { x: 1 }] } },
      "journey.config.yaml",
    );
    const noOptions: Rule = {
      ...tooManyStages,
      id: "no-options",
      optionsSchema: undefined,
      defaultOptions: {},
    } as unknown as Rule;
    expect(() => activeRules([noOptions], withFixture, [])).toThrow(
      'journey.config.yaml: rule "no-options" takes no options',
    );
  });

  it("findings are sorted by file, line, column, rule", () => {
    const findings = lintSources(
      {
        "b.yaml": "kind: persona\nid: x\nname: X\nsummary: S\nfoo: 1\nbar: 2\n",
        "a.yaml": "kind: nothing\n",
      },
      { rules: STRUCTURAL },
    );
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual([
      "a.yaml:1:7",
      "b.yaml:5:1",
      "b.yaml:6:1",
    ]);
  });

  it("the entity of a place inside a survey is the survey", () => {
    const findings = lintSources(
      { "p.yaml": PERSONA, "j.yaml": JOURNEY.replace("indicators: [csat]", "indicators: [cast]") },
      { rules: STRUCTURAL },
    );
    expect(findings.map((f) => [f.rule, f.entity])).toEqual([["unknown-reference", "survey:s1"]]);
  });

  it("a rule's report that names no message or no place of the workspace is a bug, not a finding", () => {
    const badMessage: Rule = {
      ...(tooManyStages as unknown as Rule),
      id: "bad-message",
      check: ({ workspace, report }) =>
        report({
          messageId: "nope",
          at: workspace.journeys[0]?.origin ?? { file: "", document: 0, pointer: "" },
        }),
    };
    expect(() =>
      lintSources({ "p.yaml": PERSONA, "j.yaml": JOURNEY }, { rules: [badMessage] }),
    ).toThrow('rule bad-message has no message "nope"');
    const badPlace: Rule = {
      ...(tooManyStages as unknown as Rule),
      id: "bad-place",
      check: ({ report }) =>
        report({ messageId: "many", at: { file: "elsewhere.yaml", document: 0, pointer: "" } }),
    };
    expect(() => lintSources({ "p.yaml": PERSONA }, { rules: [badPlace] })).toThrow(
      "rule bad-place reported a place outside the workspace",
    );
  });

  it("a related place is located, and written as file:line:column where the message names it", () => {
    const probe: Rule = {
      ...(tooManyStages as unknown as Rule),
      id: "probe",
      messages: { twice: "stage {id} again, first at {first}" },
      check: ({ workspace, report }) => {
        const j = workspace.journeys[0];
        if (!j) return;
        report({
          messageId: "twice",
          data: { id: "x" },
          at: { ...j.origin, pointer: childPointer(j.origin.pointer, "stages", 1, "id") },
          related: [
            {
              name: "first",
              what: "the first stage",
              at: { ...j.origin, pointer: "/stages/0/id" },
            },
            { what: "the journey", at: { ...j.origin, pointer: "/id" } },
          ],
        });
      },
    };
    const [finding] = lintSources({ "p.yaml": PERSONA, "j.yaml": JOURNEY }, { rules: [probe] });
    expect(finding?.message).toBe("stage x again, first at j.yaml:6:9");
    expect(finding?.messageId).toBe("twice");
    expect(finding?.related.map((r) => [r.what, r.file, r.line, r.column])).toEqual([
      ["the first stage", "j.yaml", 6, 9],
      ["the journey", "j.yaml", 2, 5],
    ]);
  });
});
