import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

/**
 * Markdown read back as a CommonMark/GFM reader (markdown-it, with HTML on as GitHub has it) sees
 * it: the headings, the paragraphs outside tables, the fenced blocks and every table, its header
 * and rows of cells. Any HTML but a `<br>` in a cell throws: what journey writes is never markup.
 */
export interface Table {
  header: string[];
  rows: string[][];
}

const parser = new MarkdownIt({ html: true });

/** Inline content as GitHub shows it: text, code, `<br>` as a line break. */
function textOf(inline: Token | undefined): string {
  return (inline?.children ?? [])
    .map((t) => {
      if (t.type === "text" || t.type === "code_inline") return t.content;
      if (t.type === "softbreak") return " ";
      if (t.type === "html_inline" && /^<br\s*\/?>$/i.test(t.content)) return "\n";
      if (t.type === "html_inline") throw new Error(`unexpected HTML: ${t.content}`);
      return "";
    })
    .join("");
}

export function readMarkdown(markdown: string) {
  const tokens = parser.parse(markdown, {});
  const headings: { level: number; text: string }[] = [];
  const paragraphs: string[] = [];
  const fences: { info: string; content: string }[] = [];
  const tables: Table[] = [];
  let table: Table | null = null;
  let row: string[] | null = null;
  let inHead = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type === "heading_open")
      headings.push({ level: Number(t.tag.slice(1)), text: textOf(tokens[i + 1]) });
    else if (t.type === "paragraph_open" && !table) paragraphs.push(textOf(tokens[i + 1]));
    else if (t.type === "fence") fences.push({ info: t.info, content: t.content });
    else if (t.type === "html_block") throw new Error(`unexpected HTML: ${t.content}`);
    else if (t.type === "table_open") table = { header: [], rows: [] };
    else if (t.type === "table_close" && table) {
      tables.push(table);
      table = null;
    } else if (t.type === "thead_open") inHead = true;
    else if (t.type === "thead_close") inHead = false;
    else if (t.type === "tr_open") row = [];
    else if (t.type === "tr_close" && table && row) {
      if (inHead) table.header = row;
      else table.rows.push(row);
      row = null;
    } else if ((t.type === "th_open" || t.type === "td_open") && row)
      row.push(textOf(tokens[i + 1]));
  }
  return { headings, paragraphs, fences, tables };
}
