import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import type { Range } from "../lint/finding.js";
import { pointerToSegments } from "./pointer.js";
import { SpanTable } from "./fast.js";
import type { SourceFile } from "./source.js";
import type { Origin } from "./types.js";

/** Which part of the node a finding points at. */
export type Target = "value" | "key";

/** Offsets [start, end) in the file's text. */
export type Span = [number, number];

/**
 * Finds the node a JSON Pointer names in a parsed document. Where the pointer goes further than
 * the document (a missing key), the deepest existing node is returned, pointed at by its key
 * when it has one: the place a reader would add what is missing.
 */
export function locate(
  doc: Document.Parsed | SpanTable,
  pointer: string,
  target: Target = "value",
): Span {
  if (doc instanceof SpanTable) return doc.locate(pointer, target);
  let node: unknown = doc.contents;
  let key: Node | null = null;
  for (const segment of pointerToSegments(pointer)) {
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    let nextKey: Node | null = null;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment,
      );
      if (pair) {
        next = pair.value ?? pair.key;
        nextKey = pair.key as Node;
      }
    } else if (isSeq(node)) {
      next = node.items[Number(segment)];
    }
    if (next === undefined || next === null) return spanOf(key ?? (node as Node | null), doc);
    node = next;
    key = nextKey;
  }
  if (target === "key" && key) return spanOf(key, doc);
  return spanOf(node as Node | null, doc);
}

function spanOf(node: Node | null | undefined, doc: Document.Parsed): Span {
  const range = node?.range ?? doc.contents?.range ?? doc.range;
  const start = range?.[0] ?? 0;
  const end = range?.[1] ?? start;
  return [start, Math.max(end, start + 1)];
}

/**
 * The span of a node named by where it was written (a document of a file and a JSON Pointer), or
 * null when that document is not in the file.
 */
export function spanOfOrigin(
  file: SourceFile,
  origin: Pick<Origin, "document" | "pointer">,
  target: Target = "value",
): Span | null {
  const doc = file.documents[origin.document];
  return doc ? locate(doc.doc, origin.pointer, target) : null;
}

/** Turns offsets into a 1-based line/column range; a multi-line node ends at the end of its first line. */
export function spanToRange(file: SourceFile, [start, end]: Span): Range {
  const from = file.lines.linePos(start);
  const newline = file.text.indexOf("\n", start);
  const stop = newline !== -1 && newline < end ? newline : end;
  const to = file.lines.linePos(stop);
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

/** `path:line:column` of a span's start: how messages and errors name a place. */
export function formatLocation(file: SourceFile, span: Span): string {
  const range = spanToRange(file, span);
  return `${file.path}:${range.line}:${range.column}`;
}
