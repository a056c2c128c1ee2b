// `npm run docs`: writes the parts of the documentation that the code already says, so that they
// cannot drift from it — the header of each rule page (docs/rules/<id>.md: description, severity,
// options), the rule and command tables of README.md, and the config schema's `rules`
// (scripts/schema-src.mjs).
// Each generated part sits between `<!-- generated: <name> … -->` and `<!-- end generated -->`;
// the text around it is written by hand. test/docs-drift.test.ts fails when a generated part
// differs from what this script would write.
//
// The functions exported here are pure (text in, text out), for that test; running the script
// builds the project, reads the rule registry from dist/, writes the files and builds again when
// the config schema changed (the validators are compiled from it).
import { execSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { writeSchemas } from "./write-schemas.mjs";

const WIDTH = 100;
const END = "<!-- end generated -->";
const start = (name) => `<!-- generated: ${name} (npm run docs; do not edit) -->`;
const startPattern = (name) => new RegExp(`^<!-- generated: ${name}\\b.*-->$`, "m");

/** A rule's page, relative to the repository. */
export const pagePath = (id) => `docs/rules/${id}.md`;

/**
 * Wraps a paragraph at WIDTH columns for a terminal as much as for Markdown: never inside a code
 * span, never starting a line with what Markdown would read as a list item or a heading.
 */
function wrap(text) {
  const lines = [];
  let line = "";
  for (const word of text.match(/(?:`[^`]*`|[^\s`])+/g) ?? []) {
    const startsBlock = /^([-+*>#]|\d+[.)])$/.test(word);
    if (line && line.length + 1 + word.length > WIDTH && !startsBlock) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

const cell = (text) => String(text).replaceAll("|", "\\|");
const code = (value) => `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;

/** The values an option accepts, in words, from its JSON schema. */
function allowed(schema) {
  if (Array.isArray(schema.enum)) return schema.enum.map(code).join(", ");
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  if (typeof minimum === "number" && typeof maximum === "number") return `${minimum} to ${maximum}`;
  const bounds = [
    typeof minimum === "number" && `at least ${minimum}`,
    typeof exclusiveMinimum === "number" && `more than ${exclusiveMinimum}`,
    typeof maximum === "number" && `at most ${maximum}`,
    typeof exclusiveMaximum === "number" && `less than ${exclusiveMaximum}`,
  ].filter(Boolean);
  if (schema.pattern) bounds.push(`matching ${code(schema.pattern)}`);
  return bounds.length > 0 ? bounds.join(", ") : "any";
}

/** The options table of a rule, or "None." */
function optionsSection(rule) {
  const properties = Object.entries(rule.optionsSchema?.properties ?? {});
  if (properties.length === 0) return "**Options:** none.";
  const defaults = Object.entries(rule.defaultOptions)
    .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
    .join(", ");
  const example = `${rule.id}: [${rule.defaultSeverity}, { ${defaults} }]`;
  const rows = properties.map(([name, schema]) => {
    const type = [schema.type ?? "any"].flat().join(" or ");
    const fallback = name in rule.defaultOptions ? code(rule.defaultOptions[name]) : "none";
    return `| ${code(name)} | ${type} | ${fallback} | ${cell(allowed(schema))} | ${cell(schema.description ?? "")} |`;
  });
  return [
    wrap(`**Options**, given after the severity in the config's \`rules\` (\`${example}\`):`),
    "",
    "| option | type | default | allowed | description |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/** The generated header of a rule's page, between its markers: what the code says of the rule. */
export function ruleHeader(rule) {
  const other = rule.defaultSeverity === "error" ? "warning" : "error";
  const severity = rule.fixed
    ? `**Severity:** ${rule.defaultSeverity}, fixed. A structural rule is always on at error: neither the config nor \`--rule\` can change it, and a suppression comment cannot silence it.`
    : `**Default severity:** ${rule.defaultSeverity}. Set it in \`journey.config.yaml\` (\`rules: { ${rule.id}: ${other} }\`, or \`off\`), or for one run with \`--rule ${rule.id}=${other}\`.`;
  return [wrap(rule.description), wrap(severity), optionsSection(rule)].join("\n\n");
}

/** The generated rule table of README.md: one row per rule of the registry, in its order. */
export function ruleTable(rules) {
  return [
    "| rule | default | checks |",
    "| --- | --- | --- |",
    ...rules.map(
      (r) =>
        `| [\`${r.id}\`](${pagePath(r.id)}) | ${r.defaultSeverity}${r.fixed ? " (fixed)" : ""} | ${cell(r.description)} |`,
    ),
  ].join("\n");
}

/**
 * Puts `body` between the markers of `name` in `text`. Without markers: `insertAfter`, the line
 * the generated part follows (it is inserted after it and a blank line), else an error.
 *
 * The markers are comment lines that `journey rules <id>` leaves out when it prints a page; so
 * that the text it prints keeps single blank lines, the body follows the opening marker directly
 * and a blank line comes before the closing one (which also ends a table for every Markdown
 * reader), and a page's next heading follows the closing marker directly.
 */
export function replaceGenerated(text, name, body, insertAfter) {
  const block = `${start(name)}\n${body}\n\n${END}`;
  const opening = startPattern(name).exec(text);
  if (opening) {
    const end = text.indexOf(END, opening.index);
    if (end < 0) throw new Error(`"${start(name)}" without "${END}"`);
    return text.slice(0, opening.index) + block + text.slice(end + END.length);
  }
  const line = insertAfter === undefined ? -1 : text.indexOf(`${insertAfter}\n`);
  if (line < 0) throw new Error(`no "${start(name)}" marker`);
  const at = line + insertAfter.length + 1;
  return `${text.slice(0, at)}\n${block}\n${text.slice(at).replace(/^\n+/, "")}`;
}

/** A rule's page with its header regenerated; a new page's skeleton when there is none yet. */
export function updatedPage(page, rule) {
  const title = `# ${rule.id}`;
  const text =
    page ?? `${title}\n\n## What it checks\n\n## Why\n\n## Failing example\n\n## Passing example\n`;
  return replaceGenerated(text, "rule header", ruleHeader(rule), title);
}

/** An option as the command table shows it: its flags, a choice's values in place of its value. */
function optionFlags(spec) {
  const flags = spec.choices
    ? spec.flags.replace(/<[^>]+>/, spec.choices.values.join("|"))
    : spec.flags;
  return code(flags);
}

/**
 * The generated command table of README.md: one row per command of the registry, in its order,
 * with its arguments, description and options (a choice's values, `--format`'s from its registry).
 */
export function commandTable(commands) {
  return [
    "| command | does | options |",
    "| --- | --- | --- |",
    ...commands.map((c) => {
      const usage = ["journey", c.name, ...c.arguments.map((a) => a.name)].join(" ");
      const options = Object.values(c.options).map(optionFlags).join(", ") || "none";
      return `| ${cell(code(usage))} | ${cell(c.description)} | ${cell(options)} |`;
    }),
  ].join("\n");
}

/** README.md with its rule table and its command table regenerated. */
export const updatedReadme = (readme, rules, commands) =>
  replaceGenerated(
    replaceGenerated(readme, "rule table", ruleTable(rules)),
    "command table",
    commandTable(commands),
  );

/** The commands of a command registry (src/commands/index.ts), loaded, in its order. */
export const loadCommands = async (registry) =>
  Promise.all(Object.values(registry).map(async (load) => (await load()).default));

function main() {
  const root = new URL("../", import.meta.url);
  const read = (file) => {
    try {
      return readFileSync(new URL(file, root), "utf8");
    } catch {
      return null;
    }
  };
  const written = [];
  const write = (file, before, after) => {
    if (before === after) return;
    writeFileSync(new URL(file, root), after);
    written.push(file);
  };
  execSync("npm run build", { stdio: "inherit" });
  const modules = Promise.all([
    import(new URL("dist/rules/index.js", root).href),
    import(new URL("dist/commands/index.js", root).href),
  ]);
  return modules.then(async ([{ RULES }, { COMMANDS }]) => {
    const commands = await loadCommands(COMMANDS);
    const schemas = writeSchemas(RULES);
    written.push(...schemas);
    for (const rule of RULES) {
      const page = read(pagePath(rule.id));
      write(pagePath(rule.id), page, updatedPage(page, rule));
    }
    const readme = read("README.md");
    write("README.md", readme, updatedReadme(readme, RULES, commands));
    // The validators are compiled from the schemas: build again so that they check the new rules.
    if (schemas.length > 0) execSync("npm run build", { stdio: "inherit" });
    console.log(written.length > 0 ? `wrote ${written.join(", ")}` : "docs are up to date");
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
