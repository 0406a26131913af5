import { useEffect, useMemo, useState } from 'react';
import { decodeCodes } from '../actions/model';
import { imageGeometry } from '../recon/imageGrid';
import type { Codes, Samples } from '../stores/runState';
import { useRun } from '../stores/runStore';
import { useInspect } from './inspectStore';
import { buildAtlas, type SpriteAtlas } from './spriteAtlas';

// Both scatters draw the same decoded thumbnails: one decode per epoch's codes.
const decodedOf = new WeakMap<Codes, Promise<Float32Array | null>>();

function decodeAll(runId: string, codes: Codes): Promise<Float32Array | null> {
  let pending = decodedOf.get(codes);
  if (!pending) {
    pending = decodeCodes({
      runId,
      points: codes.codes.slice(0, codes.count * codes.codeSize),
      count: codes.count,
    }).then((r) => (r.ok ? r.value.images : null));
    decodedOf.set(codes, pending);
  }
  return pending;
}

/** The thumbnails the scatter draws, as an atlas: the originals, their reconstructions, or none. */
export function useThumbnails(): { atlas: SpriteAtlas | null; note: string | null } {
  const thumbs = useInspect((s) => s.thumbs);
  const samples = useRun((s) => s.samples);
  const codes = useRun((s) => s.codes);
  const runId = useRun((s) => s.runId);
  const [decoded, setDecoded] = useState<{ of: Codes; images: Float32Array } | null>(null);
  useEffect(() => {
    if (thumbs !== 'decoded' || !codes || !runId) return;
    let live = true;
    void decodeAll(runId, codes).then((images) => {
      if (live && images) setDecoded({ of: codes, images });
    });
    return () => {
      live = false;
    };
  }, [thumbs, codes, runId]);
  const atlas = useMemo(() => {
    if (thumbs === 'points' || !samples) return null;
    const geometry = imageGeometry(samples.sampleShape);
    if (!geometry) return null;
    if (thumbs === 'originals') return atlasOf(samples.images, samples.count, geometry, samples);
    if (!decoded || decoded.of !== codes) return null;
    return atlasOf(decoded.images, decoded.of.count, geometry, samples);
  }, [thumbs, samples, decoded, codes]);
  const note = thumbs === 'decoded' && !atlas ? 'decoding the thumbnails…' : null;
  return { atlas, note };
}

const atlasOf = (
  images: Float32Array,
  count: number,
  geometry: NonNullable<ReturnType<typeof imageGeometry>>,
  samples: Samples,
) => buildAtlas(images, Math.min(count, samples.count), geometry, samples.labels);
