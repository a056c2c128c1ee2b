// ESLint: the recommended JavaScript and type-aware TypeScript rules, over sources, tests and scripts.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const PRESENTATION = ["chalk", "string-width"].map((name) => ({
  name,
  message: "Colours and tables belong in src/report.",
}));
const SYSTEM_MESSAGE = "The file system, the process and the console are src/io's (through Io).";
const SYSTEM = [
  "fs",
  "node:fs",
  "child_process",
  "node:child_process",
  "process",
  "node:process",
].map((name) => ({ name, message: SYSTEM_MESSAGE }));

/** Files that may import none of `paths`, use no `process` and print nothing. */
function pure(files, ignores, paths) {
  return {
    files,
    ignores,
    rules: {
      "no-restricted-imports": [
        "error",
        { paths, patterns: [{ group: ["fs/*", "node:fs/*"], message: SYSTEM_MESSAGE }] },
      ],
      "no-restricted-globals": ["error", { name: "process", message: SYSTEM_MESSAGE }],
      "no-console": "error",
    },
  };
}

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "src/validate/generated/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      eqeqeq: "error",
      "no-console": ["error", { allow: ["warn"] }],
    },
  },
  {
    files: ["bench/**", "scripts/**"],
    rules: { "no-console": "off" },
  },
  // Presentation lives in src/report: nothing else styles text or draws tables. The pure core,
  // the commands and the formatters read and write nothing themselves: the file system, the
  // process and the console are src/io's and src/cli.ts's, passed down as an Io object.
  pure(["src/**/*.ts"], ["src/report/**", "src/io/**", "src/cli.ts"], [...PRESENTATION, ...SYSTEM]),
  pure(["src/report/**/*.ts"], [], SYSTEM),
  {
    files: ["src/io/**/*.ts", "src/cli.ts"],
    rules: { "no-restricted-imports": ["error", { paths: PRESENTATION }] },
  },
  // A spread into a call passes every item on the stack: past about a hundred thousand (findings,
  // rows) it throws RangeError. Loop, or use src/util/arrays.ts (pushAll, maxOf, minOf); a spread
  // that is small by construction says why in an eslint-disable comment.
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...["CallExpression", "NewExpression"].map((call) => ({
          selector: `${call} > SpreadElement`,
          message:
            "A spread into a call overflows the stack on a large array: loop, or use pushAll/maxOf/minOf from src/util/arrays.ts.",
        })),
      ],
    },
  },
);
