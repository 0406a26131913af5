import { labelColor, labelsPresent } from '../inspect/labelColors';
import './generate.css';

/** Which colour is which digit on the latent plane: the same colours as Inspect's scatters. */
export function DigitLegend({ labels, count }: { labels: Int32Array | null; count: number }) {
  if (!labels) return null;
  const present = labelsPresent(labels, count);
  return (
    <div className="label-legend digit-legend" data-testid="plane-legend" aria-label="Colours">
      <span className="muted">Colour = digit:</span>
      {present.map((l) => (
        <span
          key={l}
          className="legend-item"
          data-label={l}
          style={{ ['--swatch' as string]: labelColor(l) }}
        >
          {l}
        </span>
      ))}
    </div>
  );
}
