// What a CSV's columns are for, decided from the whole table: a pandas index to leave out, a
// label column to learn the classes from, the rest features. A wrong guess costs a run that
// learns nothing (an index read as a pixel squeezes every pixel into [0, 1/n]), so each guess
// is narrow and is said in a note the data summary shows.

/** The table as read: every cell a number (NaN where it held text). */
export interface CsvTable {
  /** Column names; numbered from 1 when the file has no header. */
  columns: string[];
  hasHeader: boolean;
  count: number;
  width: number;
  /** count x width numbers, row after row. */
  cells: Float32Array;
  /** The cell texts of the columns that may hold text labels, by column. */
  texts: Map<number, string[]>;
}

/** Column names that mean "the class of this sample" in the tools people export from. */
export const LABEL_NAMES = ['label', 'labels', 'class', 'target', 'y'];
const INDEX_NAMES = ['', 'unnamed: 0', 'index'];
/** More classes than this is a measurement, not a label. */
const MAX_CLASSES = 100;

const columnValues = (t: CsvTable, j: number): Float32Array => {
  const out = new Float32Array(t.count);
  for (let i = 0; i < t.count; i += 1) out[i] = t.cells[i * t.width + j];
  return out;
};

/** The column name as a note shows it: quoted, at most 20 characters. */
export const shownName = (name: string): string =>
  `'${name.length > 20 ? `${name.slice(0, 19)}…` : name}'`;

/**
 * The pandas index column `df.to_csv()` writes first: an empty or 'Unnamed: 0' header over
 * distinct whole numbers (0..n-1, shuffled or not); without a header, exactly 0, 1, …, n-1.
 */
export function findIndexColumn(t: CsvTable): number | null {
  if (t.width < 2 || t.count < 2 || t.texts.has(0)) return null;
  const values = columnValues(t, 0);
  const named = t.hasHeader && INDEX_NAMES.includes(t.columns[0].trim().toLowerCase());
  if (!named) {
    if (t.hasHeader || t.count < 3) return null;
    return values.every((v, i) => v === i) ? 0 : null;
  }
  const seen = new Set<number>();
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0 || seen.has(v)) return null;
    seen.add(v);
  }
  return 0;
}

/** A label column by its header name, among the columns still in play. */
export function labelColumnByName(t: CsvTable, candidates: number[]): number | null {
  if (!t.hasHeader) return null;
  for (const name of LABEL_NAMES) {
    const j = candidates.find((c) => t.columns[c].trim().toLowerCase() === name);
    if (j !== undefined) return j;
  }
  return null;
}

interface Spread {
  whole: boolean;
  min: number;
  max: number;
  distinct: number;
}

function spread(values: ArrayLike<number>, limit: number): Spread {
  const seen = new Set<number>();
  let whole = true;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (!Number.isInteger(v)) whole = false;
    if (v < min) min = v;
    if (v > max) max = v;
    if (seen.size <= limit) seen.add(v);
  }
  return { whole, min, max, distinct: seen.size };
}

/**
 * A label column by its values, when none is named: the first or last column of few whole
 * numbers (2 to 100 classes, each seen more than once on average) unlike the other columns,
 * which either hold fractions or reach at least twice as high (pixel bytes beside digits 0-9).
 */
export function labelColumnByValues(t: CsvTable, candidates: number[]): number | null {
  if (candidates.length < 3) return null;
  const ends = [candidates[0], candidates[candidates.length - 1]];
  for (const j of ends) {
    if (t.texts.has(j)) continue;
    const own = spread(columnValues(t, j), MAX_CLASSES);
    if (!own.whole || own.min < 0 || own.distinct < 2 || own.distinct > MAX_CLASSES) continue;
    if (own.distinct * 2 > t.count) continue;
    let restWhole = true;
    let restMax = -Infinity;
    for (const c of candidates) {
      if (c === j) continue;
      const s = spread(columnValues(t, c), 0);
      restWhole &&= s.whole;
      restMax = Math.max(restMax, s.max);
    }
    if (!restWhole || restMax >= 2 * Math.max(own.max, 1)) return j;
  }
  return null;
}

/** The labels of a column: its numbers, or its texts numbered in sorted order. */
export function columnLabels(
  t: CsvTable,
  j: number,
): { labels: Int32Array; names: string[] | null } {
  const texts = t.texts.get(j);
  if (texts === undefined) return { labels: Int32Array.from(columnValues(t, j)), names: null };
  const numbers = texts.map(Number);
  if (numbers.every((v) => Number.isInteger(v) && Math.abs(v) < 2 ** 31)) {
    return { labels: Int32Array.from(numbers), names: null };
  }
  const names = [...new Set(texts)].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }),
  );
  const index = new Map(names.map((n, i) => [n, i]));
  return { labels: Int32Array.from(texts, (x) => index.get(x) ?? 0), names };
}

/** A label column can hold every label: whole numbers beyond int32 or too many classes are not labels. */
export function isLabelLike(t: CsvTable, j: number): boolean {
  const texts = t.texts.get(j);
  if (texts !== undefined) {
    const numbers = texts.map(Number);
    const fractions = numbers.some((v) => Number.isFinite(v) && !Number.isInteger(v));
    return !fractions && new Set(texts).size <= 10_000;
  }
  const s = spread(columnValues(t, j), 10_000);
  return s.whole && s.distinct <= 10_000 && Math.abs(s.min) < 2 ** 31 && Math.abs(s.max) < 2 ** 31;
}
