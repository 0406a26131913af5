import type { DataSpec } from '../../../shared/contract/training';
import type { Diagnostic } from '../../../shared/graph/messages';

/** Why Start cannot run now, in words; `where` says what to open to fix it. */
export interface StartBlocked {
  where: 'design' | 'data';
  text: string;
}

/**
 * Why a run cannot start, or null when it can. Only error-severity diagnostics block (warnings
 * train), and the reason names the first error so the person knows where to look without
 * opening the Problems list.
 */
export function startBlockedReason(
  diagnostics: readonly Diagnostic[],
  data: Pick<DataSpec, 'source' | 'file'>,
  nodeCount = 1,
): StartBlocked | null {
  if (nodeCount === 0)
    return { where: 'design', text: 'Add layers to the design first: it is empty.' };
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
    return { where: 'design', text: `Fix ${count} in the design first: ${errors[0].message}` };
  }
  if (data.source === 'file' && !data.file)
    return {
      where: 'data',
      text: 'Choose a data file first: the data source is a file, but none is named yet.',
    };
  return null;
}
