// Runs shell commands at the same time and prints the output of each, whole, when it ends.
// Resolves to the first failing command's status (0 when all succeed). scripts/check.mjs uses it.
import { spawn } from "node:child_process";
import { delimiter, join } from "node:path";

// The project's own tools first on PATH, as npm scripts have them, also when run directly.
const bin = join(import.meta.dirname, "..", "node_modules", ".bin");
const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ""}` };

export async function run(commands) {
  const start = Date.now();
  const results = await Promise.all(
    commands.map(
      (command) =>
        new Promise((resolve) => {
          const chunks = [];
          const child = spawn(command, { shell: true, env, stdio: ["ignore", "pipe", "pipe"] });
          child.stdout.on("data", (chunk) => chunks.push(chunk));
          child.stderr.on("data", (chunk) => chunks.push(chunk));
          child.on("error", (error) => chunks.push(Buffer.from(`${error.message}\n`)));
          child.on("close", (code, signal) => {
            const seconds = ((Date.now() - start) / 1000).toFixed(1);
            const status = code === 0 ? "ok" : signal ? `killed by ${signal}` : `exit ${code}`;
            process.stdout.write(`> ${command}  (${status}, ${seconds} s)\n`);
            process.stdout.write(Buffer.concat(chunks));
            resolve(code ?? 1);
          });
        }),
    ),
  );
  return results.find((code) => code !== 0) ?? 0;
}
