import { decodeHTML } from "entities";
import { Document, isMap, isScalar, isSeq, type Pair, parse as parseYaml, YAMLMap } from "yaml";

/**
 * `journey import mermaid`: a Mermaid `journey` diagram read as Mermaid reads it, and the journey
 * YAML of ours it becomes. Pure: text in, YAML text and notes out.
 *
 * Mermaid's reading, reproduced: front matter (`---` … `---` at the very start) and `%%{…}%%`
 * directives are taken off, lines that are `%%` comments removed, and the text must then begin
 * with `journey`. Its lexer is then followed rule by rule, in its order (`%%` and `#` comments,
 * `journey`, `title …`, `accTitle:`, `accDescr:` and `accDescr { … }`, `section …`, a task's name
 * up to `:`, its data after it); `#name;` and `#123;` are entity codes, read as text, never as a
 * comment. A `;` anywhere, a task name without `: …` after it, or any other token out of place is
 * refused, as Mermaid refuses it. A task's data is `score[: actor, actor…]`: the score is
 * `Number(…)` of its text, the actors split on `,`.
 */

/** A place in the file: its 1-based line. */
export interface Note {
  line: number;
  message: string;
}

/** A diagram Mermaid would refuse: where, and why. */
export class MermaidSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = "MermaidSyntaxError";
  }
}

export interface MermaidTask {
  /** The task's text, entity codes decoded, `<br>` as a space, trimmed. */
  name: string;
  /** The score's text as written (trimmed), and Mermaid's number of it. */
  scoreText: string;
  score: number;
  actors: string[];
  /** Text after a second `:` in the task's data, which Mermaid ignores. */
  ignored: string[];
  line: number;
}

export interface MermaidSection {
  /** Null for the tasks before any section. */
  name: string | null;
  tasks: MermaidTask[];
  line: number;
}

export interface MermaidDiagram {
  title: string | null;
  accTitle: string | null;
  accDescr: string | null;
  /** The front matter, as YAML read it (its text when it does not read). */
  frontMatter: unknown;
  directives: string[];
  comments: { line: number; text: string }[];
  sections: MermaidSection[];
  /** The first line of the diagram in its file. */
  line: number;
}

/** One diagram of a file: its text and the line of the file it starts on. */
export interface DiagramText {
  text: string;
  line: number;
}

/**
 * The diagrams of a file: a Markdown file (by its name, or because it has fenced ```mermaid
 * blocks) gives each mermaid block; any other file is one diagram. Blocks that are not `journey`
 * diagrams are left out, each with a note.
 */
function diagramsOf(file: string, text: string): { diagrams: DiagramText[]; notes: Note[] } {
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const fenced = /^ {0,3}(`{3,}|~{3,})[ \t]*mermaid\b/m.test(normalized);
  if (!/\.(md|markdown|mdx)$/i.test(file) && !fenced) {
    return { diagrams: [{ text: normalized, line: 1 }], notes: [] };
  }
  const lines = normalized.split("\n");
  const diagrams: DiagramText[] = [];
  const notes: Note[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})[ \t]*([^`\s]*)/.exec(lines[i] ?? "");
    if (!open) {
      // A block in a quote or a list item: GitHub draws it, this reader does not take it.
      if (
        /^(?:\s*>|\s{4,}|\s*(?:[-*+]|\d+[.)])\s)[\s>]*(`{3,}|~{3,})[ \t]*mermaid\b/i.test(
          lines[i] ?? "",
        )
      )
        notes.push({
          line: i + 1,
          message:
            "skipped a mermaid block inside a quote or a list item: move it to the start of a line to import it",
        });
      continue;
    }
    const [, indent = "", fence = "", info = ""] = open;
    const body: string[] = [];
    let j = i + 1;
    const closing = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`);
    for (; j < lines.length && !closing.test(lines[j] ?? ""); j++) {
      const l = lines[j] ?? "";
      body.push(l.startsWith(indent) ? l.slice(indent.length) : l.trimStart());
    }
    if (info.toLowerCase() === "mermaid") {
      const block = body.join("\n");
      if (isJourney(block)) diagrams.push({ text: `${block}\n`, line: i + 2 });
      else {
        const kind = /^\s*(?:%%[^\n]*\n\s*)*([^\s]+)/.exec(block.replace(FRONT_MATTER, ""))?.[1];
        notes.push({
          line: i + 1,
          message: `skipped a mermaid block that is not a journey diagram${kind ? ` (${kind})` : ""}`,
        });
      }
    }
    i = j;
  }
  return { diagrams, notes };
}

/** Mermaid's front matter: `---` on the first line, up to the next `---` indented as much. */
const FRONT_MATTER = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;
/** Mermaid's directives, `%%{init: …}%%`. */
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
/** A line that is a `%%` comment (not a directive), and the blank lines before it. */
const COMMENT_LINE = /^\s*%%(?!{)[^\n]+\n?/gm;

/** Replaces a match by spaces, its line breaks kept: the lines of what follows do not move. */
const blank = (s: string) => s.replace(/[^\n]/g, " ");

function isJourney(text: string): boolean {
  const cleaned = text
    .replace(/\r\n?/g, "\n")
    .replace(FRONT_MATTER, (m) => blank(m))
    .replace(DIRECTIVE, (m) => blank(m))
    .replace(COMMENT_LINE, (m) => blank(m));
  return /^\s*journey/.test(cleaned);
}

/** Text as the lexer's classes read it: any character but those listed, or an entity code. */
const TEXT = (excluded: string) => `(?:[^${excluded}]|#\\w+;)`;

interface Rule {
  pattern: RegExp;
  token: string | null;
  /** The lexer state it applies in. */
  state: "initial" | "acc_title" | "acc_descr" | "acc_descr_multiline";
  enter?: "initial" | "acc_title" | "acc_descr" | "acc_descr_multiline";
}

const sticky = (source: string) => new RegExp(source, "iy");

/** Mermaid's journey lexer, rule by rule, in its order (the first rule that matches wins). */
const RULES: Rule[] = [
  { state: "initial", pattern: sticky("%(?!\\{)[^\\n]*"), token: "comment" },
  { state: "initial", pattern: sticky("[^\\}]%%[^\\n]*"), token: "comment" },
  { state: "initial", pattern: sticky("[\\n]+"), token: "NEWLINE" },
  { state: "initial", pattern: sticky("\\s+"), token: null },
  { state: "initial", pattern: sticky("#(?!\\w+;)[^\\n]*"), token: "comment" },
  { state: "initial", pattern: sticky("journey\\b"), token: "journey" },
  { state: "initial", pattern: sticky(`title\\s${TEXT("#\\n;")}+`), token: "title" },
  {
    state: "initial",
    pattern: sticky("accTitle\\s*:\\s*"),
    token: "acc_title",
    enter: "acc_title",
  },
  { state: "acc_title", pattern: sticky("[^\\n]*"), token: "acc_title_value", enter: "initial" },
  {
    state: "initial",
    pattern: sticky("accDescr\\s*:\\s*"),
    token: "acc_descr",
    enter: "acc_descr",
  },
  { state: "acc_descr", pattern: sticky("[^\\n]*"), token: "acc_descr_value", enter: "initial" },
  {
    state: "initial",
    pattern: sticky("accDescr\\s*\\{\\s*"),
    token: null,
    enter: "acc_descr_multiline",
  },
  { state: "acc_descr_multiline", pattern: sticky("[\\}]"), token: null, enter: "initial" },
  { state: "acc_descr_multiline", pattern: sticky("[^\\}]*"), token: "acc_descr_multiline_value" },
  { state: "initial", pattern: sticky(`section\\s${TEXT("#:\\n;")}+`), token: "section" },
  { state: "initial", pattern: sticky(`${TEXT("#:\\n;")}+`), token: "taskName" },
  { state: "initial", pattern: sticky(`:${TEXT("#\\n;")}+`), token: "taskData" },
  { state: "initial", pattern: sticky(":"), token: ":" },
  { state: "initial", pattern: sticky("[^]"), token: "INVALID" },
];

interface Token {
  type: string;
  text: string;
  line: number;
}

function* lex(text: string, firstLine: number): Generator<Token> {
  let state: Rule["state"] = "initial";
  let at = 0;
  let line = firstLine;
  while (at < text.length) {
    let matched = false;
    for (const rule of RULES) {
      if (rule.state !== state) continue;
      rule.pattern.lastIndex = at;
      const m = rule.pattern.exec(text);
      if (!m) continue;
      // An empty match only where the rule may match nothing (a value after `accTitle:`).
      if (m[0] === "" && rule.token === null) continue;
      if (rule.enter) state = rule.enter;
      if (rule.token !== null) yield { type: rule.token, text: m[0], line };
      line += m[0].split("\n").length - 1;
      at += m[0].length;
      matched = true;
      break;
    }
    if (!matched) throw new MermaidSyntaxError(line, "cannot read this line");
  }
  yield { type: "EOF", text: "", line };
}

/** What a token is, said to a user. */
function described(token: Token): string {
  switch (token.type) {
    case "EOF":
      return "the end of the diagram";
    case "NEWLINE":
      return "the end of the line";
    case "INVALID":
      return token.text === ";"
        ? '";" (Mermaid refuses it in a journey: write it #59;)'
        : `"${token.text}"`;
    case "taskData":
    case ":":
      return `"${token.text.trim()}" with no task name before it`;
    default:
      return `"${token.text.trim()}"`;
  }
}

/**
 * Reads one diagram as Mermaid does. Throws MermaidSyntaxError where Mermaid would refuse it;
 * `line` is the line of the file the text starts on.
 */
export function parseMermaid(source: string, line = 1): MermaidDiagram {
  let text = source.replace(/\r\n?/g, "\n");
  let frontMatter: unknown = null;
  const fm = FRONT_MATTER.exec(text);
  if (fm) {
    const indent = fm[1] ?? "";
    const body = (fm[2] ?? "")
      .split("\n")
      .map((l) => (indent && l.startsWith(indent) ? l.slice(indent.length) : l))
      .join("\n");
    try {
      frontMatter = parseYaml(body) as unknown;
    } catch (error) {
      throw new MermaidSyntaxError(
        line,
        `the front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`,
      );
    }
    text = blank(fm[0]) + text.slice(fm[0].length);
  }
  const directives: string[] = [];
  text = text.replace(DIRECTIVE, (m) => {
    directives.push(m);
    return blank(m);
  });
  const comments: { line: number; text: string }[] = [];
  text = text.replace(COMMENT_LINE, (m, offset: number) => {
    const before = text.slice(0, offset).split("\n").length - 1;
    const lines = m.split("\n");
    const index = lines.findIndex((l) => l.trim().startsWith("%%"));
    comments.push({ line: line + before + index, text: (lines[index] ?? "").trim() });
    return blank(m);
  });
  if (!/^\s*journey/.test(text)) {
    const first = /\S[^\n]*/.exec(text);
    const at = first ? line + text.slice(0, first.index).split("\n").length - 1 : line;
    throw new MermaidSyntaxError(
      at,
      first
        ? `not a Mermaid journey diagram: it must begin with "journey", not "${first[0].trim().slice(0, 40)}"`
        : "empty: no Mermaid journey diagram",
    );
  }
  const diagram: MermaidDiagram = {
    title: null,
    accTitle: null,
    accDescr: null,
    frontMatter,
    directives,
    comments,
    sections: [],
    line,
  };
  if (isMap(frontMatter) || (frontMatter !== null && typeof frontMatter === "object")) {
    const title = (frontMatter as Record<string, unknown>).title;
    if (typeof title === "string") diagram.title = decodeText(title);
  }
  const tokens = lex(text, line);
  let token = tokens.next().value as Token;
  const next = () => {
    token = tokens.next().value as Token;
  };
  // Mermaid trims the text before the lexer sees it: what comes before `journey` is blank.
  while (token.type === "NEWLINE") next();
  if (token.type !== "journey") {
    throw new MermaidSyntaxError(token.line, `expected "journey", found ${described(token)}`);
  }
  next();
  let section: MermaidSection | null = null;
  let lastTitle: string | null = null;
  for (;;) {
    const t = token;
    switch (t.type) {
      case "EOF":
        if (lastTitle !== null) diagram.title = lastTitle;
        return diagram;
      case "NEWLINE":
        next();
        break;
      case "comment":
        comments.push({ line: t.line, text: t.text.trim() });
        next();
        break;
      case "title":
        lastTitle = decodeText(t.text.slice(6));
        next();
        break;
      case "acc_title":
        next();
        if ((token as Token).type !== "acc_title_value") break;
        diagram.accTitle = decodeText(token.text);
        next();
        break;
      case "acc_descr":
        next();
        if ((token as Token).type !== "acc_descr_value") break;
        diagram.accDescr = decodeText(token.text);
        next();
        break;
      case "acc_descr_multiline_value":
        diagram.accDescr = decodeText(t.text);
        next();
        break;
      case "section":
        section = { name: decodeText(t.text.slice(8)), tasks: [], line: t.line };
        diagram.sections.push(section);
        next();
        break;
      case "taskName": {
        next();
        const data = token as Token;
        if (data.type !== "taskData") {
          throw new MermaidSyntaxError(
            t.line,
            `the task "${decodeText(t.text)}" has no score: write "${decodeText(t.text)}: 3: Actor", found ${described(data)} after it`,
          );
        }
        if (section === null) {
          section = { name: null, tasks: [], line: t.line };
          diagram.sections.push(section);
        }
        section.tasks.push(taskOf(t, data));
        next();
        break;
      }
      default:
        throw new MermaidSyntaxError(
          t.line,
          `unexpected ${described(t)}${
            /^journey\b/.test(t.text ?? "")
              ? ": a file holds one diagram; put several in a Markdown file, each in a ```mermaid block (journey render --format markdown writes one)"
              : ""
          }`,
        );
    }
  }
}

function taskOf(name: Token, data: Token): MermaidTask {
  const pieces = data.text.slice(1).split(":");
  const scoreText = pieces[0] ?? "";
  const actors = pieces.length > 1 ? (pieces[1] ?? "").split(",").map((a) => decodeText(a)) : [];
  return {
    name: decodeText(name.text),
    scoreText: decodeText(scoreText),
    score: Number(scoreText),
    actors: actors.filter((a) => a !== ""),
    ignored: pieces.slice(2).map((p) => decodeText(p)),
    line: name.line,
  };
}

/**
 * A field's text as Mermaid shows it: entity codes decoded (`#59;` is `;`, `#35;` `#`, `#amp;`
 * `&`; a name the browser does not know stays as `&name;`, as it shows), `<br>` as a space,
 * spaces around trimmed.
 */
export function decodeText(text: string): string {
  return text
    .replace(/#(\w+);/g, (whole, code: string) => {
      if (/^\+?\d+$/.test(code)) {
        const n = Number(code);
        return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff)
          ? String.fromCodePoint(n)
          : "\ufffd";
      }
      // Every HTML named reference, as the browser decodes what mermaid hands it; unknown: as is.
      return decodeHTML(`&${code};`);
    })
    .replace(/[ \t]*<br\s*\/?>[ \t]*/gi, " ")
    .trim();
}

/** A kebab-case id from any text: accents stripped, other scripts and symbols dropped. */
export function slugOf(text: string, max = 64): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[œŒ]/g, "oe")
    .replace(/[øØ]/g, "o")
    .replace(/[đĐð]/g, "d")
    .replace(/[łŁ]/g, "l")
    .replace(/[þÞ]/g, "th")
    .replace(/ı/g, "i")
    .toLowerCase();
  let slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length > max)
    slug =
      slug
        .slice(0, max)
        .replace(/-[^-]*$/, "")
        .replace(/-+$/, "") || slug.slice(0, max);
  return slug.replace(/-+$/, "");
}

/** Ids unique within one scope: the slug, else `fallback`, numbered from -2 when taken. */
class Ids {
  private readonly taken = new Set<string>();
  constructor(private readonly max = 64) {}
  take(text: string, fallback: string): string {
    const base = slugOf(text, this.max - 4) || fallback;
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}

export interface ImportOptions {
  /** The file read, for messages and the fallback title. */
  file: string;
  /** `--persona`: the persona the journeys map, instead of the diagram's first actor. */
  persona?: string;
}

export interface ImportResult {
  /** The YAML: one journey document per diagram, separated by `---`. */
  yaml: string;
  /** What could not be mapped and where it is kept, and what the user must fill in. */
  notes: Note[];
  journeys: number;
}

/** The actor that stands for the brand, in any case. */
const BRAND = "brand";

/** What the channel placeholder's comment says. */
const CHANNEL_TODO = " TODO: the channel of this touchpoint";
/** The channel written on every event, for the user to correct. */
const PLACEHOLDER_CHANNEL = "web";

/**
 * The journey YAML of the diagrams of a file. Throws MermaidSyntaxError for the first diagram
 * Mermaid would refuse (nothing is written then).
 */
export function importMermaid(text: string, options: ImportOptions): ImportResult {
  const { diagrams, notes } = diagramsOf(options.file, text);
  if (diagrams.length === 0) {
    throw new MermaidSyntaxError(
      1,
      "no Mermaid journey diagram in this file (a ```mermaid block beginning with journey)",
    );
  }
  const parsed = diagrams.map((d) => parseMermaid(d.text, d.line));
  const journeyIds = new Ids();
  const stem = options.file
    .replace(/^.*[\\/]/, "")
    .replace(/\.[^.]*$/, "")
    .replace(/\.[^.]*$/, "");
  const docs = parsed.map((diagram, i) =>
    journeyDocument(diagram, {
      ...options,
      notes,
      journeyIds,
      stem,
      index: i + 1,
      several: parsed.length > 1,
    }),
  );
  const yaml = docs
    .map((doc) => doc.toString({ lineWidth: 0, flowCollectionPadding: true }))
    .join("---\n");
  notes.sort((a, b) => a.line - b.line);
  return { yaml, notes, journeys: docs.length };
}

interface Context extends ImportOptions {
  notes: Note[];
  journeyIds: Ids;
  stem: string;
  index: number;
  several: boolean;
}

function journeyDocument(diagram: MermaidDiagram, context: Context): Document {
  const { notes } = context;
  const note = (line: number, message: string) => notes.push({ line, message });
  const doc = new Document(new YAMLMap());
  const root = doc.contents as YAMLMap;
  const set = (map: YAMLMap, key: string, value: unknown, comment?: string) => {
    const node = doc.createNode(value);
    if (comment !== undefined && isScalar(node)) node.comment = comment;
    map.add(doc.createPair(key, node));
    return node;
  };

  const fallbackTitle = context.several ? `${context.stem} ${context.index}` : context.stem;
  const title = diagram.title && diagram.title !== "" ? diagram.title : null;
  if (title === null)
    note(diagram.line, `the diagram has no title: titled "${fallbackTitle}" (change it)`);
  const actors = [...new Set(diagram.sections.flatMap((s) => s.tasks.flatMap((t) => t.actors)))];
  // `Brand` acts for the brand (as journey render --format mermaid writes it); the first other
  // actor is the persona; any further one has no place in the format.
  const brand = actors.find((a) => a.toLowerCase() === BRAND);
  const [first, ...others] = actors.filter((a) => a !== brand);

  set(root, "kind", "journey");
  set(
    root,
    "id",
    context.journeyIds.take(
      title ?? fallbackTitle,
      slugOf(fallbackTitle) || `journey-${context.index}`,
    ),
  );
  set(
    root,
    "title",
    title ?? fallbackTitle,
    title === null ? " TODO: the diagram had no title" : undefined,
  );
  let persona: string;
  let personaComment: string | undefined;
  if (context.persona !== undefined) persona = context.persona;
  else if (first !== undefined) {
    persona = slugOf(first) || "persona";
    personaComment = ` TODO: a persona of your workspace (the diagram's actor "${first}")`;
  } else {
    persona = "persona";
    personaComment = " TODO: the persona this journey maps (the diagram names no actor)";
    note(
      diagram.line,
      `the diagram names no actor: persona "${persona}" written (change it, or use --persona)`,
    );
  }
  set(root, "persona", persona, personaComment);

  const stageList = doc.createNode([]);
  const stageIds = new Ids();
  const eventIds = new Ids();
  let stageCount = 0;
  let eventCount = 0;
  const sections: MermaidSection[] =
    diagram.sections.length > 0
      ? diagram.sections
      : [{ name: null, tasks: [], line: diagram.line }];
  for (const section of sections) {
    stageCount++;
    const stage = new YAMLMap();
    const name = section.name && section.name !== "" ? section.name : null;
    set(stage, "id", stageIds.take(name ?? "", `stage-${stageCount}`));
    if (name === null) {
      set(
        stage,
        "name",
        `Stage ${stageCount}`,
        " TODO: these tasks are in no section of the diagram",
      );
      note(section.line, `tasks before any section: stage "Stage ${stageCount}" written (name it)`);
    } else set(stage, "name", name);
    const events = doc.createNode([]);
    const stageExtras: [string, unknown][] =
      name === null ? [["x-section", section.name ?? ""]] : [];
    if (section.tasks.length === 0) {
      eventCount++;
      const event = new YAMLMap();
      set(event, "id", eventIds.take("", `event-${eventCount}`));
      set(
        event,
        "action",
        "TODO",
        " TODO: this section of the diagram has no task; a stage needs an event",
      );
      set(event, "channel", PLACEHOLDER_CHANNEL, CHANNEL_TODO);
      set(event, "x-placeholder", true);
      (events as { items: unknown[] }).items.push(event);
      note(
        section.line,
        `section "${name ?? ""}" has no task: a placeholder event is written (x-placeholder), to replace`,
      );
    }
    for (const task of section.tasks) {
      eventCount++;
      const event = new YAMLMap();
      set(event, "id", eventIds.take(task.name, `event-${eventCount}`));
      set(
        event,
        "action",
        task.name === "" ? "TODO" : task.name,
        task.name === "" ? " TODO: the task has no text" : undefined,
      );
      const valid = Number.isInteger(task.score) && task.score >= 1 && task.score <= 5;
      // The persona acting alone is the format's default, the brand alone `actor: brand`; any
      // other cast is kept. The keys in the format's order: id, action, actor, channel…
      const alone = task.actors.length === 1 ? task.actors[0] : undefined;
      if (alone !== undefined && alone === brand) set(event, "actor", "brand");
      set(event, "channel", PLACEHOLDER_CHANNEL, CHANNEL_TODO);
      if (valid) set(event, "satisfaction", task.score);
      if (task.actors.length > 0 && alone !== first && !(alone !== undefined && alone === brand)) {
        set(event, "x-actors", task.actors);
      }
      if (!valid) {
        set(event, "x-score", task.scoreText);
        note(
          task.line,
          `the score of "${task.name}" is ${task.scoreText === "" ? "empty" : `"${task.scoreText}"`}, not a whole number from 1 to 5: kept as x-score, no satisfaction written`,
        );
      }
      if (task.ignored.length > 0) {
        set(event, "x-ignored", task.ignored);
        note(
          task.line,
          `text after a second ":" in "${task.name}" (Mermaid ignores it): kept as x-ignored`,
        );
      }
      (events as { items: unknown[] }).items.push(event);
    }
    set(stage, "events", events);
    for (const [key, value] of stageExtras) set(stage, key, value);
    (stageList as { items: unknown[] }).items.push(stage);
  }
  root.add(doc.createPair("stages", stageList));

  // What has no place in the format, kept under x- keys.
  if (others.length > 0) {
    set(root, "x-actors", others);
    note(
      diagram.line,
      `${others.length === 1 ? "actor" : "actors"} ${others
        .slice(0, 5)
        .map((a) => `"${a}"`)
        .join(
          ", ",
        )}${others.length > 5 ? ` and ${others.length - 5} more` : ""} besides the persona's${brand === undefined ? "" : ` and the brand's`}: kept as x-actors (on the journey, and on each event they act in)`,
    );
  }
  if (diagram.accTitle !== null) {
    set(root, "x-accTitle", diagram.accTitle);
    note(diagram.line, "accTitle (the accessible title): kept as x-accTitle");
  }
  if (diagram.accDescr !== null) {
    set(root, "x-accDescr", diagram.accDescr);
    note(diagram.line, "accDescr (the accessible description): kept as x-accDescr");
  }
  if (diagram.frontMatter !== null) {
    set(root, "x-front-matter", diagram.frontMatter);
    note(diagram.line, "front matter: kept as x-front-matter");
  }
  if (diagram.directives.length > 0) {
    set(root, "x-directives", diagram.directives);
    note(diagram.line, "%%{…}%% directives: kept as x-directives");
  }
  if (diagram.comments.length > 0) {
    set(
      root,
      "x-comments",
      diagram.comments.map((c) => c.text),
    );
    for (const c of diagram.comments) note(c.line, `comment: kept in x-comments`);
  }
  doc.commentBefore = ` Imported from ${context.file} by journey import mermaid. Fill in the TODOs: each\n event's channel, and the persona, a persona of your workspace.`;
  clean(doc.contents);
  return doc;
}

/** No flow style for lists of mappings; short lists of texts on one line, as people write them. */
function clean(node: unknown): void {
  if (isMap(node)) for (const pair of node.items) clean((pair as Pair).value);
  else if (isSeq(node)) {
    node.flow =
      node.items.length > 0 && node.items.every((i) => isScalar(i)) && node.items.length <= 4;
    for (const item of node.items) clean(item);
  }
}
