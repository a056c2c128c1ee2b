import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Ajv as AjvClass } from "ajv";
import type { FormatsPlugin } from "ajv-formats";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import * as source from "../scripts/schema-src.mjs";
import { resolveConfig } from "../src/lint/config.js";
import { BUILT_IN_CHANNELS, STANDARD_INDICATORS } from "../src/model/defaults.js";
import { RULES } from "../src/rules/index.js";
import { checkDocument } from "../src/validate/document.js";
import { ROOT } from "./helpers.js";

// ajv and ajv-formats are CommonJS: required, so their default exports need no interop guessing.
const require = createRequire(import.meta.url);
const Ajv = require("ajv").default as typeof AjvClass;
const addFormats = require("ajv-formats").default as FormatsPlugin;

const KINDS = ["persona", "journey", "config"] as const;
const shipped = (kind: string) =>
  JSON.parse(readFileSync(join(ROOT, "schemas", `${kind}.schema.json`), "utf8"));

/** Every subschema that declares properties, with its path, for the description check. */
function* propertyOwners(
  schema: unknown,
  path = "#",
): Generator<[string, Record<string, Record<string, unknown>>]> {
  if (typeof schema !== "object" || schema === null) return;
  const node = schema as Record<string, unknown>;
  if (node.properties) yield [path, node.properties as Record<string, Record<string, unknown>>];
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === "object" && value !== null) yield* propertyOwners(value, `${path}/${key}`);
  }
}

describe("the JSON schemas", () => {
  it.each(KINDS)(
    "%s.schema.json is what scripts/schema-src.mjs generates for the rule registry (run npm run docs)",
    (kind) => {
      const generated = kind === "config" ? source.configSchema(RULES) : source[kind];
      expect(shipped(kind)).toEqual(JSON.parse(JSON.stringify(generated)));
    },
  );

  it.each(KINDS)("%s: a stable $id, and a description on every property", (kind) => {
    const schema = shipped(kind);
    expect(schema.$id).toBe(`urn:journey:schema:v1:${kind}`);
    let count = 0;
    for (const [path, properties] of propertyOwners(schema)) {
      for (const [name, property] of Object.entries(properties)) {
        count++;
        expect(typeof property.description, `${path}/properties/${name}`).toBe("string");
      }
    }
    expect(count).toBeGreaterThan(kind === "journey" ? 50 : 8);
  });

  it.each(KINDS)("%s: compiles in a fresh ajv in strict mode", (kind) => {
    const ajv = new Ajv({
      strict: true,
      strictRequired: false,
      strictTuples: false,
      allowUnionTypes: true,
    });
    addFormats(ajv, ["date"]);
    expect(() => ajv.compile(shipped(kind))).not.toThrow();
  });
});

describe("the examples validate, checked by a freshly compiled ajv as well as by the shipped validators", () => {
  const ajv = new Ajv({
    allErrors: true,
    strictRequired: false,
    strictTuples: false,
    allowUnionTypes: true,
  });
  addFormats(ajv, ["date"]);
  const validators = Object.fromEntries(KINDS.map((k) => [k, ajv.compile(shipped(k))]));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith(".yaml")) files.push(join(dir, entry.name));
    }
  };
  walk(join(ROOT, "examples", "clean"));

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))("%s", (_name, file) => {
    for (const doc of parseAllDocuments(readFileSync(file, "utf8")) as unknown as {
      toJS(): Record<string, string>;
    }[]) {
      const value = doc.toJS();
      const validate = validators[value.kind as (typeof KINDS)[number]];
      expect(validate?.(value), JSON.stringify(validate?.errors)).toBe(true);
      expect(checkDocument(value).issues).toEqual([]);
    }
  });
});

describe("the config's channels and indicators", () => {
  const config = shipped("config");

  it("the schema's descriptions name the built-in channels and the standard indicators of the code", () => {
    const listed = /\(([^)]*)\)/.exec(config.properties.channels.description)?.[1];
    expect(listed).toBe(BUILT_IN_CHANNELS.map((c) => c.id).join(", "));
    const standard = STANDARD_INDICATORS.map((i) => i.id);
    expect(config.properties.indicators.description).toContain(
      `${standard.slice(0, -1).join(", ")} and ${standard.at(-1)}`,
    );
  });

  it.each([
    [
      "ids alone and mappings",
      { channels: ["branch", { id: "video-call", label: "Video call" }], indicators: ["loyalty"] },
      [],
    ],
    ["replaceChannels with channels", { replaceChannels: true, channels: ["web"] }, []],
    [
      "replaceChannels without channels",
      { replaceChannels: true },
      ['config has "replaceChannels" without "channels": give both'],
    ],
    [
      "replaceChannels not a boolean",
      { replaceChannels: "yes", channels: ["web"] },
      ['"replaceChannels" must be true or false, not "yes"'],
    ],
    [
      "a channel that is not an id",
      { channels: ["Branch"] },
      [
        'channels[0] must be an id of lowercase letters, digits and single hyphens, not "Branch"; e.g. "branch"',
      ],
    ],
    [
      "one channel, not in a list",
      { channels: "branch" },
      ['"channels" must be a list, not "branch"'],
    ],
    [
      "a misspelt key in a channel mapping",
      { channels: [{ id: "branch", lable: "Branch" }] },
      ['unknown key "lable" in channel; did you mean "label"?'],
    ],
  ])("%s", (_name, settings, messages) => {
    const { issues } = checkDocument({ kind: "config", ...settings });
    expect(issues.map((i) => i.message)).toEqual(messages);
  });

  it("resolve: the config's channels add to the built-in ones, in their place when they share an id", () => {
    const resolved = resolveConfig(
      { kind: "config", channels: ["branch", { id: "web", label: "Online banking" }] },
      null,
    );
    expect(resolved.channels).toEqual([
      { id: "web", label: "Online banking" },
      ...BUILT_IN_CHANNELS.slice(1),
      { id: "branch" },
    ]);
    expect(BUILT_IN_CHANNELS[0]?.id).toBe("web");
  });

  it("resolve: with replaceChannels, the config's channels alone", () => {
    const resolved = resolveConfig(
      { kind: "config", replaceChannels: true, channels: ["branch", { id: "web" }] },
      null,
    );
    expect(resolved.channels).toEqual([{ id: "branch" }, { id: "web" }]);
  });

  it("resolve: indicators add to the standard ones; one with a standard id keeps what it does not give", () => {
    const resolved = resolveConfig(
      { kind: "config", indicators: ["loyalty", { id: "nps", label: "Recommendation" }] },
      null,
    );
    expect(resolved.indicators).toEqual([
      { id: "nps", label: "Recommendation", scale: { min: 0, max: 10 } },
      ...STANDARD_INDICATORS.slice(1),
      { id: "loyalty" },
    ]);
  });
});
