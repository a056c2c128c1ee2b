import { dateOf } from "../../survey/civil.js";
import type { CalendarReport } from "./index.js";

/** The calendar's sends as all-day events, stamped with the day the run is for. */
export function calendarIcs(report: CalendarReport): string {
  const stamp = `${report.today.replace(/-/g, "")}T000000Z`;
  const events = report.sends.map(([, send], i): IcsEvent => {
    const row = report.sendRows[i];
    if (!row) throw new Error("a send without its row");
    const survey = send.survey;
    const title = survey.title ?? survey.id;
    const subject = survey.subject ?? "";
    return {
      date: row.date,
      end: dateOf(send.day + 1),
      uid: `${row.survey}.${row.persona}.${row.date.replace(/-/g, "")}@journey`,
      summary: `${title} (${row.persona})`,
      description: [
        `Survey: ${row.survey}`,
        `Persona: ${row.persona}`,
        `Journey: ${row.journey}${row.stage ? `, stage ${row.stage}` : ""}`,
        `Channel: ${row.channel ?? "none"}`,
        `Subject: ${subject}`,
        ...(send.estimated
          ? ["Estimated: sent after an event, placed by the journey's frequency"]
          : []),
      ].join("\n"),
      categories: [row.persona, row.channel ?? "none", "survey"],
    };
  });
  return toIcs(events, stamp);
}

/**
 * An RFC 5545 calendar of survey sends, as calendar applications read it: CRLF line ends, lines
 * folded at 75 octets (never inside a UTF-8 character), TEXT values escaped, all-day events
 * (DTSTART/DTEND as VALUE=DATE), a UID stable across runs (survey, persona and date), and DTSTAMP.
 */

interface IcsEvent {
  /** YYYY-MM-DD. */
  date: string;
  /** The day after (DTEND of an all-day event is exclusive). */
  end: string;
  uid: string;
  summary: string;
  description: string;
  categories: string[];
}

function toIcs(events: readonly IcsEvent[], stamp: string): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//journey//survey calendar//EN",
    "CALSCALE:GREGORIAN",
    "X-WR-CALNAME:Survey calendar",
  ];
  for (const event of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(event.date)}`,
      `DTEND;VALUE=DATE:${compact(event.end)}`,
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      `CATEGORIES:${event.categories.map(escapeText).join(",")}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

const compact = (date: string) => date.replace(/-/g, "");

/** RFC 5545 §3.3.11: backslash, semicolon and comma escaped, line breaks as \n. */
function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r?\n/g, "\\n");
}

/** RFC 5545 §3.1: lines longer than 75 octets continue on lines starting with a space. */
export function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
