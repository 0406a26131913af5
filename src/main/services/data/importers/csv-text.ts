import Papa from 'papaparse';

// Papa Parse reads CSV as RFC 4180 says (quoted fields may hold separators, doubled quotes and
// newlines) and guesses the separator; it is small, has no dependencies and is widely used.

/** Why the text could not be read as a table. */
export interface CsvSyntaxError {
  /** 1-based record number (the header, when there is one, is record 1). */
  row: number;
  kind: 'quotes';
}

/** The separators tried: spreadsheets in many countries write ';' (',' is their decimal mark). */
const SEPARATORS = [',', ';', '\t'];

/**
 * Calls `onRow` with each non-blank record and its 1-based number, streaming, so a large file is
 * never held as one array of strings. `onRow` returns false to stop early.
 */
export function readCsvRecords(
  text: string,
  onRow: (cells: string[], row: number) => boolean,
): CsvSyntaxError | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let row = 0;
  let problem: CsvSyntaxError | null = null;
  Papa.parse<string[]>(body, {
    delimitersToGuess: SEPARATORS,
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      row += 1;
      if (result.errors.some((e) => e.type === 'Quotes')) {
        problem = { row, kind: 'quotes' };
        parser.abort();
        return;
      }
      if (!onRow(result.data, row)) parser.abort();
    },
  });
  return problem;
}

/** An upper bound of the records in `text`: its line count. */
export function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}

/** A CSV cell as a number, or NaN when it is empty or not a plain finite number. */
export function cellNumber(text: string): number {
  if (text.trim() === '') return NaN;
  const v = Number(text);
  return Number.isFinite(v) ? v : NaN;
}
