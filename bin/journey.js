#!/usr/bin/env node
import { colorLevel, main } from "../dist/bundle/cli.js";

// The reader of the output may go before the end (`journey lint | head -1`): what is left is
// dropped, quietly, and the exit code is still the run's.
const gone = new Set();
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
    gone.add(stream);
  });
}
const write = (stream) => (text) => {
  if (!gone.has(stream)) stream.write(text);
};

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  now: new Date(),
  stdout: write(process.stdout),
  stderr: write(process.stderr),
  colorLevel: await colorLevel(process.env),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
});
process.exitCode = code;
