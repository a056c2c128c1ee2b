/**
 * An output registry: formatters keyed by their `--format` value, each loaded only when chosen.
 * The command line takes its choices, their check and the error text from the keys.
 */
export type Registry<Formatter> = Record<string, () => Promise<Formatter>>;

/** The formatter registered under `name` (a value the command line has already checked). */
export async function formatterOf<Formatter>(
  registry: Registry<Formatter>,
  name: string,
): Promise<Formatter> {
  const load = registry[name];
  if (!load) throw new Error(`no formatter "${name}" in this registry`);
  return load();
}
