import { CST, Lexer } from "yaml";
import type { SourceFile } from "../model/source.js";

const MARKER = "journey-disable-next-line";
const MARKERS = new Set<string>([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/** A `# journey-disable-next-line <rule-id>[, <rule-id>…] -- <reason>` comment. */
export interface Directive {
  file: string;
  /** 1-based line of the comment; it silences findings that start on the next line. */
  line: number;
  /** Offsets of the comment in the file's text. */
  span: [number, number];
  rules: string[];
  reason: string | null;
}

/**
 * The suppression comments of a file, found among the YAML lexer's comment tokens, so that a `#`
 * inside a quoted or block scalar is never taken for one.
 */
export function findDirectives(file: SourceFile): Directive[] {
  if (!file.text.includes(MARKER)) return [];
  const directives: Directive[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(file.text)) {
    const match = token.startsWith("#")
      ? /^#\s*journey-disable-next-line\b(.*)$/.exec(token)
      : null;
    if (match) {
      const [ids = "", reason] = (match[1] ?? "").split(/\s--\s?/, 2);
      directives.push({
        file: file.path,
        line: file.lines.linePos(offset).line,
        span: [offset, offset + token.length],
        rules: ids.split(/[\s,]+/).filter(Boolean),
        reason: reason?.trim() || null,
      });
    }
    // The lexer's marker tokens (document start, flow end, scalar) are not text: they take no room.
    if (!MARKERS.has(token)) offset += token.length;
  }
  return directives;
}
