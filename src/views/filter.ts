import { UsageError } from "../errors.js";
import type { Workspace } from "../model/workspace.js";
import { didYouMean } from "../validate/suggest.js";

/**
 * A filter value (`--persona juli`) that names nothing in the maps is a mistake, not an empty
 * result: exit 2, with a suggestion.
 */
export function requireKnown(
  name: string,
  values: readonly string[],
  known: Iterable<string>,
): void {
  const set = new Set(known);
  for (const value of values) {
    if (!set.has(value)) {
      throw new UsageError(`no ${name} "${value}" in these maps${didYouMean(value, set)}`);
    }
  }
}

/** One filter of a view: its name, the values asked for, the values known, a row's values. */
export type Filter<Row> = [
  name: string,
  values: readonly string[],
  known: Iterable<string>,
  of: (row: Row) => readonly (string | null)[],
];

/**
 * Keeps the rows matching every filter given (several values of one filter: any of them). Each
 * value must name something in the maps (`requireKnown`).
 */
export function filterRows<Row>(rows: Row[], filters: readonly Filter<Row>[]): Row[] {
  let kept = rows;
  for (const [name, values, known, of] of filters) {
    if (values.length === 0) continue;
    requireKnown(name, values, known);
    kept = kept.filter((row) => of(row).some((v) => v !== null && values.includes(v)));
  }
  return kept;
}

/** Ids the filters may name, from the workspace (personas declared or referred to, channels used). */
export function vocabulary(workspace: Workspace) {
  const personas = new Set(workspace.personas.map((p) => p.id));
  for (const journey of workspace.journeys)
    if (journey.persona) personas.add(journey.persona.value);
  const channels = new Set<string>();
  for (const event of workspace.events) if (event.channel) channels.add(event.channel.value);
  for (const survey of workspace.surveys) if (survey.channel) channels.add(survey.channel.value);
  return {
    personas,
    journeys: workspace.journeys.map((j) => j.id),
    stages: new Set(workspace.journeys.flatMap((j) => j.stages.map((s) => s.id))),
    channels,
  };
}
