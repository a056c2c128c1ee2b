import { isObject } from "../model/fields.js";
import { childPointer, pointerToSegments } from "../model/pointer.js";
import { formatLocation, type Span, spanOfOrigin, spanToRange } from "../model/position.js";
import type { SourceFile } from "../model/source.js";
import type { Workspace } from "../model/workspace.js";
import type { ActiveRule, Config } from "./config.js";
import {
  compareFindings,
  type Finding,
  type RelatedPlace,
  type SuppressedFinding,
} from "./finding.js";
import { applyDirectives } from "./suppress.js";
import type { DirectiveProblem, LocatedSchemaIssue, Place, Report } from "./rule.js";
import { pushAll } from "../util/arrays.js";

export interface EngineInput {
  files: readonly SourceFile[];
  workspace: Workspace;
  schemaIssues: readonly LocatedSchemaIssue[];
  config: Config;
  today: string;
  rules: readonly ActiveRule[];
}

/**
 * Runs every rule that is not off; resolves positions, applies severities, renders messages,
 * sorts. Returns the findings, and those suppression comments silenced with their reasons.
 */
export function runRulesWithSuppressed(input: EngineInput): {
  findings: Finding[];
  suppressed: SuppressedFinding[];
} {
  const files = new Map(input.files.map((f) => [f.path, f]));
  const findings: Finding[] = [];
  const spanOf = (place: Place): { file: SourceFile; span: Span } | null => {
    const file = files.get(place.file);
    if (!file) return null;
    if ("span" in place) return { file, span: place.span };
    const span = spanOfOrigin(file, place, place.target);
    return span ? { file, span } : null;
  };
  const locateOrThrow = (rule: string, place: Place) => {
    const found = spanOf(place);
    // A report outside any file read is a bug in the rule, not in the user's map.
    if (!found)
      throw new Error(
        `rule ${rule} reported a place outside the workspace: ${JSON.stringify(place)}`,
      );
    return found;
  };
  const run = (active: readonly ActiveRule[], directiveProblems: readonly DirectiveProblem[]) => {
    for (const { rule, severity, options } of active) {
      if (severity === "off") continue;
      const report = (r: Report) => {
        const found = locateOrThrow(rule.id, r.at);
        const template = rule.messages[r.messageId];
        if (template === undefined)
          throw new Error(`rule ${rule.id} has no message "${r.messageId}"`);
        const data: Record<string, string | number> = { ...r.data };
        const related = (r.related ?? []).map((place): RelatedPlace => {
          const at = locateOrThrow(rule.id, place.at);
          if (place.name !== undefined) data[place.name] = formatLocation(at.file, at.span);
          return { file: place.at.file, ...spanToRange(at.file, at.span), what: place.what };
        });
        findings.push({
          rule: rule.id,
          messageId: r.messageId,
          severity,
          message: render(template, data),
          file: r.at.file,
          ...spanToRange(found.file, found.span),
          entity: r.entity ?? entityOf(found.file, r.at),
          pointer: "span" in r.at ? null : r.at.pointer,
          anchor: anchorOf(found.file, r.at),
          related,
        });
      };
      try {
        rule.check({ ...input, options, directiveProblems, report });
      } catch (error) {
        // A bug, not a finding: say which rule, keep the original for its stack.
        const message = error instanceof Error ? error.message : String(error);
        if (message.startsWith(`rule ${rule.id} `)) throw error; // the engine's own, about a report
        throw new Error(`rule ${rule.id} failed: ${message}`, { cause: error });
      }
    }
  };
  run(
    input.rules.filter((r) => !r.rule.runsLast),
    [],
  );
  // One root cause per place: where a node is malformed, what other rules say of it is noise.
  const malformed = new Set(findings.filter(isMalformation).map(placeKey));
  const rooted = findings.filter((f) => isMalformation(f) || !malformed.has(placeKey(f)));
  const { kept, suppressed, problems } = applyDirectives(rooted, input.files, input.rules);
  findings.length = 0;
  pushAll(findings, kept);
  run(
    input.rules.filter((r) => r.rule.runsLast),
    problems,
  );
  return { findings: findings.sort(compareFindings), suppressed: suppressed.sort(compareFindings) };
}

const placeKey = (f: Finding) => `${f.file}:${f.line}:${f.column}`;

/** A finding that says a node is malformed, rather than something about a well-formed one. */
const isMalformation = (f: Finding) => f.rule === "syntax" || f.rule === "schema";

function render(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in data ? String(data[name]) : whole,
  );
}

/** The entity a place concerns: the survey it is inside, else its document's `kind:id`. */
function entityOf(file: SourceFile, place: Place): string | null {
  if ("span" in place) return null;
  const value = file.documents[place.document]?.value;
  if (typeof value !== "object" || value === null) return null;
  const root = value as Record<string, unknown>;
  if (root.kind === "config") return "config";
  let entity =
    typeof root.kind === "string" && typeof root.id === "string" ? `${root.kind}:${root.id}` : null;
  let node: unknown = root;
  let parentKey = "";
  for (const segment of pointerToSegments(place.pointer)) {
    if (typeof node !== "object" || node === null) break;
    node = (node as Record<string, unknown>)[segment];
    if (parentKey === "surveys" && typeof node === "object" && node !== null) {
      const id = (node as Record<string, unknown>).id;
      if (typeof id === "string") entity = `survey:${id}`;
    }
    parentKey = segment;
  }
  return entity;
}

/** A place's pointer with each list item that has a text `id` written `[id]` (Finding.anchor). */
function anchorOf(file: SourceFile, place: Place): string | null {
  if ("span" in place) return null;
  let node: unknown = file.documents[place.document]?.value;
  let anchor = "";
  for (const segment of pointerToSegments(place.pointer)) {
    if (Array.isArray(node)) {
      const item: unknown = node[Number(segment)];
      const id = isObject(item) && typeof item.id === "string" ? item.id : null;
      anchor = childPointer(anchor, id === null ? segment : `[${id}]`);
      node = item;
    } else {
      anchor = childPointer(anchor, segment);
      node = isObject(node) ? node[segment] : undefined;
    }
  }
  return anchor;
}
