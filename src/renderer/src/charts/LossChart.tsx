import { axisBottom, axisLeft, select } from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatLoss } from '../format/format';
import { epochX } from '../stores/runReducers';
import { useRun } from '../stores/runStore';
import {
  batchPath,
  epochPath,
  lossScales,
  type ChartFrame,
  type EpochPoint,
} from './lossChartModel';
import { useWidth } from './useWidth';

const HEIGHT = 230;
const MARGIN = { top: 14, right: 16, bottom: 38, left: 50 };

/** Loss while training: batch loss as a faint line, train and validation loss per epoch. */
export function LossChart() {
  const { batchLosses, epochs, totalEpochs, epochBase } = useRun(
    useShallow((s) => ({
      batchLosses: s.batchLosses,
      epochs: s.epochs,
      totalEpochs: s.totalEpochs,
      epochBase: s.epochBase,
    })),
  );
  const { ref, width } = useWidth<HTMLDivElement>(360);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);

  const frame: ChartFrame = { width, height: HEIGHT, margin: MARGIN };
  const points: EpochPoint[] = useMemo(
    () =>
      epochs.map((e) => ({
        x: epochX({ epochBase }, e.epoch),
        epoch: e.epoch,
        train: e.trainLoss,
        val: e.valLoss,
      })),
    [epochs, epochBase],
  );
  const scales = lossScales(batchLosses, points, totalEpochs, frame);

  useEffect(() => {
    if (!xAxis.current || !yAxis.current) return;
    const ticks = Math.max(2, Math.min(totalEpochs, Math.floor(width / 60)));
    select(xAxis.current).call(
      axisBottom(scales.x)
        .ticks(ticks)
        .tickFormat((d) => `${+d}`),
    );
    select(yAxis.current).call(
      axisLeft(scales.y)
        .ticks(5)
        .tickSize(-(width - MARGIN.left - MARGIN.right))
        .tickFormat(scales.y.tickFormat(5)),
    );
  });

  const empty = batchLosses.length === 0 && points.length === 0;
  return (
    <section className="panel chart-panel" aria-label="Loss">
      <div className="panel-title-row">
        <h2 className="panel-title">Loss</h2>
        <div className="legend">
          <span className="legend-item batch">batch</span>
          <span className="legend-item train">train</span>
          <span className="legend-item val">validation</span>
        </div>
      </div>
      <div ref={ref} className="chart-box">
        <svg
          data-testid="loss-chart"
          className="loss-chart"
          width={width}
          height={HEIGHT}
          role="img"
          aria-label="Loss per epoch"
        >
          <g ref={yAxis} className="axis y-axis" transform={`translate(${MARGIN.left},0)`} />
          <g
            ref={xAxis}
            className="axis x-axis"
            transform={`translate(0,${HEIGHT - MARGIN.bottom})`}
          />
          <text className="axis-label" x={(MARGIN.left + width - MARGIN.right) / 2} y={HEIGHT - 4}>
            epoch
          </text>
          <text
            className="axis-label"
            transform={`translate(12,${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)`}
          >
            loss
          </text>
          <path className="batch-loss" d={batchPath(batchLosses, scales)} />
          <path className="epoch-line train" d={epochPath(points, 'train', scales)} />
          <path className="epoch-line val" d={epochPath(points, 'val', scales)} />
          {points.map((p) => (
            <g key={p.epoch}>
              <circle
                className="loss-point train"
                cx={scales.x(p.x)}
                cy={scales.y(p.train)}
                r={3.5}
              >
                <title>{`Epoch ${p.x}: train loss ${formatLoss(p.train)}`}</title>
              </circle>
              <circle className="loss-point val" cx={scales.x(p.x)} cy={scales.y(p.val)} r={3.5}>
                <title>{`Epoch ${p.x}: validation loss ${formatLoss(p.val)}`}</title>
              </circle>
            </g>
          ))}
          {empty && (
            <text className="chart-empty" x={width / 2} y={HEIGHT / 2 - 8}>
              Start training to see the loss fall
            </text>
          )}
        </svg>
      </div>
    </section>
  );
}
