import type { CoverageRow, SurveyRow, TouchpointRow } from "../../views/plan.js";
import { csvOf } from "../csv.js";
import type { ViewData } from "./index.js";

const TOUCHPOINT_FIELDS = [
  "persona",
  "journey",
  "stage",
  "event",
  "channel",
  "satisfaction",
  "surveys",
  "file",
  "line",
] as const satisfies readonly (keyof TouchpointRow)[];

const SURVEY_FIELDS = [
  "id",
  "persona",
  "journey",
  "stage",
  "event",
  "channel",
  "subject",
  "indicators",
  "recurrence",
  "questions",
  "file",
  "line",
] as const satisfies readonly (keyof SurveyRow)[];

const COVERAGE_FIELDS = [
  "persona",
  "journey",
  "stage",
  "name",
  "keyMoment",
  "status",
  "surveys",
  "reason",
  "file",
  "line",
] as const satisfies readonly (keyof CoverageRow)[];

/** A view's rows as CSV, with the JSON field names as header, in the same order. */
export function viewCsv(data: ViewData): string {
  if (data.view === "touchpoints") return csvOf(data.rows, TOUCHPOINT_FIELDS);
  if (data.view === "surveys") return csvOf(data.rows, SURVEY_FIELDS);
  return csvOf(data.rows, COVERAGE_FIELDS);
}
