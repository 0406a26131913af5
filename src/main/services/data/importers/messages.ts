import type { Result } from '../../../../shared/contract/result';

// Every problem an importer reports, in one place and numbered: the number (in error.details.issue)
// stays when the wording improves, so tests, logs and help pages can rely on it.

type Failure = Extract<Result<never>, { ok: false }>;

function problem(issue: string, message: string): Failure {
  return { ok: false, error: { code: 'E_DATA', message, details: { issue } } };
}

/** 60000 -> "60,000": people read grouped digits more easily. */
export function formatCount(n: number): string {
  return Number.isFinite(n)
    ? Math.round(n).toLocaleString('en-US')
    : 'an impossibly large number of';
}

/** Bytes in the unit a person expects (KB, MB, GB). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return 'an impossibly large amount';
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${formatCount(value)} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * A piece of the person's file as a message quotes it: one line, at most 20 characters. A file
 * named by someone else (browser mode) must not come back whole through an error message.
 */
export function quoteCell(text: string): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return line.length > 20 ? `${line.slice(0, 19)}…` : line;
}

const shapeText = (dims: readonly number[]): string => dims.map(formatCount).join(' x ');

export const dataProblems = {
  // Files in general
  invalidRequest: (detail: string) =>
    problem('D001', `The data set request is incomplete or wrong: ${detail}.`),
  fileMissing: (file: string) =>
    problem(
      'D002',
      `The file '${file}' was not found. Check that it still exists and was not moved.`,
    ),
  notAFile: (file: string) =>
    problem('D003', `'${file}' is a folder, not a file. Choose the data file inside it.`),
  fileUnreadable: (file: string, reason: string) =>
    problem('D004', `The file '${file}' could not be read (${reason}).`),
  emptyFile: (file: string) => problem('D005', `The file '${file}' is empty.`),
  fileTooLarge: (file: string, bytes: number, maxBytes: number) =>
    problem(
      'D006',
      `The file '${file}' is ${formatBytes(bytes)}, more than the limit of ${formatBytes(maxBytes)}. ` +
        'Use a smaller part of the data or raise the limit.',
    ),
  gzipBroken: (file: string) =>
    problem(
      'D007',
      `The file '${file}' looks compressed (.gz) but could not be unpacked: it may be damaged or cut short.`,
    ),
  gzipTooLarge: (file: string, maxBytes: number) =>
    problem(
      'D008',
      `The file '${file}' unpacks to more than the limit of ${formatBytes(maxBytes)}.`,
    ),
  tooMuchData: (file: string, bytes: number, maxBytes: number) =>
    problem(
      'D009',
      `The data in '${file}' would take ${formatBytes(bytes)} of memory, more than the limit of ` +
        `${formatBytes(maxBytes)}. Use a smaller part of the data or raise the limit.`,
    ),
  unexpected: (reason: string) =>
    problem('D010', `The data set could not be read because of an unexpected problem (${reason}).`),
  notFinite: (file: string, sample: number, position: number, value: number) =>
    problem(
      'D011',
      `Sample ${formatCount(sample + 1)} of '${file}' holds ${String(value)} at value ${formatCount(position + 1)}; ` +
        'every value must be an ordinary number.',
    ),

  // IDX (MNIST format)
  idxBadMagic: (file: string) =>
    problem(
      'D101',
      `'${file}' is not an IDX file: it does not start with the IDX magic number (two zero bytes, ` +
        'a type byte, then the number of dimensions, as 0x00000803 for MNIST images and 0x00000801 ' +
        'for labels). Choose the original MNIST-style file, named like train-images-idx3-ubyte.',
    ),
  idxUnknownType: (file: string, typeByte: number) =>
    problem(
      'D102',
      `'${file}' says its numbers are of type 0x${typeByte.toString(16).padStart(2, '0')}, which IDX does not define.`,
    ),
  idxHeaderCut: (file: string) =>
    problem('D103', `'${file}' ends inside its header: the file is cut short.`),
  sizeMismatch: (file: string, dims: readonly number[], expected: number, actual: number) =>
    problem(
      'D104',
      expected > actual
        ? `'${file}' says it holds ${shapeText(dims)} numbers (${formatBytes(expected)}) but only ` +
            `${formatBytes(actual)} follow its header: the file is cut short or its header is wrong.`
        : `'${file}' has ${formatCount(actual - expected)} bytes more than its header describes ` +
            `(${shapeText(dims)} numbers): the file is damaged or not what it claims to be.`,
    ),
  imagesLookLikeLabels: (file: string) =>
    problem(
      'D105',
      `'${file}' holds one number per item, which is what a label file looks like. Choose it as the label file and pick the image file as the data.`,
    ),
  tooManyDims: (file: string, dims: readonly number[]) =>
    problem(
      'D106',
      `'${file}' has shape (${dims.join(', ')}). Supported are (count, values), (count, height, width) and (count, height, width, channels).`,
    ),

  // Labels
  labelCountMismatch: (labels: number, images: number) =>
    problem(
      'D201',
      `The label file has ${formatCount(labels)} labels but the image file has ${formatCount(images)} images. ` +
        'Each image needs exactly one label: check that the two files belong together.',
    ),
  labelsNotWhole: (file: string, index: number, value: number) =>
    problem(
      'D202',
      `Label ${formatCount(index + 1)} in '${file}' is ${String(value)}; labels must be whole numbers such as 0 to 9.`,
    ),
  labelsShape: (file: string, dims: readonly number[]) =>
    problem(
      'D203',
      `'${file}' has shape (${dims.join(', ')}); a label file holds one number per image.`,
    ),

  // NPY
  npyBadMagic: (file: string) =>
    problem(
      'D301',
      `'${file}' is not a NumPy .npy file (bad magic number). Save arrays with numpy.save.`,
    ),
  npyVersion: (file: string, major: number) =>
    problem(
      'D302',
      `'${file}' uses .npy format version ${major}, which is not supported (1, 2 and 3 are).`,
    ),
  npyBadHeader: (file: string, detail: string) =>
    problem('D303', `The header of '${file}' could not be understood (${detail}).`),
  npyUnsupportedType: (file: string, descr: string) =>
    problem(
      'D304',
      `'${file}' holds numbers of unsupported dtype '${quoteCell(descr)}'. Supported are whole numbers (uint8, int8, int16, int32, ...) and float32 / float64.`,
    ),
  npyPickled: (file: string) =>
    problem(
      'D306',
      `'${file}': this .npy file holds Python objects (it was saved with pickling); the app reads ` +
        'only numeric arrays and never runs code from a file. Save the numbers as a numeric array, ' +
        'for example numpy.save(path, numpy.asarray(a, dtype=numpy.float32)).',
    ),
  npyFortranOrder: (file: string) =>
    problem(
      'D305',
      `'${file}' is stored in Fortran (column) order, which is not supported. Save it with numpy.save(path, numpy.ascontiguousarray(a)).`,
    ),

  // CSV
  csvEmpty: (file: string) => problem('D401', `'${file}' has no rows of numbers.`),
  csvRagged: (row: number, got: number, expected: number, hasHeader: boolean) =>
    problem(
      'D402',
      `Row ${formatCount(row)} of the CSV has ${formatCount(got)} values but the ${hasHeader ? 'header' : 'first row'} ` +
        `has ${formatCount(expected)}. Every row needs the same number of values.`,
    ),
  csvNotANumber: (row: number, column: string, text: string) =>
    problem(
      'D403',
      text.trim() === ''
        ? `Row ${formatCount(row)} of the CSV has an empty value in column ${column}; fill it in or remove the row.`
        : `Row ${formatCount(row)} of the CSV has '${quoteCell(text)}' in column ${column}, which is not a number.`,
    ),
  csvNoLabelColumn: (name: string, columns: readonly string[]) =>
    problem(
      'D404',
      `The CSV has no column named '${quoteCell(name)}'. Its columns are: ${columns
        .slice(0, 8)
        .map((c) => `'${quoteCell(c)}'`)
        .join(', ')}${columns.length > 8 ? ', ...' : ''}.`,
    ),
  csvLabelNeedsHeader: (name: string) =>
    problem(
      'D405',
      `A label column '${quoteCell(name)}' was chosen but the CSV has no header row naming its columns. Add a header row or choose no label column.`,
    ),
  csvOnlyLabels: () =>
    problem(
      'D406',
      'The CSV has no columns left besides the label column: there is nothing to learn from.',
    ),
  csvQuotes: (row: number) =>
    problem(
      'D408',
      `Row ${formatCount(row)} of the CSV opens a quoted value (") that never closes. ` +
        'Check the quotes in that row, or save the table again from the spreadsheet.',
    ),
  csvTooLarge: (file: string) =>
    problem(
      'D407',
      `'${file}' is too large to read as text (over 500 MB). Save the data as .npy instead.`,
    ),

  // Folders of pictures
  folderMissing: (folder: string) =>
    problem('D501', `The folder '${folder}' was not found or is not a folder.`),
  folderEmpty: (folder: string) =>
    problem('D502', `The folder '${folder}' holds no PNG or JPEG images.`),
  notAnImage: (rel: string) =>
    problem(
      'D503',
      `'${rel}' in the folder is not a PNG or JPEG image. Remove it or move it out of the folder.`,
    ),
  imageBroken: (rel: string, reason: string) =>
    problem('D504', `The image '${rel}' could not be decoded (${reason}); it may be damaged.`),
  imageWrongSize: (rel: string, w: number, h: number, tw: number, th: number) =>
    problem(
      'D505',
      `Image '${rel}' is ${w}x${h} but the chosen size is ${tw}x${th} and resizing is off. Turn resizing on or choose ${w}x${h}.`,
    ),
  imageTooLarge: (rel: string, w: number, h: number) =>
    problem(
      'D506',
      `Image '${rel}' is ${formatCount(w)}x${formatCount(h)} pixels, too large to read as a training picture.`,
    ),
  imageBesideClasses: (rel: string) =>
    problem(
      'D507',
      `'${rel}' sits beside the class folders. When sub-folders name the classes, every image must be inside one of them.`,
    ),
} as const;
