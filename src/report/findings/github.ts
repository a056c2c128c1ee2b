import type { Finding } from "../../lint/finding.js";
import type { LintReport } from "./index.js";
import { pushAll } from "../../util/arrays.js";

/**
 * How many annotations of one level (error, warning) GitHub shows for a step; it drops the rest
 * without a word. A job shows at most 50 in all, whatever its steps print.
 */
export const ANNOTATIONS_PER_LEVEL = 10;

/**
 * For GitHub Actions: one workflow command per finding,
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule>::<message>` (`::warning` likewise),
 * which the runner turns into an annotation on the line of the pull request. Escaped exactly as
 * `@actions/core` escapes them. A finding over several lines gives `line` and `endLine` only: the
 * runner drops columns unless both ends are on the same line.
 *
 * Every finding is printed as a command, in the report's order (nothing is lost if GitHub raises
 * its limits, and the log shows each one). When there are more than GitHub shows (10 errors, 10
 * warnings per step), the whole list follows in a `::group::` as plain lines with their places,
 * and a last line says how many annotations GitHub will not show. Plain lines start with
 * `journey:`, `error` or `warning`, their line breaks written `\n`: a message or a path can never
 * start a workflow command of its own.
 */
export function github(report: LintReport): string {
  const { findings, summary } = report;
  const out = findings.map(annotation);
  const hidden = {
    errors: Math.max(0, summary.errors - ANNOTATIONS_PER_LEVEL),
    warnings: Math.max(0, summary.warnings - ANNOTATIONS_PER_LEVEL),
  };
  const over = hidden.errors + hidden.warnings > 0;
  const group = `journey: all ${plural(findings.length, "finding")}`;
  if (over) {
    out.push(`::group::${group}`);
    pushAll(out, findings.map(plainLine));
    out.push("::endgroup::");
  }
  out.push(`journey: ${summaryLine(report)}`);
  if (report.unreadable.length > 0) {
    out.push(
      `journey: ${plural(report.unreadable.length, "file")} could not be read (${report.unreadable.map(plain).join(", ")}): what is missing elsewhere is not reported until ${report.unreadable.length === 1 ? "it is" : "they are"} fixed`,
    );
  }
  if (over) {
    const lost = [
      hidden.errors > 0 ? plural(hidden.errors, "error") : "",
      hidden.warnings > 0 ? plural(hidden.warnings, "warning") : "",
    ].filter(Boolean);
    out.push(
      `journey: GitHub shows at most ${ANNOTATIONS_PER_LEVEL} errors and ${ANNOTATIONS_PER_LEVEL} warnings of a step as annotations (and 50 per job): ${lost.join(" and ")} will not be shown there; every finding is listed in the group "${group}" above`,
    );
  }
  return `${out.join("\n")}\n`;
}

/** The workflow command of one finding: properties in a fixed order, columns only on one line. */
function annotation(f: Finding): string {
  const oneLine = f.line === f.endLine && f.column <= f.endColumn;
  const properties: Record<string, string | number> = oneLine
    ? { file: f.file, line: f.line, col: f.column, endLine: f.endLine, endColumn: f.endColumn }
    : { file: f.file, line: f.line, endLine: f.endLine };
  properties.title = f.rule;
  const list = Object.entries(properties).map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${f.severity} ${list.join(",")}::${escapeData(f.message)}`;
}

/** A command's message, as `@actions/core` escapes it (`escapeData` in its command.ts). */
const escapeData = (s: string): string =>
  s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/** A command's property value, as `@actions/core` escapes it (`escapeProperty`). */
const escapeProperty = (s: string): string =>
  escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** One finding as a plain log line: `error  file:line:column  message  [rule]`. */
const plainLine = (f: Finding): string =>
  `${f.severity.padEnd(7)}  ${plain(f.file)}:${f.line}:${f.column}  ${plain(f.message)}  [${f.rule}]`;

/** Text on one log line: its line breaks written out, so that it cannot start a line of its own. */
const plain = (s: string): string => s.replace(/\r/g, "\\r").replace(/\n/g, "\\n");

function summaryLine({ findings, summary }: LintReport): string {
  const files = plural(summary.files, "file");
  if (findings.length === 0) return `no problems in ${files}`;
  return `${plural(findings.length, "problem")} (${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}) in ${files}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

// ---------------------------------------------------------------------------------------------
// The job summary

/** The most bytes the step summary takes: GitHub refuses a step's summary past 1 MiB. */
export const SUMMARY_LIMIT = 64 * 1024;
/** The most findings listed in the summary's table. */
const SUMMARY_ROWS = 100;
/** The most files counted in the summary, those with the most errors, then warnings, first. */
const SUMMARY_FILES = 50;
/** The most characters of a message in a table cell. */
const MESSAGE_CELL = 300;
/**
 * The most characters of a path in a cell: 600 bytes at most once escaped, so that the head and
 * the counts (at most 10 unreadable files, SUMMARY_FILES files, the rules) take well under half of
 * SUMMARY_LIMIT whatever the paths, and the findings' rows fill the rest while it lasts.
 */
const PATH_CELL = 200;

/**
 * The Markdown the lead appends to `$GITHUB_STEP_SUMMARY` after `--format github`: a heading with
 * the counts, the findings per rule (linked to the rule's page) and per file, then the first
 * findings as a table, errors first. Never more than SUMMARY_LIMIT bytes (UTF-8): rows that would
 * pass it are left out, and a line says how many. Pure: it writes nothing itself.
 */
export function stepSummary(report: LintReport): string {
  const { findings, summary } = report;
  const category = report.category === null ? "" : ` (${cell(report.category)})`;
  const head: string[] = [];
  const files = plural(summary.files, "file");
  if (findings.length === 0) {
    head.push(`## journey lint${category}: ✔ no problems in ${files}`, "");
  } else {
    head.push(
      `## journey lint${category}: ${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")} in ${files}`,
      "",
    );
  }
  if (report.unreadable.length > 0) {
    const shown = report.unreadable
      .slice(0, 10)
      .map((file) => cell(file))
      .join(", ");
    const more = report.unreadable.length > 10 ? ` and ${report.unreadable.length - 10} more` : "";
    head.push(
      `${plural(report.unreadable.length, "file")} could not be read (${shown}${more}): what is missing elsewhere is not reported until ${report.unreadable.length === 1 ? "it is" : "they are"} fixed.`,
      "",
    );
  }
  if (report.suppressed.length > 0) {
    head.push(
      `${plural(report.suppressed.length, "finding")} silenced by \`journey-disable-next-line\` comments.`,
      "",
    );
  }
  const baselined = report.baselined?.length ?? 0;
  if (baselined > 0) {
    head.push(`${plural(baselined, "finding")} accepted by the baseline, not listed.`, "");
  }
  if (findings.length === 0) return `${head.join("\n")}`;

  const parts = [head.join("\n"), byRule(report), byFile(report)];
  const ordered = [
    ...findings.filter((f) => f.severity === "error"),
    ...findings.filter((f) => f.severity === "warning"),
  ];
  const rows: string[] = [
    "### Findings",
    "",
    "| severity | where | rule | message |",
    "| --- | --- | --- | --- |",
  ];
  let size = utf8Length(parts.join("\n")) + utf8Length(rows.join("\n"));
  // Room for the closing line, whatever its numbers.
  const reserve = 200;
  let shown = 0;
  for (const f of ordered) {
    if (shown === SUMMARY_ROWS) break;
    const row = `| ${f.severity} | ${cell(f.file)}:${f.line}:${f.column} | ${ruleLink(report, f.rule)} | ${cell(f.message, MESSAGE_CELL)} |`;
    const rowSize = utf8Length(row) + 1;
    if (size + rowSize + reserve > SUMMARY_LIMIT) break;
    rows.push(row);
    size += rowSize;
    shown++;
  }
  if (shown < ordered.length) {
    rows.push(
      "",
      `${plural(ordered.length - shown, "more finding")} not listed here (${shown} of ${ordered.length} shown): see the job's log, or run \`journey lint\`.`,
    );
  }
  return `${[...parts, rows.join("\n")].join("\n")}\n`;
}

/**
 * Findings per rule, each linked to its page: the rules with the most errors (then warnings)
 * first, else in the run's order.
 */
function byRule(report: LintReport): string {
  const counts = countBy(report.findings, (f) => f.rule);
  const order = new Map(report.rules.map((r, i) => [r.id, i]));
  const at = (rule: string) => order.get(rule) ?? order.size;
  const rules = [...counts.entries()].sort(
    ([a, x], [b, y]) =>
      y.errors - x.errors || y.warnings - x.warnings || at(a) - at(b) || (a < b ? -1 : 1),
  );
  const lines = ["### By rule", "", "| rule | errors | warnings |", "| --- | ---: | ---: |"];
  for (const [rule, { errors, warnings }] of rules) {
    lines.push(`| ${ruleLink(report, rule)} | ${errors} | ${warnings} |`);
  }
  return `${lines.join("\n")}\n`;
}

/** Findings per file, those with the most errors (then warnings) first, at most SUMMARY_FILES. */
function byFile(report: LintReport): string {
  const counts = countBy(report.findings, (f) => f.file);
  const files = [...counts.entries()].sort(
    ([a, x], [b, y]) => y.errors - x.errors || y.warnings - x.warnings || (a < b ? -1 : 1),
  );
  const lines = ["### By file", "", "| file | errors | warnings |", "| --- | ---: | ---: |"];
  for (const [file, { errors, warnings }] of files.slice(0, SUMMARY_FILES)) {
    lines.push(`| ${cell(file)} | ${errors} | ${warnings} |`);
  }
  if (files.length > SUMMARY_FILES) {
    lines.push("", `${plural(files.length - SUMMARY_FILES, "more file")} with findings.`);
  }
  return `${lines.join("\n")}\n`;
}

function countBy(findings: readonly Finding[], key: (f: Finding) => string) {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const f of findings) {
    const count = counts.get(key(f)) ?? { errors: 0, warnings: 0 };
    if (f.severity === "error") count.errors++;
    else count.warnings++;
    counts.set(key(f), count);
  }
  return counts;
}

/** A rule's id as a link to its page: `${informationUri}/blob/main/docs/rules/<id>.md`. */
function ruleLink(report: LintReport, rule: string): string {
  const page = `${report.tool.informationUri}/blob/main/docs/rules/${encodeURIComponent(rule)}.md`;
  const text = /^[a-z0-9-]+$/.test(rule) ? `\`${rule}\`` : cell(rule);
  return `[${text}](${page})`;
}

/**
 * Text in Markdown (a table cell, a list), shown as it is: the punctuation that formats text in
 * the middle of a line escaped (a `|` would end the cell, `*`, `_`, `<`, `$`… would format it),
 * line breaks as `<br>`, cut at `max` characters (never inside a surrogate pair).
 */
function cell(text: string, max = PATH_CELL): string {
  let cut = text;
  if (text.length > max) {
    const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
    cut = `${text.slice(0, end)}…`;
  }
  return cut.replace(/[\\`*_[\]<>|~&$]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "<br>");
}

/** The bytes of `s` in UTF-8, without Node's Buffer. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
