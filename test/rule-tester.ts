import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { Finding } from "../src/lint/finding.js";
import type { AnyRule } from "../src/lint/rule.js";
import { RULES } from "../src/rules/index.js";
import { checkDocument } from "../src/validate/document.js";
import { lintSources } from "./helpers.js";

/**
 * A table of cases for one rule, in the spirit of ESLint's RuleTester: inline YAML in, the exact
 * findings of that rule out. Each case runs through the real pipeline (`lintSources`, every rule
 * of the registry), then keeps the findings of the rule under test.
 *
 *   ruleTester(staleMap, {
 *     valid: [{ code: yaml`…` }],
 *     invalid: [{ code: yaml`…`, errors: [{ messageId: "stale", line: 5, column: 11 }] }],
 *   });
 */

/** The name of the file a case's `code` is linted as. */
const CODE_FILE = "code.yaml";

export interface RuleCase {
  /** The test's title (by default: valid 1, invalid 2…). */
  name?: string;
  /** The file under test, linted as `code.yaml`: expected errors are in it unless they name a file. */
  code?: string;
  /** Other files of the workspace, by path (or all of them, without `code`). */
  files?: Record<string, string>;
  /** The workspace config, as YAML text (`kind: config`); it must pass the config schema. */
  config?: string;
  /** Options of the rule under test, set in the config's `rules` (at its default severity unless the config sets one). */
  options?: Record<string, unknown>;
  /** The date of the run, YYYY-MM-DD (default: the tests' TODAY). */
  today?: string;
}

/** A valid case: a fixture, or only its `code`. */
export type ValidCase = RuleCase | string;

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Required when the case has several files and no `code`; defaults to the file under test. */
  file?: string;
  /** The exact text, where the wording is what is tested. */
  message?: string;
  /** The other places the finding relates to, where they are what is tested. */
  related?: ExpectedPlace[];
}

/** A related place: what it is, and where (the file defaults to the file under test). */
export interface ExpectedPlace {
  what: string;
  line: number;
  column: number;
  file?: string;
}

export interface InvalidCase extends RuleCase {
  /** Every finding of the rule, in the order the engine sorts them (file, line, column). */
  errors: ExpectedError[];
}

export interface RuleCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/**
 * Registers one test per case, and one that checks the table covers every message id and every
 * option of the rule. A case must be a well-formed fixture: a finding of another structural rule
 * (syntax, schema, duplicate-id, unknown-reference) fails it, so that a broken file cannot pass
 * as valid (a rule silent on it proves nothing).
 */
export function ruleTester(rule: AnyRule, cases: RuleCases): void {
  describe(rule.id, () => {
    describe("valid", () => {
      for (const [i, valid] of cases.valid.entries()) {
        const c = typeof valid === "string" ? { code: valid } : valid;
        it(c.name ?? `valid ${i + 1}`, () => {
          expect(
            findingsOf(rule, c).map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`),
            `${rule.id} must not fire`,
          ).toEqual([]);
        });
      }
    });

    describe("invalid", () => {
      for (const [i, c] of cases.invalid.entries()) {
        it(c.name ?? `invalid ${i + 1}`, () => {
          if (c.errors.length === 0) throw new Error("an invalid case expects at least one error");
          const main = defaultFile(c);
          const expected = c.errors.map((e) => {
            if (!(e.messageId in rule.messages)) {
              throw new Error(`${rule.id} has no message id "${e.messageId}"`);
            }
            const file = e.file ?? main;
            if (file === undefined) {
              throw new Error("the case has several files and no code: name each error's file");
            }
            return { ...e, file };
          });
          const actual = findingsOf(rule, c).map((f, k) => project(f, expected[k]));
          expect(actual).toEqual(expected);
        });
      }
    });

    it("covers every message id and option of the rule", () => {
      const cased = [...cases.valid, ...cases.invalid].map((c) =>
        typeof c === "string" ? { code: c } : c,
      );
      const messageIds = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
      expect(
        Object.keys(rule.messages).filter((id) => !messageIds.has(id)),
        "message ids no invalid case expects",
      ).toEqual([]);
      const properties = (rule.optionsSchema?.properties ?? {}) as Record<string, unknown>;
      const options = new Set(cased.flatMap((c) => Object.keys(c.options ?? {})));
      expect(
        Object.keys(properties).filter((o) => !options.has(o)),
        "options no case sets",
      ).toEqual([]);
    });
  });
}

/** The file errors are in unless they say otherwise: the code, or the case's only file. */
function defaultFile(c: RuleCase): string | undefined {
  if (c.code !== undefined) return CODE_FILE;
  const names = Object.keys(c.files ?? {});
  return names.length === 1 ? names[0] : undefined;
}

/** A finding reduced to the keys the expected error states (all of them for an unexpected one). */
function project(f: Finding, e: ExpectedError | undefined): ExpectedError {
  const out: ExpectedError = {
    messageId: f.messageId,
    line: f.line,
    column: f.column,
    file: f.file,
  };
  if (!e || e.endLine !== undefined) out.endLine = f.endLine;
  if (!e || e.endColumn !== undefined) out.endColumn = f.endColumn;
  if (!e || e.message !== undefined) out.message = f.message;
  if (e?.related !== undefined) {
    out.related = f.related.map((r, i) => ({
      what: r.what,
      line: r.line,
      column: r.column,
      ...(e.related?.[i]?.file !== undefined ? { file: r.file } : {}),
    }));
  }
  return out;
}

/** Lints the case with every rule and returns the findings of the rule under test. */
function findingsOf(rule: AnyRule, c: RuleCase): Finding[] {
  const files = { ...c.files, ...(c.code !== undefined ? { [CODE_FILE]: c.code } : {}) };
  if (Object.keys(files).length === 0) throw new Error("a case needs code or files");
  const config = configOf(rule, c);
  const registry = RULES.includes(rule) ? RULES : [...RULES, rule];
  const all = lintSources(files, {
    rules: registry,
    ...(config !== undefined ? { config } : {}),
    ...(c.today !== undefined ? { today: c.today } : {}),
  });
  const broken = all.filter(
    (f) => f.rule !== rule.id && registry.some((r) => r.fixed && r.id === f.rule),
  );
  expect(
    broken.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.message}`),
    "the fixture must be well-formed",
  ).toEqual([]);
  return all.filter((f) => f.rule === rule.id);
}

/** The case's config text, with the rule's options set in its `rules`; checked against the config schema. */
function configOf(rule: AnyRule, c: RuleCase): string | undefined {
  if (c.config === undefined && c.options === undefined) return undefined;
  const data = (c.config === undefined ? { kind: "config" } : parse(c.config)) as Record<
    string,
    unknown
  >;
  if (c.options !== undefined) {
    const rules = { ...(data.rules as Record<string, unknown> | undefined) };
    const setting = rules[rule.id];
    const severity = Array.isArray(setting) ? setting[0] : (setting ?? rule.defaultSeverity);
    rules[rule.id] = [severity, c.options];
    data.rules = rules;
  }
  const { kind, issues } = checkDocument(data);
  expect(kind).toBe("config");
  expect(
    issues.map((i) => `${i.pointer} ${i.message}`),
    "the config must be valid",
  ).toEqual([]);
  return stringify(data);
}
