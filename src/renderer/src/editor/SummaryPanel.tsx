import { useEffect, useMemo, useRef } from 'react';
import { summarize, type SummaryRow } from '../../../shared/compiler';
import { useCompactWindow } from '../canvas/compactWindow';
import { formatCount } from '../format/format';
import { graphStore, useGraph } from '../stores/graphStore';
import { editorUi, useEditorUi } from './editorUi';
import './SummaryPanel.css';

/** Folds the summary to its header when the window shrinks below the compact size. */
function useFoldOnSmallWindow() {
  const compact = useCompactWindow();
  const was = useRef(compact);
  useEffect(() => {
    if (compact && !was.current) editorUi.getState().setSummary(false);
    was.current = compact;
  }, [compact]);
}

/** One table row per layer; a click selects its node. */
function SummaryRows({ rows, selected }: { rows: SummaryRow[]; selected: string | null }) {
  return rows.map((row) => (
    <tr
      key={row.nodeId}
      className={row.nodeId === selected ? 'selected' : undefined}
      onClick={() => graphStore.getState().select(row.nodeId)}
    >
      <td>
        {row.name || row.nodeId} <span className="muted">({row.kind})</span>
      </td>
      <td className="mono">{row.outputShape}</td>
      <td className="num">{formatCount(row.params)}</td>
    </tr>
  ));
}

/** The model as Keras' model.summary() prints it (a game: one group per player), with totals; live as the graph changes. */
export function SummaryPanel() {
  const doc = useGraph((s) => s.doc);
  const analysis = useGraph((s) => s.analysis);
  const selected = useGraph((s) => s.selectedNodeId);
  const open = useEditorUi((s) => s.summaryOpen);
  const summary = useMemo(() => summarize(doc, analysis), [doc, analysis]);
  useFoldOnSmallWindow();
  return (
    <section
      className={`summary-panel ${open ? 'open' : ''}`}
      aria-label="Model summary"
      data-testid="summary"
    >
      <button
        className="summary-toggle"
        aria-expanded={open}
        onClick={() => editorUi.getState().setSummary(!open)}
      >
        <span className="panel-title">Summary</span>
        <span className="summary-totals" data-testid="summary-total">
          {formatCount(summary.totals.total)} parameters
          {summary.totals.nonTrainable > 0 &&
            ` · ${formatCount(summary.totals.nonTrainable)} fixed`}
        </span>
        <span className="chevron" aria-hidden="true">
          {open ? '▾' : '▴'}
        </span>
      </button>
      {open && (
        <div className="summary-scroll">
          <table className="summary-table">
            <thead>
              <tr>
                <th>Layer (type)</th>
                <th>Output shape</th>
                <th className="num">Param #</th>
              </tr>
            </thead>
            {summary.groups ? (
              summary.groups.map((group) => (
                <tbody key={group.id} data-testid={`summary-group-${group.id}`}>
                  <tr className="summary-group">
                    <th colSpan={2} scope="rowgroup">
                      {group.title}
                    </th>
                    <td className="num">{formatCount(group.totals.total)}</td>
                  </tr>
                  <SummaryRows rows={group.rows} selected={selected} />
                </tbody>
              ))
            ) : (
              <tbody>
                <SummaryRows rows={summary.rows} selected={selected} />
                {summary.rows.length === 0 && (
                  <tr>
                    <td colSpan={3} className="muted">
                      Add layers to see the summary.
                    </td>
                  </tr>
                )}
              </tbody>
            )}
            <tfoot>
              <tr>
                <td colSpan={2}>Total params</td>
                <td className="num">{formatCount(summary.totals.total)}</td>
              </tr>
              <tr>
                <td colSpan={2}>Trainable params</td>
                <td className="num">{formatCount(summary.totals.trainable)}</td>
              </tr>
              <tr>
                <td colSpan={2}>Non-trainable params</td>
                <td className="num">{formatCount(summary.totals.nonTrainable)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
