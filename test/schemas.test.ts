import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Ajv as AjvClass } from "ajv";
import type { FormatsPlugin } from "ajv-formats";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import * as source from "../scripts/schema-src.mjs";
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
