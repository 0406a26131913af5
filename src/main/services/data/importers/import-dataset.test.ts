import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset, type ImportSource } from './index';
import { idxBytes, jpegBytes, npyBytes, pngBytes, put, tempFolder } from './testing/fixtures';
import { expectOk, expectProblem } from './testing/expect-problem';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => ({ dir, cleanup } = await tempFolder()));
afterAll(() => cleanup());

describe('importDataset', () => {
  it('refuses a malformed request instead of throwing', async () => {
    const bad = {
      kind: 'imageFolder',
      path: dir,
      width: 0,
      height: 8,
      channels: 2,
    } as unknown as ImportSource;
    expectProblem(await importDataset(bad), 'D001', /width/);
    const unknown = { kind: 'hdf5', path: 'x.h5' } as unknown as ImportSource;
    expectProblem(await importDataset(unknown), 'D001');
    const path = await put(dir, 'ok.csv', '1\n');
    expectProblem(await importDataset({ kind: 'csv', path }, { maxBytes: -1 }), 'D001', /maxBytes/);
  });

  it('reports a missing file, a folder given as a file and a file over the size limit', async () => {
    expectProblem(
      await importDataset({ kind: 'npy', path: `${dir}/missing.npy` }),
      'D002',
      /'missing.npy' was not found/,
    );
    expectProblem(await importDataset({ kind: 'npy', path: dir }), 'D003');
    const path = await put(dir, 'big.npy', npyBytes('<f4', [4, 4], new Array(16).fill(0)));
    expectProblem(
      await importDataset({ kind: 'npy', path }, { maxBytes: 64 }),
      'D006',
      /more than the limit/,
    );
  });

  it('scales to [0, 1] by default and standardizes when asked', async () => {
    const path = await put(dir, 'x.npy', npyBytes('<f4', [2, 1], [10, 30]));
    expect(Array.from(expectOk(await importDataset({ kind: 'npy', path })).images)).toEqual([0, 1]);
    const z = expectOk(await importDataset({ kind: 'npy', path }, { scaling: 'standardize' }));
    expect(Array.from(z.images)).toEqual([-1, 1]);
  });

  it('never throws, whatever bytes a file holds', async () => {
    const valid = [idxBytes('u1', [2, 2], [1, 2, 3, 4]), npyBytes('<f4', [2, 2], [1, 2, 3, 4])];
    const kinds = ['idx', 'npy', 'csv'] as const;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...kinds),
        fc.oneof(
          fc.uint8Array({ maxLength: 64 }),
          // Valid files with a few bytes changed reach deeper than random noise.
          fc
            .tuple(
              fc.constantFrom(...valid),
              fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
            )
            .map(([bytes, edits]) => {
              const copy = bytes.slice();
              for (const [at, v] of edits) copy[at % copy.length] = v;
              return copy;
            }),
        ),
        async (kind, bytes) => {
          n += 1;
          const path = await put(dir, `fuzz-${n}`, bytes);
          const source: ImportSource =
            kind === 'idx' ? { kind, imagesPath: path, labelsPath: path } : { kind, path };
          const result = await importDataset(source, { maxBytes: 1 << 20 });
          // D010 is the catch-all for a throw nobody foresaw: every broken file gets its own message.
          if (!result.ok) expect(result.error.details).not.toEqual({ issue: 'D010' });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on damaged PNG or JPEG pictures', async () => {
    const pictures = [
      pngBytes(6, 5, (x, y) => [x * 40, y * 50, 90, 255]),
      jpegBytes(9, 7, (x, y) => [x * 20, y * 30, 60]),
    ];
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...pictures),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.nat(),
        async (picture, edits, cut) => {
          n += 1;
          const copy = picture.slice(0, picture.length - (cut % 8));
          for (const [at, v] of edits) copy[at % copy.length] = v;
          const path = `${dir}/pictures-${n}`;
          await put(path, 'a.img', copy);
          const source = { kind: 'imageFolder', path, width: 4, height: 4, channels: 3 } as const;
          const result = await importDataset(source, { maxBytes: 1 << 20 });
          if (!result.ok) expect(result.error.details).not.toEqual({ issue: 'D010' });
        },
      ),
      { numRuns: 200 },
    );
  });
});
