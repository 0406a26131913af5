import { useEffect, useMemo, useState } from 'react';
import { exposeToBench } from '../views/benchHooks';
import type { Plane } from './projection';
import type { SpriteAtlas } from './spriteAtlas';

/**
 * Bench only (?bench=1): repeats the plane's points, jittered, up to n, so bench/ui can time pan
 * and zoom over 10,000 thumbnails when a run holds only 2,000 codes.
 */
export function useBenchStress(
  plane: Plane | null,
  atlas: SpriteAtlas | null,
  labels: Int32Array | null,
) {
  const [n, setN] = useState<number | null>(null);
  useEffect(() => exposeToBench('scatterStress', (count: number) => setN(count)), []);
  return useMemo(() => {
    if (!n || !plane || !atlas || !labels) return null;
    const m = plane.count;
    const xy = new Float32Array(n * 2);
    let spreadX = 0;
    for (let i = 0; i < m; i++) spreadX = Math.max(spreadX, Math.abs(plane.xy[i * 2]));
    for (let i = 0; i < n; i++) {
      const j = i % m;
      const jitter = Math.floor(i / m) * 0.01 * (spreadX || 1);
      xy[i * 2] = plane.xy[j * 2] + jitter * Math.cos(i);
      xy[i * 2 + 1] = plane.xy[j * 2 + 1] + jitter * Math.sin(i);
    }
    const bigLabels = Int32Array.from({ length: n }, (_, i) => labels[i % m]);
    // The atlas keeps m tiles; point i draws tile i mod m through a repeated atlas.
    const tiles = atlas.columns * Math.ceil(m / atlas.columns);
    const repeats = Math.ceil(n / tiles);
    const rgba = new Uint8ClampedArray(atlas.rgba.length * repeats);
    for (let r = 0; r < repeats; r++) rgba.set(atlas.rgba, r * atlas.rgba.length);
    const big: SpriteAtlas = { ...atlas, height: atlas.height * repeats, rgba };
    return { plane: { xy, count: n, axes: plane.axes }, atlas: big, labels: bigLabels };
  }, [n, plane, atlas, labels]);
}
