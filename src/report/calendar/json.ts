import type { CalendarReport } from "./index.js";

/** `{ from, to, sends, pressure, unscheduled }` (README, "JSON output"). */
export function calendarJson(report: CalendarReport): string {
  const { from, to, sendRows: sends, pressure, unscheduled } = report;
  return `${JSON.stringify({ from, to, sends, pressure, unscheduled }, null, 2)}\n`;
}
