import type { Finding } from "../../lint/finding.js";
import type { JourneyNode, PersonaNode } from "../../model/types.js";
import type { Workspace } from "../../model/workspace.js";
import type { Calendar } from "../../survey/calendar.js";
import type { Locate } from "../../views/plan.js";
import { registry } from "../registry.js";
import type { Style } from "../style.js";

/**
 * What `journey render` draws: the journeys the paths and `--journey` chose, their personas, the
 * whole workspace they are judged against, the lint findings of the files named, and each
 * persona's survey calendar over a year. Plain data: formatters compute nothing from files.
 */
export interface RenderData {
  /** The journeys to draw, in file order. */
  journeys: readonly JourneyNode[];
  /** The personas of those journeys (and of persona files named), in file order. */
  personas: readonly PersonaNode[];
  /** Everything loaded: what names resolve against (a persona's other journeys…). */
  workspace: Workspace;
  /** Where a node is: file and line, for links and badges. */
  locate: Locate;
  /** The lint findings of the files named (as `journey lint` reports them), sorted. */
  findings: readonly Finding[];
  /** The survey calendar of the personas drawn, over the range (a year by default). */
  calendar: Calendar;
  /** The date the run is for (YYYY-MM-DD): today, or JOURNEY_TODAY. */
  today: string;
  /** journey's name and version, for a page's footer or generator line. */
  tool: { name: string; version: string };
}

export type RenderFormatter = (data: RenderData, style: Style) => Promise<string> | string;

/** `--format` values of `journey render`, each loaded only when chosen. */
export const RENDER_FORMATS = registry<RenderFormatter>()({
  html: async () => (await import("./html.js")).html,
  mermaid: async () => (await import("./mermaid.js")).mermaid,
  markdown: async () => (await import("./markdown.js")).markdown,
});
