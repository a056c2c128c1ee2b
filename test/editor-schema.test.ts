/**
 * The modeline `journey init` writes really works in an editor: the real YAML language server (the
 * one VS Code's YAML extension and others run), started over stdio and spoken to in LSP, finds the
 * schema from each file's first line, offline, reports a misspelt key and nothing in the files as
 * written, and completes the rule ids of the config.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES } from "../src/rules/index.js";
import { run } from "./helpers.js";

// Resolved through require, so that knip sees the dev dependency used.
const require = createRequire(import.meta.url);
const SERVER = require.resolve("yaml-language-server/bin/yaml-language-server");
/**
 * The longest wait for one answer of the server, which is told apart from a slow test: the whole
 * file takes about 3 s (1 s of it the server's start), more on a loaded machine.
 */
const TIMEOUT_MS = 10_000;

/** The editor's settings: validation on, no schema store (no network), no schema but the modeline's. */
const SETTINGS = {
  yaml: { validate: true, completion: true, schemaStore: { enable: false }, schemas: {} },
};

interface Message {
  jsonrpc: "2.0";
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

interface Diagnostic {
  message: string;
  range: { start: { line: number; character: number } };
}

/**
 * A JSON-RPC client over the server's stdio, with LSP's framing: `Content-Length: n\r\n\r\n`, then
 * n bytes of UTF-8 JSON. Requests from the server (workspace/configuration…) are answered.
 */
class LanguageServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly replies = new Map<number, (message: Message) => void>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiting = new Map<string, (diagnostics: Diagnostic[]) => void>();
  private stderr = "";

  constructor() {
    this.child = spawn(process.execPath, [SERVER, "--stdio"], { stdio: "pipe" });
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end === -1) return;
      const header = this.buffer.subarray(0, end).toString("ascii");
      const length = Number(/^Content-Length: *(\d+)$/im.exec(header)?.[1]);
      if (!Number.isInteger(length))
        throw new Error(`no Content-Length in ${JSON.stringify(header)}`);
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.subarray(end + 4, end + 4 + length).toString("utf8");
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.handle(JSON.parse(body) as Message);
    }
  }

  private handle(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request of the server's: the settings it asks for, and null for anything else.
      const params = message.params as { items?: { section?: string }[] } | undefined;
      const result =
        message.method === "workspace/configuration"
          ? (params?.items ?? []).map((item) => (item.section === "yaml" ? SETTINGS.yaml : null))
          : null;
      this.send({ jsonrpc: "2.0", id: message.id, result });
    } else if (message.id !== undefined) {
      this.replies.get(message.id)?.(message);
      this.replies.delete(message.id);
    } else if (message.method === "textDocument/publishDiagnostics") {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: Diagnostic[] };
      this.diagnostics.set(uri, diagnostics);
      this.waiting.get(uri)?.(diagnostics);
      this.waiting.delete(uri);
    }
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private timeout<T>(what: string, promise: Promise<T>): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `the YAML language server gave no ${what} within ${TIMEOUT_MS} ms${this.stderr ? `; it printed: ${this.stderr}` : ""}`,
            ),
          ),
        TIMEOUT_MS,
      );
      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = ++this.nextId;
    const reply = new Promise<unknown>((resolve, reject) => {
      this.replies.set(id, (message) =>
        message.error ? reject(new Error(message.error.message)) : resolve(message.result),
      );
    });
    this.send({ jsonrpc: "2.0", id, method, params });
    return this.timeout(`reply to ${method}`, reply);
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  /** Opens a document (as an editor does, with its text) and waits for its diagnostics. */
  open(file: string, text: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    const published = new Promise<Diagnostic[]>((resolve) => this.waiting.set(uri, resolve));
    this.notify("textDocument/didOpen", {
      textDocument: { uri, languageId: "yaml", version: 1, text },
    });
    return this.timeout(`diagnostics for ${file}`, published);
  }

  async stop(): Promise<void> {
    try {
      await this.request("shutdown", null);
      this.notify("exit", null);
    } finally {
      this.child.kill();
    }
  }
}

let server: LanguageServer;
let workspace: string;

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), "journey-editor-"));
  expect((await run(["init"], workspace)).code).toBe(0);
  server = new LanguageServer();
  await server.request("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    capabilities: { workspace: { configuration: true } },
  });
  server.notify("initialized", {});
  server.notify("workspace/didChangeConfiguration", { settings: SETTINGS });
}, 3 * TIMEOUT_MS);

afterAll(async () => {
  await server?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(join(workspace, file), "utf8");

describe("the YAML language server, given the files journey init writes", () => {
  it.each([
    ["personas/alex.yaml", "summary:", "sumary:"],
    ["journeys/alex-online.yaml", "    noSurvey:", "    noSurvy:"],
    ["journey.config.yaml", "staleAfter:", "staleAftr:"],
  ])("%s: no diagnostic as written; a misspelt key is one", async (file, key, misspelt) => {
    const text = read(file);
    expect(await server.open(join(workspace, file), text)).toEqual([]);

    // The same file with the key misspelt, opened under another name in the same folder, so
    // that the modeline's relative path still leads to the schema.
    const broken = text.replace(key, misspelt);
    expect(broken).not.toBe(text);
    const copy = join(workspace, file.replace(/\.yaml$/, "-typo.yaml"));
    const diagnostics = await server.open(copy, broken);
    const line = broken.split("\n").findIndex((l) => l.startsWith(misspelt));
    const name = misspelt.trim().slice(0, -1);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        message: `Property ${name} is not allowed.`,
        range: expect.objectContaining({ start: { line, character: misspelt.indexOf(name) } }),
      }),
    );
  });

  it("completes the rule ids under rules: in the config", async () => {
    const text = read("journey.config.yaml").replace(/^rules:\n/m, "rules:\n  \n");
    const file = join(workspace, "config-completion/journey.config.yaml");
    const modeline = text.replace("$schema=.journey", "$schema=../.journey");
    await server.open(file, modeline);
    const line = modeline.split("\n").indexOf("rules:") + 1;
    const result = (await server.request("textDocument/completion", {
      textDocument: { uri: pathToFileURL(file).href },
      position: { line, character: 2 },
    })) as { items: { label: string }[] } | { label: string }[];
    const labels = (Array.isArray(result) ? result : result.items).map((item) => item.label);
    // Every rule that can be configured; stage-without-survey, already set, is not offered again.
    const configurable = RULES.filter((r) => !r.fixed && r.id !== "stage-without-survey");
    expect(labels).toEqual(expect.arrayContaining(configurable.map((r) => r.id)));
    expect(labels).not.toContain("schema");
  });
});
