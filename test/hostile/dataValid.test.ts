import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDataCase, VALID_DATA_DIR } from './dataCases';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'valid-data-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('valid data files read right', () => {
  it('drops the pandas index column and uses the label column of df.to_csv()', async () => {
    const got = await runDataCase(join(VALID_DATA_DIR, 'pandas-index-label.csv'), dataDir);
    expect(got.code, got.message).toBeNull();
    expect(got.message).toMatch(/index/i);
    expect(got.message).toMatch(/'label'/);
  });

  it('detects an unnamed integer class column beside pixel bytes as the labels', async () => {
    const got = await runDataCase(join(VALID_DATA_DIR, 'pandas-index-unnamed-label.csv'), dataDir);
    expect(got.code, got.message).toBeNull();
    expect(got.message).toMatch(/'digit'/);
  });

  it('reads a quoted header cell that holds a newline', async () => {
    const got = await runDataCase(join(VALID_DATA_DIR, 'quoted-newline.csv'), dataDir);
    expect(got.code, got.message).toBeNull();
  });
});
