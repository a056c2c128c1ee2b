import { createHash } from "node:crypto";
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import type { Config } from "../lint/config.js";
import { decode } from "../model/decode.js";
import { LazySpanTable, type SpanEntry, SpanTable } from "../model/fast.js";
import {
  countLines,
  type ReadWith,
  type SourceDocument,
  type SourceFile,
  type SyntaxIssue,
  parseSource,
} from "../model/source.js";
import { recordCheck } from "../lint/analyse.js";
import { checkDocument, type DocumentCheck } from "../validate/document.js";
import { VERSION } from "../version.js";
import { readSource, reason } from "./files.js";
import { type LoadedWorkspace, planWorkspaces } from "./workspaces.js";

/**
 * `lint --cache`: per file, what reading it and checking it against the schemas gave — its values,
 * its pointer → span tables, its syntax issues and its documents' schema checks — kept under a key
 * made of a hash of its bytes (never a modification time: a fresh clone hits the cache too), the
 * tool's version, the resolved config and the --rule flags. The rules always run, all of them, on
 * what the cache gives back: the findings are those of a run without it. Only files read by the
 * fast path are kept (a file `yaml` reads keeps a Document, which is not plain data). A cache that
 * cannot be read or written is ignored, with one note on stderr: the run goes on as without it.
 * One file per entry, written whole (a temporary file, renamed onto it).
 */

/** Bumped when what an entry holds changes shape: older entries are then never read. */
const FORMAT = 1;

/** Where the cache goes without --cache-location: as ESLint's, under node_modules/.cache. */
const DEFAULT_CACHE_LOCATION = join("node_modules", ".cache", "journey");

/**
 * A document as an entry keeps it: its value, and its span table as four numbers a node — its start
 * (after the previous node's start), its length, and its key's distance back from its start and
 * length (-1, -1 without a key). The nodes are in the order of a walk of the value (keys in their
 * order, items in theirs), which is the order the fast path records them in; `pointers` lists them
 * only when it is not.
 */
interface StoredDocument {
  value: unknown;
  spans: number[];
  pointers?: string[];
}

interface Entry {
  format: number;
  path: string;
  content: string;
  settings: string;
  documents: StoredDocument[];
  issues: SyntaxIssue[];
  checks: DocumentCheck[];
}

export class LintCache {
  /** The entries to write: the files read this run that were not cached. */
  private readonly pending: { target: string; entry: Entry }[] = [];
  private noted = false;
  private readonly settings = new WeakMap<Config, string>();
  /** What this run did: files served from the cache, entries written. */
  readonly stats = { hits: 0, written: 0 };
  private writable = true;

  private constructor(
    private readonly folder: string,
    private readonly shown: string,
    private readonly stderr: (text: string) => void,
    private readonly flags: unknown,
    private readonly version: string,
  ) {}

  /**
   * Opens the cache folder (made if missing). Never fails: a folder that cannot be made leaves a
   * cache that reads and writes nothing, after a note.
   */
  static open(
    cwd: string,
    location: string | undefined,
    flags: unknown,
    stderr: (text: string) => void,
    version = VERSION,
  ): LintCache {
    const shown = location ?? DEFAULT_CACHE_LOCATION;
    const cache = new LintCache(resolve(cwd, shown), shown, stderr, flags, version);
    try {
      mkdirSync(cache.folder, { recursive: true });
    } catch (error) {
      cache.note(`cannot make it: ${reason(error)}`);
      cache.writable = false;
    }
    return cache;
  }

  /** loadWorkspaces, each file read through the cache. */
  readWorkspaces(cwd: string, paths: readonly string[], configFlag?: string): LoadedWorkspace[] {
    return planWorkspaces(cwd, paths, configFlag).map((workspace) => ({
      ...workspace,
      files: workspace.files.map((file) =>
        readSource(cwd, file, (path, bytes, parser) =>
          this.read(file, path, bytes, workspace.config, parser),
        ),
      ),
    }));
  }

  /** Reads a file's bytes into a SourceFile: from its entry when the key matches, else parsed. */
  read(
    file: string,
    path: string,
    bytes: Uint8Array,
    config: Config,
    parser: ReadWith,
  ): SourceFile {
    if (parser !== "fast") return parseSource(path, bytes, parser);
    const content = sha256(bytes);
    const settings = this.settingsOf(config);
    const target = join(this.folder, `${sha256(file).slice(0, 40)}.json`);
    const cached = this.load(target, file, content, settings);
    const hit = cached === null ? null : fromEntry(path, bytes, cached);
    if (cached && hit) {
      hit.documents.forEach((doc, n) => recordCheck(doc, cached.checks[n] as DocumentCheck));
      this.stats.hits++;
      return hit;
    }
    const source = parseSource(path, bytes, parser);
    const documents = toRows(source.documents);
    if (documents) {
      // The schema checks analyse would make, made here to be kept (analyse uses them as its own).
      const checks = source.documents.map((doc) => {
        const check = checkDocument(doc.value);
        recordCheck(doc, check);
        return check;
      });
      this.pending.push({
        target,
        entry: {
          format: FORMAT,
          path: file,
          content,
          settings,
          documents,
          issues: source.issues,
          checks,
        },
      });
    }
    return source;
  }

  /** Writes the entries of the files read this run that were not cached. */
  save(): void {
    for (const { target, entry } of this.pending) if (this.writable) this.write(target, entry);
    this.pending.length = 0;
  }

  /** The key's part that is not the content: one per workspace config, made once. */
  private settingsOf(config: Config): string {
    let settings = this.settings.get(config);
    if (settings === undefined) {
      settings = sha256(stableJson([FORMAT, this.version, config, this.flags]));
      this.settings.set(config, settings);
    }
    return settings;
  }

  private load(target: string, file: string, content: string, settings: string): Entry | null {
    let text: string;
    try {
      text = readFileSync(target, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT")
        this.note(`cannot read an entry: ${reason(error)}`);
      return null;
    }
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch {
      this.note(`an entry is not JSON (${target})`);
      return null;
    }
    if (!isEntry(entry)) {
      this.note(`an entry is not one this version wrote (${target})`);
      return null;
    }
    if (entry.path !== file || entry.content !== content || entry.settings !== settings)
      return null;
    return entry;
  }

  private write(target: string, entry: Entry): void {
    const temporary = `${target}.${process.pid}.tmp`;
    let created = false;
    try {
      const fd = openSync(temporary, "w");
      created = true;
      try {
        writeFileSync(fd, JSON.stringify(entry));
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, target);
      created = false;
      this.stats.written++;
    } catch (error) {
      this.note(`cannot write to it: ${reason(error)}`);
      this.writable = false;
    } finally {
      if (created) {
        try {
          unlinkSync(temporary);
        } catch {
          // already gone: nothing to do
        }
      }
    }
  }

  /** One note per run: the cache is an optimisation, and its troubles are not the user's. */
  private note(why: string): void {
    if (this.noted) return;
    this.noted = true;
    this.stderr(`journey: the cache at ${this.shown} is ignored where it fails: ${why}\n`);
  }
}

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** JSON with every object's keys sorted: the same config gives the same text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}

/** The documents as an entry keeps them, or null when they cannot be kept as JSON exactly. */
function toRows(documents: readonly SourceDocument[]): StoredDocument[] | null {
  const rows: StoredDocument[] = [];
  for (const doc of documents) {
    if (!(doc.doc instanceof SpanTable) || !doc.usable || !isJsonExact(doc.value)) return null;
    const table = doc.doc.dump();
    const walked = pointersOf(doc.value).pointers;
    const spans: number[] = [];
    let previous = 0;
    for (const { value, key } of table.values()) {
      spans.push(value[0] - previous, value[1] - value[0]);
      spans.push(key ? value[0] - key[0] : -1, key ? key[1] - key[0] : -1);
      previous = value[0];
    }
    const pointers = [...table.keys()];
    const inOrder = walked.length === pointers.length && walked.every((p, n) => p === pointers[n]);
    rows.push(inOrder ? { value: doc.value, spans } : { value: doc.value, spans, pointers });
  }
  return rows.length > 0 ? rows : null;
}

/** The pointers of every node of a value, in the order of a walk (the node, then its children), and their kinds. */
function pointersOf(value: unknown): { pointers: string[]; kinds: Kind[] } {
  const pointers: string[] = [];
  const kinds: Kind[] = [];
  const walk = (v: unknown, pointer: string) => {
    pointers.push(pointer);
    kinds.push(kindOf(v));
    if (Array.isArray(v)) v.forEach((item, n) => walk(item, `${pointer}/${n}`));
    else if (v !== null && typeof v === "object")
      for (const [key, item] of Object.entries(v)) walk(item, `${pointer}/${escapeSegment(key)}`);
  };
  walk(value, "");
  return { pointers, kinds };
}

type Kind = "map" | "seq" | "scalar";

const escapeSegment = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/** The kind of node a value was read from. */
const kindOf = (value: unknown): Kind =>
  Array.isArray(value) ? "seq" : value !== null && typeof value === "object" ? "map" : "scalar";

/** The value at a pointer this module made (by pointersOf, or recorded as the fast path did). */
function valueAt(root: unknown, pointer: string): unknown {
  let at = root;
  if (pointer === "") return at;
  for (const segment of pointer.slice(1).split("/")) {
    const name = segment.replace(/~1/g, "/").replace(/~0/g, "~");
    if (at === null || typeof at !== "object" || !Object.hasOwn(at, name)) return undefined;
    at = (at as Record<string, unknown>)[name];
  }
  return at;
}

/** Whether JSON gives the value back as it is: no NaN, infinity or -0 (the fast path's only others). */
function isJsonExact(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "number") {
      if (!Number.isFinite(v) || Object.is(v, -0)) return false;
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v !== null && typeof v === "object") {
      for (const item of Object.values(v)) stack.push(item);
    } else if (v !== null && typeof v !== "string" && typeof v !== "boolean") {
      return false;
    }
  }
  return true;
}

/** The SourceFile an entry stands for, or null if its bytes do not decode (then it is parsed as ever). */
function fromEntry(path: string, bytes: Uint8Array, entry: Entry): SourceFile | null {
  const decoded = decode(bytes);
  if (!decoded.ok) return null;
  const documents = entry.documents.map((stored, index): SourceDocument => ({
    index,
    doc: new StoredSpanTable(stored),
    value: stored.value,
    usable: true,
  }));
  return {
    path,
    text: decoded.text,
    lines: countLines(decoded.text),
    documents,
    issues: entry.issues,
  };
}

/** A stored span table, unpacked the first time a position is asked of it (most never are). */
class StoredSpanTable extends LazySpanTable<StoredDocument> {
  protected fill(stored: StoredDocument, entries: Map<string, SpanEntry>): void {
    const { value, spans, pointers: listed } = stored;
    const walked = listed ? null : pointersOf(value);
    const pointers = listed ?? (walked as { pointers: string[] }).pointers;
    let start = 0;
    // A count that does not fit (a tampered entry) leaves the nodes past it without a place:
    // locate then answers with their nearest parent, never fails.
    const count = Math.min(pointers.length, Math.floor(spans.length / 4));
    for (let n = 0; n < count; n++) {
      const pointer = pointers[n] as string;
      const at = n * 4;
      start += spans[at] as number;
      const span: [number, number] = [start, start + (spans[at + 1] as number)];
      const back = spans[at + 2] as number;
      const kind = walked ? (walked.kinds[n] as Kind) : kindOf(valueAt(value, pointer));
      entries.set(
        pointer,
        back === -1
          ? { kind, value: span }
          : { kind, value: span, key: [start - back, start - back + (spans[at + 3] as number)] },
      );
    }
    if (!entries.has("")) entries.set("", { kind: kindOf(value), value: [0, 0] });
  }
}

/** The shape an entry must have to be used; anything else is a corrupt entry, ignored. */
function isEntry(value: unknown): value is Entry {
  if (value === null || typeof value !== "object") return false;
  const e = value as Record<string, unknown>;
  if (e.format !== FORMAT) return false;
  if (typeof e.path !== "string" || typeof e.content !== "string" || typeof e.settings !== "string")
    return false;
  if (!Array.isArray(e.documents) || !Array.isArray(e.issues) || !Array.isArray(e.checks))
    return false;
  if (e.checks.length !== e.documents.length) return false;
  const isDocument = (d: unknown) => {
    if (d === null || typeof d !== "object" || !("value" in d)) return false;
    const { spans, pointers } = d as { spans?: unknown; pointers?: unknown };
    return (
      Array.isArray(spans) &&
      spans.every((n) => Number.isInteger(n)) &&
      (pointers === undefined ||
        (Array.isArray(pointers) && pointers.every((p) => typeof p === "string")))
    );
  };
  const isIssue = (i: unknown) =>
    i !== null &&
    typeof i === "object" &&
    typeof (i as SyntaxIssue).message === "string" &&
    Number.isInteger((i as SyntaxIssue).offset) &&
    Number.isInteger((i as SyntaxIssue).endOffset);
  const isCheck = (c: unknown) =>
    c !== null &&
    typeof c === "object" &&
    ((c as DocumentCheck).kind === null || typeof (c as DocumentCheck).kind === "string") &&
    Array.isArray((c as DocumentCheck).issues) &&
    (c as DocumentCheck).issues.every(
      (i) =>
        i !== null &&
        typeof i === "object" &&
        typeof i.pointer === "string" &&
        typeof i.message === "string" &&
        (i.target === "value" || i.target === "key"),
    );
  return e.documents.every(isDocument) && e.issues.every(isIssue) && e.checks.every(isCheck);
}
