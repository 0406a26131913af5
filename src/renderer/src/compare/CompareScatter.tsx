import { useEffect, useRef } from 'react';
import { labelColor } from '../inspect/labelColors';

const SIDE = 180;

/** A small map of codes (laid out in -1..1), coloured by label. */
export function CompareScatter({
  xy,
  labels,
  count,
  testId,
}: {
  xy: Float32Array;
  labels: Int32Array | null;
  count: number;
  testId: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const g = canvas?.getContext('2d');
    if (!canvas || !g) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = SIDE * ratio;
    canvas.height = SIDE * ratio;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, SIDE, SIDE);
    const half = SIDE / 2 - 6;
    for (let i = 0; i < count; i++) {
      g.fillStyle = labels ? labelColor(labels[i]) : '#8ab4f8';
      g.fillRect(SIDE / 2 + xy[i * 2] * half - 1.5, SIDE / 2 - xy[i * 2 + 1] * half - 1.5, 3, 3);
    }
  }, [xy, labels, count]);
  return (
    <canvas
      ref={ref}
      className="compare-map"
      style={{ width: SIDE, height: SIDE }}
      data-testid={testId}
      data-count={count}
      role="img"
      aria-label="Codes of the same pictures, first two principal components, coloured by label"
    />
  );
}
