/**
 * CSV as RFC 4180 has it: comma-separated, CRLF line ends, a field quoted (with its quotes doubled)
 * when it holds a comma, a quote, CR or LF. Text that a spreadsheet would run as a formula — a cell
 * starting with `=`, `+`, `-`, `@`, a tab or CR (OWASP "CSV injection") — is prefixed with `'`, so it
 * shows as text. Numbers are written as they are (never neutralised: a count or an amount is data).
 */
export type CsvCell = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell's text: neutralised against formula injection, then quoted when RFC 4180 needs it. */
export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const text = v instanceof Date ? v.toISOString() : neutraliseFormula(v);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `'` before text a spreadsheet would evaluate (`=SUM(…)`, `+1`, `-1+1`, `@cmd`). */
export function neutraliseFormula(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** One record, CRLF-terminated. */
export const csvLine = (cells: readonly CsvCell[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** A column: its header name, what it means (for the docs) and how a row gives its value. */
export interface CsvColumn<R> {
  name: string;
  description: string;
  value: (row: R) => CsvCell;
}

export const csvHeader = <R>(columns: readonly CsvColumn<R>[]) => csvLine(columns.map((c) => c.name));
export const csvRecord = <R>(columns: readonly CsvColumn<R>[], row: R) => csvLine(columns.map((c) => c.value(row)));
