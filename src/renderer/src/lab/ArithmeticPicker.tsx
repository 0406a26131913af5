import { useMemo } from 'react';
import { labelColor } from '../inspect/labelColors';
import { composeGrid } from '../recon/imageGrid';
import { BitmapCanvas } from '../views/BitmapCanvas';
import type { ArithmeticSource } from './ArithmeticSource';
import { arithmeticStore, useArithmetic } from './ArithmeticStore';

const ZOOM = 2;
/** Enough view samples to find a few of each digit by eye. */
const SHOWN = 40;

/** Images to pick by hand: click one to add it to (or take it out of) the next term. */
export function ArithmeticPicker({ source }: { source: ArithmeticSource }) {
  const picked = useArithmetic((s) => s.picked);
  const count = Math.min(SHOWN, source.rows.count);
  const { geometry, images, labels } = source;
  const size = geometry.width * geometry.height * geometry.channels;
  const tiles = useMemo(
    () =>
      Array.from({ length: count }, (_, i) =>
        composeGrid([images.subarray(i * size, (i + 1) * size)], 1, geometry),
      ),
    [count, images, size, geometry],
  );
  return (
    <div className="arith-picker" data-testid="arith-picker" data-picked={picked.join(',')}>
      {tiles.map((bitmap, i) => (
        <button
          key={i}
          className={`arith-tile ${picked.includes(i) ? 'on' : ''}`}
          data-testid={`arith-tile-${i}`}
          aria-pressed={picked.includes(i)}
          title={labels ? `A ${labels[i]}` : `Generated sample ${i + 1}`}
          onClick={() => arithmeticStore.getState().togglePicked(i)}
          style={labels ? { borderColor: labelColor(labels[i]) } : undefined}
        >
          <BitmapCanvas bitmap={bitmap} zoom={ZOOM} label={`sample ${i + 1}`} />
        </button>
      ))}
    </div>
  );
}
