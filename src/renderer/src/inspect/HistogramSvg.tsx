import { scaleLinear } from 'd3';
import type { Histogram } from './histogram';
import './HistogramSvg.css';

interface Props {
  histogram: Histogram;
  title: string;
  color: string;
  width: number;
  height: number;
  testId: string;
}

const M = { top: 8, right: 8, bottom: 24, left: 8 };

/** One histogram of code values with its mean activation and share near zero under it. */
export function HistogramSvg({ histogram, title, color, width, height, testId }: Props) {
  const { counts, min, max } = histogram;
  const x = scaleLinear()
    .domain([min, max])
    .range([M.left, width - M.right]);
  const top = Math.max(1, ...counts);
  const y = scaleLinear()
    .domain([0, top])
    .range([height - M.bottom, M.top]);
  const bin = (max - min) / counts.length;
  return (
    <figure
      className="histogram"
      data-testid={testId}
      data-mean={histogram.mean}
      data-near-zero={histogram.nearZeroShare}
    >
      <figcaption className="histogram-title">{title}</figcaption>
      <svg
        width={width}
        height={height}
        className="savable"
        role="img"
        aria-label={`Histogram of ${title}`}
      >
        {counts.map((c, i) => (
          <rect
            key={i}
            x={x(min + i * bin) + 0.5}
            width={Math.max(0.5, x(min + (i + 1) * bin) - x(min + i * bin) - 1)}
            y={y(c)}
            height={y(0) - y(c)}
            fill={color}
          >
            <title>{`${(min + i * bin).toPrecision(3)} to ${(min + (i + 1) * bin).toPrecision(3)}: ${c} values`}</title>
          </rect>
        ))}
        <line className="hist-axis" x1={M.left} x2={width - M.right} y1={y(0)} y2={y(0)} />
        <text className="hist-tick" x={M.left} y={height - 6}>
          {min.toPrecision(2)}
        </text>
        <text className="hist-tick end" x={width - M.right} y={height - 6}>
          {max.toPrecision(2)}
        </text>
        {min < 0 && max > 0 && (
          <line className="hist-zero" x1={x(0)} x2={x(0)} y1={M.top} y2={y(0)} />
        )}
      </svg>
      <dl className="facts compact">
        <dt>Mean activation</dt>
        <dd>{histogram.mean.toPrecision(3)}</dd>
        <dt>Near zero</dt>
        <dd>{(histogram.nearZeroShare * 100).toFixed(1)} %</dd>
      </dl>
    </figure>
  );
}
