import { createRequire } from "node:module";
import type * as Jsonc from "jsonc-parser";
import type { Finding } from "./finding.js";
import { identityOf } from "./identity.js";

/**
 * The baseline: the findings a team has accepted for now (`journey lint --baseline-write`), which
 * `journey lint` then leaves out of its report, as ESLint's suppressions file does. Pure: the file
 * is read and written by src/io/baseline.ts.
 *
 * A finding is recorded under its file (relative to the baseline's folder, `/`-separated) and rule
 * by what identifies it — message id, entity, anchor (identityOf) — never its line, so that
 * lines inserted above it, or a stage before it, leave it baselined.
 */

/** The version of the file's format this journey reads and writes. */
const BASELINE_VERSION = 1;

/**
 * The rule whose findings are never baselined: a file that does not parse hides every other
 * finding in it, so it is always reported, never recorded, and an entry for it (a hand-edited
 * file) accepts nothing and is dropped by the next write or prune.
 */
const NEVER_BASELINED = "syntax";

const baselinable = (f: Finding) => f.rule !== NEVER_BASELINED;

/** What identifies one accepted finding within its file and rule. */
export interface BaselineItem {
  messageId: string;
  entity: string | null;
  /** Its node, by the ids of the list items on the way (Finding.anchor). */
  anchor: string | null;
}

/** File (relative to the baseline's folder, `/`-separated) → rule → the findings accepted there. */
export type Baseline = ReadonlyMap<string, ReadonlyMap<string, readonly BaselineItem[]>>;

/** Which entries a write or a prune may change: the others are kept as they are. */
export interface BaselineScope {
  /** Whether this run saw everything there is of `rule` in `file` (a baseline path). */
  covers(file: string, rule: string): boolean;
}

/** The baseline path of a finding's file (its `file` is relative to the current directory). */
export type PathOf = (file: string) => string;

/** A problem with a baseline file's text: where (JSON syntax errors), and what. */
export interface BaselineProblem {
  at: { line: number; column: number } | null;
  message: string;
}

/** The baseline a text holds, or what is wrong with it. */
export function parseBaseline(text: string): Baseline | BaselineProblem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const error = jsonError(text);
    if (!error) return { at: null, message: "not valid JSON" };
    return { at: lineColumn(text, error.offset), message: `not valid JSON (${error.what})` };
  }
  return shapeOf(value);
}

export function isProblem(parsed: Baseline | BaselineProblem): parsed is BaselineProblem {
  return "message" in parsed && !(parsed instanceof Map);
}

/**
 * Splits sorted findings into those reported and those the baseline accepts. Each entry accepts
 * as many findings as it lists alike: of three identical findings baselined twice, the third in
 * the file's order is reported.
 */
export function applyBaseline<F extends Finding>(
  baseline: Baseline,
  findings: readonly F[],
  pathOf: PathOf,
): { reported: F[]; baselined: F[] } {
  const left = countsOf(baseline);
  const reported: F[] = [];
  const baselined: F[] = [];
  for (const f of findings) {
    const key = identityOf({ ...f, file: pathOf(f.file) });
    const n = baselinable(f) ? (left.get(key) ?? 0) : 0;
    if (n > 0) {
      left.set(key, n - 1);
      baselined.push(f);
    } else {
      reported.push(f);
    }
  }
  return { reported, baselined };
}

/**
 * The baseline after `--baseline-write`: the entries the run covers hold exactly its findings;
 * the others keep theirs, with any finding of the run they did not list added (a finding in a
 * file not named, reported for a place it relates to in one that is).
 */
export function recordBaseline(
  old: Baseline | null,
  findings: readonly Finding[],
  pathOf: PathOf,
  scope: BaselineScope,
): Baseline {
  const found = baselineOf(findings.filter(baselinable), pathOf);
  return combine(old ?? new Map(), found, (file, rule, before, now) =>
    rule === NEVER_BASELINED ? [] : scope.covers(file, rule) ? now : union(before, now),
  );
}

/**
 * The baseline after `--baseline-prune`: the entries the run covers keep only the findings that
 * still occur (as many as still occur); nothing is added. Returns it, and how many were removed.
 */
export function pruneBaseline(
  old: Baseline,
  findings: readonly Finding[],
  pathOf: PathOf,
  scope: BaselineScope,
): { baseline: Baseline; removed: number } {
  const found = baselineOf(findings, pathOf);
  const baseline = combine(old, new Map(), (file, rule, before) =>
    rule === NEVER_BASELINED
      ? []
      : scope.covers(file, rule)
        ? intersection(before, found.get(file)?.get(rule) ?? [])
        : before,
  );
  return { baseline, removed: totals(old).findings - totals(baseline).findings };
}

/** How many findings a baseline accepts, in how many files. */
export function totals(baseline: Baseline): { findings: number; files: number } {
  let findings = 0;
  for (const rules of baseline.values())
    for (const items of rules.values()) findings += items.length;
  return { findings, files: baseline.size };
}

/**
 * The file's text: 2-space JSON ending with a newline, files, rules and findings sorted (by code
 * point, whatever the locale), nothing that changes from one run to the next (no date, no line,
 * no absolute path), so that it is byte for byte the same while the findings are, and a change
 * in a pull request shows as the lines of the findings it adds or removes.
 */
export function serializeBaseline(baseline: Baseline): string {
  const kept = combine(baseline, new Map(), (_file, _rule, items) => items); // without empty entries
  const files = [...kept.keys()].sort(byCodePoint).map((file) => {
    const rules = kept.get(file) ?? new Map<string, readonly BaselineItem[]>();
    const entries = [...rules.keys()].sort(byCodePoint).map((rule) => {
      const items = [...(rules.get(rule) ?? [])].sort(compareItems);
      const list = items.map(
        (item) =>
          `{\n${pad(5)}"messageId": ${JSON.stringify(item.messageId)},\n${pad(5)}"entity": ${JSON.stringify(item.entity)},\n${pad(5)}"anchor": ${JSON.stringify(item.anchor)}\n${pad(4)}}`,
      );
      const findings =
        list.length === 0 ? "[]" : `[\n${pad(4)}${list.join(`,\n${pad(4)}`)}\n${pad(3)}]`;
      return `${JSON.stringify(rule)}: {\n${pad(3)}"count": ${items.length},\n${pad(3)}"findings": ${findings}\n${pad(2)}}`;
    });
    return `${JSON.stringify(file)}: {\n${pad(2)}${entries.join(`,\n${pad(2)}`)}\n${pad(1)}}`;
  });
  const body = files.length === 0 ? "{}" : `{\n${pad(1)}${files.join(`,\n${pad(1)}`)}\n  }`;
  return `{\n  "version": ${BASELINE_VERSION},\n  "files": ${body}\n}\n`;
}

const pad = (level: number) => "  ".repeat(level + 1);

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** null before any text, then by code point. */
function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return byCodePoint(a, b);
}

function compareItems(a: BaselineItem, b: BaselineItem): number {
  return (
    byCodePoint(a.messageId, b.messageId) ||
    compareNullable(a.entity, b.entity) ||
    compareNullable(a.anchor, b.anchor)
  );
}

const itemOf = (f: Finding): BaselineItem => ({
  messageId: f.messageId,
  entity: f.entity,
  anchor: f.anchor,
});

const itemKey = (item: BaselineItem) => JSON.stringify([item.messageId, item.entity, item.anchor]);

/** What is left to accept of each identity (identityOf, with the baseline's paths). */
function countsOf(baseline: Baseline): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [file, rules] of baseline) {
    for (const [rule, items] of rules) {
      for (const item of items) {
        const key = identityOf({ rule, file, ...item });
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** Findings as a baseline: under their baseline path and rule. */
function baselineOf(findings: readonly Finding[], pathOf: PathOf): Baseline {
  const out = new Map<string, Map<string, BaselineItem[]>>();
  for (const f of findings) {
    const file = pathOf(f.file);
    let rules = out.get(file);
    if (!rules) out.set(file, (rules = new Map()));
    const items = rules.get(f.rule);
    if (items) items.push(itemOf(f));
    else rules.set(f.rule, [itemOf(f)]);
  }
  return out;
}

/** Every (file, rule) of either baseline, combined by `entry`; empty entries and files dropped. */
function combine(
  a: Baseline,
  b: Baseline,
  entry: (
    file: string,
    rule: string,
    before: readonly BaselineItem[],
    now: readonly BaselineItem[],
  ) => readonly BaselineItem[],
): Baseline {
  const out = new Map<string, Map<string, readonly BaselineItem[]>>();
  for (const file of new Set([...a.keys(), ...b.keys()])) {
    const before = a.get(file);
    const now = b.get(file);
    const rules = new Map<string, readonly BaselineItem[]>();
    for (const rule of new Set([...(before?.keys() ?? []), ...(now?.keys() ?? [])])) {
      const items = entry(file, rule, before?.get(rule) ?? [], now?.get(rule) ?? []);
      if (items.length > 0) rules.set(rule, items);
    }
    if (rules.size > 0) out.set(file, rules);
  }
  return out;
}

/** Each identity as many times as in the one of the two that has it most. */
function union(a: readonly BaselineItem[], b: readonly BaselineItem[]): BaselineItem[] {
  const left = tally(a);
  const out = [...a];
  for (const item of b) {
    const key = itemKey(item);
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else out.push(item);
  }
  return out;
}

/** Each identity as many times as in the one of the two that has it least. */
function intersection(a: readonly BaselineItem[], b: readonly BaselineItem[]): BaselineItem[] {
  const left = tally(b);
  const out: BaselineItem[] = [];
  for (const item of a) {
    const key = itemKey(item);
    const n = left.get(key) ?? 0;
    if (n > 0) {
      left.set(key, n - 1);
      out.push(item);
    }
  }
  return out;
}

function tally(items: readonly BaselineItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(itemKey(item), (counts.get(itemKey(item)) ?? 0) + 1);
  return counts;
}

/** The shape of a parsed baseline file, checked by hand: one line saying what is wrong, or it. */
function shapeOf(value: unknown): Baseline | BaselineProblem {
  const problem = (message: string): BaselineProblem => ({ at: null, message });
  const notBaseline = problem(
    'not a journey baseline: expected an object with "version" and "files"',
  );
  if (!isObject(value) || !("version" in value) || !("files" in value)) return notBaseline;
  const { version, files } = value;
  if (version !== BASELINE_VERSION) {
    return problem(
      `version ${JSON.stringify(version)} is not one this journey reads (${BASELINE_VERSION}): write the baseline again with --baseline-write`,
    );
  }
  const extra = Object.keys(value).find((k) => k !== "version" && k !== "files");
  if (extra !== undefined) return problem(`unknown key ${JSON.stringify(extra)} at the top level`);
  if (!isObject(files)) return problem('"files" should be an object: file → rule → findings');
  const out = new Map<string, Map<string, BaselineItem[]>>();
  for (const [file, rules] of Object.entries(files)) {
    const at = `files[${JSON.stringify(file)}]`;
    if (file === "") return problem(`${at}: a file's path cannot be empty`);
    if (!isObject(rules)) return problem(`${at} should be an object: rule → findings`);
    const byRule = new Map<string, BaselineItem[]>();
    for (const [rule, entry] of Object.entries(rules)) {
      const where = `${at}[${JSON.stringify(rule)}]`;
      if (!isObject(entry) || !Array.isArray(entry.findings) || !("count" in entry))
        return problem(`${where} should be an object with "count" and "findings"`);
      const extraKey = Object.keys(entry).find((k) => k !== "count" && k !== "findings");
      if (extraKey !== undefined)
        return problem(`${where}: unknown key ${JSON.stringify(extraKey)}`);
      const items: BaselineItem[] = [];
      for (const [i, item] of (entry.findings as unknown[]).entries()) {
        const wrong = itemProblem(item);
        if (wrong !== null) return problem(`${where}.findings[${i}] ${wrong}`);
        items.push(item as BaselineItem);
      }
      if (entry.count !== items.length)
        return problem(
          `${where}.count is ${JSON.stringify(entry.count)}, but it lists ${items.length} finding${items.length === 1 ? "" : "s"}`,
        );
      byRule.set(rule, items);
    }
    out.set(file, byRule);
  }
  return out;
}

/** What is wrong with one finding of an entry, or null. */
function itemProblem(item: unknown): string | null {
  const expected =
    'should be an object with "messageId" (a text), "entity" and "anchor" (a text or null)';
  if (!isObject(item)) return expected;
  const keys = Object.keys(item).sort();
  if (keys.join() !== "anchor,entity,messageId") return expected;
  const textOrNull = (v: unknown) => v === null || typeof v === "string";
  if (typeof item.messageId !== "string" || item.messageId === "") return expected;
  if (!textOrNull(item.entity) || !textOrNull(item.anchor)) return expected;
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** 1-based line and column (in UTF-16 code units) of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

// jsonc-parser (CommonJS) is only needed when a baseline does not parse: loaded then.
let jsonc: typeof Jsonc | undefined;

/** What a word cut short by the end of the file may have been. */
const LITERAL_STARTS = ["true", "false", "null", "-"];

/**
 * A token as the message shows it: a string as "a string", anything else quoted, its 20 first
 * characters, with invisible ones (a no-break space, a byte-order mark) as \u escapes.
 */
const shown = (token: string, article: string) =>
  token.startsWith('"')
    ? `${article}string`
    : JSON.stringify(token.length > 20 ? `${token.slice(0, 20)}…` : token).replace(
        /(?! )[\p{Z}\p{Cf}]/gu,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
      );

/**
 * Where JSON.parse stopped, and why, from jsonc-parser's first error (the engine's messages, and
 * whether they give a position, differ from one Node version to the next): the offset of the token
 * that cannot be there (of the string, for what is wrong inside one), or the end of the text when
 * it ends too soon. Null when jsonc-parser finds nothing wrong (JSON.parse does).
 */
export function jsonError(text: string): { offset: number; what: string } | null {
  jsonc ??= createRequire(import.meta.url)("jsonc-parser") as typeof Jsonc;
  const { printParseErrorCode, visit } = jsonc;
  let first: { offset: number; what: string } | null = null;
  const closers: string[] = [];
  let done = false; // the whole value has been read: what follows is after it
  const end = () => {
    if (closers.pop() !== undefined && closers.length === 0) done = true;
  };
  const onError = (code: Jsonc.ParseErrorCode, offset: number, length: number) => {
    if (first) return;
    const token = text.slice(offset, offset + length);
    const atEnd = offset >= text.length;
    const eof = { offset: text.length, what: "unexpected end of the file" };
    const at = (what: string) => ({ offset, what });
    const unexpected = `unexpected ${shown(token, "")}`;
    switch (printParseErrorCode(code)) {
      case "InvalidSymbol":
        // A literal or a number cut short by the end of the file: `nu`, `-`.
        if (offset + length === text.length && LITERAL_STARTS.some((w) => w.startsWith(token))) {
          first = eof;
        } else {
          first = at(done ? `${unexpected} after the JSON value` : unexpected);
        }
        break;
      case "EndOfFileExpected":
        first = at(`${unexpected} after the JSON value`);
        break;
      case "ValueExpected":
      case "CloseBraceExpected":
      case "CloseBracketExpected":
        first = atEnd ? eof : at(unexpected);
        break;
      case "PropertyNameExpected":
        first = atEnd ? eof : at(`expected a key in quotes, not ${shown(token, "a ")}`);
        break;
      case "ColonExpected":
        first = atEnd ? eof : at(`expected ":", not ${shown(token, "a ")}`);
        break;
      case "CommaExpected":
        first = atEnd
          ? eof
          : at(`expected "," or "${closers.at(-1) ?? "]"}", not ${shown(token, "a ")}`);
        break;
      case "UnexpectedEndOfString":
        // At the end of the file or of the line (a line break cannot be in a string).
        first = { offset: offset + length, what: "unterminated string" };
        break;
      case "UnexpectedEndOfNumber":
      case "InvalidNumberFormat":
        first = offset + length === text.length ? eof : at(`an invalid number ${shown(token, "")}`);
        break;
      case "InvalidEscapeCharacter":
        first = at("a string with an invalid escape");
        break;
      case "InvalidUnicode":
        first = at("a string with an invalid \\u escape");
        break;
      case "InvalidCharacter":
        first = at("a control character in a string");
        break;
      case "InvalidCommentToken":
      case "UnexpectedEndOfComment":
        first = at("a comment, which JSON does not allow");
        break;
      default:
        first = null;
    }
  };
  try {
    // A byte-order mark is not JSON; the reader strips one before parsing.
    visit(
      text,
      {
        onObjectBegin: () => void closers.push("}"),
        onArrayBegin: () => void closers.push("]"),
        onObjectEnd: end,
        onArrayEnd: end,
        onLiteralValue: () => {
          if (closers.length === 0) done = true;
        },
        onError,
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch {
    return null; // nested deeper than its recursion goes (a RangeError)
  }
  return first;
}
