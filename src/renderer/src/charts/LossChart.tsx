import { axisBottom, axisLeft, select } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useRunHistory } from '../stores/runHistory';
import { useRun } from '../stores/runStore';
import { savePanel } from '../views/savePng';
import { HoverReadout } from './HoverReadout';
import { LossLegend } from './LossLegend';
import {
  batchPath,
  curvePath,
  lossScales,
  nearestX,
  pastCurves,
  runCurves,
  type ChartFrame,
} from './lossChartModel';
import { useWidth } from './useWidth';

const MARGIN = { top: 14, right: 16, bottom: 38, left: 54 };

interface Props {
  height?: number;
  /** The Train view's chart lists past runs in its legend, to show or hide each. */
  withRuns?: boolean;
}

/**
 * Loss while training: batch loss faint, train and validation loss per epoch, each extra term as
 * its own line, and the curves of earlier runs of the same project; log scale and values on hover.
 */
export function LossChart({ height = 230, withRuns = false }: Props) {
  const { batchLosses, epochs, totalEpochs, runId } = useRun(
    useShallow((s) => ({
      batchLosses: s.batchLosses,
      epochs: s.epochs,
      totalEpochs: s.totalEpochs,
      runId: s.runId,
    })),
  );
  // The history holds the open project's runs (a new project starts it afresh).
  const allPast = useRunHistory((s) => s.runs);
  const past = useMemo(() => allPast.filter((r) => r.runId !== runId), [allPast, runId]);
  const [log, setLog] = useState(false);
  const [hoverX, setHoverX] = useState<number | null>(null);
  const { ref, width } = useWidth<HTMLDivElement>(360);
  const panel = useRef<HTMLElement>(null);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);

  const frame: ChartFrame = { width, height, margin: MARGIN };
  const current = useMemo(() => runCurves(epochs), [epochs]);
  const overlays = useMemo(
    () => past.flatMap((r, i) => (r.visible ? pastCurves(r.runId, r.name, r.epochs, i) : [])),
    [past],
  );
  const all = [...overlays, ...current];
  const scales = lossScales(batchLosses, all, totalEpochs, frame, log);

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
        .tickFormat(scales.y.tickFormat(5, log ? '.1~e' : undefined)),
    );
  });

  const onMove = (event: React.PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    setHoverX(nearestX(all, scales.x.invert(event.clientX - box.left)));
  };
  const [train, val, ...terms] = current;
  const empty = batchLosses.length === 0 && epochs.length === 0;
  return (
    <section ref={panel} className="panel chart-panel" aria-label="Loss">
      <div className="panel-title-row">
        <h2 className="panel-title">Loss</h2>
        <div className="view-tools">
          <button
            className={`toggle ${log ? 'on' : ''}`}
            data-testid="loss-log"
            aria-pressed={log}
            title="Logarithmic loss axis: small late losses and extra terms stay readable"
            onClick={() => setLog(!log)}
          >
            log
          </button>
          <button
            className="icon-button save-png"
            aria-label="Save the loss chart as PNG"
            title="Save as PNG"
            onClick={() => panel.current && savePanel(panel.current, 'loss')}
          >
            ⤓
          </button>
        </div>
      </div>
      <LossLegend terms={terms} past={withRuns ? past : []} />
      <div ref={ref} className="chart-box">
        <svg
          data-testid="loss-chart"
          className="loss-chart savable"
          width={width}
          height={height}
          role="img"
          aria-label="Loss per epoch"
          onPointerMove={onMove}
          onPointerLeave={() => setHoverX(null)}
        >
          <g ref={yAxis} className="axis y-axis" transform={`translate(${MARGIN.left},0)`} />
          <g
            ref={xAxis}
            className="axis x-axis"
            transform={`translate(0,${height - MARGIN.bottom})`}
          />
          <text className="axis-label" x={(MARGIN.left + width - MARGIN.right) / 2} y={height - 4}>
            epoch
          </text>
          <text
            className="axis-label"
            transform={`translate(12,${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`}
          >
            {log ? 'loss (log)' : 'loss'}
          </text>
          {overlays.map((c) => (
            <path
              key={c.key}
              className={`past-line ${c.kind}`}
              stroke={c.color}
              d={curvePath(c.points, scales)}
            />
          ))}
          <path className="batch-loss" d={batchPath(batchLosses, scales)} />
          {terms.map((c) => (
            <path
              key={c.key}
              className="term-line"
              stroke={c.color}
              d={curvePath(c.points, scales)}
            />
          ))}
          <path className="epoch-line train" d={curvePath(train.points, scales)} />
          <path className="epoch-line val" d={curvePath(val.points, scales)} />
          {[train, val].map((c) =>
            c.points
              .filter((p) => !log || p.y > 0)
              .map((p) => (
                <circle
                  key={`${c.key}-${p.x}`}
                  className={`loss-point ${c.kind}`}
                  cx={scales.x(p.x)}
                  cy={scales.y(p.y)}
                  r={3.5}
                />
              )),
          )}
          {hoverX !== null && (
            <line
              className="hover-rule"
              x1={scales.x(hoverX)}
              x2={scales.x(hoverX)}
              y1={MARGIN.top}
              y2={height - MARGIN.bottom}
            />
          )}
          {empty && (
            <text className="chart-empty" x={width / 2} y={height / 2 - 8}>
              Start training to see the loss fall
            </text>
          )}
        </svg>
        {hoverX !== null && (
          <HoverReadout curves={all} x={hoverX} left={scales.x(hoverX)} width={width} />
        )}
      </div>
    </section>
  );
}
