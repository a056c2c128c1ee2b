/**
 * Seeded mutations of a workspace held in memory, for test/fuzz.test.ts: each mutation is plain
 * data (which file, what to do, where, with what), so that a failing case can be printed, replayed
 * and shrunk by dropping mutations; applying one is a pure function of the files and the mutation.
 * A mutation whose place no longer exists (an earlier one removed it) changes nothing.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import {
  type Document,
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  Scalar,
} from "yaml";

/** A workspace: path relative to its root (`/`-separated) → content. */
export type Files = Readonly<Record<string, string | Uint8Array>>;

/** A path into a YAML document: keys of mappings and indexes of sequences. */
type YamlPath = readonly (string | number)[];

/** A value a mutation puts in a document; `special` ones have no JSON form. */
type Value =
  | { json: unknown }
  | { special: "nan" | "inf" | "-inf" | "long-word" | "long-words" | "hundred-lines" };

export type Mutation =
  /** Removes the key or the item at `path`. */
  | { op: "delete"; file: string; path: YamlPath }
  /** Replaces the node at `path` (or adds the key) with `value`. */
  | { op: "set"; file: string; path: YamlPath; value: Value }
  /** Gives the node at `from` an anchor and replaces the node at `to` (later) with its alias. */
  | { op: "alias"; file: string; from: YamlPath; to: YamlPath }
  /** Appends a billion-laughs style alias bomb of `depth` levels at the end of the file. */
  | { op: "alias-bomb"; file: string; depth: number }
  /** Shifts line `line` (0-based, clamped) by `shift` spaces (negative: removes up to that many). */
  | { op: "indent"; file: string; line: number; shift: number }
  /** Replaces the first space of the indentation of line `line` (or inserts one there) by a tab. */
  | { op: "tab"; file: string; line: number }
  /** Cuts the file after `at` bytes (a fraction of its length, 0–1). */
  | { op: "truncate"; file: string; at: number }
  /** Inserts a `---` line before line `line`, or appends a second document (another file's). */
  | { op: "separator"; file: string; line: number; append?: string }
  /** Inserts raw bytes at `at` (a fraction of the file's length, 0–1). */
  | { op: "bytes"; file: string; at: number; bytes: number[] }
  /** Repeats the item at `path` (in a sequence) `times` more times after it; `rename`: with ids of their own. */
  | { op: "repeat"; file: string; path: YamlPath; times: number; rename: boolean }
  /** Removes a whole file. */
  | { op: "remove-file"; file: string }
  /** Copies a file under another name (every id in it defined twice). */
  | { op: "copy-file"; file: string; to: string };

/** Reads a folder's files into memory (paths relative to it, `/`-separated). */
export function readWorkspace(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path).split(sep).join("/")] = readFileSync(path, "utf8");
    }
  };
  walk(dir);
  return files;
}

const LONG_WORD = "x".repeat(10_000);
const LONG_WORDS = Array.from({ length: 1_250 }, (_, i) => `word${i % 10}`).join(" "); // ~7.5k chars
const HUNDRED_LINES = Array.from({ length: 100 }, (_, i) => `line ${i + 1} of a long reason`).join(
  "\n",
);

function valueOf(value: Value): unknown {
  if ("json" in value) return value.json;
  switch (value.special) {
    case "nan":
      return Number.NaN;
    case "inf":
      return Number.POSITIVE_INFINITY;
    case "-inf":
      return Number.NEGATIVE_INFINITY;
    case "long-word":
      return LONG_WORD;
    case "long-words":
      return LONG_WORDS;
    case "hundred-lines":
      return HUNDRED_LINES;
  }
}

/** One line for a failure message: the mutation with long values abbreviated. */
export function describeMutation(m: Mutation): string {
  const where = (p: YamlPath) => (p.length ? p.join(".") : "(root)");
  switch (m.op) {
    case "delete":
      return `${m.file}: delete ${where(m.path)}`;
    case "set": {
      const shown = "json" in m.value ? JSON.stringify(m.value.json) : `<${m.value.special}>`;
      return `${m.file}: set ${where(m.path)} = ${shown}`;
    }
    case "alias":
      return `${m.file}: anchor ${where(m.from)}, alias it at ${where(m.to)}`;
    case "alias-bomb":
      return `${m.file}: append an alias bomb of ${m.depth} levels`;
    case "indent":
      return `${m.file}: indent line ${m.line + 1} by ${m.shift}`;
    case "tab":
      return `${m.file}: a tab in the indentation of line ${m.line + 1}`;
    case "truncate":
      return `${m.file}: truncate at ${Math.round(m.at * 1000) / 10}% of its bytes`;
    case "separator":
      return m.append
        ? `${m.file}: append "---" and the document of ${m.append}`
        : `${m.file}: a "---" line before line ${m.line + 1}`;
    case "bytes":
      return `${m.file}: insert bytes [${m.bytes.map((b) => `0x${b.toString(16)}`).join(", ")}] at ${Math.round(m.at * 1000) / 10}%`;
    case "repeat":
      return `${m.file}: repeat ${where(m.path)} ${m.times} more times${m.rename ? ", each with an id of its own" : ""}`;
    case "remove-file":
      return `remove ${m.file}`;
    case "copy-file":
      return `copy ${m.file} to ${m.to}`;
  }
}

const text = (content: string | Uint8Array) =>
  typeof content === "string" ? content : Buffer.from(content).toString("latin1");
const bytes = (content: string | Uint8Array) =>
  typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);

/** The document of a file, when it is text that parses without error (else null: no change). */
function documentOf(content: string | Uint8Array | undefined): Document | null {
  if (typeof content !== "string") return null;
  const doc = parseDocument(content, { uniqueKeys: false });
  return doc.errors.length ? null : doc;
}

function nodeAt(doc: Document, path: YamlPath): Node | null {
  const node: unknown = path.length ? doc.getIn(path, true) : doc.contents;
  return isScalar(node) || isCollection(node) || isAlias(node) ? node : null;
}

/** Applies one mutation; files it cannot apply to are returned unchanged. */
function applyMutation(files: Files, m: Mutation): Files {
  const content = files[m.file];
  if (content === undefined) return files;
  const put = (next: string | Uint8Array) => ({ ...files, [m.file]: next });
  switch (m.op) {
    case "remove-file": {
      const rest = { ...files };
      delete rest[m.file];
      return rest;
    }
    case "copy-file":
      return { ...files, [m.to]: content };
    case "delete": {
      const doc = documentOf(content);
      if (!doc || m.path.length === 0 || !nodeAt(doc, m.path)) return files;
      doc.deleteIn(m.path);
      return put(safeString(doc) ?? content);
    }
    case "set": {
      const doc = documentOf(content);
      if (!doc) return files;
      const parent = m.path.length > 1 ? doc.getIn(m.path.slice(0, -1), true) : doc.contents;
      if (!(isMap(parent) || (isSeq(parent) && typeof m.path.at(-1) === "number"))) return files;
      const node = doc.createNode(valueOf(m.value));
      // Strings that look like dates, numbers or durations stay plain, as a user writes them.
      if (isScalar(node) && typeof node.value === "string" && !node.value.includes("\n"))
        node.type = Scalar.PLAIN;
      doc.setIn(m.path, node);
      return put(safeString(doc) ?? content);
    }
    case "repeat": {
      const doc = documentOf(content);
      const index = m.path.at(-1);
      const parent = doc?.getIn(m.path.slice(0, -1), true);
      if (!doc || typeof index !== "number" || !isSeq(parent) || !parent.items[index]) return files;
      const item = parent.items[index] as Node;
      const copies = Array.from({ length: m.times }, (_, k) => {
        const copy = item.clone();
        const id = isMap(copy) ? copy.get("id", true) : undefined;
        if (m.rename && isScalar(id)) id.value = `${String(id.value)}-${k + 2}`;
        return copy;
      });
      parent.items.splice(index + 1, 0, ...copies);
      return put(safeString(doc) ?? content);
    }
    case "alias": {
      const doc = documentOf(content);
      if (!doc) return files;
      const source = nodeAt(doc, m.from);
      if (!source || isAlias(source) || !nodeAt(doc, m.to)) return files;
      source.anchor = "fuzz";
      doc.setIn(m.to, doc.createAlias(source as Scalar, "fuzz"));
      return put(safeString(doc) ?? content);
    }
    case "alias-bomb": {
      const lines = ["fuzz0: &fuzz0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
      for (let i = 1; i <= m.depth; i++) {
        const items = Array.from({ length: 9 }, () => `*fuzz${i - 1}`).join(", ");
        lines.push(`fuzz${i}: &fuzz${i} [${items}]`);
      }
      const base = text(content);
      return put(`${base}${base.endsWith("\n") ? "" : "\n"}${lines.join("\n")}\n`);
    }
    case "indent":
    case "tab":
    case "separator": {
      const lines = text(content).split("\n");
      const line = Math.min(m.line, Math.max(0, lines.length - 1));
      if (m.op === "indent") {
        const current = /^ */.exec(lines[line] ?? "")?.[0].length ?? 0;
        const shift = Math.max(-current, m.shift);
        lines[line] =
          shift >= 0 ? " ".repeat(shift) + lines[line] : (lines[line] ?? "").slice(-shift);
      } else if (m.op === "tab") {
        const current = lines[line] ?? "";
        lines[line] = current.startsWith(" ") ? `\t${current.slice(1)}` : `\t${current}`;
      } else if (m.append !== undefined) {
        const other = files[m.append];
        lines.push("---", ...(other === undefined ? "" : text(other)).split("\n"));
      } else {
        lines.splice(line, 0, "---");
      }
      const joined = lines.join("\n");
      return put(typeof content === "string" ? joined : Buffer.from(joined, "latin1"));
    }
    case "truncate": {
      const all = bytes(content);
      return put(new Uint8Array(all.subarray(0, Math.floor(all.length * m.at))));
    }
    case "bytes": {
      const all = bytes(content);
      const at = Math.floor(all.length * m.at);
      return put(
        new Uint8Array(
          Buffer.concat([all.subarray(0, at), Buffer.from(m.bytes), all.subarray(at)]),
        ),
      );
    }
  }
}

/** The document's text, or null when the yaml library refuses to write it (an alias before its anchor). */
function safeString(doc: Document): string | null {
  try {
    return doc.toString();
  } catch {
    return null;
  }
}

export const applyMutations = (files: Files, mutations: readonly Mutation[]): Files =>
  mutations.reduce(applyMutation, files);

// --- Generation ---------------------------------------------------------------------------

export type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => {
  if (items.length === 0) throw new Error("pick from nothing");
  return items[Math.floor(random() * items.length)] as T;
};

interface Place {
  path: YamlPath;
  node: Node;
  /** The key under which the node sits in its mapping, if any. */
  key?: string;
}

/** Every node of a document with its path, in document order. */
function places(doc: Document): Place[] {
  const out: Place[] = [];
  const walk = (node: unknown, path: YamlPath, key?: string) => {
    if (!(isScalar(node) || isCollection(node) || isAlias(node))) return;
    out.push({ path, node, ...(key === undefined ? {} : { key }) });
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof k === "string" || typeof k === "number")
          walk(pair.value, [...path, k], String(k));
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(doc.contents, []);
  return out;
}

const DATES = [
  "0000-01-01",
  "0001-01-01",
  "9999-12-31",
  "2026-13-01",
  "2026-02-30",
  "2024-02-29",
  "2026-1-1",
  "10000-01-01",
];
const DURATIONS = ["P0D", "P-1D", "P9999Y", "PT1H", "P1.5M", "30 days", "P", "P1Y2M3W4D"];
const NUMBERS: Value[] = [
  { json: 1e308 },
  { json: -1 },
  { json: 0 },
  { json: 1.5 },
  { json: 2 ** 53 + 1 },
  { json: -1e308 },
  { special: "nan" },
  { special: "inf" },
  { special: "-inf" },
];
const TEXTS: Value[] = [
  { json: "" },
  { json: " " },
  { special: "long-word" },
  { special: "long-words" },
  { special: "hundred-lines" },
  { json: "é\u0301 😀 \u202e right-to-left" },
];
const SHAPES: Value[] = [
  { json: null },
  { json: true },
  { json: 4 },
  { json: "text" },
  { json: [] },
  { json: ["a", 1] },
  { json: {} },
  { json: { id: "x", value: 1 } },
];
const RRULES = [
  "FREQ=SECONDLY",
  "FREQ=DAILY;COUNT=100000",
  "FREQ=YEARLY;BYYEARDAY=366",
  "FREQ=MONTHLY;BYMONTHDAY=31",
  "FREQ=WEEKLY;UNTIL=99991231",
  "FREQ=NOPE",
  "",
];
const RECURRENCES = [
  { once: "2026-05-01" },
  { every: "P1W", start: "2026-01-05" },
  { every: "P1D", start: "0001-01-01" },
  { every: "P1M", start: "2026-01-31", until: "2026-06-30" },
  { rrule: "FREQ=DAILY", start: "2026-01-01" },
  { rrule: "FREQ=WEEKLY;BYDAY=MO,WE,FR", start: "1900-01-01" },
  { trigger: "after-event" },
  { trigger: "after-event", delay: "P400D", cooldown: "P1D" },
  { trigger: "after-event", delay: "P0D", cooldown: "P100Y" },
];
/**
 * Values the schema accepts for these keys, so that mutated maps also reach the method's rules
 * (contact pressure with daily journeys, key moments, internal steps…), not only the schema.
 */
const VALID: Readonly<Record<string, readonly unknown[]>> = {
  satisfaction: [1, 2, 5],
  impact: [1, 5],
  frequency: ["P1D", "P1W", "P1Y", "P100Y"],
  delay: ["P0D", "P1D", "P400D"],
  cooldown: ["P0D", "P1D", "P10Y"],
  window: ["P1D", "P1Y", "P10Y"],
  maxSurveys: [1, 1000],
  minGap: ["P1D", "P1Y"],
  staleAfter: ["P1D", "P100Y"],
  horizon: ["P1D", "P100Y"],
  start: ["0001-01-01", "2026-12-31", "9999-01-01"],
  reviewed: ["0001-01-01", "2026-11-22", "9999-12-31"],
  recurrence: RECURRENCES,
  keyMoment: ["conversion", "decision", "dissatisfaction"],
  visibility: ["internal", "customer"],
  channel: ["web", "email", "sms", "store", "phone"],
  channels: [["web"], ["web", "email", "store", "sms"], []],
  indicator: ["nps", "csat", "ces"],
  indicators: [["nps"], ["csat", "ces"], ["nps", "nps"]],
  scale: [
    { min: 0, max: 10 },
    { min: 1, max: 5 },
    { min: 1, max: 7 },
  ],
  contactPolicy: [
    { maxSurveys: 1, window: "P1Y" },
    { maxSurveys: 1000, window: "P1D", minGap: "P1D" },
  ],
  noSurvey: ["Not asked", LONG_WORDS, HUNDRED_LINES],
  persona: ["julie", "marc"],
  event: ["checkout", "till", "parcel-delivered", "ask-staff"],
};

/** Keys to add to a mapping: unknown ones, and optional ones of the format (where they may not belong). */
const EXTRA_KEYS = [
  "satisfction",
  "x-note",
  "kind",
  "id",
  "Channel",
  "événement",
  "noSurvey",
  "keyMoment",
  "frequency",
  "visibility",
  "contactPolicy",
  "evidence",
  "painPoints",
  "surveys",
];
/** Keys whose values name something else in the workspace. */
const REFERENCES = new Set(["persona", "event", "channel", "indicator", "source", "channels"]);

/** A value to put in place of a node, chosen by what the node is. */
function replacement(random: Random, place: Place, ids: readonly string[]): Value {
  const node = place.node;
  const value = isScalar(node) ? node.value : undefined;
  const valid = place.key === undefined ? undefined : VALID[place.key];
  if (valid && random() < 0.5) return { json: pick(random, valid) };
  const roll = random();
  if (place.key !== undefined && REFERENCES.has(place.key) && roll < 0.5) {
    return pick(random, [{ json: "nobody" }, { json: `${String(value ?? "x")}x` }, { json: "" }]);
  }
  if (place.key === "id" && roll < 0.5 && ids.length) return { json: pick(random, ids) }; // duplicate id
  if (place.key === "rrule" && roll < 0.7) return { json: pick(random, RRULES) };
  if (roll < 0.3) return pick(random, SHAPES);
  if (typeof value === "number" || roll < 0.45) return pick(random, NUMBERS);
  if (typeof value === "string" && /^\d{4}-\d\d-\d\d$/.test(value))
    return { json: pick(random, DATES) };
  if (typeof value === "string" && /^P/.test(value)) return { json: pick(random, DURATIONS) };
  if (roll < 0.6) return { json: pick(random, [...DATES, ...DURATIONS]) };
  return pick(random, TEXTS);
}

const INVALID_BYTES = [
  [0x00],
  [0xff, 0xfe],
  [0xef, 0xbb, 0xbf],
  [0xc3],
  [0x80, 0x81],
  [0x1b, 0x5b],
];

/** Draws one mutation of `files` (its places are read from the current contents). */
function drawMutation(random: Random, files: Files, textual: boolean): Mutation {
  const names = Object.keys(files);
  const file = pick(random, names);
  const content = files[file] ?? "";
  const lineCount = text(content).split("\n").length;
  const line = Math.floor(random() * lineCount);
  if (textual) {
    const kind = pick(random, [
      "indent",
      "indent",
      "tab",
      "truncate",
      "truncate",
      "separator",
      "bytes",
      "remove-file",
      "copy-file",
    ]);
    switch (kind) {
      case "indent":
        return { op: "indent", file, line, shift: pick(random, [-2, -1, 1, 2, 3]) };
      case "tab":
        return { op: "tab", file, line };
      case "truncate":
        return { op: "truncate", file, at: random() };
      case "separator":
        return random() < 0.5
          ? { op: "separator", file, line }
          : { op: "separator", file, line, append: pick(random, names) };
      case "bytes":
        return { op: "bytes", file, at: random(), bytes: pick(random, INVALID_BYTES) };
      case "remove-file":
        return { op: "remove-file", file };
      default:
        return { op: "copy-file", file, to: file.replace(/\.yaml$/, "-copy.yaml") };
    }
  }
  const doc = documentOf(content);
  const all = doc ? places(doc) : [];
  if (!doc || all.length < 2) return { op: "truncate", file, at: random() };
  const ids = names.flatMap((name) => {
    const d = documentOf(files[name]);
    return d ? places(d).filter((p) => p.key === "id" && isScalar(p.node)) : [];
  });
  const idValues = ids.map((p) => String((p.node as Scalar).value));
  const place = pick(random, all.slice(1));
  const roll = random();
  if (roll < 0.22) return { op: "delete", file, path: place.path };
  if (roll < 0.3 && typeof place.path.at(-1) === "number")
    return {
      op: "repeat",
      file,
      path: place.path,
      times: pick(random, [1, 2, 60, 150]),
      rename: random() < 0.5,
    };
  if (roll < 0.75)
    return { op: "set", file, path: place.path, value: replacement(random, place, idValues) };
  if (roll < 0.85) {
    const maps = all.filter((p) => isMap(p.node));
    const map = maps.length ? pick(random, maps) : all[0]!;
    const key = pick(random, EXTRA_KEYS);
    return {
      op: "set",
      file,
      path: [...map.path, key],
      value:
        VALID[key] && random() < 0.5
          ? { json: pick(random, VALID[key] ?? []) }
          : pick(random, [...SHAPES, ...TEXTS]),
    };
  }
  if (roll < 0.95) {
    const i = all.indexOf(place);
    const later = all
      .slice(i + 1)
      .filter((p) => !p.path.join(".").startsWith(place.path.join(".")));
    if (later.length) return { op: "alias", file, from: place.path, to: pick(random, later).path };
  }
  return { op: "alias-bomb", file, depth: pick(random, [2, 3, 6, 9]) };
}

/**
 * A case: `count` mutations drawn one after the other (each sees the files the previous ones
 * made), the structural ones first, then at most one textual one (which may leave a file that no
 * longer parses, where later structural mutations could not apply).
 */
export function drawMutations(random: Random, files: Files, count: number): Mutation[] {
  const mutations: Mutation[] = [];
  let current = files;
  const textual = random() < 0.4;
  for (let i = 0; i < count; i++) {
    const m = drawMutation(random, current, textual && i === count - 1);
    mutations.push(m);
    current = applyMutation(current, m);
  }
  return mutations;
}
