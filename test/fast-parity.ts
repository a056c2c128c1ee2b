import { isDeepStrictEqual } from "node:util";
import { fastParse } from "../src/model/fast.js";
import { locate } from "../src/model/position.js";
import { parseWithYaml } from "../src/model/source.js";

/**
 * Compares the fast path with `yaml` on one text: null when they agree (or the fast path declines),
 * else what differs.
 */
export function parityProblem(text: string): { declined: boolean; problem: string | null } {
  const fast = fastParse(text);
  if (!fast) return { declined: true, problem: null };
  const slow = parseWithYaml("in.yaml", text);
  if (slow.issues.length > 0)
    return {
      declined: false,
      problem: `yaml finds problems: ${slow.issues.map((i) => i.message).join("; ")}`,
    };
  if (slow.documents.length !== fast.length)
    return {
      declined: false,
      problem: `${slow.documents.length} documents, fast path ${fast.length}`,
    };
  for (const [n, doc] of slow.documents.entries()) {
    const mine = fast[n];
    if (!mine) return { declined: false, problem: `no document ${n}` };
    if (!doc.usable) return { declined: false, problem: `document ${n} unusable` };
    if (!isDeepStrictEqual(doc.value, mine.value))
      return {
        declined: false,
        problem: `document ${n}: values differ at ${firstDifference(doc.value, mine.value)}`,
      };
    for (const [pointer, entry] of mine.spans.dump()) {
      const probes = [pointer, entry.kind === "seq" ? `${pointer}/999` : `${pointer}/no~1such`];
      for (const probe of probes) {
        for (const target of ["value", "key"] as const) {
          const a = locate(doc.doc, probe, target);
          const b = mine.spans.locate(probe, target);
          if (a[0] !== b[0] || a[1] !== b[1])
            return {
              declined: false,
              problem: `document ${n} ${probe} (${target}): yaml ${JSON.stringify(a)} ${JSON.stringify(text.slice(a[0], a[1]))}, fast ${JSON.stringify(b)} ${JSON.stringify(text.slice(b[0], b[1]))}`,
            };
        }
      }
    }
  }
  return { declined: false, problem: null };
}

/** Where two values first differ, as a JSON Pointer and the two values there. */
function firstDifference(a: unknown, b: unknown, at = ""): string {
  if (
    typeof a === "object" &&
    typeof b === "object" &&
    a !== null &&
    b !== null &&
    Array.isArray(a) === Array.isArray(b) &&
    Object.getPrototypeOf(a) === Object.getPrototypeOf(b)
  ) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join("\0") !== kb.join("\0")) return `${at}: keys ${ka.join(",")} vs ${kb.join(",")}`;
    for (const k of ka) {
      const va = (a as Record<string, unknown>)[k];
      const vb = (b as Record<string, unknown>)[k];
      if (!isDeepStrictEqual(va, vb)) return firstDifference(va, vb, `${at}/${k}`);
    }
    return `${at}: (equal children)`;
  }
  return `${at}: ${String(JSON.stringify(a))} (${typeof a}) vs ${String(JSON.stringify(b))} (${typeof b})`;
}
