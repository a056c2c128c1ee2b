import { csvOf } from "../csv.js";
import type { CalendarReport } from "./index.js";

/** The sends, one per line. */
export function calendarCsv(report: CalendarReport): string {
  return csvOf(report.sendRows, [
    "date",
    "survey",
    "persona",
    "journey",
    "stage",
    "channel",
    "estimated",
  ]);
}
