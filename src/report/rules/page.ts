/** The lines of a page that only mark its generated parts (`<!-- generated … -->`). */
const MARKER = /^<!--.*-->\n/gm;

/** A rule's page as the terminal shows it: its Markdown without the generated-part markers. */
export function rulePage(markdown: string): string {
  return markdown.replace(MARKER, "");
}
