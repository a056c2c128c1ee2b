import { createHash } from "node:crypto";
import type { Finding, Severity } from "../../lint/finding.js";
import { identityOf } from "../../lint/identity.js";
import type { LintReport } from "./index.js";

/** One issue of a GitLab Code Quality report: the subset of the Code Climate spec GitLab reads. */
interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: "major" | "minor";
  location: { path: string; lines: { begin: number } };
}

/** An error blocks the check (exit 1) but breaks nothing at run time: major; a warning: minor. */
const SEVERITY: Record<Severity, CodeQualityIssue["severity"]> = {
  error: "major",
  warning: "minor",
};

/**
 * `journey lint --format gitlab`: a GitLab Code Quality report (`artifacts:reports:codequality`),
 * a JSON array with one issue per finding, UTF-8 without a byte-order mark, ending with a newline.
 * Suppressed findings are left out: Code Quality has no notion of a dismissed issue.
 */
export function gitlab({ findings }: LintReport): string {
  const fingerprints = fingerprintsOf(findings);
  const issues = findings.map((f, i): CodeQualityIssue => ({
    description: f.message,
    check_name: f.rule,
    fingerprint: fingerprints[i] ?? "",
    severity: SEVERITY[f.severity],
    location: { path: f.file, lines: { begin: f.line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}

/**
 * One fingerprint per finding, unique in the report: a hash of what identifies the finding (its
 * rule, file, entity, anchor and message template), not of its line, so that a merge request
 * that inserts lines above it does not show it as fixed and found again; findings that share all
 * of that (two YAML errors in one file) are told apart by their order in the file.
 */
function fingerprintsOf(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = identityOf(f);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return createHash("sha256").update(`${key}#${occurrence}`).digest("hex").slice(0, 32);
  });
}
