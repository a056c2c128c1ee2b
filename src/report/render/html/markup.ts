/**
 * Writing HTML as text, safely: every text and attribute value goes through `esc`, so that a
 * title holding `<script>` stays text. Ids are made from the map's ids, deterministically.
 */

/** Text or an attribute value, escaped for HTML (both quotes too). */
export function esc(text: string | number | boolean): string {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** `name="value"` pairs, escaped; false, null and undefined leave the attribute out. */
function attrs(pairs: Record<string, string | number | boolean | null | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== null && v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${esc(v as string | number)}"`))
    .join("");
}

/**
 * An element: tag, attributes, and inner HTML (already markup), each part a text or a list of
 * texts: a list of rows is passed as it is, never spread (a spread of a hundred thousand findings
 * overflows the call stack).
 */
export const el = (
  tag: string,
  pairs: Record<string, string | number | boolean | null | undefined>,
  ...inner: (string | readonly string[])[]
): string =>
  `<${tag}${attrs(pairs)}>${inner.map((part) => (typeof part === "string" ? part : part.join(""))).join("")}</${tag}>`;

/**
 * A table: a caption for screen readers only, a row of column headers (their inner markup), and
 * the body's rows (markup).
 */
export const dataTable = (
  className: string,
  caption: string,
  headers: readonly string[],
  rows: string | readonly string[],
): string =>
  el(
    "table",
    { class: className },
    el("caption", { class: "vh" }, caption),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        headers.map((h) => el("th", { scope: "col" }, h)),
      ),
    ),
    el("tbody", {}, rows),
  );

/**
 * Unique, valid HTML ids from any text: letters, digits, `-` and `_` kept, anything else written
 * as `_` and its code point in hex, so two different ids never meet; a repeat gets `-2`, `-3`…
 * in order of asking, which is file order: the same maps always give the same ids.
 */
export class Ids {
  private readonly used = new Set<string>();

  make(...parts: string[]): string {
    const base = parts
      .map((p) => p.replace(/[^A-Za-z0-9-]/gu, (c) => `_${c.codePointAt(0)?.toString(16) ?? ""}`))
      .join("--");
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
