import { axisLeft, select, type ScaleContinuousNumeric } from 'd3';
import { memo, useEffect, useRef } from 'react';
import { curvePath, type ChartFrame, type Curve } from './lossChartModel';
import { termScale } from './termsChartModel';
import './termsChart.css';

const HEIGHT = 96;
const TOP = 8;
const BOTTOM = 10;

interface Props {
  terms: readonly Curve[];
  /** The loss chart's epoch scale, so both charts line up epoch for epoch. */
  x: ScaleContinuousNumeric<number, number>;
  frame: ChartFrame;
  log: boolean;
}

/**
 * The extra loss terms (KL, sparsity, contractive) under the loss chart, on their own axis: on
 * the total's axis they are a hundred times smaller and read as a flat line at 0.
 */
export const TermsChart = memo(function TermsChart({ terms, x, frame, log }: Props) {
  const yAxis = useRef<SVGGElement>(null);
  const { width, margin } = frame;
  const y = termScale(terms, TOP, HEIGHT - BOTTOM, log);
  const scales = { x, y, log };

  useEffect(() => {
    if (!yAxis.current) return;
    select(yAxis.current).call(
      axisLeft(y)
        .ticks(3)
        .tickSize(-(width - margin.left - margin.right))
        .tickFormat(y.tickFormat(3, log ? '.1~e' : '~g')),
    );
  });

  if (terms.length === 0) return null;
  return (
    <svg
      data-testid="terms-chart"
      className="terms-chart savable"
      width={width}
      height={HEIGHT}
      role="img"
      aria-label={`Extra loss terms per epoch: ${terms.map((t) => t.label).join(', ')}`}
    >
      <g ref={yAxis} className="axis y-axis" transform={`translate(${margin.left},0)`} />
      <text
        className="axis-label"
        transform={`translate(12,${(TOP + HEIGHT - BOTTOM) / 2}) rotate(-90)`}
      >
        terms
      </text>
      {terms.map((c) => (
        <path
          key={c.key}
          className="term-line"
          data-term={c.key}
          stroke={c.color}
          d={curvePath(c.points, scales)}
        />
      ))}
      {terms.map((c) =>
        c.points
          .filter((p) => !log || p.y > 0)
          .map((p) => (
            <circle
              key={`${c.key}-${p.x}`}
              className="term-point"
              fill={c.color}
              cx={x(p.x)}
              cy={y(p.y)}
              r={2.5}
            />
          )),
      )}
    </svg>
  );
});
