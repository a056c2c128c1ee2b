import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

/** Lints a folder whose config sets these `rules` (its line 3 on); returns what journey printed. */
async function lintWithRules(rules: string) {
  const dir = mkdtempSync(join(tmpdir(), "journey-"));
  writeFileSync(join(dir, "journey.config.yaml"), `kind: config\nrules:\n  ${rules}\n`);
  writeFileSync(join(dir, "p.yaml"), "kind: persona\nid: p\nname: P\nsummary: S\n");
  return run(["lint"], dir);
}

describe("config errors about a rule's setting: worded for the setting, at file:line:column", () => {
  it.each([
    [
      "redundant-question: [warning, { simlarity: 0.9 }]",
      '3:35: unknown key "simlarity" in the options of rule "redundant-question"; did you mean "similarity"?',
    ],
    [
      "redundant-question: [warning, { near: 0.9 }]",
      '3:35: unknown key "near" in the options of rule "redundant-question" (allowed: similarity)',
    ],
    [
      "redundant-question: [warning, { similarity: 2 }]",
      '3:47: option "similarity" of rule "redundant-question" must be at most 1, not 2',
    ],
    [
      "redundant-question: [warning, 0.9]",
      '3:33: the options of rule "redundant-question" must be a mapping, not 0.9',
    ],
    [
      "redundant-question: [warning, {}, 0.9]",
      '3:37: the setting of rule "redundant-question" has too many items: give a severity, or [severity, { similarity }]',
    ],
    [
      "stale-map: warnin",
      '3:14: the severity of rule "stale-map" must be error, warning or off, not "warnin"; did you mean "warning"?',
    ],
    [
      "stale-map: [warnin]",
      '3:15: the severity of rule "stale-map" must be error, warning or off, not "warnin"; did you mean "warning"?',
    ],
    [
      "stale-map: warn",
      '3:14: the severity of rule "stale-map" must be error, warning or off, not "warn"; did you mean "warning"?',
    ],
    [
      "key-moment-without-survey: [err, { threshold: 1 }]",
      '3:31: the severity of rule "key-moment-without-survey" must be error, warning or off, not "err"; did you mean "error"?',
    ],
    [
      "stale-map: loud",
      '3:14: the severity of rule "stale-map" must be error, warning or off, not "loud"',
    ],
    [
      "stale-map: []",
      '3:14: the severity of rule "stale-map" is missing: give error, warning or off',
    ],
    ["stale-map: [warning, { x: 1 }]", '3:24: rule "stale-map" takes no options'],
    ["stale-map: [warning, {}]", '3:24: rule "stale-map" takes no options'],
  ])("%s", async (rules, message) => {
    expect(await lintWithRules(rules)).toEqual({
      code: 2,
      stdout: "",
      stderr: `journey: invalid config journey.config.yaml:${message}\n`,
    });
  });

  it.each([
    [
      "schema: [off, { x: 1 }]",
      'journey: journey.config.yaml: rule "schema" is always on at error and cannot be configured\n',
    ],
    [
      "stale-maps: [warning, { x: 1 }]",
      'journey: journey.config.yaml: unknown rule "stale-maps"; did you mean "stale-map"?\n',
    ],
  ])("%s: the engine's own message", async (rules, stderr) => {
    expect(await lintWithRules(rules)).toEqual({ code: 2, stdout: "", stderr });
  });
});
