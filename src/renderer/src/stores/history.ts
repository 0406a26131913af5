import type { GraphDocument } from '../../../shared/graph/document';

/**
 * Undo history as whole documents. Documents are immutable and edits share unchanged nodes, so a
 * step costs one array of references, and undo is a pointer swap rather than a replay.
 */
export interface History {
  past: readonly GraphDocument[];
  future: readonly GraphDocument[];
  /**
   * What the last step was about ("param:dense-1:units"). Typing 1, 2, 8 into one field is one
   * parameter edit, so a step with the same key as the last one is folded into it.
   */
  lastKey: string | null;
}

/** Enough for a long session; older steps fall off the bottom. */
export const HISTORY_LIMIT = 300;

export const emptyHistory: History = { past: [], future: [], lastKey: null };

/** Records `before` as the state to return to; a step with the last step's key merges into it. */
export function record(
  history: History,
  before: GraphDocument,
  key: string | null = null,
): History {
  if (key !== null && key === history.lastKey && history.future.length === 0) return history;
  const past = [...history.past, before];
  return {
    past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past,
    future: [],
    lastKey: key,
  };
}

/** Steps back: the document to show and the history after it, or null when there is nothing. */
export function undo(
  history: History,
  current: GraphDocument,
): { doc: GraphDocument; history: History } | null {
  const doc = history.past.at(-1);
  if (!doc) return null;
  return {
    doc,
    history: {
      past: history.past.slice(0, -1),
      future: [current, ...history.future],
      lastKey: null,
    },
  };
}

/** Steps forward again after an undo. */
export function redo(
  history: History,
  current: GraphDocument,
): { doc: GraphDocument; history: History } | null {
  const [doc, ...future] = history.future;
  if (!doc) return null;
  return { doc, history: { past: [...history.past, current], future, lastKey: null } };
}

/** Ends a run of merged steps, so the next edit of the same field is a step of its own. */
export const seal = (history: History): History =>
  history.lastKey === null ? history : { ...history, lastKey: null };
