/**
 * docs/format.md is the contract users write their YAML against: every ```yaml block of it is
 * checked here with the project's real pipeline (parse, schema, references).
 *
 * - A block of persona and journey documents is linted with the structural rules; the personas of
 *   the page's valid examples stand beside it, so a journey example may refer to persona `julie`.
 * - A block holding one `kind: config` document is loaded as `journey.config.yaml` would be (an
 *   invalid config is an invocation error, named `config` below), and its rule settings applied.
 * - An HTML comment just before a block (blank lines between are fine) marks it, with
 *   `;`-separated settings:
 *   - `<!-- invalid: schema -->`: the example must be refused, with findings of exactly the rules
 *     named (comma-separated: syntax, schema, duplicate-id, unknown-reference, or config);
 *   - `message: <text>`, last: one of those findings' messages contains the text;
 *   - `fragment: survey`: the block is a survey (or a list of surveys), checked as the journey-wide
 *     surveys of the page's first journey example (its stage surveys set aside);
 *   - `fragment: recurrence`: the block is a recurrence (or a list of them), each checked as the
 *     recurrence of the first survey of that journey example.
 *
 * Every unmarked block must pass without any finding; the page must have examples of each kind,
 * and name every key of the JSON schemas.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { UsageError } from "../src/errors.js";
import { loadConfig } from "../src/io/config.js";
import { activeRules } from "../src/lint/config.js";
import { BUILT_IN_CHANNELS, STANDARD_INDICATORS } from "../src/model/defaults.js";
import { isEmptyDocument, parseText } from "../src/model/source.js";
import { RULES } from "../src/rules/index.js";
import { lintSources, ROOT, STRUCTURAL } from "./helpers.js";

const PAGE = "docs/format.md";
const FINDINGS = [...STRUCTURAL.map((r) => r.id), "config"];
const FRAGMENTS = ["survey", "recurrence"] as const;
type Fragment = (typeof FRAGMENTS)[number];

interface Block {
  /** Line of the page where the YAML starts (the line after the opening fence). */
  line: number;
  yaml: string;
  /** The findings the example must be refused with; null for a valid example. */
  invalid: string[] | null;
  message: string | null;
  fragment: Fragment | null;
}

interface Found {
  rule: string;
  message: string;
  /** Line of the page, when the finding is in the block's own text. */
  line: number | null;
}

/** The yaml blocks of a Markdown page with their markers, and what is wrong with the page's markup. */
function readPage(page: string): { blocks: Block[]; problems: string[] } {
  const lines = page.split("\n");
  const blocks: Block[] = [];
  const problems: string[] = [];
  let pendingMarker: { line: number; text: string } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const comment = /^\s*<!--\s*(.*?)\s*-->\s*$/.exec(line);
    const fence = /^```(.*)$/.exec(line);
    if (comment && /^(invalid|fragment|message)\s*:/.test(comment[1] ?? "")) {
      pendingMarker = { line: i + 1, text: comment[1] ?? "" };
      continue;
    }
    if (!fence) {
      if (pendingMarker && !line.trim()) continue;
      if (pendingMarker)
        problems.push(`line ${pendingMarker.line}: a marker must be just before a yaml block`);
      pendingMarker = null;
      continue;
    }
    const info = (fence[1] ?? "").trim();
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? "")) end++;
    if (end === lines.length) problems.push(`line ${i + 1}: code block not closed`);
    const body = lines.slice(i + 1, end).join("\n") + "\n";
    const marker = pendingMarker;
    pendingMarker = null;
    i = end;
    if (!/^ya?ml\b/.test(info)) {
      if (marker) problems.push(`line ${marker.line}: a marker must be just before a yaml block`);
      continue;
    }
    if (info !== "yaml") {
      problems.push(`line ${i + 1}: write \`\`\`yaml, with a marker comment, not \`\`\`${info}`);
      continue;
    }
    const block: Block = { line: i + 2, yaml: body, invalid: null, message: null, fragment: null };
    // `message:` comes last and takes the rest of the comment (messages hold semicolons).
    const [settings = "", message] = (marker?.text ?? "").split(/(?:^|;)\s*message\s*:/);
    if (message !== undefined) block.message = message.trim();
    for (const part of settings.trim() ? settings.split(";") : []) {
      const setting = /^\s*([a-z]+)\s*:\s*(.*?)\s*$/.exec(part);
      const [key, value] = [setting?.[1], setting?.[2] ?? ""];
      if (key === "invalid") {
        block.invalid = value.split(",").map((r) => r.trim());
        for (const rule of block.invalid) {
          if (!FINDINGS.includes(rule))
            problems.push(`line ${marker?.line}: "${rule}" is not one of ${FINDINGS.join(", ")}`);
        }
      } else if (key === "fragment" && (FRAGMENTS as readonly string[]).includes(value)) {
        block.fragment = value as Fragment;
      } else {
        problems.push(`line ${marker?.line}: unknown marker setting "${part.trim()}"`);
      }
    }
    if (block.message && !block.invalid)
      problems.push(`line ${marker?.line}: "message" goes with "invalid"`);
    blocks.push(block);
  }
  if (pendingMarker)
    problems.push(`line ${pendingMarker.line}: a marker must be just before a yaml block`);
  return { blocks, problems };
}

/**
 * The body rows (cells trimmed) of the first table after the first line that is `start`, before
 * the next heading; `start` may be the table's own header row.
 */
function tableUnder(page: string, start: string): string[][] {
  const lines = page.split("\n");
  const at = lines.indexOf(start);
  if (at < 0) throw new Error(`${PAGE} has no line "${start}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start.startsWith("|") ? at : at + 1)) {
    if (line.startsWith("#")) break;
    if (!line.startsWith("|")) {
      if (rows.length > 0) break;
      continue;
    }
    rows.push(
      line
        .slice(1, -1)
        .split("|")
        .map((cell) => cell.trim()),
    );
  }
  // The header row and the separator row.
  return rows.slice(2);
}

const schemaOf = (kind: string): unknown =>
  JSON.parse(readFileSync(join(ROOT, "schemas", `${kind}.schema.json`), "utf8"));

/** The node at this path of keys in a JSON value, or undefined. */
const pick = (node: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((at, key) => (isMapping(at) ? at[key] : undefined), node);

type Data = Record<string, unknown>;
const isMapping = (value: unknown): value is Data =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The non-empty documents of a block, as data (null for one that cannot be read). */
function documentsOf(yaml: string): unknown[] {
  return parseText("example.yaml", yaml)
    .documents.filter((d) => !isEmptyDocument(d))
    .map((d) => (d.usable ? d.value : null));
}

const { blocks, problems } = readPage(readFileSync(join(ROOT, PAGE), "utf8"));
const plain = blocks.filter((b) => !b.invalid && !b.fragment);
const valid = (kind: string) =>
  plain
    .flatMap((b) => documentsOf(b.yaml))
    .filter((d): d is Data => isMapping(d) && d.kind === kind);

/** The personas of the page's valid examples, by id (the first of an id wins). */
const personas = new Map<string, string>();
for (const persona of valid("persona")) {
  if (typeof persona.id === "string" && !personas.has(persona.id))
    personas.set(persona.id, stringify(persona));
}

/** The page's first valid journey example: the host of survey and recurrence fragments. */
const host = valid("journey")[0];

const scratch = mkdtempSync(join(tmpdir(), "journey-format-doc-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Lints documents with the structural rules, beside the page's personas they do not declare. */
function lint(yaml: string, own: boolean): Found[] {
  const declared = new Set(
    documentsOf(yaml)
      .filter((d): d is Data => isMapping(d) && d.kind === "persona")
      .map((d) => d.id),
  );
  const files: Record<string, string> = { "example.yaml": yaml };
  for (const [id, text] of personas) if (!declared.has(id)) files[`persona-${id}.yaml`] = text;
  return lintSources(files, { rules: STRUCTURAL }).map((f) => ({
    rule: f.rule,
    message: f.message,
    line: own && f.file === "example.yaml" ? f.line : null,
  }));
}

/** Loads a config block as the workspace's journey.config.yaml, then applies its rule settings. */
function loadConfigBlock(block: Block): Found[] {
  const folder = join(scratch, `line-${block.line}`);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, "journey.config.yaml");
  writeFileSync(file, block.yaml);
  try {
    activeRules(RULES, loadConfig(folder, folder, file).config, []);
    return [];
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return [{ rule: "config", message: error.message, line: null }];
  }
}

/** The journey example with the given journey-wide surveys in place of all its surveys. */
function hostWith(surveys: unknown[]): string {
  if (!host) throw new Error(`${PAGE} has no valid journey example to hold a fragment`);
  const journey = structuredClone(host);
  const stages = Array.isArray(journey.stages) ? journey.stages : [];
  for (const stage of stages) if (isMapping(stage)) delete stage.surveys;
  journey.surveys = surveys;
  return stringify(journey);
}

function firstSurvey(): Data {
  const stages = (Array.isArray(host?.stages) ? host.stages : []) as Data[];
  const surveys = [...stages.flatMap((s) => s.surveys ?? []), ...((host?.surveys ?? []) as [])];
  const survey = surveys[0] as unknown;
  if (!isMapping(survey)) throw new Error(`the journey example of ${PAGE} has no survey`);
  return survey;
}

/** What the real pipeline says of a block. */
function check(block: Block): Found[] {
  const source = parseText("example.yaml", block.yaml);
  if (block.fragment) {
    if (source.issues.length > 0) return lint(block.yaml, true).filter((f) => f.rule === "syntax");
    if (source.documents.length !== 1)
      return [{ rule: "fragment", message: "a fragment is one YAML document", line: null }];
    const value = source.documents[0]?.value;
    const items = Array.isArray(value) ? value : [value];
    if (block.fragment === "survey") return lint(hostWith(items), false);
    return items.flatMap((recurrence) => lint(hostWith([{ ...firstSurvey(), recurrence }]), false));
  }
  const documents = documentsOf(block.yaml);
  if (documents.length === 1 && isMapping(documents[0]) && documents[0].kind === "config")
    return loadConfigBlock(block);
  return lint(block.yaml, true);
}

const say = (block: Block) => (f: Found) =>
  `${f.rule} ${f.line === null ? `(block at line ${block.line})` : `line ${block.line + f.line - 1}`}: ${f.message}`;

describe(`the examples of ${PAGE}`, () => {
  it("are well marked", () => {
    expect(problems).toEqual([]);
  });

  it("cover every kind of document, fragments and refused examples", () => {
    expect(valid("persona").length, "a valid persona example").toBeGreaterThan(0);
    expect(host, "a valid journey example").toBeDefined();
    expect(valid("config").length, "a valid config example").toBeGreaterThan(0);
    for (const fragment of FRAGMENTS)
      expect(blocks.filter((b) => b.fragment === fragment).length, fragment).toBeGreaterThan(0);
    expect(blocks.filter((b) => b.invalid).length, "a refused example").toBeGreaterThan(0);
  });

  it("names every key of the JSON schemas", () => {
    const page = readFileSync(join(ROOT, PAGE), "utf8");
    const keys = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      if (!isMapping(node)) return;
      for (const [key, value] of Object.entries(node)) {
        if (key !== "properties" || !isMapping(value)) {
          walk(value);
          continue;
        }
        for (const [name, child] of Object.entries(value)) {
          keys.add(name);
          // The config's `rules` are keyed by rule id: the rules have pages of their own.
          if (name !== "rules") walk(child);
        }
      }
    };
    for (const kind of ["persona", "journey", "config"]) {
      walk(JSON.parse(readFileSync(join(ROOT, "schemas", `${kind}.schema.json`), "utf8")));
    }
    expect(keys.size).toBeGreaterThan(40);
    expect([...keys].filter((key) => !page.includes(`\`${key}\``))).toEqual([]);
  });

  it("lists every allowed value of the JSON schemas' enums", () => {
    const page = readFileSync(join(ROOT, PAGE), "utf8");
    const values = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      if (!isMapping(node)) return;
      if (Array.isArray(node.enum)) for (const value of node.enum) values.add(String(value));
      Object.values(node).forEach(walk);
    };
    for (const kind of ["persona", "journey", "config"]) walk(schemaOf(kind));
    expect(values.size).toBeGreaterThan(15);
    expect([...values].filter((value) => !page.includes(`\`${value}\``))).toEqual([]);
  });

  it("lists the built-in channels, standard indicators and evidence sources of the code", () => {
    const page = readFileSync(join(ROOT, PAGE), "utf8");
    expect(tableUnder(page, "### Channels")).toEqual(
      BUILT_IN_CHANNELS.map((c) => [`\`${c.id}\``, c.label]),
    );
    expect(tableUnder(page, "### Indicators")).toEqual(
      STANDARD_INDICATORS.map((i) => [`\`${i.id}\``, i.label, `${i.scale?.min} – ${i.scale?.max}`]),
    );
    const evidence = pick(schemaOf("journey"), [
      ...["stages", "events", "evidence"].flatMap((key) => ["properties", key, "items"]),
      ...["properties", "source", "enum"],
    ]);
    expect(Array.isArray(evidence), "the schema's evidence sources").toBe(true);
    expect(tableUnder(page, "| source | for |").map(([source]) => source)).toEqual(
      (evidence as string[]).map((source) => `\`${source}\``),
    );
  });

  const label = (b: Block) => {
    const kinds = documentsOf(b.yaml).map((d) => (isMapping(d) ? String(d.kind) : "?"));
    const what = b.fragment ? `${b.fragment} fragment` : kinds.join(" + ") || "comment only";
    return b.invalid ? `${what}, refused (${b.invalid.join(", ")})` : what;
  };

  it.each(blocks.map((b) => [b.line, label(b), b] as const))("line %i: %s", (_line, _l, block) => {
    const found = check(block);
    if (!block.invalid) {
      expect(found.map(say(block)), "a valid example is accepted").toEqual([]);
      return;
    }
    expect(found.length, "an invalid example is refused").toBeGreaterThan(0);
    expect([...new Set(found.map((f) => f.rule))].sort(), found.map(say(block)).join("\n")).toEqual(
      [...block.invalid].sort(),
    );
    if (block.message) {
      const messages = found.filter((f) => block.invalid?.includes(f.rule)).map((f) => f.message);
      expect(messages.join("\n")).toContain(block.message);
    }
  });
});
