// Bundles dist/ (as tsc -b left it) into ES modules under dist/bundle/, the code bin/journey.js
// runs: one module for the CLI, one per command (loaded only when it runs, as in dist/commands/),
// and chunks they share. A start loads a handful of files instead of two hundred, and no CommonJS
// module is scanned for its exports (the dependencies are bundled; `yaml` as its ES build).
// Run by `npm run build`, after tsc.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const outdir = join(dist, "bundle");
const require = createRequire(import.meta.url);

// The commands, as the registry names them: each an entry of its own, so that it stays lazy.
const registry = readFileSync(join(dist, "commands", "index.js"), "utf8");
const commands = [...registry.matchAll(/import\("\.\/([a-z-]+)\.js"\)/g)].map((m) => m[1]);
if (commands.length === 0) throw new Error("bundle: no command found in dist/commands/index.js");

// `yaml` resolves to its CommonJS build under Node's "node" condition; its ES build (the
// "default" condition, the same code) lets the bundler hoist and prune it. The project never
// depends on where the two differ (warnings, which it turns off; Buffer for !!binary).
const yamlEsm = {
  name: "yaml-esm",
  setup(b) {
    const browser = join(dirname(require.resolve("yaml/package.json")), "browser", "index.js");
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: browser }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: [
    { in: join(dist, "cli.js"), out: "cli" },
    ...commands.map((name) => ({ in: join(dist, "commands", `${name}.js`), out: name })),
    // The read pool's worker threads run it as a module of its own: new URL("./parse-worker.js").
    { in: join(dist, "io", "parse-worker.js"), out: "parse-worker" },
  ],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  chunkNames: "chunk-[hash]",
  // The validators are required at run time, from beside the bundle (copied below), and they
  // require ajv's runtime: neither is bundled. rrule and ajv's compiler, required on first use,
  // stay where they are too, and so does jsonc-parser, required only when a baseline does not parse.
  // The validators (./generated/<kind>.cjs) stay files of their own, loaded per kind; a
  // dependency's own ./generated/… (entities) is bundled like the rest.
  external: ["./generated/*.cjs", "ajv", "rrule", "jsonc-parser"],
  plugins: [yamlEsm],
  metafile: true,
  logLevel: "warning",
  legalComments: "none",
  // The bundled CommonJS dependencies require Node's built-in modules.
  banner: {
    js: 'import { createRequire as __journeyRequire } from "node:module";\nconst require = __journeyRequire(import.meta.url);',
  },
});
// Every module of the bundle sits directly in dist/bundle/, two levels below the package, as
// every module of dist/ that finds shipped files (docs/, schemas/) by `../../` expects.
for (const file of Object.keys(result.metafile.outputs)) {
  if (dirname(resolve(root, file)) !== outdir) {
    throw new Error(`bundle: ${relative(root, file)} is not directly in dist/bundle/`);
  }
}
mkdirSync(join(outdir, "generated"));
for (const file of readdirSync(join(dist, "validate", "generated"))) {
  copyFileSync(
    join(dist, "validate", "generated", file),
    join(outdir, "generated", basename(file)),
  );
}
