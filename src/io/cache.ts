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
import { endianness } from "node:os";
import { join, resolve } from "node:path";
import type { Config } from "../lint/config.js";
import { decode } from "../model/decode.js";
import { LazySpanTable, type PackedSpans, SpanTable } from "../model/fast.js";
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
const FORMAT = 2;

/** Where the cache goes without --cache-location: as ESLint's, under node_modules/.cache. */
const DEFAULT_CACHE_LOCATION = join("node_modules", ".cache", "journey");

/**
 * A document as an entry keeps it: its value, and its span table as the fast path made it
 * (SpanTable.pack: one typed array, kept in base64, read back without a number being parsed).
 * `names`, the key of each node, only when a walk of the value does not give them in order (a
 * mapping with keys such as `"2"`, which JavaScript lists first).
 */
interface StoredDocument {
  value: unknown;
  spans: string;
  names?: (string | null)[];
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
      // The span tables are kept as the bytes of typed arrays: in this machine's byte order.
      settings = sha256(stableJson([FORMAT, this.version, config, this.flags, endianness()]));
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
    const { data, names } = doc.doc.pack();
    const spans = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("base64");
    const walked = namesOf(doc.value);
    const inOrder = walked.length === names.length && walked.every((n, i) => n === names[i]);
    rows.push(
      inOrder
        ? { value: doc.value, spans }
        : { value: doc.value, spans, names: names.map((n) => n ?? null) },
    );
  }
  return rows.length > 0 ? rows : null;
}

/** The key of every node of a value (none for the root and items), in the order of a walk. */
function namesOf(value: unknown): (string | undefined)[] {
  const names: (string | undefined)[] = [];
  const walk = (v: unknown, name: string | undefined) => {
    names.push(name);
    if (Array.isArray(v)) for (const item of v) walk(item, undefined);
    else if (v !== null && typeof v === "object")
      // Values made by JSON.parse: no inherited keys, and for…in lists the own ones in order.
      for (const key in v) walk((v as Record<string, unknown>)[key], key);
  };
  walk(value, undefined);
  return names;
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
    doc: new StoredSpanTable({ stored, length: decoded.text.length }),
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
class StoredSpanTable extends LazySpanTable<{ stored: StoredDocument; length: number }> {
  protected unpack({
    stored: { value, spans, names },
    length,
  }: {
    stored: StoredDocument;
    length: number;
  }): PackedSpans & { textLength: number } {
    const bytes = Buffer.from(spans, "base64");
    // Copied out to an aligned buffer of its own: base64 gives bytes at any offset.
    const data = new Int32Array(bytes.byteLength >> 2);
    new Uint8Array(data.buffer).set(bytes.subarray(0, data.byteLength));
    // Checked by LazySpanTable: a table that does not fit the file (hand-edited, another file's) is
    // one root node.
    return { data, names: names?.map((n) => n ?? undefined) ?? namesOf(value), textLength: length };
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
    const { spans, names } = d as { spans?: unknown; names?: unknown };
    return (
      typeof spans === "string" &&
      (names === undefined ||
        (Array.isArray(names) && names.every((n) => n === null || typeof n === "string")))
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
