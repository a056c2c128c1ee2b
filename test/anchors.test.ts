import { describe, expect, it } from "vitest";
import { lintSources, yaml } from "./helpers.js";

/** Finding.anchor as README's baseline section says it is written. */
describe("a finding's anchor: its pointer with each list item that has a text id named by it", () => {
  const findings = lintSources({
    "p.yaml": yaml`
      kind: persona
      id: p
      name: P
    `,
    "j.yaml": yaml`
      kind: journey
      id: j
      title: J
      persona: p
      reviewed: 2026-10-01
      stages:
        - id: a/b~c
          name: A
          events: [{ id: "[x] y", action: Do, channel: web }]
        - id: 12
          name: B
          events: [{ id: é ü, action: Do, channel: web, satisfaction: 2 }]
        - id: dup
          name: D
          events: [{ id: e, action: Do, channel: web }]
        - id: dup
          name: D
          events: [{ id: f, action: Do, channel: [web, smss] }]
    `,
  });
  const of = (file: string) =>
    findings.filter((f) => f.file === file).map((f) => [f.rule, f.pointer, f.anchor]);

  it("escapes ~ and / as a JSON Pointer does, keeps brackets, spaces and non-ASCII as written; a number is no id", () => {
    expect(of("j.yaml")).toEqual([
      ["stage-without-survey", "/stages/0", "/stages/[a~1b~0c]"],
      ["schema", "/stages/0/id", "/stages/[a~1b~0c]/id"],
      ["missing-satisfaction", "/stages/0/events/0", "/stages/[a~1b~0c]/events/[[x] y]"],
      ["schema", "/stages/0/events/0/id", "/stages/[a~1b~0c]/events/[[x] y]/id"],
      ["schema", "/stages/1/id", "/stages/1/id"],
      ["schema", "/stages/1/events/0/id", "/stages/1/events/[é ü]/id"],
      ["stage-without-survey", "/stages/2", "/stages/[dup]"],
      ["missing-satisfaction", "/stages/2/events/0", "/stages/[dup]/events/[e]"],
      ["stage-without-survey", "/stages/3", "/stages/[dup]"],
      ["duplicate-id", "/stages/3/id", "/stages/[dup]/id"],
      ["missing-satisfaction", "/stages/3/events/0", "/stages/[dup]/events/[f]"],
      ["schema", "/stages/3/events/0/channel", "/stages/[dup]/events/[f]/channel"],
    ]);
  });

  it("the root of a document: the empty anchor", () => {
    expect(of("p.yaml")).toEqual([["schema", "", ""]]);
  });
});
