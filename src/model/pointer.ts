/** JSON Pointer (RFC 6901) helpers: the one way rules and the validator name a place in a document. */

export function pointerToSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function segmentsToPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

export function childPointer(pointer: string, ...segments: (string | number)[]): string {
  return pointer + segmentsToPointer(segments);
}
