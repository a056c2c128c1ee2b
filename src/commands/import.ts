import { UsageError } from "../errors.js";
import { emitNew, readTextFile, requireNew } from "../io/import.js";
import { importMermaid, MermaidSyntaxError } from "../import/mermaid.js";
import { defineCommand, textOption } from "./command.js";

const FORMATS = ["mermaid"] as const;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * `journey import mermaid <file>`: Mermaid `journey` diagrams (a diagram file, or the ```mermaid
 * blocks of a Markdown file) as journey YAML, one document per diagram. What the format has no
 * place for is kept under `x-` keys and said on stderr; it never overwrites a file.
 */
export default defineCommand({
  name: "import",
  description:
    "turn Mermaid journey diagrams into journey YAML (sections → stages, tasks → events, scores → satisfaction); never overwrites",
  arguments: [
    { name: "<format>", description: "what the file holds: mermaid" },
    {
      name: "<file>",
      description: "a Mermaid diagram, or a Markdown file whose ```mermaid blocks are read",
    },
  ],
  options: {
    persona: textOption(
      "--persona <id>",
      "the persona the journeys map (default: the diagram's first actor, as a slug)",
    ),
    output: textOption("-o, --output <file>", "write to this new file instead of stdout"),
  },
  examples: [
    ["journey import mermaid journey.mmd", "print the journey YAML of a diagram"],
    [
      "journey import mermaid docs/journeys.md --persona julie -o maps/journeys/julie.yaml",
      "every journey diagram of a Markdown file, for persona julie, into a new file",
    ],
  ],
  async run([format, file]: [string, string], options, io) {
    if (!(FORMATS as readonly string[]).includes(format.toLowerCase())) {
      throw new UsageError(`unknown format "${format}": use ${FORMATS.join(", ")}`);
    }
    const persona = options.persona;
    if (persona !== undefined && (!ID.test(persona) || persona.length > 64)) {
      throw new UsageError(
        `--persona "${persona}" is not an id: lowercase letters and digits, words joined by single hyphens`,
      );
    }
    requireNew(io, options.output);
    const text = readTextFile(io, file);
    let result;
    try {
      result = importMermaid(text, { file, ...(persona === undefined ? {} : { persona }) });
    } catch (error) {
      if (error instanceof MermaidSyntaxError) {
        throw new UsageError(`${file}:${error.line}: ${error.message}; nothing written`);
      }
      throw error;
    }
    for (const note of result.notes) io.stderr(`journey: ${file}:${note.line}: ${note.message}\n`);
    emitNew(io, result.yaml, options.output, file);
    return 0;
  },
});
