import { graphStore, type GraphStore } from '../../stores/graphStore';
import { copyFragment, pasteFragment } from './clipboard';
import { autoLayout } from './layout';

/**
 * The editor's copy, paste, duplicate and tidy commands: pure transformations (clipboard.ts,
 * layout.ts) applied to the graph store. They live here, not in the store, so the store knows
 * no editor code (components -> actions -> stores).
 */

/** Where a paste lands relative to what was copied: beside it, not on top. */
export const PASTE_OFFSET = { x: 40, y: 140 };

/** Copies the selected layers; false when nothing is selected. */
export function copySelection(store: GraphStore = graphStore): boolean {
  const { doc, selectedIds, setClipboard } = store.getState();
  const fragment = copyFragment(doc, selectedIds);
  if (fragment) setClipboard(fragment);
  return fragment !== null;
}

/** Pastes the copied layers beside the originals, as one undo step, and selects them. */
export function paste(store: GraphStore = graphStore, offset = PASTE_OFFSET): void {
  const { clipboard, doc } = store.getState();
  if (!clipboard) return;
  const pasted = pasteFragment(doc, clipboard, offset);
  store.getState().applySelecting(pasted.doc, pasted.ids);
  // The next paste lands beside this one instead of on top of it.
  store.getState().setClipboard({
    ...clipboard,
    nodes: clipboard.nodes.map((n) => ({
      ...n,
      position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
    })),
  });
}

/** Copies the selected layers beside themselves in one step, leaving the clipboard as it was. */
export function duplicateSelection(store: GraphStore = graphStore): void {
  const { doc, selectedIds } = store.getState();
  const fragment = copyFragment(doc, selectedIds);
  if (!fragment) return;
  const pasted = pasteFragment(doc, fragment, PASTE_OFFSET);
  store.getState().applySelecting(pasted.doc, pasted.ids);
}

/** Lays the design out left to right as one undo step. */
export function layoutDesign(store: GraphStore = graphStore): void {
  store.getState().apply(autoLayout(store.getState().doc));
}
