import { useEffect, useMemo, useState } from 'react';
import type { DataSummary } from '../../../shared/contract/commands';
import type { DataSpec } from '../../../shared/contract/training';
import { describeData } from '../actions/data';
import { formatCount, formatShape } from '../format/format';
import { composeGrid, imageGeometry } from '../recon/imageGrid';
import { BitmapCanvas } from '../views/BitmapCanvas';

type State =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; summary: DataSummary };

/** 'data.describe' on demand: the samples' shape, how many train and validate, and a preview. */
export function DataSummaryView({ data, version }: { data: DataSpec; version: number }) {
  const [state, setState] = useState<State>({ kind: 'none' });
  const [describedAt, setDescribedAt] = useState(-1);
  useEffect(() => {
    if (describedAt !== version && state.kind === 'ready') setState({ kind: 'none' });
  }, [version, describedAt, state.kind]);

  const describe = async () => {
    setState({ kind: 'loading' });
    const result = await describeData(data);
    setDescribedAt(version);
    setState(
      result.ok
        ? { kind: 'ready', summary: result.value }
        : { kind: 'error', message: result.error.message },
    );
  };

  return (
    <div className="data-summary" data-testid="data-summary" data-state={state.kind}>
      <button className="button" data-testid="data-describe" onClick={() => void describe()}>
        {state.kind === 'loading' ? 'Reading the data…' : 'Describe this data'}
      </button>
      {state.kind === 'error' && <div className="field-error">{state.message}</div>}
      {state.kind === 'ready' && <SummaryBody summary={state.summary} />}
    </div>
  );
}

function SummaryBody({ summary }: { summary: DataSummary }) {
  const geometry = imageGeometry(summary.sampleShape);
  const bitmap = useMemo(
    () => (geometry ? composeGrid([summary.preview], summary.previewCount, geometry) : null),
    [summary, geometry],
  );
  return (
    <div className="summary-body">
      <dl className="facts">
        <dt>Name</dt>
        <dd>{summary.name}</dd>
        <dt>Each sample</dt>
        <dd data-testid="data-shape">{formatShape(summary.sampleShape)}</dd>
        <dt>Training</dt>
        <dd data-testid="data-train-count">{formatCount(summary.trainCount)}</dd>
        <dt>Validation</dt>
        <dd>{formatCount(summary.validationCount)}</dd>
        <dt>Labels</dt>
        <dd>{summary.labels.length > 0 ? summary.labels.join(', ') : 'none'}</dd>
      </dl>
      {summary.notes.length > 0 && (
        <ul className="data-notes" data-testid="data-notes">
          {summary.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {bitmap && (
        <BitmapCanvas
          bitmap={bitmap}
          zoom={2}
          testId="data-preview"
          label={`${summary.previewCount} samples of the data`}
        />
      )}
    </div>
  );
}
