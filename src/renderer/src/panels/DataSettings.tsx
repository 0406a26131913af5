import { useState } from 'react';
import type { DataSpec } from '../../../shared/contract/training';
import { runStore, useRun } from '../stores/runStore';
import { isActive } from '../stores/runState';
import { ChoiceField } from './ChoiceField';
import { DataSummaryView } from './DataSummaryView';
import { FileSourceFields } from './FileSourceFields';
import { formatLabelList, parseLabelList } from './labelList';
import { SettingField } from './SettingField';
import { TextField } from './TextField';

const SOURCES = [
  { value: 'mnist', label: 'Embedded digits (10,000 MNIST)' },
  { value: 'file', label: 'A data file on this computer' },
] as const;

const SCALINGS = [
  { value: 'unit', label: 'Into 0..1' },
  { value: 'standardize', label: 'Standardize (mean 0, sd 1)' },
  { value: 'none', label: 'As they are' },
] as const;

/** Which data a run learns from: the embedded digits with a filter, or an imported file. */
export function DataSettings() {
  const data = useRun((s) => s.data);
  const active = useRun((s) => isActive(s.phase));
  const edit = (patch: Partial<DataSpec>) => runStore.getState().editData(patch);
  const [version, setVersion] = useState(0);
  const change = (patch: Partial<DataSpec>) => {
    edit(patch);
    setVersion((v) => v + 1);
  };
  return (
    <section className="panel" aria-label="Data">
      <h2 className="panel-title">Data</h2>
      <div className="settings-grid">
        <ChoiceField
          label="Source"
          testId="data-source"
          value={data.source}
          options={SOURCES}
          disabled={active}
          help="The digits that ship with the studio, or your own file (IDX, NumPy, CSV or a folder of images)."
          onChange={(source) => change({ source })}
        />
        <TextField
          label="Only these labels"
          testId="data-labels"
          value={formatLabelList(data.labels)}
          placeholder="all (e.g. 1, 5, 6)"
          disabled={active}
          help="Keep only samples with these labels, e.g. 1, 5, 6 or 0-4. Empty keeps every label."
          onCommit={(text) => {
            const parsed = parseLabelList(text);
            if (!parsed.ok) return parsed.message;
            change({ labels: parsed.labels });
            return null;
          }}
        />
        <SettingField
          label="Use at most (0 = all)"
          testId="data-limit"
          value={data.limit ?? 0}
          integer
          min={0}
          max={100_000_000}
          disabled={active}
          help="Train on fewer samples to go faster. 0 uses every sample."
          onCommit={(n) => change({ limit: n < 2 ? null : n })}
        />
        {data.source === 'file' && (
          <ChoiceField
            label="Scale values"
            testId="data-scaling"
            value={data.scaling}
            options={SCALINGS}
            disabled={active}
            help="How the file's numbers are scaled before training."
            onChange={(scaling) => change({ scaling })}
          />
        )}
      </div>
      {data.source === 'file' && (
        <FileSourceFields
          file={data.file}
          disabled={active}
          onChange={(file) => change({ file })}
        />
      )}
      <DataSummaryView data={data} version={version} />
    </section>
  );
}
