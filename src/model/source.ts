import { Composer, type Document, isAlias, isScalar, LineCounter, Parser, visit } from "yaml";
import { decode } from "./decode.js";
import { fastParse, SpanTable } from "./fast.js";
import { rootCauses, type YamlError } from "./yaml-errors.js";

/** Aliased nodes one document may expand; more is taken for an alias bomb. */
const MAX_ALIAS_COUNT = 200;

/** A problem found while reading a file, before any schema: becomes a `syntax` finding. */
export interface SyntaxIssue {
  message: string;
  offset: number;
  endOffset: number;
}

/** One YAML document of a file, with its value as plain data (null when it could not be built). */
export interface SourceDocument {
  index: number;
  /** Where its nodes are: the YAML Document, or (read by the fast path) a pointer → span table. */
  doc: Document.Parsed | SpanTable;
  value: unknown;
  /** False when a syntax problem makes the value unreliable: no schema check or rule runs on it. */
  usable: boolean;
}

/** A read file: its text (for positions), its documents and the problems met while parsing. */
export interface SourceFile {
  /** Path relative to the current directory, `/`-separated. */
  path: string;
  text: string;
  lines: LineCounter;
  documents: SourceDocument[];
  issues: SyntaxIssue[];
}

/** A document with nothing in it: a comment-only file, or what follows a trailing `---`. */
export function isEmptyDocument(doc: SourceDocument): boolean {
  // The fast path declines a document whose value is null.
  if (doc.doc instanceof SpanTable) return false;
  const contents = doc.doc.contents;
  return contents === null || (isScalar(contents) && contents.value === null && !contents.source);
}

/** Problems that leave the document's data intact (the value is still what the author wrote). */
const RECOVERABLE = new Set(["DUPLICATE_KEY"]);

/** Parses a file's bytes into documents, never throwing: every problem becomes a SyntaxIssue. */
export function parseSource(
  path: string,
  bytes: Uint8Array,
  parser: ReadWith = "fast",
): SourceFile {
  const decoded = decode(bytes);
  if (!decoded.ok) {
    const issue = {
      message: decoded.message,
      offset: decoded.offset,
      endOffset: decoded.offset + 1,
    };
    return {
      path,
      text: decoded.text,
      lines: countLines(decoded.text),
      documents: [],
      issues: [issue],
    };
  }
  return parseText(path, decoded.text, parser);
}

/** Line starts of a text that the YAML lexer does not read (it registers them itself otherwise). */
export function countLines(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let n = text.indexOf("\n"); n !== -1; n = text.indexOf("\n", n + 1)) lines.addNewLine(n + 1);
  return lines;
}

/** How files are read: by the fast path where it can (see fast.ts), or always with `yaml`. */
export type ReadWith = "fast" | "yaml";

/** Reads a text by the fast path when it can and `parser` allows it, else with `yaml`. */
export function parseText(path: string, text: string, parser: ReadWith = "fast"): SourceFile {
  const fast = parser === "yaml" ? null : fastParse(text);
  if (!fast) return parseWithYaml(path, text);
  const documents = fast.map(({ value, spans }, index) => ({
    index,
    doc: spans,
    value,
    usable: true,
  }));
  return { path, text, lines: countLines(text), documents, issues: [] };
}

/** Reads a text with `yaml`, the parser of record: every problem becomes a located issue. */
export function parseWithYaml(path: string, text: string): SourceFile {
  const lines = new LineCounter();
  const issues: SyntaxIssue[] = [];
  const documents: SourceDocument[] = [];
  // parseAllDocuments, unrolled: the tokens pass through checkDirectives on their way to the composer.
  const tokens = checkDirectives(new Parser(lines.addNewLine).parse(text), issues);
  const composer = new Composer({ prettyErrors: false, uniqueKeys: sameKey, logLevel: "error" });
  const list = Array.from(composer.compose(tokens)) as Document.Parsed[];
  const errors: YamlError[] = [];
  let exhausted = false;
  for (const doc of list) {
    let overflow = false;
    for (const error of doc.errors) {
      // A stack overflow is reported at every level it unwinds through: once is enough.
      if (error.code === "RESOURCE_EXHAUSTION") {
        if (overflow) continue;
        overflow = exhausted = true;
      }
      errors.push({
        code: error.code,
        message: yamlMessage(error.code, error.message, keyAt(doc, error.pos[0])),
        offset: error.pos[0],
        endOffset: error.pos[1],
      });
    }
  }
  // One finding per mistake, at the mistake (not for nesting too deep: parsing again is the risk).
  const roots = exhausted ? errors : rootCauses(text, errors, composeErrors);
  for (const root of roots) {
    issues.push({ message: root.message, offset: root.offset, endOffset: root.endOffset });
  }
  for (const [index, doc] of list.entries()) {
    let usable = doc.errors.every((error) => RECOVERABLE.has(error.code));
    let value: unknown = null;
    if (usable) {
      try {
        value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (error) {
        usable = false;
        const at = firstAlias(doc);
        const why =
          error instanceof ReferenceError && /alias/i.test(error.message)
            ? `aliases expand to more than ${MAX_ALIAS_COUNT} nodes (an alias bomb?); the document is not read`
            : `the document cannot be read: ${(error as Error).message}`;
        issues.push({ message: why, offset: at[0], endOffset: at[1] });
      }
    }
    documents.push({ index, doc, value, usable });
  }
  return { path, text, lines, documents, issues };
}

/** The errors of a text parsed as `parseText` does: where each starts. */
function composeErrors(text: string): { code: string; offset: number }[] {
  const composer = new Composer({ prettyErrors: false, uniqueKeys: sameKey, logLevel: "error" });
  const errors: { code: string; offset: number }[] = [];
  for (const doc of composer.compose(new Parser().parse(text))) {
    for (const error of doc.errors) errors.push({ code: error.code, offset: error.pos[0] });
  }
  return errors;
}

/**
 * Two keys are the same when their scalar values are equal. Empty keys are left to the schema
 * (they are never a known key), since YAML allows several of them.
 */
function sameKey(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isScalar(a) || !isScalar(b)) return false;
  return a.value !== null && a.value === b.value;
}

/** Passes the tokens on, noting what the composer lets pass: a directive with no document after it, and a repeated %YAML. */
function* checkDirectives<T extends { type: string; offset: number; source?: string }>(
  tokens: Iterable<T>,
  issues: SyntaxIssue[],
): Generator<T> {
  let pending: { offset: number; source: string }[] = [];
  for (const token of tokens) {
    if (token.type === "directive") {
      const source = token.source ?? "";
      if (source.startsWith("%YAML") && pending.some((d) => d.source.startsWith("%YAML"))) {
        issues.push({
          message: "YAML: the %YAML directive is given twice",
          offset: token.offset,
          endOffset: token.offset + source.length,
        });
      }
      pending.push({ offset: token.offset, source });
    } else if (token.type === "document") {
      pending = [];
    }
    yield token;
  }
  const [orphan] = pending;
  if (orphan) {
    issues.push({
      message: "YAML: a directive must be followed by a document (---)",
      offset: orphan.offset,
      endOffset: orphan.offset + orphan.source.length,
    });
  }
}

/** A parser's message for people; `key` is the key the error points at, if it is a short scalar. */
function yamlMessage(code: string, message: string, key: string | null): string {
  if (code === "DUPLICATE_KEY") {
    const named = key !== null && key.length <= 60 && !key.includes("\n") ? ` "${key}"` : "";
    return `duplicate key${named} in a mapping: each key may appear once`;
  }
  if (code === "RESOURCE_EXHAUSTION")
    return "nesting is too deep to read; the document is not read";
  const text = message.replace(/\s+at line \d+, column \d+[\s\S]*$/, "").trim();
  return `YAML: ${text}`;
}

/** The scalar key of a mapping pair that starts at `offset`, as text; null when there is none. */
function keyAt(doc: Document.Parsed, offset: number): string | null {
  let found: string | null = null;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        found = String(pair.key.value);
        return visit.BREAK;
      }
    },
  });
  return found;
}

function firstAlias(doc: Document.Parsed): [number, number] {
  let found: [number, number] = [0, 1];
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range) {
        found = [node.range[0], node.range[1]];
        return visit.BREAK;
      }
    },
  });
  return found;
}

/** A file that was not parsed at all (too large to read): one issue at its start. */
export function unparsedSource(path: string, message: string): SourceFile {
  return {
    path,
    text: "",
    lines: countLines(""),
    documents: [],
    issues: [{ message, offset: 0, endOffset: 1 }],
  };
}
