import { readFileSync } from "node:fs";

/** Files shipped with journey (package.json `files`), read from beside the built code. */
const shipped = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/** A rule's page (docs/rules/<id>.md), or null when it has none. */
export function ruleDoc(id: string): string | null {
  if (!/^[a-z0-9-]+$/.test(id)) return null;
  try {
    return shipped(`docs/rules/${id}.md`);
  } catch {
    return null;
  }
}

/** The JSON schema of a document kind (schemas/<kind>.schema.json), as shipped. */
export const shippedSchema = (kind: string): string => shipped(`schemas/${kind}.schema.json`);
