/** JSON Pointer (RFC 6901) helpers: the one way rules and the validator name a place in a document. */

export function pointerToSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** A segment as a pointer writes it: `~` and `/` escaped (most segments have neither). */
function escaped(segment: string | number): string {
  if (typeof segment === "number") return String(segment);
  if (!segment.includes("~") && !segment.includes("/")) return segment;
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function childPointer(pointer: string, ...segments: (string | number)[]): string {
  let out = pointer;
  for (const segment of segments) out += `/${escaped(segment)}`;
  return out;
}
