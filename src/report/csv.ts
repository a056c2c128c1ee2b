/** A CSV field: text, a number, empty for null, or a list (its items separated by spaces). */
export type CsvValue = string | number | boolean | null | readonly string[];

/**
 * RFC 4180 CSV: a header line, then one line per row, fields separated by commas, lines ended by
 * CRLF; a field holding a comma, a double quote, CR or LF is quoted, its quotes doubled. UTF-8,
 * without a byte order mark. Lists (ids, indicators) are joined by spaces: ids never hold one.
 */
function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}

function field(value: CsvValue): string {
  const text = value === null ? "" : typeof value === "object" ? value.join(" ") : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of objects as CSV: the fields named, in that order, as header and columns. */
export function csvOf<Row>(rows: readonly Row[], fields: readonly (keyof Row & string)[]): string {
  return toCsv(
    fields,
    rows.map((row) => fields.map((f) => row[f] as CsvValue)),
  );
}
