// `node bench/parse-floor.mjs <parser> <folder>`: reads every .yaml file under the folder and parses
// it, nothing else — the floor under journey's own reading. <parser> is one of
//   yaml     the `yaml` package as journey's parser of record uses it (src/model/source.ts): Parser
//            with a LineCounter, Composer with the same options, toJS of every document;
//   lexer    the `yaml` Lexer alone (tokens, no tree);
//   js-yaml  js-yaml's loadAll, a reference (the benchmark's own dependency, bench/package.json).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [parser, dir] = process.argv.slice(2);
const files = readdirSync(dir, { recursive: true })
  .filter((name) => name.endsWith(".yaml"))
  .sort()
  .map((name) => join(dir, name));

let parse;
if (parser === "yaml") {
  const { Composer, LineCounter, Parser } = await import("yaml");
  parse = (text) => {
    const lines = new LineCounter();
    const composer = new Composer({
      prettyErrors: false,
      uniqueKeys: () => false,
      logLevel: "error",
    });
    let n = 0;
    for (const doc of composer.compose(new Parser(lines.addNewLine).parse(text))) {
      doc.toJS({ maxAliasCount: 10_000 });
      n++;
    }
    return n;
  };
} else if (parser === "lexer") {
  const { Lexer } = await import("yaml");
  parse = (text) => {
    let n = 0;
    for (const token of new Lexer().lex(text)) if (token !== undefined) n++;
    return n;
  };
} else if (parser === "js-yaml") {
  const { loadAll } = await import("js-yaml");
  parse = (text) => loadAll(text).length;
} else {
  console.error("usage: node bench/parse-floor.mjs yaml|lexer|js-yaml <folder>");
  process.exit(2);
}
let total = 0;
for (const file of files) total += parse(readFileSync(file, "utf8"));
console.log(`${files.length} files, ${total} ${parser === "lexer" ? "tokens" : "documents"}`);
