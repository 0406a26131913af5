import type { Result } from '../../../../shared/contract/result';
import { cellNumber, csvLines, detectDelimiter, splitFields, type CsvLine } from './csv-text';
import { datasetName, displayName, readDataFile } from './file-bytes';
import { checkFloatOutput } from './limits';
import { dataProblems } from './messages';
import type { RawDataset, ReadLimits } from './types';

// V8 cannot hold one string much past 512 MB; larger tables belong in .npy files.
const MAX_CSV_TEXT_BYTES = 500 * 1024 * 1024;

interface Table {
  hasHeader: boolean;
  columns: string[];
  delimiter: string;
  rows: CsvLine[];
}

/** A header is a first row with any cell that is not a number. */
function readTable(lines: CsvLine[]): Table {
  const delimiter = detectDelimiter(lines[0].text);
  const first = splitFields(lines[0].text, delimiter).map((c) => c.trim());
  const hasHeader = first.some((cell) => Number.isNaN(cellNumber(cell)));
  const columns = hasHeader ? first : first.map((_, i) => String(i + 1));
  return { hasHeader, columns, delimiter, rows: hasHeader ? lines.slice(1) : lines };
}

/** Finds the label column by name: exact first, then ignoring case and spaces. */
function findLabelColumn(table: Table, name: string): Result<number> {
  if (!table.hasHeader) return dataProblems.csvLabelNeedsHeader(name);
  const exact = table.columns.indexOf(name);
  if (exact >= 0) return { ok: true, value: exact };
  const wanted = name.trim().toLowerCase();
  const loose = table.columns.findIndex((c) => c.toLowerCase() === wanted);
  if (loose >= 0) return { ok: true, value: loose };
  return dataProblems.csvNoLabelColumn(name, table.columns);
}

/** Whole-number labels stay numbers; any other text becomes a class, numbered in sorted order. */
export function labelsFromText(texts: string[]): { labels: Int32Array; names: string[] | null } {
  const numbers = texts.map(cellNumber);
  if (numbers.every((v) => Number.isInteger(v) && Math.abs(v) < 2 ** 31)) {
    return { labels: Int32Array.from(numbers), names: null };
  }
  const names = [...new Set(texts)].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }),
  );
  const index = new Map(names.map((n, i) => [n, i]));
  return { labels: Int32Array.from(texts, (t) => index.get(t) ?? 0), names };
}

/** A CSV of numbers, one sample a row, with an optional label column chosen by name. */
export async function importCsv(
  path: string,
  labelColumn: string | undefined,
  limits: ReadLimits,
): Promise<Result<RawDataset>> {
  const file = displayName(path);
  const bytes = await readDataFile(path, limits.maxBytes);
  if (!bytes.ok) return bytes;
  if (bytes.value.length > MAX_CSV_TEXT_BYTES) return dataProblems.csvTooLarge(file);
  const lines = csvLines(new TextDecoder('utf-8').decode(bytes.value));
  if (lines.length === 0) return dataProblems.csvEmpty(file);

  const table = readTable(lines);
  let labelAt = -1;
  if (labelColumn !== undefined) {
    const found = findLabelColumn(table, labelColumn);
    if (!found.ok) return found;
    labelAt = found.value;
  }
  const width = table.columns.length;
  const features = labelAt >= 0 ? width - 1 : width;
  if (features === 0) return dataProblems.csvOnlyLabels();
  const count = table.rows.length;
  if (count === 0) return dataProblems.csvEmpty(file);
  const fits = checkFloatOutput(file, count * features, limits.maxBytes);
  if (!fits.ok) return fits;

  const values = new Float32Array(count * features);
  const labelTexts: string[] = [];
  let wholeBytes = true;
  let max = -Infinity;
  let at = 0;
  for (const { row, text } of table.rows) {
    const cells = splitFields(text, table.delimiter);
    if (cells.length !== width)
      return dataProblems.csvRagged(row, cells.length, width, table.hasHeader);
    for (let j = 0; j < width; j += 1) {
      const column = table.hasHeader ? `'${table.columns[j]}'` : String(j + 1);
      if (j === labelAt) {
        const label = cells[j].trim();
        if (label === '') return dataProblems.csvNotANumber(row, column, label);
        labelTexts.push(label);
        continue;
      }
      const v = cellNumber(cells[j]);
      if (Number.isNaN(v)) return dataProblems.csvNotANumber(row, column, cells[j]);
      if (wholeBytes && !(Number.isInteger(v) && v >= 0 && v <= 255)) wholeBytes = false;
      if (v > max) max = v;
      values[at] = v;
      at += 1;
    }
  }

  // Whole numbers 0..255 reaching above 1 are taken for pixel bytes (an MNIST CSV), so scaling
  // divides by 255 as for pictures rather than by the largest value that happens to occur.
  const byteValued = wholeBytes && max > 1;
  const labels = labelAt >= 0 ? labelsFromText(labelTexts) : null;
  return {
    ok: true,
    value: {
      name: datasetName(path),
      images: values,
      sampleShape: [features],
      count,
      labels: labels?.labels ?? null,
      labelNames: labels?.names ?? null,
      byteValued,
    },
  };
}
