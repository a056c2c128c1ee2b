// `node bench/rss.mjs <out> <script> [args…]`: runs a Node script in this process and writes its
// peak resident set size in KiB to <out> on exit — how the benchmark measures memory where
// /usr/bin/time is missing.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [out, script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on("exit", () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
await import(pathToFileURL(resolve(script)).href);
