import { useEffect, useMemo, useState } from 'react';
import { decodeCodes, encodeImagesInBatches } from '../actions/model';
import type { Samples, Snapshot } from '../stores/runState';

/** The rows the reconstruction board draws, for `count` samples. */
export interface ReconRows {
  count: number;
  labels: number[];
  originals: Float32Array;
  noisy: Float32Array | null;
  reconstructions: Float32Array;
  /** Where they come from: the epoch's snapshot, or chosen digits encoded and decoded now. */
  source: 'snapshot' | 'chosen';
}

const MAX_CHOSEN = 16;

function pick(values: Float32Array, indices: number[], size: number): Float32Array<ArrayBuffer> {
  const out = new Float32Array(indices.length * size);
  indices.forEach((i, k) => out.set(values.subarray(i * size, (i + 1) * size), k * size));
  return out;
}

/** The snapshot's samples with a chosen label (all when none is chosen). */
export function filterSnapshot(snapshot: Snapshot, chosen: ReadonlySet<number>): ReconRows {
  const size = snapshot.sampleShape.reduce((a, b) => a * b, 1);
  const all = Array.from({ length: snapshot.count }, (_, i) => i);
  const keep = chosen.size === 0 ? all : all.filter((i) => chosen.has(snapshot.labels[i] ?? -1));
  return {
    count: keep.length,
    labels: keep.map((i) => snapshot.labels[i] ?? -1),
    originals: pick(snapshot.originals, keep, size),
    noisy: snapshot.noisy ? pick(snapshot.noisy, keep, size) : null,
    reconstructions: pick(snapshot.reconstructions, keep, size),
    source: 'snapshot',
  };
}

/**
 * The digits to show: with labels chosen, up to 16 validation samples of those labels are
 * encoded and decoded by the current model after every epoch ('model.encode' + 'model.decode');
 * without a choice, or when the model cannot do that, the epoch's snapshot.
 */
export function useChosenRecon(
  runId: string | null,
  snapshot: Snapshot | null,
  samples: Samples | null,
  chosen: ReadonlySet<number>,
): ReconRows | null {
  const fallback = useMemo(
    () => (snapshot ? filterSnapshot(snapshot, chosen) : null),
    [snapshot, chosen],
  );
  const [decoded, setDecoded] = useState<ReconRows | null>(null);
  useEffect(() => {
    setDecoded(null);
    if (!runId || !snapshot || !samples || chosen.size === 0) return;
    let live = true;
    const size = samples.sampleShape.reduce((a, b) => a * b, 1);
    const indices: number[] = [];
    for (let i = 0; i < samples.count && indices.length < MAX_CHOSEN; i++)
      if (chosen.has(samples.labels[i])) indices.push(i);
    if (indices.length === 0) return;
    const originals = pick(samples.images, indices, size);
    void (async () => {
      // In batches: 16 large pictures in one request could pass browser mode's frame limit.
      const codes = await encodeImagesInBatches(runId, originals, indices.length);
      if (!codes.ok || !live) return;
      const images = await decodeCodes({
        runId,
        points: codes.value.codes,
        count: indices.length,
      });
      if (!images.ok || !live) return;
      setDecoded({
        count: indices.length,
        labels: indices.map((i) => samples.labels[i]),
        originals,
        noisy: null,
        reconstructions: images.value.images,
        source: 'chosen',
      });
    })();
    return () => {
      live = false;
    };
  }, [runId, snapshot, samples, chosen]);
  return decoded ?? fallback;
}
