/**
 * CSV cells from untrusted strings (RFC 4180), safe to open in a spreadsheet: a cell that starts
 * with = + - @ (or a tab or CR) would run as a formula there, so it gets a leading apostrophe.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: numbers as written, text always quoted with inner quotes doubled. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/** One CSV record (no line end). */
export const csvRow = (cells: readonly (string | number | boolean | null | undefined)[]): string =>
  cells.map(csvCell).join(',');
