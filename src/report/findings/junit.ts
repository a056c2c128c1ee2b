import type { Finding } from "../../lint/finding.js";
import type { LintReport } from "./index.js";
import { pushAll } from "../../util/arrays.js";

/**
 * `journey lint --format junit`: a JUnit XML report, for CI test reports (GitLab's
 * `artifacts:reports:junit`, Jenkins). One `<testsuite>` per file reported on; in it one failing
 * `<testcase>` per finding, named by its rule and place (unique in the file), its text in the body
 * of `<failure>` (GitLab shows the body and ignores the `message` attribute); a clean file has one
 * passing testcase, "no problems". Every value is escaped as character references (no CDATA);
 * characters XML 1.0 cannot carry at all become U+FFFD.
 */
export function junit({ findings, files }: LintReport): string {
  const byFile = new Map<string, Finding[]>();
  for (const file of files) byFile.set(file, []);
  // A finding can be in a file not named, when one of its related places is in a named one.
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const suites = [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let tests = 0;
  const body: string[] = [];
  for (const [file, list] of suites) {
    const cases = Math.max(list.length, 1);
    tests += cases;
    body.push(
      `  <testsuite${attributes({ name: file, tests: cases, failures: list.length, errors: 0, skipped: 0 })}>`,
    );
    if (list.length === 0) {
      body.push(`    <testcase${attributes({ classname: file, name: "no problems" })}/>`);
    } else pushAll(body, testcases(file, list));
    body.push("  </testsuite>");
  }
  const root = attributes({ name: "journey", tests, failures: findings.length, errors: 0 });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${root}>`,
    ...body,
    "</testsuites>",
    "",
  ].join("\n");
}

/** The failing testcases of one file's findings, each name made unique with " (2)", " (3)"… */
function testcases(file: string, list: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return list.flatMap((f) => {
    const base = `${f.rule} at ${f.line}:${f.column}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const name = n === 1 ? base : `${base} (${n})`;
    return [
      `    <testcase${attributes({ classname: file, name })}>`,
      `      <failure${attributes({ type: f.rule, message: short(f.message) })}>${text(details(f))}</failure>`,
      "    </testcase>",
    ];
  });
}

/** What the body of a failure says: the message, its severity and place, the rule, related places. */
function details(f: Finding): string {
  return [
    `${f.severity}: ${f.message}`,
    `at ${f.file}:${f.line}:${f.column} (to ${f.endLine}:${f.endColumn})`,
    `rule: ${f.rule}`,
    ...f.related.map((r) => `${r.what}: ${r.file}:${r.line}:${r.column}`),
  ].join("\n");
}

const SHORT = 200;

/** The message's first line, cut at 200 characters: the `message` attribute, for a list view. */
function short(message: string): string {
  const first = message.split(/\r\n|\r|\n/, 1)[0] ?? "";
  const chars = Array.from(first);
  return chars.length <= SHORT ? first : `${chars.slice(0, SHORT - 1).join("")}…`;
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${attribute(String(value))}"`)
    .join("");
}

/**
 * What XML 1.0 cannot hold even as a character reference: C0 controls other than tab, line feed
 * and carriage return, U+FFFE, U+FFFF and lone surrogates (matched code point by code point, a
 * surrogate pair is one character and stays).
 */
// eslint-disable-next-line no-control-regex -- these controls are exactly what is looked for
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\r": "&#13;",
  "\n": "&#10;",
  "\t": "&#9;",
};

/** Character data: markup escaped (so `]]>` cannot occur), a carriage return kept as a reference. */
function text(value: string): string {
  return value.replace(NOT_XML, "\uFFFD").replace(/[&<>"'\r]/g, (c) => ENTITIES[c] ?? c);
}

/** An attribute value: also tab and line feed as references, which attribute normalisation keeps. */
function attribute(value: string): string {
  return value.replace(NOT_XML, "\uFFFD").replace(/[&<>"'\r\n\t]/g, (c) => ENTITIES[c] ?? c);
}
