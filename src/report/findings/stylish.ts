import type { ChalkInstance } from "chalk";
import displayWidth from "string-width";
import type { Finding, RelatedPlace } from "../../lint/finding.js";
import { chalkFor, type Style } from "../style.js";
import { wrapText } from "../table.js";
import { maxOf, pushAll } from "../../util/arrays.js";
import type { LintReport } from "./index.js";

/**
 * For people: findings grouped by file, `line:col severity message rule-id`, the places each
 * relates to under it, then a summary. On a terminal (`style.width`), messages wrap under their
 * column instead of being padded past its edge.
 */
export function stylish(report: LintReport, style: Style): string {
  const { summary } = report;
  // Map text goes to terminals and CI logs: a line break or an escape in it must not start a line
  // of its own (a `::error` workflow command, a forged finding) nor drive the terminal.
  const findings = report.findings.map(visibleFinding);
  const unreadable = report.unreadable.map(visible);
  const c = chalkFor(style);
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  for (const [file, list] of byFile) {
    out.push(c.underline(file));
    pushAll(out, fileLines(file, list, style.width, c));
    out.push("");
  }
  const files = `${summary.files} file${summary.files === 1 ? "" : "s"}`;
  const total = summary.errors + summary.warnings;
  // The findings the baseline accepted: not listed, said in the summary.
  const accepted = report.baselined?.length ?? 0;
  const baselined = accepted > 0 ? ` (${accepted} baselined)` : "";
  if (total === 0) {
    out.push(c.green(`✔ no problems in ${files}${baselined}`));
  } else {
    // Warnings --quiet did not show, counted because they fail the run (--max-warnings).
    const hidden = total - findings.length;
    const line = `✖ ${total} problem${total === 1 ? "" : "s"} (${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}) in ${files}${baselined}${hidden > 0 ? ` (${plural(hidden, "warning")} not shown: --quiet)` : ""}`;
    out.push(summary.errors > 0 ? c.red.bold(line) : c.yellow.bold(line));
  }
  if (unreadable.length > 0) {
    const note = unreadableNote(unreadable);
    out.push(c.yellow(style.width ? wrapText(note, style.width) : note));
  }
  return `${out.join("\n")}\n`;
}

/** Control characters of a text as escapes (`\n`, `\x1b`), so that it stays on its line, inert. */
export function visible(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what this matches.
    /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g,
    (ch) =>
      ({ "\n": "\\n", "\r": "\\r" })[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

const visibleFinding = (f: Finding): Finding => ({
  ...f,
  message: visible(f.message),
  file: visible(f.file),
  related: f.related.map((r) => ({ ...r, file: visible(r.file), what: visible(r.what) })),
});

/** Why some findings may be missing: the rules that look for what is absent wait for these files. */
function unreadableNote(files: readonly string[]): string {
  const named = files.length > 3 ? `${files.slice(0, 3).join(", ")}…` : files.join(", ");
  return `${plural(files.length, "file")} could not be read (${named}): what is missing elsewhere is not reported until ${files.length === 1 ? "it is" : "they are"} fixed`;
}

/** The narrowest a wrapped message gets before the rule ids leave their column. */
const MIN_MESSAGE = 30;
/** The narrowest the description of a related place gets when it wraps. */
const MIN_WHAT = 20;

/**
 * The lines of one file's findings. Without a width, each on one line, the messages padded to the
 * longest so that rule ids line up. With one, the messages wrap (at spaces, a path after a slash)
 * to what the terminal leaves beside the rule ids, continued under the message; when that is
 * less than MIN_MESSAGE, the rule id follows the severity and the message, under it, takes the
 * rest of the width.
 */
function fileLines(
  file: string,
  list: readonly Finding[],
  width: number | undefined,
  c: ChalkInstance,
): string[] {
  const position = (f: Finding) => `${f.line}:${f.column}`;
  const widest = (text: (f: Finding) => string) => maxOf(list, (f) => text(f).length, -Infinity);
  const posWidth = widest(position);
  const sevWidth = widest((f) => f.severity);
  const messageWidth = widest((f) => f.message);
  const ruleWidth = widest((f) => f.rule);
  const indent = 2 + posWidth + 2 + sevWidth + 2;
  // The message column: its longest message, or what the terminal leaves beside the rule ids.
  const longest = maxOf(list, (f) => displayWidth(f.message), -Infinity);
  const room = width === undefined ? longest : width - indent - 2 - ruleWidth;
  const aligned = room >= Math.min(longest, MIN_MESSAGE);
  const column = aligned ? Math.min(longest, room) : Math.max(MIN_MESSAGE, (width ?? 0) - indent);
  const lines: string[] = [];
  for (const finding of list) {
    const { severity, message, rule } = finding;
    const sev = (severity === "error" ? c.red : c.yellow)(severity.padEnd(sevWidth));
    const head = `  ${c.dim(position(finding).padEnd(posWidth))}  ${sev}  `;
    if (width === undefined) {
      lines.push(`${head}${message.padEnd(messageWidth)}  ${c.dim(rule)}`);
    } else {
      const wrapped = wrapText(message, column).split("\n");
      const under = (line: string) => `${" ".repeat(indent)}${line}`;
      if (aligned) {
        const first = wrapped[0] ?? "";
        lines.push(`${head}${first}${" ".repeat(column - displayWidth(first))}  ${c.dim(rule)}`);
        pushAll(lines, wrapped.slice(1).map(under));
      } else {
        // Too narrow for a column of rule ids: the rule id heads the finding, the message under.
        lines.push(`${head}${c.dim(rule)}`);
        pushAll(lines, wrapped.map(under));
      }
    }
    pushAll(lines, relatedLines(file, finding, indent, width, c));
  }
  return lines;
}

/**
 * The places a finding relates to, one a line under its message: `↳ where  what`, where is
 * `line:column` in the same file, else `file:line:column`, padded to the longest of the finding.
 * A place the message already names (`file:line:column` in its text) is not repeated.
 */
function relatedLines(
  file: string,
  finding: Finding,
  indent: number,
  width: number | undefined,
  c: ChalkInstance,
): string[] {
  const named = (p: RelatedPlace) => finding.message.includes(`${p.file}:${p.line}:${p.column}`);
  const all = finding.related.filter((p) => !named(p));
  if (all.length === 0) return [];
  // A crowd of hundreds of sends is one finding: show its first places, and say how many more.
  const places = all.length > MAX_RELATED ? all.slice(0, MAX_RELATED - 1) : all;
  const more =
    all.length > places.length
      ? [
          `${" ".repeat(indent)}${c.dim(`↳ … and ${all.length - places.length} more places (all of them in --format sarif)`)}`,
        ]
      : [];
  const where = places.map((p) =>
    p.file === file ? `${p.line}:${p.column}` : `${p.file}:${p.line}:${p.column}`,
  );
  const whereWidth = maxOf(where, (w) => w.length, -Infinity);
  const at = indent + 2 + whereWidth + 2; // where the description starts
  return places
    .flatMap((p, i) => {
      const lead = `${" ".repeat(indent)}${c.dim(`↳ ${(where[i] ?? "").padEnd(whereWidth)}`)}  `;
      if (width === undefined) return [`${lead}${p.what}`];
      const [first = "", ...rest] = wrapText(p.what, Math.max(MIN_WHAT, width - at)).split("\n");
      return [`${lead}${first}`, ...rest.map((line) => `${" ".repeat(at)}${line}`)];
    })
    .concat(more);
}

/** The most related places shown under one finding. */
const MAX_RELATED = 8;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
