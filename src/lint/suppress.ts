import type { SourceFile } from "../model/source.js";
import { closest } from "../validate/suggest.js";
import type { ActiveRule } from "./config.js";
import { type Directive, findDirectives } from "./directives.js";
import type { Finding, SuppressedFinding } from "./finding.js";
import type { DirectiveProblem } from "./rule.js";

/**
 * Applies the `# journey-disable-next-line <rule-id> -- <reason>` comments of the files: a finding
 * of a named rule that starts on the line after the comment is dropped. Returns the findings kept,
 * those silenced (with the comment's reason) and what is wrong with the comments: a rule id that silenced nothing, an unknown id, a
 * structural rule (those cannot be disabled), a missing reason.
 */
export function applyDirectives(
  findings: readonly Finding[],
  files: readonly SourceFile[],
  rules: readonly ActiveRule[],
): { kept: Finding[]; suppressed: SuppressedFinding[]; problems: DirectiveProblem[] } {
  const known = new Map(rules.map((r) => [r.rule.id, r.rule]));
  const problems: DirectiveProblem[] = [];
  const problem = (
    d: Directive,
    kind: DirectiveProblem["kind"],
    rule: string,
    suggestion: string | null = null,
  ) => problems.push({ file: d.file, span: d.span, kind, rule, suggestion });
  // file|line|rule → the directive that silences that rule on that line, and whether it did.
  const silencing = new Map<string, { directive: Directive; rule: string; used: boolean }>();
  for (const file of files) {
    for (const directive of findDirectives(file)) {
      if (directive.reason === null) problem(directive, "reason", directive.rules.join(", "));
      for (const id of directive.rules) {
        const rule = known.get(id);
        if (!rule) problem(directive, "unknown", id, closest(id, known.keys()));
        else if (rule.fixed) problem(directive, "fixed", id);
        else
          silencing.set(`${file.path}|${directive.line + 1}|${id}`, {
            directive,
            rule: id,
            used: false,
          });
      }
    }
  }
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    const entry = silencing.get(`${f.file}|${f.line}|${f.rule}`);
    if (entry) {
      entry.used = true;
      suppressed.push({ ...f, justification: entry.directive.reason });
    } else {
      kept.push(f);
    }
  }
  for (const { directive, rule, used } of silencing.values()) {
    if (!used) problem(directive, "unused", rule);
  }
  return { kept, suppressed, problems };
}
