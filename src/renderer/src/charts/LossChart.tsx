import { axisBottom, axisLeft, select } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { totalPhaseEpochs } from '../../../shared/presets/procedurePhases';
import { useRunHistory, type PastRun } from '../stores/runHistory';
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
import { PhaseLabel } from './PhaseLabel';
import { TermsChart } from './TermsChart';
import { withoutTerms } from './termsChartModel';
import { phaseSegments } from './phaseSegments';
import { useWidth } from './useWidth';

const MARGIN = { top: 14, right: 16, bottom: 38, left: 54 };
/** Room above the lines for the phases' labels. */
const PHASE_MARGIN = { ...MARGIN, top: 30 };

interface Props {
  height?: number;
  /** The Train view's chart lists past runs in its legend, to show or hide each. */
  withRuns?: boolean;
}

/**
 * Loss while training: batch loss faint, train and validation loss per epoch, each extra term as
 * its own line, and the curves of earlier runs of the same project; log scale and values on hover.
 */
/** One empty list for every render: a new [] each time would re-render the memoized legend. */
const NO_RUNS: readonly PastRun[] = [];

export function LossChart({ height = 230, withRuns = false }: Props) {
  const { ring, batchVersion, epochs, runTotal, runId, stage } = useRun(
    useShallow((s) => ({
      ring: s.batchLosses,
      // The ring changes in place: its version says when there are new points to draw.
      batchVersion: s.batchLosses.version,
      epochs: s.epochs,
      runTotal: s.totalEpochs,
      runId: s.runId,
      stage: s.stage,
    })),
  );
  // batchVersion stands for the ring's contents, which change in place.
  const batchLosses = useMemo(() => ring.toArray(), [ring, batchVersion]);
  // A procedure's x spans all its phases, not only the phase that runs.
  const totalEpochs = stage?.phases ? totalPhaseEpochs(stage.phases) : runTotal;
  // The history holds the open project's runs (a new project starts it afresh).
  const allPast = useRunHistory((s) => s.runs);
  const past = useMemo(() => allPast.filter((r) => r.runId !== runId), [allPast, runId]);
  const [log, setLog] = useState(false);
  const [hoverX, setHoverX] = useState<number | null>(null);
  const { ref, width } = useWidth<HTMLDivElement>(360);
  const panel = useRef<HTMLElement>(null);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);

  const segments = useMemo(
    () => phaseSegments(epochs, batchLosses, stage),
    [epochs, batchLosses, stage],
  );
  const phased = segments.some((s) => s.label !== '');
  const margin = phased ? PHASE_MARGIN : MARGIN;
  const frame: ChartFrame = useMemo(() => ({ width, height, margin }), [width, height, margin]);
  const current = useMemo(() => segments.flatMap((s) => s.curves), [segments]);
  // The legend names each term once, whichever phases measured it.
  const terms = useMemo(() => runCurves(epochs).slice(2), [epochs]);
  const overlays = useMemo(
    () => past.flatMap((r, i) => (r.visible ? pastCurves(r.runId, r.name, r.epochs, i) : [])),
    [past],
  );
  const all = [...overlays, ...current];
  // The extra terms have their own axis (TermsChart): on the total's they read as a flat 0.
  const scales = lossScales(batchLosses, withoutTerms(all), totalEpochs, frame, log);
  // The epoch axis changes far less often than the batch points (its end is the run's last
  // epoch): the terms chart below, memoized, gets the same scale until the axis really moves.
  const [xStart, xEnd] = scales.x.domain();
  const termsX = useMemo(() => scales.x, [xStart, xEnd, frame]);

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
        .tickSize(-(width - margin.left - margin.right))
        .tickFormat(scales.y.tickFormat(5, log ? '.1~e' : undefined)),
    );
  });

  const onMove = (event: React.PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    setHoverX(nearestX(all, scales.x.invert(event.clientX - box.left)));
  };
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
      <LossLegend terms={terms} past={withRuns ? past : NO_RUNS} />
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
          <g ref={yAxis} className="axis y-axis" transform={`translate(${margin.left},0)`} />
          <g
            ref={xAxis}
            className="axis x-axis"
            transform={`translate(0,${height - margin.bottom})`}
          />
          <text className="axis-label" x={(margin.left + width - margin.right) / 2} y={height - 4}>
            epoch
          </text>
          <text
            className="axis-label"
            transform={`translate(12,${(margin.top + height - margin.bottom) / 2}) rotate(-90)`}
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
          {segments.map((segment, i) => (
            <g key={segment.phase} className="loss-segment" data-phase={segment.phase}>
              {segment.label && (
                <PhaseLabel
                  label={segment.label}
                  first={i === 0}
                  left={scales.x(segment.from)}
                  right={scales.x(
                    Math.min(segments[i + 1]?.from ?? Infinity, scales.x.domain()[1]),
                  )}
                  top={margin.top}
                  bottom={height - margin.bottom}
                />
              )}
              <path className="batch-loss" d={batchPath(segment.batches, scales)} />
              {withoutTerms(segment.curves).map((c) => (
                <path
                  key={c.key}
                  className={c.kind === 'term' ? 'term-line' : `epoch-line ${c.kind}`}
                  stroke={c.kind === 'term' ? c.color : undefined}
                  d={curvePath(c.points, scales)}
                />
              ))}
              {segment.curves
                .filter((c) => c.kind === 'train' || c.kind === 'val')
                .map((c) =>
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
            </g>
          ))}
          {hoverX !== null && (
            <line
              className="hover-rule"
              x1={scales.x(hoverX)}
              x2={scales.x(hoverX)}
              y1={margin.top}
              y2={height - margin.bottom}
            />
          )}
          {empty && (
            <text className="chart-empty" x={width / 2} y={height / 2 - 8}>
              Start training to see the loss fall
            </text>
          )}
        </svg>
        <TermsChart terms={terms} x={termsX} frame={frame} log={log} />
        {hoverX !== null && (
          <HoverReadout curves={all} x={hoverX} left={scales.x(hoverX)} width={width} />
        )}
      </div>
    </section>
  );
}
