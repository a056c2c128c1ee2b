import type { ErrorObject } from "ajv";
import { childPointer, pointerToSegments } from "../model/pointer.js";
import type { Target } from "../model/position.js";
import { DATE_SHAPE, dateProblem, isZero, parseDuration } from "../survey/civil.js";
import { didYouMean } from "./suggest.js";

/** A schema problem at one place of a document, worded for people. */
export interface SchemaIssue {
  pointer: string;
  target: Target;
  message: string;
}

const ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
const RECURRENCE_FORMS = ["once", "every", "rrule", "trigger"];

/** Singular nouns for the items of each list key, to name an object by what it is. */
const ITEM_NOUNS: Record<string, string> = {
  stages: "stage",
  events: "event",
  surveys: "survey",
  questions: "question",
  traits: "trait",
  painPoints: "pain point",
  evidence: "evidence",
  channels: "channel",
  indicators: "indicator",
};

/**
 * Turns ajv's errors (allErrors, verbose) into one issue per place: the root cause, not the cascade.
 * `kind` names the document's root object.
 */
export function describeErrors(errors: readonly ErrorObject[], kind: string): SchemaIssue[] {
  // `if` errors only say "the then-branch failed": the branch's own errors say why.
  let list = errors.filter((e) => e.keyword !== "if");
  // An anyOf's branch errors are alternatives, not causes: keep the anyOf's own error only.
  for (const any of list.filter((e) => e.keyword === "anyOf")) {
    list = list.filter((e) => e === any || !e.schemaPath.startsWith(`${any.schemaPath}/`));
  }
  const issues = new Map<string, SchemaIssue>();
  const add = (issue: SchemaIssue) => {
    const key = `${issue.pointer}|${issue.target}`;
    if (!issues.has(key)) issues.set(key, issue);
  };
  const missing = new Map<string, string[]>();
  for (const error of list) {
    if (error.keyword === "required") {
      const names = missing.get(error.instancePath) ?? [];
      names.push(String(error.params.missingProperty));
      missing.set(error.instancePath, names);
      continue;
    }
    add(describe(error, kind));
  }
  for (const [pointer, names] of missing) {
    const keys = names.map((n) => `"${n}"`).join(", ");
    const plural = names.length > 1 ? "keys" : "key";
    add({
      pointer,
      target: "key",
      message: `${nameOf(pointer, kind)} is missing required ${plural} ${keys}`,
    });
  }
  return [...issues.values()];
}

function describe(error: ErrorObject, kind: string): SchemaIssue {
  const pointer = error.instancePath;
  const field = ruleFieldOf(pointer, kind) ?? fieldOf(pointer, kind);
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const params = error.params as Record<string, unknown>;
  const data = error.data;
  const rule = ruleSettingOf(pointer, kind);
  if (rule) {
    const issue = describeRuleSetting(error, rule, field, parent, params);
    if (issue) return issue;
  }
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const known = Object.keys((parent.properties ?? {}) as object);
      if (RECURRENCE_FORMS.includes(key) && known.some((k) => RECURRENCE_FORMS.includes(k))) {
        const form = known.find((k) => RECURRENCE_FORMS.includes(k));
        return {
          pointer: childPointer(pointer, key),
          target: "key",
          message: `recurrence has both "${form}" and "${key}": use exactly one of ${RECURRENCE_FORMS.join(", ")}`,
        };
      }
      const extensible = parent.patternProperties !== undefined;
      const allowed = [...known, ...(extensible ? ["or an x- extension key"] : [])];
      const hint = didYouMean(key, known) || ` (allowed: ${allowed.join(", ")})`;
      return {
        pointer: childPointer(pointer, key),
        target: "key",
        message: `unknown key "${key}" in ${nameOf(pointer, kind)}${hint}`,
      };
    }
    case "type": {
      const expected = String(params.type)
        .split(",")
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(" or ");
      if (data === null || data === undefined)
        return at(pointer, `${field} has no value; expected ${expected}`);
      return at(pointer, `${field} must be ${expected}, not ${describeValue(data)}`);
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return at(
        pointer,
        `${field} must be one of ${allowed.join(", ")}, not ${describeValue(data)}${didYouMean(String(data), allowed)}`,
      );
    }
    case "const":
      return at(
        pointer,
        `${field} must be "${String(params.allowedValue)}", not ${describeValue(data)}`,
      );
    case "pattern":
      if (parent.format === "date") return dateIssue(pointer, field, data);
      if (params.pattern === ID_PATTERN) {
        const slug = slugify(String(data));
        const example = slug && slug !== data ? `; e.g. "${slug}"` : "";
        return at(
          pointer,
          `${field} must be an id of lowercase letters, digits and single hyphens, not ${describeValue(data)}${example}`,
        );
      }
      if (typeof data === "string" && isZeroDuration(data))
        return at(pointer, `${field} must be longer than zero, not ${describeValue(data)}`);
      return at(
        pointer,
        `${field} must be an ISO 8601 duration such as P7D, P2W, P1M or P1Y, not ${describeValue(data)}`,
      );
    case "format":
      return dateIssue(pointer, field, data);
    case "minimum":
    case "maximum": {
      const range =
        typeof parent.minimum === "number" && typeof parent.maximum === "number"
          ? `between ${parent.minimum} and ${parent.maximum}`
          : error.keyword === "minimum"
            ? `at least ${params.limit}`
            : `at most ${params.limit}`;
      return at(pointer, `${field} must be ${range}, not ${describeValue(data)}`);
    }
    case "minItems": {
      const noun = ITEM_NOUNS[lastSegment(pointer)] ?? "item";
      return at(
        pointer,
        `${field} needs at least ${params.limit} ${noun}${Number(params.limit) > 1 ? "s" : ""}`,
      );
    }
    case "minLength":
      return at(pointer, `${field} must not be empty`);
    case "maxLength":
      return at(pointer, `${field} is longer than ${params.limit} characters`);
    case "uniqueItems": {
      const item = Array.isArray(data) ? data[Number(params.j)] : undefined;
      return at(pointer, `${field} lists ${describeValue(item)} twice`);
    }
    case "minProperties":
      return at(pointer, `${field} must not be empty`);
    case "dependencies":
      return {
        pointer: childPointer(pointer, String(params.property)),
        target: "key",
        message: `${field} has "${params.property}" without "${params.missingProperty}": give both`,
      };
    case "anyOf": {
      const branches = (parent.anyOf ?? []) as Record<string, unknown>[];
      const keys = branches.map((b) =>
        Array.isArray(b.required) && b.required.length === 1 ? String(b.required[0]) : null,
      );
      if (keys.every((k) => k !== null)) {
        return {
          pointer,
          target: "key",
          message: `${field} needs one of ${keys.map((k) => `"${k}"`).join(", ")}`,
        };
      }
      return at(
        pointer,
        `${fieldOf(pointer, kind)} is not valid: ${String(parent.description ?? "").replace(/\.$/, "")}`,
      );
    }
    default:
      return at(pointer, `${field} ${error.message ?? "is not valid"}`);
  }
}

/** A date that is not one: what is wrong with it ("month 13 does not exist"), else how to write one. */
function dateIssue(pointer: string, field: string, data: unknown): SchemaIssue {
  const problem = typeof data === "string" && DATE_SHAPE.test(data) ? dateProblem(data) : null;
  return problem === null
    ? at(pointer, `${field} must be a date written YYYY-MM-DD, not ${describeValue(data)}`)
    : at(pointer, `${field} must be a date, not ${describeValue(data)}: ${problem}`);
}

function isZeroDuration(text: string): boolean {
  const duration = parseDuration(text);
  return duration !== null && isZero(duration);
}

const at = (pointer: string, message: string): SchemaIssue => ({
  pointer,
  target: "value",
  message,
});

const TYPE_NAMES: Record<string, string> = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  integer: "a whole number",
  number: "a number",
  boolean: "true or false",
  null: "empty",
};

function lastSegment(pointer: string): string {
  return pointerToSegments(pointer).at(-1) ?? "";
}

/** `"satisfaction"`, or for a list item `stages[2]`. */
function fieldOf(pointer: string, kind: string): string {
  const segments = pointerToSegments(pointer);
  const last = segments.at(-1);
  if (last === undefined) return kind;
  if (/^\d+$/.test(last)) return `${segments.at(-2) ?? ""}[${last}]`;
  return `"${last}"`;
}

/** What an object is: `event`, `survey`, `recurrence`, or the document kind at the root. */
function nameOf(pointer: string, kind: string): string {
  const ruleField = ruleFieldOf(pointer, kind);
  if (ruleField) return ruleField;
  const segments = pointerToSegments(pointer);
  const last = segments.at(-1);
  if (last === undefined) return kind;
  if (/^\d+$/.test(last)) return ITEM_NOUNS[segments.at(-2) ?? ""] ?? "item";
  return last;
}

/** Where a pointer is in a rule's setting: `/rules/<id>`, its `/0`, its `/1` or `/1/<option>`. */
interface RuleSettingPlace {
  id: string;
  part: "setting" | "severity" | "options" | "option";
}

function ruleSettingOf(pointer: string, kind: string): RuleSettingPlace | null {
  if (kind !== "config") return null;
  const [top, id, item, option, ...rest] = pointerToSegments(pointer);
  if (top !== "rules" || id === undefined || rest.length > 0) return null;
  if (item === undefined) return { id, part: "setting" };
  if (item === "0" && option === undefined) return { id, part: "severity" };
  if (item === "1") return { id, part: option === undefined ? "options" : "option" };
  return null;
}

/** `the severity of rule "stale-map"`, `option "similarity" of rule "redundant-question"`… */
function ruleFieldOf(pointer: string, kind: string): string | null {
  const place = ruleSettingOf(pointer, kind);
  if (!place) return null;
  const rule = `rule "${place.id}"`;
  switch (place.part) {
    case "setting":
      return `the setting of ${rule}`;
    case "severity":
      return `the severity of ${rule}`;
    case "options":
      return `the options of ${rule}`;
    case "option":
      return `option "${lastSegment(pointer)}" of ${rule}`;
  }
}

/**
 * The problems proper to a rule's setting (`severity` or `[severity, options]`), in the words of
 * the setting; null for the others (an option's value), which the general wording covers.
 */
function describeRuleSetting(
  error: ErrorObject,
  rule: RuleSettingPlace,
  field: string,
  parent: Record<string, unknown>,
  params: Record<string, unknown>,
): SchemaIssue | null {
  const pointer = error.instancePath;
  const name = `rule "${rule.id}"`;
  const severityPart = rule.part === "setting" || rule.part === "severity";
  if (error.keyword === "enum" && severityPart) {
    const allowed = (params.allowedValues as unknown[]).map(String);
    const word = String(error.data);
    const hint = typeof error.data === "string" ? severityHint(word, allowed) : "";
    return at(
      pointer,
      `the severity of ${name} must be ${orList(allowed)}, not ${describeValue(error.data)}${hint}`,
    );
  }
  if (rule.part !== "setting") return null;
  if (error.keyword === "minItems")
    return at(pointer, `the severity of ${name} is missing: give ${orList(SEVERITIES)}`);
  // `[severity, options, more]` fails both maxItems and additionalItems: one message, at the extra item.
  if (error.keyword === "maxItems" || error.keyword === "additionalItems") {
    const limit = Number(params.limit);
    if (limit === 1) return at(childPointer(pointer, "1"), `${name} takes no options`);
    const options = ((parent.items ?? []) as Record<string, unknown>[])[1];
    const names = Object.keys((options?.properties ?? {}) as object);
    const form = names.length > 0 ? `[severity, { ${names.join(", ")} }]` : "[severity, options]";
    return at(
      childPointer(pointer, String(limit)),
      `${field} has too many items: give a severity, or ${form}`,
    );
  }
  return null;
}

const SEVERITIES = ["error", "warning", "off"] as const;

/** `; did you mean "warning"?` for a typo or a shortening ("warn", "err"). */
function severityHint(word: string, allowed: readonly string[]): string {
  const close = didYouMean(word, allowed);
  if (close || word.length < 3) return close;
  const lower = word.toLowerCase();
  const prefixed = allowed.filter((a) => a.startsWith(lower));
  return prefixed.length === 1 ? `; did you mean "${prefixed[0]}"?` : "";
}

/** `error, warning or off`. */
function orList(values: readonly string[]): string {
  return values.length > 1
    ? `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`
    : (values[0] ?? "");
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  // As YAML writes them: JSON has no infinity nor NaN (it would say null).
  if (typeof value === "number" && !Number.isFinite(value))
    return Number.isNaN(value) ? ".nan" : value > 0 ? ".inf" : "-.inf";
  const json = JSON.stringify(value);
  return json.length > 40 ? `${json.slice(0, 37)}…"` : json;
}

function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
