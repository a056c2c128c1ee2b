import { registry } from "../report/registry.js";
import type { Style } from "../report/style.js";
import type { DiffReport } from "./model.js";

export type DiffFormatter = (report: DiffReport, style: Style) => Promise<string> | string;

/** `--format` values of `journey diff`. */
export const DIFF_FORMATS = registry<DiffFormatter>()({
  table: async () => (await import("./table.js")).diffTable,
  markdown: async () => (await import("./markdown.js")).diffMarkdown,
  json: async () => (await import("./json.js")).diffJson,
});
