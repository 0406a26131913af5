import { useMemo } from 'react';
import { composeGrid, imageGeometry } from '../recon/imageGrid';
import type { Samples } from '../stores/runState';
import { BitmapCanvas } from '../views/BitmapCanvas';

interface Props {
  samples: Samples;
  index: number;
  left: number;
  top: number;
}

/** The image of the point under the cursor, with its label. */
export function HoverImage({ samples, index, left, top }: Props) {
  const size = samples.sampleShape.reduce((a, b) => a * b, 1);
  const geometry = imageGeometry(samples.sampleShape);
  const bitmap = useMemo(
    () =>
      geometry
        ? composeGrid([samples.images.subarray(index * size, (index + 1) * size)], 1, geometry)
        : null,
    [samples, index, size, geometry],
  );
  if (!bitmap) return null;
  return (
    <div className="hover-image" data-testid="hover-image" style={{ left, top }}>
      <BitmapCanvas bitmap={bitmap} zoom={3} label={`Sample ${index + 1}`} />
      <span>label {samples.labels[index]}</span>
    </div>
  );
}
