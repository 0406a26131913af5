import { useState } from 'react';
import { copyPng, downloadFiles } from './download';
import { flattenForDownload } from './flattenFiles';
import { makeExport, renderPng, type ExportClient, type ExportJob } from './makeExport';

/** The outcome line under the dialog: what was saved or copied, or what went wrong. */
export type ExportStatus =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

/** Download and Copy of the dialog, with the status line they share. */
export function useExportActions(job: ExportJob, client: ExportClient | null) {
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });

  const download = async () => {
    setStatus({ kind: 'busy', what: 'Making the files…' });
    const made = await makeExport(job, client);
    if (!made.ok) return setStatus({ kind: 'error', message: made.error.message });
    downloadFiles(made.value);
    const names = flattenForDownload(made.value)
      .map((f) => f.name)
      .join(', ');
    setStatus({ kind: 'done', message: `Downloaded ${names}.` });
  };

  const copy = async () => {
    setStatus({ kind: 'busy', what: 'Copying the picture…' });
    const copied = await copyPng(renderPng(job, client));
    setStatus(
      copied.ok
        ? { kind: 'done', message: 'Copied the picture: paste it into a slide or document.' }
        : { kind: 'error', message: copied.error.message },
    );
  };

  return { status, download, copy, reset: () => setStatus({ kind: 'idle' }) };
}
