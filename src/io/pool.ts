import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { recordCheck } from "../lint/analyse.js";
import { type PackedSpans, SpanTable } from "../model/fast.js";
import { countLines, type SourceFile, type SyntaxIssue } from "../model/source.js";
import type { DocumentCheck } from "../validate/document.js";
import { readSource } from "./files.js";
import { type LoadedWorkspace, planWorkspaces } from "./workspaces.js";

/**
 * Reading on several threads: above a threshold, the files of the workspaces are read, parsed
 * and schema-checked by the main thread and a pool of worker threads (parse-worker.js), which
 * answer with plain data; the cross-file model and the rules run once, in the main thread. The
 * result is what loadWorkspaces returns, file for file, and what it throws, in the same order.
 */

/** Below both, one thread reads faster than starting workers (measured: see the README). */
const MIN_BYTES = 2_000_000;
const MIN_FILES = 200;
/** Files per message: few enough to share the work evenly, enough to keep messages few. */
const BATCH = 8;
/** Batches a worker is given ahead, so that it never waits for the main thread between two. */
const AHEAD = 2;
/** The default --threads: the cores there are, at most this many. */
const MAX_DEFAULT_THREADS = 4;

/** One document as a worker sends it: its values, schema check and packed span table. */
interface PackedDocument {
  index: number;
  value: unknown;
  usable: boolean;
  check: DocumentCheck | null;
  /** Its span table as SpanTable.pack gives it: one typed array, moved between threads. */
  spans: PackedSpans;
}

/** What a worker sends back for one file (see parse-worker.ts); null: read it in the main thread. */
export interface WorkerRead {
  path: string;
  text: string;
  issues: SyntaxIssue[];
  documents: PackedDocument[];
}

export interface ReadRequest {
  id: number;
  cwd: string;
  files: string[];
}

export interface ReadResponse {
  id: number;
  reads: (WorkerRead | null)[];
}

/**
 * --threads when not given: os.availableParallelism(), at most 4 — and 1 on two cores or fewer,
 * where a worker's start and its own warm-up (≈ 0.25 s, and ≈ 1 s of CPU at 1,000 journeys)
 * cost more than the second core gives back (measured: see the README).
 */
const defaultThreads = (): number => {
  const cores = availableParallelism();
  return cores <= 2 ? 1 : Math.min(MAX_DEFAULT_THREADS, cores);
};

/** The worker's module, beside this one (dist/io/ or dist/bundle/); null when running from src/. */
function workerFile(): URL | null {
  const url = new URL("./parse-worker.js", import.meta.url);
  return url.protocol === "file:" && existsSync(fileURLToPath(url)) ? url : null;
}

/**
 * loadWorkspaces, reading the files on `threads` threads (the main one among them) when there are
 * enough of them to pay for starting the others.
 */
export async function loadWorkspacesThreaded(
  cwd: string,
  paths: readonly string[],
  configFlag: string | undefined,
  threads: number = defaultThreads(),
): Promise<LoadedWorkspace[]> {
  const planned = planWorkspaces(cwd, paths, configFlag);
  const all = planned.flatMap((w) => w.files);
  const worker = threads > 1 ? workerFile() : null;
  const reads =
    worker !== null && worthThreads(all) ? await readOnThreads(worker, cwd, all, threads) : null;
  let at = 0;
  // What a thread could not read is read here, in order: the same file fails first.
  return planned.map((workspace) => ({
    ...workspace,
    files: workspace.files.map((file) => reads?.[at++] ?? readSource(cwd, file)),
  }));
}

/** Whether the files are many or large enough for more threads to pay. */
function worthThreads(files: readonly string[]): boolean {
  // For the tests: the pool whatever the size, so that small inputs go through it too.
  if (process.env.JOURNEY_THREADS_ALWAYS === "1") return true;
  if (files.length >= MIN_FILES) return true;
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += statSync(file).size;
    } catch {
      // read (and reported) later, by readSource
    }
    if (bytes >= MIN_BYTES) return true;
  }
  return false;
}

/** A worker's answer as the SourceFile the main thread would have read. */
function sourceOf(read: WorkerRead): SourceFile {
  const documents = read.documents.map(({ index, value, usable, check, spans }) => {
    const doc = { index, doc: SpanTable.unpack(spans), value, usable };
    if (check !== null) recordCheck(doc, check);
    return doc;
  });
  return {
    path: read.path,
    text: read.text,
    lines: countLines(read.text),
    documents,
    issues: read.issues,
  };
}

/** A file read in the main thread, or null if reading it throws (it is read again, in order). */
function readHere(cwd: string, file: string): SourceFile | null {
  try {
    return readSource(cwd, file);
  } catch {
    return null;
  }
}

/**
 * The files read by the main thread and `threads - 1` workers, in order (null: read it again in
 * order). A worker that fails (an uncaught error, an exit) fails the run with an internal error:
 * every worker is stopped, nothing waits for it.
 */
async function readOnThreads(
  url: URL,
  cwd: string,
  files: readonly string[],
  threads: number,
): Promise<(SourceFile | null)[]> {
  const results = new Array<SourceFile | null>(files.length).fill(null);
  const batches = Math.ceil(files.length / BATCH);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  let failure: Error | null = null;
  let wake: () => void = () => {};
  const fail = (error: Error) => {
    failure ??= error;
    wake();
  };
  const send = (worker: Worker) => {
    if (next >= batches) return;
    const id = next++;
    const request: ReadRequest = { id, cwd, files: files.slice(id * BATCH, (id + 1) * BATCH) };
    worker.postMessage(request);
  };
  try {
    for (let n = 1; n < threads; n++) {
      const worker = new Worker(url);
      workers.push(worker);
      worker.on("message", ({ id, reads }: ReadResponse) => {
        for (const [k, read] of reads.entries())
          results[id * BATCH + k] = read === null ? null : sourceOf(read);
        done++;
        send(worker);
        wake();
      });
      worker.on("error", (error) => fail(new Error(`a reading thread failed: ${error.message}`)));
      worker.on("exit", (code) => {
        if (done < batches)
          fail(new Error(`a reading thread stopped (exit code ${code}) before it was done`));
      });
      for (let k = 0; k < AHEAD; k++) send(worker);
    }
    // The main thread reads too, a batch at a time, letting the workers' answers in between.
    while (failure === null && done < batches) {
      if (next < batches) {
        const id = next++;
        for (let k = id * BATCH; k < Math.min(files.length, (id + 1) * BATCH); k++)
          results[k] = readHere(cwd, files[k] as string);
        done++;
        await new Promise<void>((resolve) => setImmediate(resolve));
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  if (failure !== null) throw failure;
  return results;
}
