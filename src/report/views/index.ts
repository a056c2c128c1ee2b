import type { CoverageRow, SurveyRow, TouchpointRow } from "../../views/plan.js";
import { registry } from "../registry.js";
import type { Style } from "../style.js";

/** The rows of one view, as its formatters receive them. */
export type ViewData =
  | {
      view: "touchpoints";
      rows: TouchpointRow[];
      /** The key moment of each `journey/stage` that is one, to mark it ★. */
      keyMoments: ReadonlyMap<string, string>;
    }
  | { view: "surveys"; rows: SurveyRow[] }
  | { view: "coverage"; rows: CoverageRow[] };

export type ViewFormatter = (data: ViewData, style: Style) => Promise<string> | string;

/** `--format` values of `journey touchpoints`, `surveys` and `coverage`. */
export const VIEW_FORMATS = registry<ViewFormatter>()({
  table: async () => (await import("./table.js")).viewTable,
  json: async () => (data) => `${JSON.stringify(data.rows, null, 2)}\n`,
  csv: async () => (await import("./csv.js")).viewCsv,
});
