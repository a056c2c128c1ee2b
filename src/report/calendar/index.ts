import type { Calendar } from "../../survey/calendar.js";
import { registry } from "../registry.js";
import type { Style } from "../style.js";

/** A calendar as its formatters receive it: how the table groups it, and the day it is for. */
export interface CalendarReport extends Calendar {
  by: "week" | "month";
  /** YYYY-MM-DD: the iCalendar DTSTAMP. */
  today: string;
}

export type CalendarFormatter = (report: CalendarReport, style: Style) => Promise<string> | string;

/** `--format` values of `journey calendar`. */
export const CALENDAR_FORMATS = registry<CalendarFormatter>()({
  table: async () => (await import("./table.js")).calendarTable,
  json: async () => (await import("./json.js")).calendarJson,
  csv: async () => (await import("./csv.js")).calendarCsv,
  ics: async () => (await import("./ics.js")).calendarIcs,
});
