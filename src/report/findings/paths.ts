import { posix } from "node:path";
import type { LintReport } from "./index.js";

/**
 * The report with its paths relative to the repository's root instead of the current directory,
 * for the consumers that resolve them from there (GitHub code scanning and annotations, GitLab
 * Code Quality): `base` is the current directory relative to that root ("" at the root). A path
 * that leaves the repository stays as it was. Messages keep the paths they name as they are.
 */
export function fromRepositoryRoot(report: LintReport, base: string): LintReport {
  if (base === "") return report;
  const path = (file: string) => {
    const joined = posix.normalize(posix.join(base, file));
    return joined.startsWith("../") ? file : joined;
  };
  const relocate = <F extends { file: string; related: readonly { file: string }[] }>(f: F): F => ({
    ...f,
    file: path(f.file),
    related: f.related.map((r) => ({ ...r, file: path(r.file) })),
  });
  return {
    ...report,
    findings: report.findings.map(relocate),
    suppressed: report.suppressed.map(relocate),
    ...(report.baselined ? { baselined: report.baselined.map(relocate) } : {}),
    files: report.files.map(path),
    unreadable: report.unreadable.map(path),
  };
}
