import type { EventNode, JourneyNode } from "../../model/types.js";
import type { RenderData, RenderFormatter } from "./index.js";

/**
 * `journey render --format mermaid`: one Mermaid `journey` diagram per map, separated by a blank
 * line (Mermaid reads one diagram at a time: paste them one by one, or use `--format markdown`,
 * which fences each). The title is the journey's, each stage is a `section`, each event a task
 * `<action>: <score>: <actor>` whose score is the event's satisfaction and whose actor is the
 * persona's name for the customer's own actions and `Brand` for the brand's. A stage without
 * events keeps its `section` line (Mermaid reads it, and draws nothing for it).
 *
 * An event whose satisfaction is not stated (or is not a number) is drawn at 3, the neutral middle
 * of the 1–5 scale, and one outside 1–5 or not whole at the nearest whole score in it: in both
 * cases a `%%` comment line above the task says so, so that the diagram is never taken for data.
 */
export const mermaid: RenderFormatter = (data) =>
  data.journeys.map((journey) => mermaidOf(journey, data)).join("\n");

/** The actor of the brand's own events (`actor: brand`). */
const BRAND = "Brand";
/** The score of an event that states no satisfaction: the middle of the scale. */
const NEUTRAL = 3;

/** The Mermaid `journey` diagram of one map, ending with a line break. */
export function mermaidOf(journey: JourneyNode, data: RenderData): string {
  const customer = customerName(journey, data);
  const lines = ["journey", `  title ${field(journey.title, journey.id)}`];
  for (const stage of journey.stages) {
    lines.push(`  section ${field(stage.name, stage.id)}`);
    for (const event of stage.events) {
      const { score, note } = scoreOf(event);
      if (note) lines.push(`    %% ${encodeField(event.id)}: ${note}`);
      const actor = event.actor === "brand" ? BRAND : customer;
      lines.push(`    ${field(event.action, event.id)}: ${score}: ${encodeField(actor)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The persona's name (its id when it has none, `Customer` when the journey names no persona). */
function customerName(journey: JourneyNode, data: RenderData): string {
  const id = journey.persona?.value;
  if (id === undefined) return "Customer";
  const persona =
    data.personas.find((p) => p.id === id) ?? data.workspace.personas.find((p) => p.id === id);
  return persona?.name?.trim() ? persona.name : id;
}

/** A whole score from 1 to 5, and why it is not the event's satisfaction as written, if it is not. */
function scoreOf(event: EventNode): { score: number; note: string | null } {
  const value = event.satisfaction;
  if (value === null || !Number.isFinite(value)) {
    const why = event.statesSatisfaction ? "satisfaction is not a number" : "no satisfaction";
    return { score: NEUTRAL, note: `${why}: drawn as ${NEUTRAL}, the middle of the scale` };
  }
  const score = Math.min(5, Math.max(1, Math.round(value)));
  if (score === value) return { score, note: null };
  return {
    score,
    note: `satisfaction ${value} is not a whole score from 1 to 5: drawn as ${score}`,
  };
}

/** A text field, or the node's id when the text is missing or blank. */
function field(text: string | null, id: string): string {
  const encoded = encodeField(text ?? "");
  return encoded === "" ? encodeField(id) : encoded;
}

/** The characters Mermaid's journey grammar gives a meaning to inside a field, as entity codes. */
const CODES: Readonly<Record<string, string>> = {
  ";": "#59;", // ends the statement: Mermaid rejects the diagram
  "#": "#35;", // starts a comment (so a literal `#word;` is written `#35;word#59;`)
  ":": "#58;", // separates the task from its score and actors
  ",": "#44;", // separates two actors
  "<": "#60;", // `<br>` would break the line when drawn
};

/** Words that start a statement when a task begins with them (case-insensitively). */
const KEYWORD = /^(?:journey\b|title\s|section\s|acctitle\s*:|accdescr\s*[:{])/i;

/**
 * One field of a diagram as Mermaid reads it back as the same text: line breaks become spaces,
 * `; # : , <` entity codes (`#59;` …), which Mermaid turns back into the characters when it draws;
 * a `%` that would start a comment or a `%%{…}%%` directive is `#37;`, and the first letter of a
 * text that would read as a keyword (`section …` as a task) is coded too. Blank becomes "".
 */
export function encodeField(text: string): string {
  let out = text
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, " ")
    .trim()
    .replace(/[;#:,<]/g, (c) => CODES[c] ?? c)
    .replace(/%(?=%)|(?<=%)%|^%/g, "#37;");
  if (KEYWORD.test(out)) out = `#${out.codePointAt(0)};${out.slice(1)}`;
  return out;
}
