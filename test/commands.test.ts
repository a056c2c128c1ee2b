import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { AnyCommand, AnyOptionSpec, OptionsOf, Placed } from "../src/commands/command.js";
import { COMMANDS } from "../src/commands/index.js";
import lint, { lintReport } from "../src/commands/lint.js";
import type calendar from "../src/commands/calendar.js";
import type coverage from "../src/commands/coverage.js";
import type rules from "../src/commands/rules.js";
import type schema from "../src/commands/schema.js";
import type surveys from "../src/commands/surveys.js";
import type touchpoints from "../src/commands/touchpoints.js";
import type validate from "../src/commands/validate.js";
import type { Rule } from "../src/lint/rule.js";
import type { FINDINGS_FORMATS } from "../src/report/findings/index.js";
import { RULES } from "../src/rules/index.js";
import { ROOT, run } from "./helpers.js";

const commands: [string, AnyCommand][] = await Promise.all(
  Object.entries(COMMANDS).map(async ([name, load]) => [name, (await load()).default] as const),
);

describe("every command is one module", () => {
  it("registered under its own name", () => {
    for (const [name, command] of commands) expect(command.name).toBe(name);
  });

  it.each(commands)(
    "%s --help shows its description, every option and its examples",
    async (name, command) => {
      const r = await run([name, "--help"]);
      expect(r.code).toBe(0);
      const help = r.stdout.replace(/\s+/g, " ");
      expect(help).toContain(command.description.replace(/\s+/g, " "));
      for (const spec of Object.values(command.options as Record<string, AnyOptionSpec>))
        expect(help).toContain(spec.flags);
      expect(r.stdout).toContain("Examples:");
      for (const [line] of command.examples) expect(r.stdout).toContain(`$ ${line}`);
    },
  );

  it.each([[["--help"]], [["--help", "lint"]], [["-h", "rules", "x"]]])(
    "journey %j lists every command with its first example",
    async (args) => {
      const r = await run(args);
      expect(r.code).toBe(0);
      for (const [name, command] of commands) {
        expect(r.stdout).toContain(`  ${name} `);
        expect(r.stdout).toContain(`$ ${command.examples[0]?.[0]}`);
      }
    },
  );

  it.each(commands)(
    "%s: run receives every declared option, with its value type",
    async (name, command) => {
      let received: Record<string, unknown> | undefined;
      const spy: AnyCommand = {
        ...command,
        run: async (_args, options) => {
          received = options;
          return 0;
        },
      };
      const args = command.arguments.filter((a) => a.name.startsWith("<")).map(() => "journey");
      const registry = { ...COMMANDS, [name]: async () => ({ default: spy }) };
      expect((await run([name, ...args], ROOT, RULES, {}, registry)).code).toBe(0);
      expect(Object.keys(received ?? {}).sort()).toEqual(Object.keys(command.options).sort());
      for (const [key, spec] of Object.entries(command.options as Record<string, AnyOptionSpec>)) {
        expect(received?.[key], `${name} --${key}`).toEqual(spec.fallback);
      }
    },
  );

  it("options reach run typed, not as any", () => {
    type Lint = OptionsOf<typeof lint.options>;
    expectTypeOf<Lint>().toEqualTypeOf<{
      format: Placed<keyof typeof FINDINGS_FORMATS>[];
      config: string | undefined;
      rule: string[];
      maxWarnings: number | undefined;
      quiet: boolean;
      output: Placed<string>[];
      sarifCategory: string | undefined;
      threads: number | undefined;
      changedSince: string | undefined;
      cache: boolean;
      cacheLocation: string | undefined;
      baseline: string | undefined;
      baselineWrite: boolean;
      baselinePrune: boolean;
    }>();
    expectTypeOf(lint.run).parameter(1).toEqualTypeOf<Lint>();
    type Flat<T> = { [K in keyof T]: T[K] };
    type View = {
      format: "table" | "json" | "csv";
      config: string | undefined;
      persona: string[];
      journey: string[];
      output: string | undefined;
    };
    expectTypeOf<OptionsOf<typeof validate.options>>().toEqualTypeOf<Lint>();
    expectTypeOf<OptionsOf<typeof touchpoints.options>>().toEqualTypeOf<
      Flat<View & { stage: string[]; channel: string[]; unsurveyed: boolean }>
    >();
    expectTypeOf<OptionsOf<typeof surveys.options>>().toEqualTypeOf<
      Flat<View & { stage: string[]; channel: string[] }>
    >();
    expectTypeOf<OptionsOf<typeof coverage.options>>().toEqualTypeOf<
      Flat<View & { stage: string[]; open: boolean }>
    >();
    expectTypeOf<OptionsOf<typeof calendar.options>>().toEqualTypeOf<
      Flat<
        Omit<View, "format"> & {
          format: "table" | "json" | "csv" | "ics";
          from: string | undefined;
          to: string | undefined;
          by: "week" | "month";
        }
      >
    >();
    expectTypeOf<OptionsOf<typeof rules.options>>().toEqualTypeOf<{
      format: "table" | "json";
      config: string | undefined;
      rule: string[];
    }>();
    expectTypeOf<OptionsOf<typeof schema.options>>().toEqualTypeOf<Record<never, never>>();
  });

  it("options are parsed: a count, a repeatable list, a flag", async () => {
    let received: Record<string, unknown> | undefined;
    const spy: AnyCommand = {
      ...lint,
      run: async (_args, options) => {
        received = options;
        return 0;
      },
    };
    const registry = { ...COMMANDS, lint: async () => ({ default: spy }) };
    const args = ["lint", "--max-warnings", "3", "--rule", "a=off", "--rule", "b=error", "-q"];
    expect((await run(args, ROOT, RULES, {}, registry)).code).toBe(0);
    expect(received).toMatchObject({ maxWarnings: 3, rule: ["a=off", "b=error"], quiet: true });
  });
});

describe("internal errors: a bug is not a finding", () => {
  const throwing: Rule = {
    id: "throwing-rule",
    description: "Test rule that fails.",
    defaultSeverity: "warning",
    messages: {},
    defaultOptions: {},
    check() {
      throw new TypeError("cannot read properties of undefined (reading 'x')");
    },
  };

  it("one line, exit 2 (not 1), the stack only under JOURNEY_DEBUG=1", async () => {
    const r = await run(["lint", "examples/clean"], ROOT, [...RULES, throwing]);
    // The stack shown under JOURNEY_DEBUG is the rule's own (the cause), not the engine's wrapper.
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journey: internal error: rule throwing-rule failed: cannot read properties of undefined (reading 'x')\n" +
        "journey: run again with JOURNEY_DEBUG=1 to see where it happened\n",
    });
    const debug = await run(["lint", "examples/clean"], ROOT, [...RULES, throwing], {
      env: { JOURNEY_TODAY: "2026-11-22", JOURNEY_DEBUG: "1" },
    });
    expect(debug.code).toBe(2);
    const [first, second] = debug.stderr.split("\n");
    expect(first).toBe(
      "journey: internal error: rule throwing-rule failed: cannot read properties of undefined (reading 'x')",
    );
    expect(second).toBe("TypeError: cannot read properties of undefined (reading 'x')");
    expect(debug.stderr).toMatch(/\n {4}at (Object\.)?check \(.*commands\.test\.ts:\d+:\d+\)/);
  });
});

describe("journey rules <id>: the rule's page in the terminal", () => {
  it("prints the page shipped in docs/rules, without the generated-part markers", async () => {
    const r = await run(["rules", "stale-map"]);
    expect(r.code).toBe(0);
    const page = readFileSync(join(ROOT, "docs", "rules", "stale-map.md"), "utf8");
    expect(r.stdout).toBe(page.replace(/^<!--.*-->\n/gm, ""));
    expect(r.stdout.startsWith("# stale-map\n")).toBe(true);
  });

  it("an unknown id: exit 2 with a suggestion, or where to find the ids", async () => {
    expect(await run(["rules", "stale-maps"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'journey: unknown rule "stale-maps"; did you mean "stale-map"?\n',
    });
    expect(await run(["rules", "nope"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'journey: unknown rule "nope"; journey rules lists them\n',
    });
  });
});

describe("commands load lazily", () => {
  /** The modules the real binary loads for these arguments (paths below the repository). */
  function loaded(args: string[]): string[] {
    const dir = mkdtempSync(join(tmpdir(), "journey-imports-"));
    const record = join(dir, "imports.txt");
    spawnSync(
      process.execPath,
      [
        "--import",
        join(ROOT, "test", "fixtures", "record-imports.mjs"),
        join(ROOT, "bin", "journey.js"),
        ...args,
      ],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? "", RECORD_IMPORTS: record, JOURNEY_TODAY: "2026-11-22" },
        timeout: 25_000,
      },
    );
    return readFileSync(record, "utf8")
      .split("\n")
      .filter((url) => url.startsWith("file:"))
      .map((url) => relative(ROOT, fileURLToPath(url)).split(sep).join("/"))
      .filter((path, i, all) => all.indexOf(path) === i);
  }

  // bin/journey.js runs the bundle (scripts/bundle.mjs): the CLI, one module per command, the
  // chunks they share, and the validators beside them, one per kind.
  const COMMAND_MODULES = Object.keys(COMMANDS).map((name) => `dist/bundle/${name}.js`);
  const commandsIn = (modules: string[]) => modules.filter((m) => COMMAND_MODULES.includes(m));
  const validatorsIn = (modules: string[]) =>
    modules.filter((m) => m.startsWith("dist/bundle/generated/")).sort();

  it("journey --version loads neither the YAML library nor any command nor a validator", () => {
    const modules = loaded(["--version"]);
    expect(modules).toContain("dist/bundle/cli.js");
    expect(modules.filter((m) => m.includes("node_modules/"))).toEqual([]);
    expect(commandsIn(modules)).toEqual([]);
    expect(validatorsIn(modules)).toEqual([]);
  });

  it("journey lint loads the lint command and not the others, and no CommonJS but the validators", () => {
    const modules = loaded(["lint", "examples/clean"]);
    expect(commandsIn(modules)).toEqual(["dist/bundle/lint.js"]);
    expect(validatorsIn(modules)).toEqual([
      "dist/bundle/generated/config.cjs",
      "dist/bundle/generated/journey.cjs",
      "dist/bundle/generated/persona.cjs",
    ]);
    // Everything else is in the bundle, the YAML library too (as its ES build); but for what is
    // required at run time: ajv's runtime (by the validators), rrule (on first use, the maps have
    // rules) and picomatch (fdir, in tinyglobby, requires it if it can).
    const required = ["ajv", "ajv-formats", "rrule", "picomatch"];
    expect(
      modules.filter(
        (m) => m.includes("node_modules/") && !required.includes(m.split("/")[1] ?? ""),
      ),
    ).toEqual([]);
  });

  it("journey lint of personas only does not load the journey validator", () => {
    const dir = mkdtempSync(join(tmpdir(), "journey-personas-"));
    copyFileSync(
      join(ROOT, "examples", "clean", "personas", "julie.yaml"),
      join(dir, "julie.yaml"),
    );
    const modules = loaded(["lint", dir]);
    expect(validatorsIn(modules)).toEqual(["dist/bundle/generated/persona.cjs"]);
  });
});

describe("what a findings formatter receives", () => {
  it("the findings with their related places, and every rule's metadata with its page", () => {
    const io = {
      cwd: ROOT,
      env: { JOURNEY_TODAY: "2026-11-22" },
      now: new Date(),
      colorLevel: 0 as const,
      stdout: () => {},
      stderr: () => {},
    };
    const report = lintReport(["examples/broken"], { config: undefined, rule: [] }, io, RULES);
    expect(report.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    const meta = report.rules.find((r) => r.id === "duplicate-id");
    expect(meta).toMatchObject({ defaultSeverity: "error", fixed: true });
    expect(meta?.description).toBe(RULES.find((r) => r.id === "duplicate-id")?.description);
    expect(meta?.doc()).toBe(readFileSync(join(ROOT, "docs", "rules", "duplicate-id.md"), "utf8"));
    const duplicate = report.findings.find(
      (f) => f.rule === "duplicate-id" && f.entity === "persona:julie",
    );
    expect(duplicate?.related).toEqual([
      {
        what: "first use of the persona id",
        file: "examples/broken/personas/julie-again.yaml",
        line: 3,
        column: 5,
        endLine: 3,
        endColumn: 10,
      },
    ]);
    expect(duplicate?.message).toBe(
      'duplicate persona id "julie": already used at examples/broken/personas/julie-again.yaml:3:5',
    );
    expect(report.summary).toEqual({ files: 8, errors: 19, warnings: 13, unreadable: 1 });
  });
});
