/** One non-blank line of a CSV file with its 1-based line number, for messages. */
export interface CsvLine {
  row: number;
  text: string;
}

/** Splits CSV text into its non-blank lines, keeping line numbers and dropping a UTF-8 BOM. */
export function csvLines(text: string): CsvLine[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines: CsvLine[] = [];
  let start = 0;
  let row = 1;
  while (start <= body.length) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const line =
      body.charCodeAt(end - 1) === 13 ? body.slice(start, end - 1) : body.slice(start, end);
    if (line.trim() !== '') lines.push({ row, text: line });
    start = end + 1;
    row += 1;
  }
  return lines;
}

/**
 * Guesses the separator from the first line: spreadsheets in many countries write ';' because
 * ',' is their decimal mark, and some tools write tabs.
 */
export function detectDelimiter(firstLine: string): string {
  const candidates = [',', ';', '\t'];
  let best = ',';
  let bestCount = 0;
  for (const c of candidates) {
    const count = firstLine.split(c).length - 1;
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}

/** Splits one line into fields, honouring double quotes ("a,b" and "" for a quote). */
export function splitFields(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** A CSV cell as a number, or NaN when it is empty or not a plain finite number. */
export function cellNumber(text: string): number {
  if (text.trim() === '') return NaN;
  const v = Number(text);
  return Number.isFinite(v) ? v : NaN;
}
