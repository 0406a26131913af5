import { useState } from 'react';
import type { ImportSourceSpec } from '../../../shared/contract/dataSources';
import { ChoiceField } from './ChoiceField';
import { draftToSource, PATH_LABELS, sourceToDraft, type ImportDraft } from './importDraft';
import { SettingField } from './SettingField';
import { TextField } from './TextField';
import { UploadField } from './UploadField';
import { useApp } from '../stores/appStore';

const KINDS = [
  { value: 'idx', label: 'IDX (MNIST style)' },
  { value: 'npy', label: 'NumPy .npy' },
  { value: 'csv', label: 'CSV table' },
  { value: 'imageFolder', label: 'Folder of images' },
] as const;

interface Props {
  file: ImportSourceSpec | null;
  disabled: boolean;
  onChange(file: ImportSourceSpec | null): void;
}

/** The paths of a data file to import, typed in, with the options its kind has. */
export function FileSourceFields({ file, disabled, onChange }: Props) {
  const [draft, setDraft] = useState<ImportDraft>(() => sourceToDraft(file));
  // Browser mode reads only uploads and the folders named at start; a folder cannot be uploaded.
  const uploads = useApp((s) => s.shell) === 'browser' && draft.kind !== 'imageFolder';
  const update = (patch: Partial<ImportDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    onChange(draftToSource(next));
  };
  const text = (key: 'path' | 'labelsPath' | 'labelColumn') => (value: string) => {
    update({ [key]: value });
    return null;
  };
  return (
    <div className="settings-grid file-fields">
      <ChoiceField
        label="File kind"
        testId="data-file-kind"
        value={draft.kind}
        options={KINDS}
        disabled={disabled}
        help="The format of your data."
        onChange={(kind) => update({ kind })}
      />
      <TextField
        wide
        label={PATH_LABELS[draft.kind]}
        testId="data-file-path"
        value={draft.path}
        placeholder="/path/on/the/studio/computer"
        disabled={disabled}
        help="The full path, as the computer that trains sees it."
        onCommit={text('path')}
      />
      {uploads && (
        <UploadField
          label="Or upload the file"
          testId="data-file-upload"
          disabled={disabled}
          onUploaded={(path) => update({ path })}
        />
      )}
      {(draft.kind === 'idx' || draft.kind === 'npy') && (
        <TextField
          wide
          label="Labels file (optional)"
          testId="data-file-labels"
          value={draft.labelsPath}
          disabled={disabled}
          help="A second file of the same format with one whole-number label per sample."
          onCommit={text('labelsPath')}
        />
      )}
      {uploads && (draft.kind === 'idx' || draft.kind === 'npy') && (
        <UploadField
          label="Or upload the labels file"
          testId="data-file-labels-upload"
          disabled={disabled}
          onUploaded={(labelsPath) => update({ labelsPath })}
        />
      )}
      {draft.kind === 'csv' && (
        <TextField
          label="Label column (optional)"
          testId="data-file-label-column"
          value={draft.labelColumn}
          disabled={disabled}
          help="The header of the column that holds the labels."
          onCommit={text('labelColumn')}
        />
      )}
      {draft.kind === 'imageFolder' && (
        <>
          <SettingField
            label="Width"
            testId="data-file-width"
            value={draft.width}
            integer
            min={1}
            max={4096}
            disabled={disabled}
            help="Images are resized to this width."
            onCommit={(width) => update({ width })}
          />
          <SettingField
            label="Height"
            testId="data-file-height"
            value={draft.height}
            integer
            min={1}
            max={4096}
            disabled={disabled}
            help="Images are resized to this height."
            onCommit={(height) => update({ height })}
          />
          <ChoiceField
            label="Colour"
            testId="data-file-channels"
            value={String(draft.channels) as '1' | '3'}
            options={[
              { value: '1', label: 'Grey' },
              { value: '3', label: 'RGB' },
            ]}
            disabled={disabled}
            help="Grey images have one value per pixel, colour images three."
            onChange={(c) => update({ channels: c === '3' ? 3 : 1 })}
          />
        </>
      )}
    </div>
  );
}
