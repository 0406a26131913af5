import { memo } from 'react';
import { runHistory, type PastRun } from '../stores/runHistory';
import { PAST_COLORS, type Curve } from './lossChartModel';

/**
 * What each line is; past runs can be shown or hidden with a click. Memoized: its props change
 * per epoch, not per batch, while the chart around it draws every batch point.
 */
export const LossLegend = memo(function LossLegend({
  terms,
  past,
}: {
  terms: readonly Curve[];
  past: readonly PastRun[];
}) {
  return (
    <div className="legend loss-legend">
      <span className="legend-item batch">batch</span>
      <span className="legend-item train">train</span>
      <span className="legend-item val">validation</span>
      {terms.map((t) => (
        <span className="legend-item term" key={t.key} style={{ ['--swatch' as string]: t.color }}>
          {t.label}
        </span>
      ))}
      {past.map((r, i) => (
        <button
          key={r.runId}
          className={`legend-item past ${r.visible ? '' : 'hidden'}`}
          style={{ ['--swatch' as string]: PAST_COLORS[i % PAST_COLORS.length] }}
          data-testid="legend-run"
          aria-pressed={r.visible}
          title={r.visible ? 'Hide this run' : 'Show this run'}
          onClick={() => runHistory.getState().toggle(r.runId)}
        >
          {r.name}
        </button>
      ))}
    </div>
  );
});
