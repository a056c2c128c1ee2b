/**
 * An output registry: formatters keyed by their `--format` value, each loaded only when chosen.
 * The command line takes its choices, their check and the error text from the keys.
 */
export type Registry<Formatter, Name extends string = string> = Readonly<
  Record<Name, () => Promise<Formatter>>
>;

/**
 * Declares a registry of formatters of one kind: `registry<ViewFormatter>()({ table: …, json: … })`.
 * Its keys stay literal, so that `--format` is typed as one of them.
 */
export const registry =
  <Formatter>() =>
  <Name extends string>(formats: Registry<Formatter, Name>): Registry<Formatter, Name> =>
    formats;

/** The formatter registered under `name` (a value the command line has already checked). */
export function formatterOf<Formatter, Name extends string>(
  registry: Registry<Formatter, Name>,
  name: Name,
): Promise<Formatter> {
  return registry[name]();
}
