import { formatLoss } from '../format/format';
import { valuesAt, type Curve } from './lossChartModel';

interface Props {
  curves: readonly Curve[];
  x: number;
  /** The rule's position in the chart, to place the box beside it. */
  left: number;
  width: number;
}

/** The values of every curve at the epoch under the cursor. */
export function HoverReadout({ curves, x, left, width }: Props) {
  const values = valuesAt(curves, x);
  if (values.length === 0) return null;
  const onRight = left < width * 0.6;
  return (
    <div
      className="hover-readout"
      data-testid="loss-hover"
      style={onRight ? { left: left + 12 } : { right: width - left + 12 }}
    >
      <div className="hover-title">After epoch {+x.toFixed(2)}</div>
      {values.map((v) => (
        <div className="hover-row" key={v.key}>
          <span className="swatch" style={{ background: v.color }} />
          <span className="hover-label">{v.label}</span>
          <strong>{formatLoss(v.y)}</strong>
        </div>
      ))}
    </div>
  );
}
