import type { Result } from '../../../../shared/contract/result';
import {
  columnLabels,
  findIndexColumn,
  isLabelLike,
  LABEL_NAMES,
  labelColumnByName,
  labelColumnByValues,
  shownName,
  type CsvTable,
} from './csv-columns';
import { cellNumber, countLines, readCsvRecords } from './csv-text';
import { datasetName, displayName, readDataFile } from './file-bytes';
import { checkFloatOutput } from './limits';
import { dataProblems } from './messages';
import type { RawDataset, ReadLimits } from './types';

// V8 cannot hold one string much past 512 MB; larger tables belong in .npy files.
const MAX_CSV_TEXT_BYTES = 500 * 1024 * 1024;

/** Finds the label column by name: exact first, then ignoring case and spaces. */
function findLabelColumn(columns: string[], hasHeader: boolean, name: string): Result<number> {
  if (!hasHeader) return dataProblems.csvLabelNeedsHeader(name);
  const exact = columns.indexOf(name);
  if (exact >= 0) return { ok: true, value: exact };
  const wanted = name.trim().toLowerCase();
  const loose = columns.findIndex((c) => c.toLowerCase() === wanted);
  if (loose >= 0) return { ok: true, value: loose };
  return dataProblems.csvNoLabelColumn(name, columns);
}

/**
 * Reads the whole table as numbers. Text is allowed only in the columns that may hold text
 * labels (the chosen one, or one named like a label); anywhere else it is an error.
 */
function readTable(
  text: string,
  file: string,
  labelColumn: string | undefined,
  maxBytes: number,
): Result<CsvTable> {
  // Held in an object: the callbacks below set them, which narrowing of plain lets ignores.
  const state: { table: CsvTable | null; failure: Result<CsvTable> | null } = {
    table: null,
    failure: null,
  };
  let at = 0;
  const syntax = readCsvRecords(text, (raw, row) => {
    const cells = raw.map((c) => c.trim());
    if (state.table === null) {
      const hasHeader = cells.some((c) => Number.isNaN(cellNumber(c)));
      const columns = hasHeader ? cells : cells.map((_, i) => String(i + 1));
      const width = columns.length;
      const room = (hasHeader ? countLines(text) - 1 : countLines(text)) * width;
      const fits = checkFloatOutput(file, room, maxBytes);
      if (!fits.ok) return ((state.failure = fits), false);
      const texts = new Map<number, string[]>();
      if (labelColumn !== undefined) {
        const found = findLabelColumn(columns, hasHeader, labelColumn);
        if (!found.ok) return ((state.failure = found), false);
        texts.set(found.value, []);
      } else if (hasHeader) {
        columns.forEach((c, j) => {
          if (LABEL_NAMES.includes(c.toLowerCase())) texts.set(j, []);
        });
      }
      const count = 0;
      state.table = { columns, hasHeader, count, width, cells: new Float32Array(room), texts };
      if (hasHeader) return true;
    }
    const t = state.table;
    if (cells.length !== t.width) {
      state.failure = dataProblems.csvRagged(row, cells.length, t.width, t.hasHeader);
      return false;
    }
    for (let j = 0; j < t.width; j += 1) {
      const v = cellNumber(cells[j]);
      const texts = t.texts.get(j);
      if (texts !== undefined) {
        if (cells[j] === '') {
          state.failure = dataProblems.csvNotANumber(row, shownName(t.columns[j]), '');
          return false;
        }
        texts.push(cells[j]);
      } else if (Number.isNaN(v)) {
        const column = t.hasHeader ? shownName(t.columns[j]) : String(j + 1);
        state.failure = dataProblems.csvNotANumber(row, column, cells[j]);
        return false;
      }
      t.cells[at] = v;
      at += 1;
    }
    t.count += 1;
    return true;
  });
  if (state.failure !== null) return state.failure;
  if (syntax !== null) return dataProblems.csvQuotes(syntax.row);
  if (state.table === null) return dataProblems.csvEmpty(file);
  return { ok: true, value: state.table };
}

/** The label column when none is chosen: by a usual name, else by its values. */
function guessLabel(t: CsvTable, candidates: number[]): number | null {
  const byName = labelColumnByName(t, candidates);
  if (byName !== null && isLabelLike(t, byName)) return byName;
  return labelColumnByValues(t, candidates);
}

/**
 * A CSV of numbers, one sample a row. The pandas index column is left out, and a label column
 * is taken by the given name, else by a usual name, else by its values; each guess becomes a note.
 */
export async function importCsv(
  path: string,
  labelColumn: string | undefined,
  limits: ReadLimits,
): Promise<Result<RawDataset>> {
  const file = displayName(path);
  const bytes = await readDataFile(path, limits.maxBytes);
  if (!bytes.ok) return bytes;
  if (bytes.value.length > MAX_CSV_TEXT_BYTES) return dataProblems.csvTooLarge(file);
  const read = readTable(
    new TextDecoder('utf-8').decode(bytes.value),
    file,
    labelColumn,
    limits.maxBytes,
  );
  if (!read.ok) return read;
  const t = read.value;
  if (t.count === 0) return dataProblems.csvEmpty(file);

  const notes: string[] = [];
  const dropped = new Set<number>();
  const index = findIndexColumn(t);
  if (index !== null) {
    dropped.add(index);
    notes.push(
      'The first column numbers the rows (the index pandas writes with to_csv()); it was left out of the samples.',
    );
  }
  const candidates = [...Array(t.width).keys()].filter((j) => !dropped.has(j));
  const labelAt =
    labelColumn !== undefined ? ([...t.texts.keys()][0] ?? null) : guessLabel(t, candidates);
  // A column named like a label that holds no labels is a feature, if it holds only numbers.
  for (const [j, texts] of t.texts) {
    if (j === labelAt) continue;
    const bad = texts.findIndex((x) => Number.isNaN(cellNumber(x)));
    if (bad >= 0) return dataProblems.csvNotANumber(bad + 2, shownName(t.columns[j]), texts[bad]);
  }
  if (labelAt !== null) dropped.add(labelAt);
  const features = t.width - dropped.size;
  if (features === 0) return dataProblems.csvOnlyLabels();

  const values = new Float32Array(t.count * features);
  const keep = [...Array(t.width).keys()].filter((j) => !dropped.has(j));
  let wholeBytes = true;
  let max = -Infinity;
  for (let i = 0, out = 0; i < t.count; i += 1) {
    for (const j of keep) {
      const v = t.cells[i * t.width + j];
      if (wholeBytes && !(Number.isInteger(v) && v >= 0 && v <= 255)) wholeBytes = false;
      if (v > max) max = v;
      values[out] = v;
      out += 1;
    }
  }
  const labels = labelAt !== null ? columnLabels(t, labelAt) : null;
  if (labels !== null && labelAt !== null && labelColumn === undefined) {
    const classes = new Set(labels.labels).size;
    notes.push(
      `The column ${shownName(t.columns[labelAt])} holds the labels (${classes} classes); it was ` +
        'left out of the samples. Name another label column to change this.',
    );
  }
  // Whole numbers 0..255 reaching above 1 are taken for pixel bytes (an MNIST CSV), so scaling
  // divides by 255 as for pictures rather than by the largest value that happens to occur.
  const byteValued = wholeBytes && max > 1;
  return {
    ok: true,
    value: {
      name: datasetName(path),
      images: values,
      sampleShape: [features],
      count: t.count,
      labels: labels?.labels ?? null,
      labelNames: labels?.names ?? null,
      byteValued,
      notes,
    },
  };
}
