import { createHash } from "node:crypto";
import {
  compareFindings,
  type Finding,
  type Range,
  type SuppressedFinding,
} from "../../lint/finding.js";
import type { LintReport, RuleMeta } from "./index.js";
import { identityOf } from "../../lint/identity.js";

/** The schema a SARIF 2.1.0 log names: the OASIS standard's, errata 01. */
const SCHEMA =
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** GitHub code scanning shows at most this much of a rule's full description. */
const MAX_DESCRIPTION = 1024;

/**
 * For code scanning: a SARIF 2.1.0 log of one run (README, "SARIF output"). Every rule of the run
 * is in `tool.driver.rules`, with its page as help; each finding is a result at one location,
 * its other places as related locations; findings a suppression comment silenced are results
 * too, with an in-source suppression and the comment's reason, so that they show as dismissed,
 * and so are the findings the baseline accepted, with an external suppression.
 * `partialFingerprints.primaryLocationLineHash` is made from what identifies a finding (rule,
 * message id, file, entity, JSON Pointer), not from its line.
 */
export function sarif(report: LintReport): string {
  const rules = [...report.rules];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // In the findings' order (file, line, column, rule), suppressed and baselined ones among the
  // others: their fingerprints are those of a run without the comment or the baseline.
  const baselined = new Set<Finding>(report.baselined);
  const all: (Finding | SuppressedFinding)[] = [
    ...report.findings,
    ...report.suppressed,
    ...baselined,
  ].sort(compareFindings);
  for (const f of all) {
    // Every result names a rule of the driver, even one the report did not list.
    if (!ruleIndex.has(f.rule)) {
      ruleIndex.set(f.rule, rules.length);
      rules.push(unlistedRule(f));
    }
  }
  const fingerprints = fingerprintsOf(all);
  const results = all.map((f) =>
    result(f, ruleIndex.get(f.rule) ?? 0, fingerprints.get(f) ?? "", baselined.has(f)),
  );
  const { tool } = report;
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: tool.name,
        semanticVersion: tool.version,
        informationUri: tool.informationUri,
        rules: rules.map((r) => descriptor(r, tool)),
      },
    },
    invocations: [invocation(report.unreadable)],
    ...(report.category === null
      ? {}
      : { automationDetails: { id: automationId(report.category) } }),
    columnKind: "utf16CodeUnits",
    results,
  };
  return `${JSON.stringify({ $schema: SCHEMA, version: "2.1.0", runs: [run] }, null, 2)}\n`;
}

function result(
  f: Finding | SuppressedFinding,
  ruleIndex: number,
  fingerprint: string,
  baselined: boolean,
) {
  const suppressed = "justification" in f;
  return {
    ruleId: f.rule,
    ruleIndex,
    level: f.severity,
    message: { text: f.message },
    locations: [{ physicalLocation: physical(f.file, f) }],
    ...(f.related.length === 0
      ? {}
      : {
          relatedLocations: f.related.map((r, i) => ({
            id: i + 1,
            physicalLocation: physical(r.file, r),
            message: { text: r.what },
          })),
        }),
    partialFingerprints: { primaryLocationLineHash: fingerprint },
    ...(suppressed
      ? {
          suppressions: [
            {
              kind: "inSource",
              status: "accepted",
              ...(f.justification === null ? {} : { justification: f.justification }),
            },
          ],
        }
      : {}),
    // Accepted in the baseline file: persisted outside the source (SARIF 2.1.0, 3.35.2).
    ...(baselined
      ? {
          suppressions: [
            { kind: "external", status: "accepted", justification: "in the journey baseline" },
          ],
        }
      : {}),
  };
}

function physical(file: string, range: Range) {
  return {
    artifactLocation: { uri: uriOf(file) },
    region: {
      startLine: range.line,
      startColumn: range.column,
      endLine: range.endLine,
      endColumn: range.endColumn,
    },
  };
}

/**
 * The file as a relative URI reference: the path relative to the repository's root (the lint
 * command rebases the report, fromRepositoryRoot), `/`-separated, each segment percent-encoded.
 */
function uriOf(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

/**
 * `primaryLocationLineHash` of each finding: a hash of what identifies it — rule, message id,
 * file, entity, JSON Pointer — so that it stays the same when lines are added or removed
 * elsewhere in the file, and a count (`:1`, `:2`…) among the findings with the same key, in
 * their order in the file, so that two findings never share one. sha256, its first 16 bytes in
 * hex: a hash of a few identifiers, not a secret.
 */
function fingerprintsOf(sorted: readonly Finding[]): Map<Finding, string> {
  const seen = new Map<string, number>();
  const out = new Map<Finding, string>();
  for (const f of sorted) {
    const key = identityOf(f);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    const hash = createHash("sha256").update(key).digest("hex").slice(0, 32);
    out.set(f, `${hash}:${count}`);
  }
  return out;
}

/** upload-sarif's own `category` ends with `/` (what follows it would be a run id): ours too. */
function automationId(category: string): string {
  return category.endsWith("/") ? category : `${category}/`;
}

/** The run went through; the files that could not be read are noted, as they hide findings. */
function invocation(unreadable: readonly string[]) {
  return {
    executionSuccessful: true,
    ...(unreadable.length === 0
      ? {}
      : {
          toolExecutionNotifications: unreadable.map((file) => ({
            level: "warning",
            message: {
              text: `${file} could not be read: what is missing elsewhere is not reported until it is fixed`,
            },
            locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(file) } } }],
          })),
        }),
  };
}

function descriptor(rule: RuleMeta, tool: LintReport["tool"]) {
  const page = rule.doc();
  const helpUri = helpUriOf(rule.id, tool.informationUri);
  const markdown = page === null ? rule.description : absoluteLinks(withoutComments(page), helpUri);
  return {
    id: rule.id,
    shortDescription: { text: cut(rule.description) },
    fullDescription: {
      text: cut(page === null ? rule.description : fullDescription(markdown, rule)),
    },
    ...(helpUri === null ? {} : { helpUri }),
    help: { text: plainText(markdown), markdown },
    defaultConfiguration: { level: rule.defaultSeverity },
    properties: { tags: [rule.fixed ? "structural" : "method"] },
  };
}

/** A rule a finding names that the report did not list: its id stands for its description. */
function unlistedRule(f: Finding): RuleMeta {
  return {
    id: f.rule,
    description: f.rule,
    defaultSeverity: f.severity,
    fixed: false,
    doc: () => null,
  };
}

/** The rule's page on the project's site, when the project is on GitHub (its docs/rules/ folder). */
function helpUriOf(id: string, informationUri: string): string | null {
  if (!/^https:\/\/github\.com\/[^/]+\/[^/]+\/?$/.test(informationUri)) return null;
  return `${informationUri.replace(/\/$/, "")}/blob/main/docs/rules/${encodeURIComponent(id)}.md`;
}

/** The page's "What it checks" section in plain text, else the rule's one sentence. */
function fullDescription(page: string, rule: RuleMeta): string {
  const section = /^## What it checks\s*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(page);
  const text = section?.[1] ? plainText(section[1]) : "";
  return text === "" ? rule.description : text.replace(/\s*\n\s*/g, " ");
}

/** At most 1024 characters, cut after a whole word with an ellipsis. */
function cut(text: string): string {
  if (text.length <= MAX_DESCRIPTION) return text;
  const head = text.slice(0, MAX_DESCRIPTION - 1);
  const space = head.lastIndexOf(" ");
  return `${(space > MAX_DESCRIPTION / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

function withoutComments(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->\n?/g, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Links relative to the page (`../format.md#channels`) made absolute, so they work in an alert. */
function absoluteLinks(markdown: string, pageUri: string | null): string {
  if (pageUri === null) return markdown;
  return markdown.replace(/\]\(([^)\s]+)\)/g, (all, target: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("#")) return all;
    return `](${new URL(target, pageUri).href})`;
  });
}

/**
 * Markdown as plain text: headings, emphasis and code marks removed, links as `text (address)`,
 * code blocks kept without their fences.
 */
function plainText(markdown: string): string {
  const out: string[] = [];
  let prose: string[] = [];
  const flush = () => {
    // Marks are taken off a whole run of prose at once: a code span may go over a line break.
    out.push(
      prose
        .join("\n")
        .replace(/^#{1,6}\s+/gm, "")
        .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, "$1 ($2)")
        .replace(/\*\*([^*]+)\*\*/g, "$1")
        .replace(/`([^`]+)`/g, "$1"),
    );
    prose = [];
  };
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) {
      if (!fenced) flush();
      fenced = !fenced;
    } else if (fenced) {
      out.push(line);
    } else {
      prose.push(line);
    }
  }
  flush();
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
