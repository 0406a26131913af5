import { axisBottom, axisLeft, select } from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import { curvePath, type ChartFrame, type Curve } from '../charts/lossChartModel';
import { useWidth } from '../charts/useWidth';
import { epochScales } from './gameChartModel';

const MARGIN = { top: 12, right: 14, bottom: 34, left: 48 };

interface Props {
  curves: readonly Curve[];
  /** The run's epochs, so the curves grow into a fixed frame. */
  lastEpoch: number;
  yLabel: string;
  /** A fixed y range (0..1 for the discriminator's outputs); the values' range otherwise. */
  yDomain?: readonly [number, number];
  /** A dashed line across at this y, with its words (0.5: "cannot tell"). */
  reference?: { y: number; label: string };
  height?: number;
  testId: string;
  label: string;
}

/** A small chart of values per epoch, one line and dots per curve, with a legend above it. */
export function EpochChart({
  curves,
  lastEpoch,
  yLabel,
  yDomain,
  reference,
  height = 190,
  testId,
  label,
}: Props) {
  const { ref, width } = useWidth<HTMLDivElement>(360);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const frame: ChartFrame = useMemo(() => ({ width, height, margin: MARGIN }), [width, height]);
  const scales = useMemo(
    () => epochScales(curves, lastEpoch, frame, yDomain),
    [curves, lastEpoch, frame, yDomain],
  );

  useEffect(() => {
    if (xAxis.current) {
      const ticks = Math.min(8, Math.max(1, Math.floor(scales.x.domain()[1])));
      select(xAxis.current).call(
        axisBottom(scales.x)
          .ticks(ticks)
          .tickFormat((v) => `${v}`),
      );
    }
    if (yAxis.current) {
      select(yAxis.current).call(
        axisLeft(scales.y)
          .ticks(yDomain ? 4 : 5)
          .tickSize(-(width - MARGIN.left - MARGIN.right))
          .tickFormat(scales.y.tickFormat(5, '~g')),
      );
    }
  });

  const drawn = curves.some((c) => c.points.length > 0);
  return (
    <div
      ref={ref}
      className="epoch-chart"
      data-testid={testId}
      data-points={curves.map((c) => c.points.length).join(',')}
    >
      <div className="epoch-chart-legend">
        {curves.map((c) => (
          <span key={c.key} className="epoch-chart-key">
            <i style={{ background: c.color }} aria-hidden="true" />
            {c.label}
            {c.points.length > 0 && (
              <b data-testid={`${testId}-${c.key}`}>{c.points.at(-1)!.y.toFixed(3)}</b>
            )}
          </span>
        ))}
      </div>
      <svg width={width} height={height} role="img" aria-label={label} className="savable">
        <g ref={yAxis} className="axis y-axis" transform={`translate(${MARGIN.left},0)`} />
        <g
          ref={xAxis}
          className="axis x-axis"
          transform={`translate(0,${height - MARGIN.bottom})`}
        />
        <text
          className="axis-label"
          x={(MARGIN.left + width - MARGIN.right) / 2}
          y={height - 4}
          textAnchor="middle"
        >
          epoch
        </text>
        <text
          className="axis-label"
          transform={`translate(12,${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {yLabel}
        </text>
        {reference && (
          <g className="epoch-chart-reference">
            <line
              x1={MARGIN.left}
              x2={width - MARGIN.right}
              y1={scales.y(reference.y)}
              y2={scales.y(reference.y)}
              strokeDasharray="5 4"
            />
            <text x={width - MARGIN.right - 4} y={scales.y(reference.y) - 4} textAnchor="end">
              {reference.label}
            </text>
          </g>
        )}
        {curves.map((c) => (
          <path
            key={c.key}
            className="epoch-chart-line"
            stroke={c.color}
            d={curvePath(c.points, scales)}
          />
        ))}
        {curves.map((c) =>
          c.points.map((p) => (
            <circle
              key={`${c.key}-${p.x}`}
              fill={c.color}
              cx={scales.x(p.x)}
              cy={scales.y(p.y)}
              r={2.5}
            />
          )),
        )}
        {!drawn && (
          <text
            className="epoch-chart-empty"
            x={(MARGIN.left + width - MARGIN.right) / 2}
            y={(MARGIN.top + height - MARGIN.bottom) / 2}
            textAnchor="middle"
          >
            A point appears after each epoch.
          </text>
        )}
      </svg>
    </div>
  );
}
