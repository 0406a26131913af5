import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_SETTINGS } from '../contract/training';
import { runRecordSchema } from './schema';
import {
  frameImages,
  keepSnapshot,
  MAX_SNAPSHOT_EPOCHS,
  MAX_SNAPSHOT_IMAGES,
  runSnapshotsSchema,
  type RunSnapshots,
} from './snapshots';

const event = (epoch: number, count = 16, side = 28) => ({
  epoch,
  loss: 1 / epoch,
  sampleShape: [side * side],
  count,
  reconstructions: Float32Array.from({ length: count * side * side }, (_, i) => (i % 256) / 255),
});

const oldRecord = {
  id: 'r1',
  name: 'Run 1',
  startedAt: '',
  status: 'completed',
  settings: DEFAULT_TRAIN_SETTINGS,
  epochs: [{ epoch: 1, trainLoss: 0.2, valLoss: 0.21, terms: {} }],
};

describe('keeping per-epoch reconstructions for a training animation', () => {
  it('keeps only the newest 30 epochs and the first 8 pictures of each', () => {
    let kept: RunSnapshots | null = null;
    for (let epoch = 1; epoch <= 45; epoch++) kept = keepSnapshot(kept, event(epoch));
    expect(kept!.frames).toHaveLength(MAX_SNAPSHOT_EPOCHS);
    expect(kept!.frames[0].epoch).toBe(16);
    expect(kept!.frames.at(-1)!.epoch).toBe(45);
    expect(kept!.frames.every((f) => f.count === MAX_SNAPSHOT_IMAGES)).toBe(true);
    expect(runSnapshotsSchema.safeParse(kept).success).toBe(true);
  });

  it('replaces an epoch sent twice rather than keeping both', () => {
    const once = keepSnapshot(null, event(3));
    const twice = keepSnapshot(once, { ...event(3), loss: 0.05 });
    expect(twice!.frames).toHaveLength(1);
    expect(twice!.frames[0].loss).toBe(0.05);
  });

  it('gives back the pictures as 8-bit grey values within 1/255 of the originals', () => {
    const e = event(1, 2);
    const images = frameImages(keepSnapshot(null, e)!.frames[0]);
    expect(images).toHaveLength(2 * 784);
    for (let i = 0; i < images.length; i++)
      expect(Math.abs(images[i] - e.reconstructions[i])).toBeLessThanOrEqual(0.5 / 255 + 1e-6);
  });

  it('keeps nothing of pictures larger than 64 x 64', () => {
    expect(keepSnapshot(null, event(1, 2, 100))).toBeNull();
  });

  it('still reads a run record from an older project, which has no snapshots', () => {
    const parsed = runRecordSchema.safeParse(oldRecord);
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.data.snapshots).toBeUndefined();
  });

  it('reads a run record with snapshots and refuses one with more epochs than the bound', () => {
    let kept: RunSnapshots | null = null;
    for (let epoch = 1; epoch <= 3; epoch++) kept = keepSnapshot(kept, event(epoch));
    expect(runRecordSchema.safeParse({ ...oldRecord, snapshots: kept }).success).toBe(true);
    const tooMany = { ...kept!, frames: Array.from({ length: 31 }, () => kept!.frames[0]) };
    expect(runRecordSchema.safeParse({ ...oldRecord, snapshots: tooMany }).success).toBe(false);
    const tooLarge = { ...kept!, frames: [{ ...kept!.frames[0], grey: 'A'.repeat(50_000) }] };
    expect(runRecordSchema.safeParse({ ...oldRecord, snapshots: tooLarge }).success).toBe(false);
  });
});
