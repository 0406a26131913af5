import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from './index';
import { npyBytes, put, tempFolder } from './testing/fixtures';
import { expectOk, expectProblem } from './testing/expect-problem';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => ({ dir, cleanup } = await tempFolder()));
afterAll(() => cleanup());

const read = (path: string, labelsPath?: string) =>
  importDataset({ kind: 'npy', path, labelsPath }, { scaling: 'none' });

describe('NPY importer', () => {
  it.each([
    ['<f4', [0.5, -1.25, 1e6, 3]],
    ['>f4', [0.5, -1.25, 1e6, 3]],
    ['<f8', [0.5, -1.25, 1e6, 3]],
    ['>f8', [0.5, -1.25, 1e6, 3]],
    ['|u1', [0, 1, 128, 255]],
    ['|i1', [-128, -1, 0, 127]],
    ['<i2', [-300, 2, 3, 30000]],
    ['>i2', [-300, 2, 3, 30000]],
    ['<u2', [0, 2, 3, 65535]],
    ['<i4', [-70000, 2, 3, 123456]],
    ['>i4', [-70000, 2, 3, 123456]],
    ['<i8', [-70000, 2, 3, 123456]],
    ['|b1', [0, 1, 1, 0]],
  ])('reads dtype %s with its values exact', async (descr, values) => {
    const path = await put(
      dir,
      `t${descr.replace(/\W/g, '_')}.npy`,
      npyBytes(descr, [2, 2], values),
    );
    const ds = expectOk(await read(path));
    expect(ds.sampleShape).toEqual([2]);
    expect(ds.count).toBe(2);
    expect(Array.from(ds.images)).toEqual(values);
  });

  it.each([
    [[3, 4], [4]],
    [
      [3, 2, 2],
      [2, 2, 1],
    ],
    [
      [3, 2, 1, 2],
      [2, 1, 2],
    ],
  ])('maps shape %j to sample shape %j', async (shape, sampleShape) => {
    const values = Array.from({ length: 12 }, (_, i) => i);
    const path = await put(dir, `shape-${shape.join('x')}.npy`, npyBytes('<f4', shape, values));
    const ds = expectOk(await read(path));
    expect(ds.sampleShape).toEqual(sampleShape);
    expect(ds.count).toBe(3);
    expect(Array.from(ds.images)).toEqual(values);
  });

  it.each([2, 3] as const)('reads format version %i (4-byte header length)', async (version) => {
    const path = await put(dir, `v${version}.npy`, npyBytes('<f4', [1, 3], [1, 2, 3], { version }));
    expect(Array.from(expectOk(await read(path)).images)).toEqual([1, 2, 3]);
  });

  it('reads int64 labels (NumPy default) and (N, 1) float labels that are whole', async () => {
    const path = await put(dir, 'x.npy', npyBytes('|u1', [3, 2], [0, 255, 51, 0, 255, 255]));
    const int64 = await put(dir, 'y64.npy', npyBytes('<i8', [3], [4, 0, 9]));
    const floats = await put(dir, 'yf.npy', npyBytes('<f8', [3, 1], [1, 2, 3]));
    const ds = expectOk(await importDataset({ kind: 'npy', path, labelsPath: int64 }));
    expect(Array.from(ds.labels ?? [])).toEqual([4, 0, 9]);
    expect(Array.from(ds.images)).toEqual([0, 1, 0.2, 0, 1, 1].map(Math.fround));
    expect(Array.from(expectOk(await read(path, floats)).labels ?? [])).toEqual([1, 2, 3]);
  });
});

describe('NPY importer refuses broken files with a specific message', () => {
  const broken = async (name: string, bytes: Uint8Array | string) =>
    read(await put(dir, name, bytes));

  it('reports a bad magic number', async () => {
    expectProblem(await broken('magic.npy', 'not numpy at all'), 'D301', /bad magic number/);
  });

  it('reports an unknown format version', async () => {
    const bytes = npyBytes('<f4', [1, 1], [1]);
    bytes[6] = 9;
    expectProblem(await broken('version.npy', bytes), 'D302', /version 9/);
  });

  it("names an unsupported dtype such as '<c16'", async () => {
    const bytes = npyBytes('<f8', [1, 1], [1, 0], { descr: '<c16' });
    expectProblem(await broken('complex.npy', bytes), 'D304', "unsupported dtype '<c16'");
  });

  it("says a pickled object array (dtype '|O') holds Python objects and is never unpickled", async () => {
    const bytes = npyBytes('<f8', [1, 1], [1], { descr: '|O' });
    expectProblem(
      await broken('pickled.npy', bytes),
      'D306',
      /holds Python objects .*never runs code/,
    );
  });

  it('refuses structured arrays as an unsupported dtype', async () => {
    const bytes = npyBytes('<f4', [1, 1], [1], { descr: "[('a', '<f4')]" });
    expectProblem(await broken('structured.npy', bytes), 'D304', /unsupported dtype/);
  });

  it('refuses Fortran order and says how to save it', async () => {
    const bytes = npyBytes('<f4', [2, 2], [1, 2, 3, 4], { fortranOrder: true });
    expectProblem(await broken('fortran.npy', bytes), 'D305', /Fortran.*ascontiguousarray/);
  });

  it('reports a header without a shape', async () => {
    const bytes = npyBytes('<f4', [1, 1], [1]);
    const text = new TextDecoder('latin1').decode(bytes).replace("'shape'", "'shope'");
    expectProblem(await broken('noshape.npy', Buffer.from(text, 'latin1')), 'D303', /shape/);
  });

  it('reports a file cut short', async () => {
    const bytes = npyBytes('<f4', [4, 4], new Array(16).fill(1));
    expectProblem(
      await broken('cut.npy', bytes.subarray(0, bytes.length - 3)),
      'D104',
      /cut short/,
    );
  });

  it('refuses a header claiming 10^12 numbers before allocating memory for them', async () => {
    const lying = npyBytes('<f4', [1_000_000, 1_000_000], [1, 2]);
    const before = process.memoryUsage().arrayBuffers;
    expectProblem(await broken('lying.npy', lying), 'D104', /1,000,000 x 1,000,000/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('points to labels when a one-dimensional array is chosen as the samples', async () => {
    expectProblem(await broken('flat.npy', npyBytes('<i4', [3], [1, 2, 3])), 'D105', /label file/);
  });

  it('refuses more than four dimensions', async () => {
    const bytes = npyBytes('<f4', [1, 1, 1, 1, 2], [1, 2]);
    expectProblem(await broken('5d.npy', bytes), 'D106', /\(1, 1, 1, 1, 2\)/);
  });

  it('refuses labels that are not whole numbers', async () => {
    const path = await put(dir, 'x2.npy', npyBytes('<f4', [2, 1], [1, 2]));
    const labelsPath = await put(dir, 'y-half.npy', npyBytes('<f4', [2], [1, 1.5]));
    expectProblem(await read(path, labelsPath), 'D202', /Label 2 .* is 1\.5/);
  });

  it('refuses labels of another count and labels with two columns', async () => {
    const path = await put(dir, 'x3.npy', npyBytes('<f4', [2, 1], [1, 2]));
    const three = await put(dir, 'y3.npy', npyBytes('<i4', [3], [1, 2, 3]));
    const wide = await put(dir, 'y-wide.npy', npyBytes('<i4', [2, 2], [1, 2, 3, 4]));
    expectProblem(await read(path, three), 'D201', /3 labels but the image file has 2 images/);
    expectProblem(await read(path, wide), 'D203', /one number per image/);
  });
});
