import type { JourneyNode } from "./types.js";
import type { Workspace } from "./workspace.js";

/**
 * What a view shows of a workspace loaded whole when the paths named only some of its files: the
 * journeys of the files named, and the journeys of the personas of the files named. Everything
 * else stays in the workspace, for what the rows are judged against (a persona's contact pressure
 * counts all its journeys).
 */
export interface Scope {
  journey(journey: JourneyNode): boolean;
  persona(id: string): boolean;
}

export function scopeOf(workspace: Workspace, reported: ReadonlySet<string>): Scope {
  const namedPersonas = new Set(
    workspace.personas.filter((p) => reported.has(p.origin.file)).map((p) => p.id),
  );
  const journey = (j: JourneyNode) =>
    reported.has(j.origin.file) || (j.persona !== null && namedPersonas.has(j.persona.value));
  const personas = new Set(namedPersonas);
  for (const j of workspace.journeys) if (journey(j) && j.persona) personas.add(j.persona.value);
  return { journey, persona: (id) => personas.has(id) };
}

/** The part of a workspace a scope shows (the personas, journeys, and their events and surveys). */
export function scoped(workspace: Workspace, scope: Scope): Workspace {
  return {
    personas: workspace.personas.filter((p) => scope.persona(p.id)),
    journeys: workspace.journeys.filter(scope.journey),
    events: workspace.events.filter((e) => scope.journey(e.stage.journey)),
    surveys: workspace.surveys.filter((s) => scope.journey(s.journey)),
    unreadable: workspace.unreadable,
  };
}
