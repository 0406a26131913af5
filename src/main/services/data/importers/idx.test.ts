import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from './index';
import { concat, gzip, idxBytes, put, tempFolder } from './testing/fixtures';
import { expectOk, expectProblem } from './testing/expect-problem';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => ({ dir, cleanup } = await tempFolder()));
afterAll(() => cleanup());

// Three 2x2 "digits" and their labels, the MNIST layout in miniature.
const pixels = [0, 255, 51, 102, 10, 20, 30, 40, 255, 255, 0, 0];
const images = idxBytes('u1', [3, 2, 2], pixels);
const labels = idxBytes('u1', [3], [7, 2, 1]);

describe('IDX importer', () => {
  it('reads MNIST-style images as H x W x 1 scaled by 255, with their labels', async () => {
    const imagesPath = await put(dir, 'train-images-idx3-ubyte', images);
    const labelsPath = await put(dir, 'train-labels-idx1-ubyte', labels);
    const ds = expectOk(await importDataset({ kind: 'idx', imagesPath, labelsPath }));
    expect(ds.name).toBe('train-images-idx3-ubyte');
    expect(ds.count).toBe(3);
    expect(ds.sampleShape).toEqual([2, 2, 1]);
    expect(Array.from(ds.images)).toEqual(pixels.map((v) => Math.fround(v / 255)));
    expect(Array.from(ds.labels ?? [])).toEqual([7, 2, 1]);
    expect(ds.labelNames).toBeNull();
  });

  it('reads gzip-compressed image and label files the same way', async () => {
    const imagesPath = await put(dir, 'gz/images.gz', gzip(images));
    const labelsPath = await put(dir, 'gz/labels.gz', gzip(labels));
    const ds = expectOk(await importDataset({ kind: 'idx', imagesPath, labelsPath }));
    expect(ds.name).toBe('images');
    expect(Array.from(ds.images)).toEqual(pixels.map((v) => Math.fround(v / 255)));
    expect(Array.from(ds.labels ?? [])).toEqual([7, 2, 1]);
  });

  it.each([
    ['f4', [1.5, -2.25, 3, 0.125]],
    ['f8', [1.5, -2.25, 3, 0.125]],
    ['i2', [-300, 5, 1000, 7]],
    ['i4', [-70000, 5, 123456, 7]],
  ])('reads (N, D) arrays of type %s without scaling when asked', async (code, values) => {
    const imagesPath = await put(dir, `vectors-${code}.idx`, idxBytes(code, [2, 2], values));
    const ds = expectOk(await importDataset({ kind: 'idx', imagesPath }, { scaling: 'none' }));
    expect(ds.sampleShape).toEqual([2]);
    expect(ds.count).toBe(2);
    expect(Array.from(ds.images)).toEqual(values);
    expect(ds.labels).toBeNull();
  });

  it('reads (N, H, W, C) colour images', async () => {
    const values = Array.from({ length: 2 * 2 * 1 * 3 }, (_, i) => i);
    const imagesPath = await put(dir, 'colour.idx', idxBytes('u1', [2, 2, 1, 3], values));
    const ds = expectOk(await importDataset({ kind: 'idx', imagesPath }, { scaling: 'none' }));
    expect(ds.sampleShape).toEqual([2, 1, 3]);
    expect(Array.from(ds.images)).toEqual(values);
  });
});

describe('IDX importer refuses broken files with a specific message', () => {
  it('names a magic number whose rank byte is wrong, not a size mismatch of "… x 0 numbers"', async () => {
    // 0x00000804 over 28x28 images: the first pixel bytes are read as a fourth dimension of 0.
    const body = idxBytes('u1', [10, 28, 28], new Array<number>(10 * 28 * 28).fill(0));
    const wrong = concat(body.subarray(0, 3), new Uint8Array([4]), body.subarray(4));
    const imagesPath = await put(dir, 'rank-4', wrong);
    expectProblem(await importDataset({ kind: 'idx', imagesPath }), 'D101', /not an IDX file/);
  });

  it('reports a bad magic number', async () => {
    const imagesPath = await put(
      dir,
      'bad-magic',
      concat(new Uint8Array([1, 2]), images.subarray(2)),
    );
    expectProblem(
      await importDataset({ kind: 'idx', imagesPath }),
      'D101',
      /not an IDX file: it does not start with the IDX magic number/,
    );
  });

  it('reports a type byte IDX does not define', async () => {
    const broken = images.slice();
    broken[2] = 0x07;
    const imagesPath = await put(dir, 'bad-type', broken);
    expectProblem(await importDataset({ kind: 'idx', imagesPath }), 'D102', /0x07/);
  });

  it('reports a file cut short', async () => {
    const imagesPath = await put(dir, 'cut', images.subarray(0, images.length - 5));
    expectProblem(await importDataset({ kind: 'idx', imagesPath }), 'D104', /cut short/);
  });

  it('reports a header cut short', async () => {
    const imagesPath = await put(dir, 'cut-header', images.subarray(0, 9));
    expectProblem(await importDataset({ kind: 'idx', imagesPath }), 'D103', /cut short/);
  });

  it('reports bytes beyond what the header describes', async () => {
    const imagesPath = await put(dir, 'long', concat(images, new Uint8Array(4)));
    expectProblem(await importDataset({ kind: 'idx', imagesPath }), 'D104', /4 bytes more/);
  });

  it('reports a label file with another count than the image file', async () => {
    const imagesPath = await put(dir, 'mismatch-images', images);
    const labelsPath = await put(dir, 'mismatch-labels', idxBytes('u1', [2], [1, 2]));
    const message = expectProblem(
      await importDataset({ kind: 'idx', imagesPath, labelsPath }),
      'D201',
    );
    expect(message).toContain('The label file has 2 labels but the image file has 3 images');
  });

  it('groups digits in counts as people read them (60,000)', async () => {
    const imagesPath = await put(
      dir,
      'big-count-images',
      idxBytes('u1', [60000, 1], new Array(60000).fill(0)),
    );
    const labelsPath = await put(
      dir,
      'big-count-labels',
      idxBytes('u1', [59999], new Array(59999).fill(0)),
    );
    const message = expectProblem(
      await importDataset({ kind: 'idx', imagesPath, labelsPath }),
      'D201',
    );
    expect(message).toContain('has 59,999 labels but the image file has 60,000 images');
  });

  it('points to the label file when a label file is chosen as the images', async () => {
    const imagesPath = await put(dir, 'labels-as-images', labels);
    expectProblem(await importDataset({ kind: 'idx', imagesPath }), 'D105', /label file/);
  });

  it('refuses a header claiming 10^12 numbers before allocating memory for them', async () => {
    const lying = idxBytes('u1', [1_000_000, 1_000_000], [1, 2, 3]);
    const imagesPath = await put(dir, 'lying', lying);
    const before = process.memoryUsage().arrayBuffers;
    const result = await importDataset({ kind: 'idx', imagesPath });
    expectProblem(result, 'D104', /1,000,000 x 1,000,000 numbers/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses a true header whose data would exceed the memory limit', async () => {
    const imagesPath = await put(dir, 'limit', images);
    const result = await importDataset({ kind: 'idx', imagesPath }, { maxBytes: 40 });
    expectProblem(result, 'D009', /more than the limit/);
  });

  it('reports a damaged gzip file', async () => {
    const packed = gzip(images);
    const imagesPath = await put(dir, 'damaged.gz', packed.subarray(0, packed.length - 12));
    expectProblem(
      await importDataset({ kind: 'idx', imagesPath }),
      'D007',
      /could not be unpacked/,
    );
  });

  it('stops unpacking a gzip file at the memory limit', async () => {
    const bomb = gzip(idxBytes('u1', [1000, 1000], new Array(1_000_000).fill(0)));
    const imagesPath = await put(dir, 'bomb.gz', bomb);
    const result = await importDataset({ kind: 'idx', imagesPath }, { maxBytes: 100_000 });
    expectProblem(result, 'D008', /unpacks to more than/);
  });
});
