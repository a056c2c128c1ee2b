// A worker thread of the read pool (src/io/pool.ts): reads, parses and schema-checks the files it
// is sent, and answers with plain data that crosses threads (structured clone). A file it cannot
// answer that way — read with `yaml` (its Document stays in the thread that made it), or not read
// at all (an error) — is answered `null`: the main thread reads it again, as it always would.
import { parentPort } from "node:worker_threads";
import { SpanTable } from "../model/fast.js";
import { checkDocument } from "../validate/document.js";
import { readSource } from "./files.js";
import { type ReadRequest, type ReadResponse, type WorkerRead } from "./pool.js";

/** One file, read as the main thread would read it; null when only the main thread can. */
function readOne(cwd: string, file: string): WorkerRead | null {
  let source;
  try {
    source = readSource(cwd, file);
  } catch {
    return null;
  }
  const documents: WorkerRead["documents"] = [];
  for (const doc of source.documents) {
    if (!(doc.doc instanceof SpanTable)) return null;
    documents.push({
      index: doc.index,
      spans: doc.doc.pack(),
      value: doc.value,
      usable: doc.usable,
      check: doc.usable ? checkDocument(doc.value) : null,
    });
  }
  return { path: source.path, text: source.text, issues: source.issues, documents };
}

const port = parentPort;
if (port === null) throw new Error("parse-worker.js runs as a worker thread only");
port.on("message", ({ id, cwd, files }: ReadRequest) => {
  // For the tests: a worker that dies, which the main thread must report, not wait for.
  if (process.env.JOURNEY_WORKER_CRASH === "1") throw new Error("JOURNEY_WORKER_CRASH is set");
  const response: ReadResponse = { id, reads: files.map((file) => readOne(cwd, file)) };
  // The span arrays are moved, not copied.
  const moved = response.reads.flatMap(
    (read) => read?.documents.map((d) => d.spans.data.buffer as ArrayBuffer) ?? [],
  );
  port.postMessage(response, moved);
});
