import type { WrittenDuration } from "../model/types.js";
import { type DateDuration, parseDuration } from "./civil.js";

const UNITS = [
  ["years", "year"],
  ["months", "month"],
  ["weeks", "week"],
  ["days", "day"],
] as const;

/** A duration in words: "3 months", "1 year 2 months", "10 days"; unreadable ones as written. */
export function amount(duration: string): string {
  const parts = parseDuration(duration);
  return parts ? inWords(parts) : duration;
}

/** A decoded duration in words, or as written when it is not one. */
export const amountOf = (written: WrittenDuration): string =>
  written.duration ? inWords(written.duration) : written.text;

function inWords(parts: DateDuration): string {
  const words = UNITS.filter(([unit]) => parts[unit] !== 0).map(
    ([unit, one]) => `${parts[unit]} ${parts[unit] === 1 ? one : unit}`,
  );
  return words.length > 0 ? words.join(" ") : "0 days";
}

/** A duration as a period: "month" for P1M (every month, once per month), else its amount. */
export function period(duration: string): string {
  return asPeriod(amount(duration));
}

/** A decoded duration as a period, or as written when it is not one. */
export const periodOf = (written: WrittenDuration): string => asPeriod(amountOf(written));

const asPeriod = (words: string) => (/^1 [a-z]+$/.test(words) ? words.slice(2) : words);
