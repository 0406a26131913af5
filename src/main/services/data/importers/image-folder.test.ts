import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from './index';
import { jpegBytes, pngBytes, put, tempFolder } from './testing/fixtures';
import { expectOk, expectProblem } from './testing/expect-problem';
import type { ResizeMode } from './types';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => ({ dir, cleanup } = await tempFolder()));
afterAll(() => cleanup());

const grey = (v: number): [number, number, number, number] => [v, v, v, 255];
const folder = (path: string, size: number, channels: 1 | 3, resize?: ResizeMode) =>
  importDataset({ kind: 'imageFolder', path, width: size, height: size, channels, resize });

describe('picture folder importer', () => {
  it('reads grey PNGs with labels from sub-folder names', async () => {
    const root = join(dir, 'digits');
    await put(
      root,
      'cat/1.png',
      pngBytes(2, 2, (x) => grey(x * 255)),
    );
    await put(
      root,
      'cat/2.png',
      pngBytes(2, 2, (x, y) => grey(y * 51)),
    );
    await put(
      root,
      'dog/1.png',
      pngBytes(2, 2, () => grey(102)),
    );
    await put(root, 'dog/.DS_Store', 'finder clutter');
    const ds = expectOk(await folder(root, 2, 1));
    expect(ds.name).toBe('digits');
    expect(ds.sampleShape).toEqual([2, 2, 1]);
    expect(ds.count).toBe(3);
    expect(ds.labelNames).toEqual(['cat', 'dog']);
    expect(Array.from(ds.labels ?? [])).toEqual([0, 0, 1]);
    const expected = [0, 255, 0, 255, 0, 0, 51, 51, 102, 102, 102, 102].map((v) =>
      Math.fround(v / 255),
    );
    expect(Array.from(ds.images)).toEqual(expected);
  });

  it('keeps colour channels or turns colour into grey with the usual luminance weights', async () => {
    const root = join(dir, 'colour');
    await put(
      root,
      'a.png',
      pngBytes(1, 1, () => [255, 0, 51, 255]),
    );
    const rgb = expectOk(await folder(root, 1, 3));
    expect(Array.from(rgb.images)).toEqual([1, 0, 0.2].map(Math.fround));
    expect(rgb.labels).toBeNull();
    const lum = expectOk(await folder(root, 1, 1));
    expect(lum.images[0]).toBeCloseTo(0.299 + 0.114 * 0.2, 5);
  });

  it('reads JPEGs, whose values are close to what was encoded', async () => {
    const root = join(dir, 'jpegs');
    await put(
      root,
      'red/1.jpg',
      jpegBytes(8, 8, () => [200, 40, 40]),
    );
    await put(
      root,
      'blue/1.jpeg',
      jpegBytes(8, 8, () => [30, 60, 220]),
    );
    const ds = expectOk(await folder(root, 8, 3));
    expect(ds.labelNames).toEqual(['blue', 'red']);
    const first = Array.from(ds.images.subarray(0, 3)).map((v) => v * 255);
    const last = Array.from(ds.images.subarray(ds.images.length - 3)).map((v) => v * 255);
    [30, 60, 220].forEach((v, i) => expect(Math.abs(first[i] - v)).toBeLessThan(6));
    [200, 40, 40].forEach((v, i) => expect(Math.abs(last[i] - v)).toBeLessThan(6));
  });

  it('resizes to the chosen size: area averaging when shrinking', async () => {
    const root = join(dir, 'shrink');
    // 4x4 of 2x2 blocks: each output pixel of a 2x2 result is the mean of one block.
    await put(
      root,
      'a.png',
      pngBytes(4, 4, (x, y) => grey((x < 2 ? 0 : 100) + (y < 2 ? 0 : 50) + (x % 2) * 10)),
    );
    const ds = expectOk(await folder(root, 2, 1));
    expect(Array.from(ds.images).map((v) => Math.round(v * 255))).toEqual([5, 105, 55, 155]);
  });

  it('sorts class folders as people count (2 before 10)', async () => {
    const root = join(dir, 'numbers');
    await put(
      root,
      '10/a.png',
      pngBytes(1, 1, () => grey(1)),
    );
    await put(
      root,
      '2/a.png',
      pngBytes(1, 1, () => grey(2)),
    );
    await put(root, 'empty-class/.keep', '');
    const ds = expectOk(await folder(root, 1, 1));
    expect(ds.labelNames).toEqual(['2', '10']);
  });
});

describe('picture folder importer refuses problems with a specific message', () => {
  it('names a file that is not a picture', async () => {
    const root = join(dir, 'notes');
    await put(
      root,
      'cat/1.png',
      pngBytes(2, 2, () => grey(0)),
    );
    await put(root, 'cat/notes.txt', 'not a picture');
    expectProblem(
      await folder(root, 2, 1),
      'D503',
      "'cat/notes.txt' in the folder is not a PNG or JPEG image",
    );
  });

  it('names a picture of another size when resizing is off', async () => {
    const root = join(dir, 'sizes');
    await put(
      root,
      'cat/3.png',
      pngBytes(32, 32, () => grey(0)),
    );
    const message = expectProblem(await folder(root, 28, 1, 'off'), 'D505');
    expect(message).toContain("Image 'cat/3.png' is 32x32 but the chosen size is 28x28");
  });

  it('reports a damaged picture', async () => {
    const root = join(dir, 'damaged');
    const png = pngBytes(8, 8, (x) => grey(x * 30));
    await put(root, 'a.png', png.subarray(0, png.length - 20));
    expectProblem(await folder(root, 8, 1), 'D504', /'a.png' could not be decoded/);
  });

  it('refuses a picture whose header claims 100,000 x 100,000 pixels without decoding it', async () => {
    const root = join(dir, 'giant');
    const png = pngBytes(1, 1, () => grey(0)).slice();
    new DataView(png.buffer).setUint32(16, 100_000);
    new DataView(png.buffer).setUint32(20, 100_000);
    await put(root, 'a.png', png);
    expectProblem(await folder(root, 8, 1), 'D506', /100,000x100,000 pixels/);
  });

  it('refuses a picture beside the class folders', async () => {
    const root = join(dir, 'mixed');
    await put(
      root,
      'cat/1.png',
      pngBytes(1, 1, () => grey(0)),
    );
    await put(
      root,
      'stray.png',
      pngBytes(1, 1, () => grey(0)),
    );
    expectProblem(await folder(root, 1, 1), 'D507', /'stray.png' sits beside the class folders/);
  });

  it('reports a missing folder, an empty one and one too large for the memory limit', async () => {
    expectProblem(await folder(join(dir, 'nowhere'), 1, 1), 'D501');
    const empty = join(dir, 'void');
    await put(empty, '.hidden', '');
    expectProblem(await folder(empty, 1, 1), 'D502');
    const big = join(dir, 'big');
    await put(
      big,
      'a.png',
      pngBytes(1, 1, () => grey(0)),
    );
    const path = big;
    const result = await importDataset(
      { kind: 'imageFolder', path, width: 100, height: 100, channels: 3 },
      { maxBytes: 1000 },
    );
    expectProblem(result, 'D009', /more than the limit/);
  });
});
