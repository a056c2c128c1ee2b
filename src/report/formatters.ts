import type { Finding, Summary } from "../lint/finding.js";

export interface FormatOptions {
  /** chalk level: 0 no colour … 3 truecolor. */
  colorLevel: 0 | 1 | 2 | 3;
}

export type Formatter = (
  findings: readonly Finding[],
  summary: Summary,
  options: FormatOptions,
) => string;

/** `--format` values of `journey lint` and `journey validate`: each loads only when chosen. */
export const LINT_FORMATTERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import("./stylish.js")).stylish,
  json: async () => (await import("./json.js")).json,
};
