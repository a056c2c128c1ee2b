import { readFileSync } from "node:fs";

/** A rule's page as shipped with the package (docs/rules/<id>.md), or null when it has none. */
export function ruleDoc(id: string): string | null {
  if (!/^[a-z0-9-]+$/.test(id)) return null;
  try {
    return readFileSync(new URL(`../../docs/rules/${id}.md`, import.meta.url), "utf8");
  } catch {
    return null;
  }
}
