import { UsageError } from "../errors.js";
import { outputStyle } from "../io/io.js";
import { emit } from "../io/output.js";
import { today } from "../io/today.js";
import { scoped } from "../model/scope.js";
import { RENDER_FORMATS, type RenderData } from "../report/render/index.js";
import { formatterOf } from "../report/registry.js";
import { calendarOf } from "../survey/calendar.js";
import { defaultRange } from "../survey/pressure.js";
import { requireKnown, vocabulary } from "../views/filter.js";
import { VERSION } from "../version.js";
import { defineCommand, formatOption, pathsArgument } from "./command.js";
import { lintReport } from "./lint.js";
import { readAsOne, readForDisplay, viewOptions } from "./read.js";

/** `journey render`: the maps drawn for people — an HTML page, Mermaid diagrams, a Markdown report. */
export default defineCommand({
  name: "render",
  description:
    "draw the maps: a self-contained HTML page, Mermaid journey diagrams, or a Markdown report",
  arguments: [pathsArgument],
  options: {
    ...viewOptions,
    format: formatOption(RENDER_FORMATS, "html"),
  },
  examples: [
    ["journey render -o map.html", "the workspace's maps as one page to open in a browser"],
    ["journey render --journey julie-online -o julie.html", "one journey"],
    ["journey render --format mermaid", "one Mermaid journey diagram per map"],
    ["journey render --format markdown -o MAPS.md", "a report a reviewer reads on GitHub"],
  ],
  async run([paths]: [string[]], options, io, context) {
    const date = today(io.env, io.now);
    const workspaces = readForDisplay(io, paths, options.config);
    const first = workspaces[0];
    if (!first) throw new UsageError("no maps to read");
    const { workspace, whole, locate, inputs, note } = readAsOne(
      io,
      paths,
      options.config,
      workspaces,
    );
    const known = vocabulary(whole);
    requireKnown("persona", options.persona, known.personas);
    requireKnown("journey", options.journey, known.journeys);
    const chosen = (values: readonly string[], value: string | null | undefined) =>
      values.length === 0 || (value !== null && value !== undefined && values.includes(value));
    const shown = scoped(workspace, {
      journey: (j) => chosen(options.journey, j.id) && chosen(options.persona, j.persona?.value),
      persona: (id) => chosen(options.persona, id),
    });
    const personaIds = new Set(shown.journeys.flatMap((j) => (j.persona ? [j.persona.value] : [])));
    const personas = workspace.personas.filter(
      (p) =>
        personaIds.has(p.id) || (options.journey.length === 0 && chosen(options.persona, p.id)),
    );
    const calendar = calendarOf(workspaces, defaultRange(first.config, date), {
      persona: [...new Set(personas.map((p) => p.id))],
      journey: options.journey,
    });
    const lint = lintReport(paths, { config: options.config, rule: [] }, io, await context.rules());
    const files = new Set(shown.journeys.map((j) => j.origin.file));
    for (const p of personas) files.add(p.origin.file);
    const data: RenderData = {
      journeys: shown.journeys,
      personas,
      workspace: whole,
      locate,
      findings: lint.findings.filter((f) => files.has(f.file)),
      calendar,
      today: date,
      tool: { name: "journey", version: VERSION },
    };
    const format = await formatterOf(RENDER_FORMATS, options.format);
    const text = await format(data, outputStyle(io, options.output));
    if (note !== null) io.stderr(note);
    emit(io, text, options.output, inputs);
    return 0;
  },
});
