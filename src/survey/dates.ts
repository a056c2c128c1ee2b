import { Temporal } from "temporal-polyfill";

/**
 * Calendar arithmetic on `YYYY-MM-DD` dates, with no time zone. Adding months keeps the day of
 * the month, clamped to the month's last day: 2026-01-31 + P1M = 2026-02-28, and
 * 2024-02-29 + P1Y = 2025-02-28 (ISO 8601 calendar semantics, as Temporal.PlainDate.add).
 */
export function addDuration(date: string, duration: string): string {
  return Temporal.PlainDate.from(date).add(Temporal.Duration.from(duration)).toString();
}

/** `date` minus `duration`, with the same clamping. */
export function subtractDuration(date: string, duration: string): string {
  return Temporal.PlainDate.from(date).subtract(Temporal.Duration.from(duration)).toString();
}
