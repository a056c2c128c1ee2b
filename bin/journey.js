#!/usr/bin/env node
import { colorLevel, main } from "../dist/cli.js";

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  now: new Date(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  colorLevel: await colorLevel(process.env),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
});
process.exitCode = code;
