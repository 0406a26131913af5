import { useMemo } from 'react';
import { labelColor } from '../inspect/labelColors';
import { composeGrid, type ImageGeometry } from '../recon/imageGrid';
import { BitmapCanvas } from '../views/BitmapCanvas';

const ZOOM = 2;

interface Props {
  title: string;
  /** Indices of the view samples found, nearest first. */
  found: number[];
  images: Float32Array;
  labels: Int32Array;
  geometry: ImageGeometry;
  /** The query's label, when known: each neighbour is marked as the same digit or not. */
  queryLabel: number | null;
  testId: string;
}

/** One search's answers: the images found, each with its digit under it. */
export function NeighbourRow({
  title,
  found,
  images,
  labels,
  geometry,
  queryLabel,
  testId,
}: Props) {
  const size = geometry.width * geometry.height * geometry.channels;
  const bitmap = useMemo(() => {
    const picked = new Float32Array(found.length * size);
    found.forEach((i, n) => picked.set(images.subarray(i * size, (i + 1) * size), n * size));
    return composeGrid([picked], found.length, geometry);
  }, [found, images, size, geometry]);
  const same = queryLabel === null ? null : found.filter((i) => labels[i] === queryLabel).length;
  return (
    <div
      className="lab-neighbours"
      data-testid={testId}
      data-labels={found.map((i) => labels[i]).join(',')}
    >
      <div className="lab-neighbours-head">
        <strong>{title}</strong>
        {same !== null && (
          <span className="muted">
            {same} of {found.length} are a {queryLabel}
          </span>
        )}
      </div>
      <BitmapCanvas bitmap={bitmap} zoom={ZOOM} label={`${title}: ${found.length} images`} />
      <div
        className="lab-neighbour-labels"
        style={{ gridTemplateColumns: `repeat(${found.length}, ${(geometry.width + 1) * ZOOM}px)` }}
      >
        {found.map((i, n) => (
          <span
            key={n}
            className={queryLabel === null ? '' : labels[i] === queryLabel ? 'same' : 'other'}
            style={{ color: labelColor(labels[i]) }}
          >
            {labels[i]}
          </span>
        ))}
      </div>
    </div>
  );
}
