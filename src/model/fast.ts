import { FAILSAFE_SCHEMA, loadAll, type State, Type } from "js-yaml";
import { pointerToSegments } from "./pointer.js";

/**
 * The fast path to values with positions: js-yaml reads the text, its `listener` hook records
 * where every node starts and ends, and the result is the plain values and a pointer → span
 * table per document. `yaml` stays the parser of record: whatever this path is not sure to read
 * exactly as `yaml` does (any error, a duplicate key, an anchor, alias or tag, a directive, tabs,
 * an empty document…) makes it decline, and the file is read with `yaml` as always.
 */

/** Offsets [start, end) in the file's text. */
type Span = [number, number];

/** Where one node of a document was written: its value, and its key when it is a mapping's value. */
export interface SpanEntry {
  kind: "map" | "seq" | "scalar";
  value: Span;
  key?: Span;
}

const KINDS: readonly SpanEntry["kind"][] = ["map", "seq", "scalar"];
const MAP = 0;
const SEQ = 1;
const SCALAR = 2;

/**
 * Numbers per node: kind, value start, value end, key start (-1: none), key end, and the index of
 * the node after its last descendant (nodes are in document order, each before its children).
 */
const STRIDE = 6;

/** A span table's own representation: what crosses threads. */
export interface PackedSpans {
  /** STRIDE numbers per node, in document order. */
  data: Int32Array;
  /** Per node: its key when it is a mapping's value (a sequence's items have none). */
  names: (string | undefined)[];
}

/**
 * A document's positions, in place of the retained YAML Document: per node, in document order,
 * its kind, spans and extent in one typed array, and its key — a few dozen bytes a node, not a
 * Map entry, a pointer string and three small objects.
 */
export class SpanTable {
  constructor(
    protected data: Int32Array,
    protected names: (string | undefined)[],
  ) {}

  /** A table as pack() gave it. */
  static unpack({ data, names }: PackedSpans): SpanTable {
    return new SpanTable(data, names);
  }

  /** What crosses threads (the typed array is moved, not copied). */
  pack(): PackedSpans {
    return { data: this.data, names: this.names };
  }

  /** As `locate` on a Document: the deepest existing node, by its key when it has one. */
  locate(pointer: string, target: "value" | "key"): Span {
    const { data, names } = this;
    let node = 0;
    let key: Span | undefined;
    for (const segment of pointerToSegments(pointer)) {
      const kind = data[node * STRIDE];
      const stop = data[node * STRIDE + 5] as number;
      let child = -1;
      if (kind === MAP) {
        for (let c = node + 1; c < stop; c = data[c * STRIDE + 5] as number)
          if (names[c] === segment) {
            child = c;
            break;
          }
      } else if (kind === SEQ) {
        const n = Number(segment);
        if (Number.isInteger(n) && n >= 0)
          for (let c = node + 1, i = 0; c < stop; c = data[c * STRIDE + 5] as number, i++)
            if (i === n) {
              child = c;
              break;
            }
      }
      if (child < 0) return spanOf(key ?? this.#value(node));
      node = child;
      key = this.#key(node);
    }
    if (target === "key" && key) return spanOf(key);
    return spanOf(this.#value(node));
  }

  /** The table's entries, for tests and the cache: pointer → kind, value span, key span. */
  dump(): Map<string, SpanEntry> {
    const entries = new Map<string, SpanEntry>();
    const walk = (node: number, pointer: string): void => {
      const kind = KINDS[this.data[node * STRIDE] as number] as SpanEntry["kind"];
      const key = this.#key(node);
      entries.set(
        pointer,
        key ? { kind, value: this.#value(node), key } : { kind, value: this.#value(node) },
      );
      const stop = this.data[node * STRIDE + 5] as number;
      for (let c = node + 1, i = 0; c < stop; c = this.data[c * STRIDE + 5] as number, i++)
        walk(c, `${pointer}/${kind === "seq" ? i : escape(this.names[c] ?? "")}`);
    };
    if (this.data.length > 0) walk(0, "");
    return entries;
  }

  #value(node: number): Span {
    return [this.data[node * STRIDE + 1] as number, this.data[node * STRIDE + 2] as number];
  }

  #key(node: number): Span | undefined {
    const start = this.data[node * STRIDE + 3] as number;
    return start < 0 ? undefined : [start, this.data[node * STRIDE + 4] as number];
  }
}

/**
 * The numbers of the table being built: one buffer for every document, grown as needed (and let
 * go after a text that made it larger: 65,536 nodes).
 */
const SPAN_BUFFER = STRIDE * 65536;
let spanBuffer = new Int32Array(SPAN_BUFFER);

/** Builds a SpanTable node by node, in document order. */
class SpanBuilder {
  #data = spanBuffer;
  #names: (string | undefined)[] = [];
  #count = 0;

  /** A node (its value span and extent set later), with its key's span (-1: none): its index. */
  open(kind: number, keyStart: number, keyEnd: number, name: string | undefined): number {
    if ((this.#count + 1) * STRIDE > this.#data.length) {
      const grown = new Int32Array(this.#data.length * 2);
      grown.set(this.#data);
      this.#data = spanBuffer = grown;
    }
    const at = this.#count * STRIDE;
    this.#data[at] = kind;
    this.#data[at + 3] = keyStart;
    this.#data[at + 4] = keyEnd;
    this.#data[at + 5] = this.#count + 1;
    this.#names.push(name);
    return this.#count++;
  }

  /** A node's value span. */
  close(node: number, start: number, end: number): void {
    this.#data[node * STRIDE + 1] = start;
    this.#data[node * STRIDE + 2] = end;
  }

  /** A node's descendants are all opened. */
  end(node: number): void {
    this.#data[node * STRIDE + 5] = this.#count;
  }

  /** The table (its own copy of the numbers: the buffer serves the next document). */
  table(): SpanTable {
    return new SpanTable(this.#data.slice(0, this.#count * STRIDE), this.#names);
  }
}

/**
 * A span table kept packed (as the cache stored it) and unpacked the first time a position is
 * asked of it — most never are. What `unpack` gives is checked, as it comes from a file: a table
 * that does not hold together or does not fit the text is one root node, and every position is
 * then the start of the file.
 */
export abstract class LazySpanTable<Packed> extends SpanTable {
  #packed: Packed | null;

  constructor(packed: Packed) {
    super(new Int32Array(0), []);
    this.#packed = packed;
  }

  /** The table, and the length of the text it is for. */
  protected abstract unpack(packed: Packed): PackedSpans & { textLength: number };

  override locate(pointer: string, target: "value" | "key"): Span {
    this.#unpack();
    return super.locate(pointer, target);
  }

  override dump(): Map<string, SpanEntry> {
    this.#unpack();
    return super.dump();
  }

  override pack(): PackedSpans {
    this.#unpack();
    return super.pack();
  }

  #unpack(): void {
    if (this.#packed === null) return;
    const { data, names, textLength } = this.unpack(this.#packed);
    this.#packed = null;
    const whole = holdsTogether(data) && fitsText({ data, names }, textLength);
    this.data = whole ? data : Int32Array.of(MAP, 0, 0, -1, -1, 1);
    this.names = whole ? names : [undefined];
  }
}

/**
 * Whether a table's numbers make a tree locate can walk: whole nodes, each node's kind known and
 * its descendants after it and before its parent's end — so every walk moves on and stops.
 */
function holdsTogether(data: Int32Array): boolean {
  const count = data.length / STRIDE;
  if (!Number.isInteger(count) || count === 0) return false;
  const ends: number[] = [count];
  for (let n = 0; n < count; n++) {
    while (n >= (ends[ends.length - 1] as number)) ends.pop();
    const kind = data[n * STRIDE] as number;
    const end = data[n * STRIDE + 5] as number;
    if (kind < 0 || kind > 2 || end <= n || end > (ends[ends.length - 1] as number)) return false;
    ends.push(end);
  }
  return true;
}

/**
 * Whether a table can be a document's of a text this long: a key (or none) per node, and every
 * span within the text, its start before its end.
 */
function fitsText({ data, names }: PackedSpans, length: number): boolean {
  if (names.length !== data.length / STRIDE) return false;
  const within = (start: number, end: number) => start >= 0 && start <= end && end <= length;
  for (let at = 0; at < data.length; at += STRIDE) {
    const keyStart = data[at + 3] as number;
    const keyEnd = data[at + 4] as number;
    if (!within(data[at + 1] as number, data[at + 2] as number)) return false;
    if (!(keyStart === -1 && keyEnd === -1) && !within(keyStart, keyEnd)) return false;
  }
  return true;
}

const spanOf = ([start, end]: Span): Span => [start, Math.max(end, start + 1)];

const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

type Form = [RegExp, (s: string) => unknown];

/**
 * The YAML 1.2 core schema's plain scalars as `yaml` reads them (not js-yaml's, which also takes
 * `1_000`, `0b1`, `+.5`…): the same tests in the same order, the first that matches gives the
 * type. No timestamp type: dates stay strings. With each type, the characters its values can
 * begin with ("" for the empty scalar).
 */
const FORMS: [tag: string, starts: string[], forms: Form[]][] = [
  ["null", ["", ..."~nN"], [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]],
  [
    "bool",
    [..."tTfF"],
    [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === "t" || s[0] === "T"]],
  ],
  [
    "int",
    [..."0123456789+-"],
    [
      [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
      [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
    ],
  ],
  [
    "float",
    [..."0123456789+-."],
    [
      [
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        (s) =>
          s.slice(-3).toLowerCase() === "nan"
            ? NaN
            : s.startsWith("-")
              ? Number.NEGATIVE_INFINITY
              : Number.POSITIVE_INFINITY,
      ],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
    ],
  ],
];

/**
 * By first character (`""` for the empty scalar), the tests that can match, in FORMS' order: a
 * scalar that begins with any other character is a string without a test (most are), and one
 * that begins with `n` is only tested as a null.
 */
const FORMS_BY_FIRST = new Map<string, Form[]>();
for (const [, starts, forms] of FORMS)
  for (const first of starts)
    FORMS_BY_FIRST.set(first, [...(FORMS_BY_FIRST.get(first) ?? []), ...forms]);

/**
 * The last plain scalar classified, whether it is a null, boolean or number, and its value:
 * js-yaml asks the implicit type whether it resolves the text, then to construct it from the same
 * text — the tests run once. Variables, not an object per scalar.
 */
let classifiedData = "";
let classifiedResolved = true;
let classifiedValue: unknown = null;

function classify(data: string): void {
  if (data === classifiedData) return;
  classifiedData = data;
  classifiedResolved = false;
  classifiedValue = data;
  const forms = FORMS_BY_FIRST.get(data.charAt(0));
  if (forms)
    for (const [test, make] of forms)
      if (test.test(data)) {
        classifiedResolved = true;
        classifiedValue = make(data);
        return;
      }
}

/**
 * The core schema's plain scalars as one implicit type, not one per tag: js-yaml asks every
 * implicit type in turn about every plain scalar, and most are strings that none resolves — one
 * question instead of four. The tag js-yaml then gives a node changes nothing read here: js-yaml
 * only compares a key's tag with the merge type's (`<<`), which this schema does not have. An
 * explicit `!!null`, `!!bool`, `!!int` or `!!float` is now an unknown tag, an error: the fast
 * path declines.
 */
const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type("tag:journey,2026:core-plain-scalar", {
      kind: "scalar",
      resolve: (data: unknown) => {
        if (typeof data !== "string") return false;
        classify(data);
        return classifiedResolved;
      },
      construct: (data: string) => {
        classify(data);
        return classifiedValue;
      },
    }),
  ],
});

/**
 * The nodes as the listener saw them, numbered in the order opened — each before the nodes opened
 * inside it, which follow it without a gap, so a node's children are the node after it and then
 * each the node after the previous one's last descendant. Numbers per node: where it was opened,
 * where closed, its kind (one of the codes below), the number after its last descendant, and how
 * many children it has. One buffer for every text, grown as needed (and let go after a text that
 * made it larger: 65,536 nodes); the results (`state.result` at the close) are in a list.
 */
const EVENT = 5;
const EVENT_BUFFER = EVENT * 65536;
let events = new Int32Array(EVENT_BUFFER);

/** The kinds js-yaml gives a node at its close: none (an empty node), or one of the table's. */
const NONE = -1;

const kindCode = (kind: string | null): number =>
  kind === "mapping" ? MAP : kind === "sequence" ? SEQ : kind === null ? NONE : SCALAR;

const openOf = (event: number) => events[event * EVENT] as number;
const closeOf = (event: number) => events[event * EVENT + 1] as number;
const kindOf = (event: number) => events[event * EVENT + 2] as number;
/** The number of the event after this one's last descendant: its next sibling, if it has one. */
const afterOf = (event: number) => events[event * EVENT + 3] as number;
const childCount = (event: number) => events[event * EVENT + 4] as number;

class Decline extends Error {}

/** What may be read here: no tab, CR, directive, document end marker, anchor/alias/tag start. */
const REFUSED = /[\t\r\uFEFF]|^%|^\.\.\.|^---(?!\n| *(?:#.*)?$)|["'\]}]#/m;

/** The documents of a text as values and span tables, or null when `yaml` must read it. */
export function fastParse(text: string): { value: unknown; spans: SpanTable }[] | null {
  if (REFUSED.test(text)) return null;
  try {
    return read(text);
  } finally {
    // A large text's buffers are not kept for the rest of the process.
    if (events.length > EVENT_BUFFER) events = new Int32Array(EVENT_BUFFER);
    if (spanBuffer.length > SPAN_BUFFER) spanBuffer = new Int32Array(SPAN_BUFFER);
  }
}

/** fastParse past its first check. */
function read(text: string): { value: unknown; spans: SpanTable }[] | null {
  const roots: number[] = [];
  const stack: number[] = [];
  const results: unknown[] = [];
  const values: unknown[] = [];
  let count = 0;
  try {
    loadAll(text, (value) => values.push(value), {
      schema: CORE,
      listener(this: State, type: "open" | "close", state: State) {
        if (type === "open") {
          if ((count + 1) * EVENT > events.length) {
            const grown = new Int32Array(events.length * 2);
            grown.set(events);
            events = grown;
          }
          const at = count * EVENT;
          events[at] = state.position;
          events[at + 4] = 0;
          if (stack.length > 0) {
            const parent = (stack[stack.length - 1] as number) * EVENT + 4;
            events[parent] = (events[parent] as number) + 1;
          } else roots.push(count);
          results.push(undefined);
          stack.push(count++);
        } else {
          const event = stack.pop() as number;
          const at = event * EVENT;
          events[at + 1] = state.position;
          events[at + 2] = kindCode(state.kind);
          events[at + 3] = count;
          results[event] = state.result;
        }
      },
    });
  } catch {
    return null;
  }
  if (roots.length !== values.length || roots.length === 0 || stack.length > 0) return null;
  try {
    return roots.map((root, n) => {
      if (values[n] === null || values[n] === undefined) throw new Decline();
      const build = new SpanBuilder();
      record(text, results, root, undefined, -1, -1, false, build);
      return { value: values[n], spans: build.table() };
    });
  } catch (error) {
    if (error instanceof Decline) return null;
    throw error;
  }
}

/** The node itself: js-yaml opens a node twice where a mapping was tried and a scalar found. */
function unwrap(results: unknown[], event: number): number {
  let at = event;
  // Its only child, the event after it, of the same kind and with the same result.
  while (
    childCount(at) === 1 &&
    kindOf(at + 1) === kindOf(at) &&
    Object.is(results[at + 1], results[at])
  )
    at++;
  return at;
}

/**
 * Records a node and its children, with its key's span when it is a mapping's value (-1: none);
 * returns where the node ends with its trailing comment and line break.
 */
function record(
  text: string,
  results: unknown[],
  raw: number,
  name: string | undefined,
  keyStart: number,
  keyEnd: number,
  inFlow: boolean,
  build: SpanBuilder,
): number {
  const event = unwrap(results, raw);
  const kind = kindOf(event);
  const children = childCount(event);
  const start = startOf(text, event);
  const first = text[start];
  const flow = first === "[" || first === "{";
  let end: number;
  if (kind === MAP || kind === SEQ) {
    const node = build.open(kind, keyStart, keyEnd, name);
    let last = start;
    if (kind === MAP) {
      if (children !== Object.keys(results[event] as object).length * 2) throw new Decline();
      for (let i = 0, child = event + 1; i < children; i += 2) {
        const keyEvent = unwrap(results, child);
        const childName = results[keyEvent];
        if (
          typeof childName !== "string" ||
          kindOf(keyEvent) !== SCALAR ||
          childName === "__proto__"
        )
          throw new Decline();
        const childKeyStart = startOf(text, keyEvent);
        const childKeyEnd = scalarEnd(text, results, keyEvent, childKeyStart);
        if (hasLineBreak(text, childKeyStart, childKeyEnd) || childKeyEnd - childKeyStart > 1000)
          throw new Decline();
        const value = afterOf(child);
        last = record(
          text,
          results,
          value,
          childName,
          childKeyStart,
          childKeyEnd,
          inFlow || flow,
          build,
        );
        child = afterOf(value);
      }
    } else {
      if (children !== (results[event] as unknown[]).length) throw new Decline();
      for (let i = 0, child = event + 1; i < children; i++, child = afterOf(child))
        last = record(text, results, child, undefined, -1, -1, inFlow || flow, build);
    }
    if (flow) {
      end = closeOf(event);
      while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
      if (text[end - 1] !== (first === "[" ? "]" : "}") || hasLineBreak(text, start, end))
        throw new Decline();
    } else end = last;
    build.close(node, start, end);
    build.end(node);
    return flow ? lineEnd(text, end) : end;
  }
  if (children > 0) throw new Decline();
  const node = build.open(SCALAR, keyStart, keyEnd, name);
  if (kind === NONE) {
    // An empty node: `yaml` places it after the indicator and its spaces, on the same line.
    if (inFlow) throw new Decline();
    let at = openOf(event);
    while (text[at] === " ") at++;
    if (text[at] === "!" || text[at] === "&" || text[at] === "*") throw new Decline();
    build.close(node, at, at);
    return at;
  }
  end = scalarEnd(text, results, event, start);
  build.close(node, start, end);
  return first === "|" || first === ">" ? end : lineEnd(text, end);
}

/** Whether the text holds a line break in [start, end). */
function hasLineBreak(text: string, start: number, end: number): boolean {
  const at = text.indexOf("\n", start);
  return at !== -1 && at < end;
}

const SPACE = 0x20;
const LINE_BREAK = 0x0a;
const HASH = 0x23;

/** Whether a character's code (charCodeAt: no string per character) is a space or line break. */
const isSpace = (code: number) => code === SPACE || code === LINE_BREAK;

/** Past the spaces, comment and line break that follow a node on its line. */
function lineEnd(text: string, end: number): number {
  let at = end;
  while (text.charCodeAt(at) === SPACE) at++;
  if (text.charCodeAt(at) === HASH) {
    const eol = text.indexOf("\n", at);
    at = eol === -1 ? text.length : eol;
  }
  return text.charCodeAt(at) === LINE_BREAK ? at + 1 : at;
}

/** The node's first character: past separation space and comments. */
function startOf(text: string, event: number): number {
  let start = openOf(event);
  for (;;) {
    while (isSpace(text.charCodeAt(start))) start++;
    if (text.charCodeAt(start) === HASH) {
      const eol = text.indexOf("\n", start);
      start = eol === -1 ? text.length : eol;
    } else break;
  }
  const first = text[start];
  if (first === "!" || first === "&" || first === "*") throw new Decline();
  return start;
}

/** Where a scalar's value ends, as `yaml` says. */
function scalarEnd(text: string, results: unknown[], event: number, start: number): number {
  const first = text[start];
  let end = closeOf(event);
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (first === "|" || first === ">") {
    const eol = text.indexOf("\n", start);
    const header = eol === -1 ? text.slice(start) : text.slice(start, eol);
    // Kept trailing lines, an empty scalar or leading blank lines: `yaml` is left to place them.
    if (header.includes("+") || results[event] === "" || eol === -1 || eol >= end)
      throw new Decline();
    if (/^ *\n/.test(text.slice(eol + 1))) throw new Decline();
    // Up to the end of the last line with content, then blank lines only if they hold no space.
    const next = text.indexOf("\n", end);
    end = next === -1 ? text.length : next + 1;
    for (let at = end; at < text.length;) {
      const stop = text.indexOf("\n", at);
      const line = text.slice(at, stop === -1 ? text.length : stop);
      if (line.trim() !== "") break;
      if (line !== "") throw new Decline();
      at = stop === -1 ? text.length : stop + 1;
    }
    return end;
  }
  if ((first === '"' || first === "'") && text.slice(start, end).includes("\n"))
    throw new Decline();
  return end;
}
