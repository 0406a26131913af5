/** The editor's keyboard shortcuts, as the help overlay lists them and the handler reads them. */
export const SHORTCUTS: readonly { keys: string; what: string }[] = [
  { keys: 'Ctrl+Z', what: 'Undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', what: 'Redo' },
  { keys: 'Ctrl+C / Ctrl+V', what: 'Copy and paste the selected layers' },
  { keys: 'Ctrl+D', what: 'Duplicate the selected layers' },
  { keys: 'Ctrl+A', what: 'Select every layer' },
  { keys: 'Delete / Backspace', what: 'Delete the selection' },
  { keys: 'Shift+click, Shift+drag', what: 'Add to the selection, select with a box' },
  { keys: 'Double-click the canvas', what: 'Quick-add a layer there, after the selected one' },
  { keys: 'A', what: 'Quick-add a layer after the selected one' },
  { keys: 'L', what: 'Lay the network out left to right' },
  { keys: 'Shift+L', what: 'Lay the network out top to bottom' },
  { keys: 'F', what: 'Fit the network into view' },
  { keys: 'Scroll, Ctrl+scroll', what: 'Move around the canvas, zoom' },
  { keys: 'Ctrl+S / Ctrl+Shift+S', what: 'Save / Save as' },
  { keys: 'Ctrl+O', what: 'Open a project' },
  { keys: '?', what: 'Show or hide this help' },
  { keys: 'Esc', what: 'Clear the selection, close a box' },
];

export type EditorCommand =
  | 'undo'
  | 'redo'
  | 'copy'
  | 'paste'
  | 'duplicate'
  | 'selectAll'
  | 'delete'
  | 'layout'
  | 'layoutVertical'
  | 'quickAdd'
  | 'fit'
  | 'help'
  | 'escape';

/** Whether typing goes into a field, where keys mean text, not commands. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

/** The editor command a key press means, or null. */
export function commandOf(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): EditorCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && !e.altKey) {
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    if (key === 'c') return 'copy';
    if (key === 'v') return 'paste';
    if (key === 'd') return 'duplicate';
    if (key === 'a') return 'selectAll';
    return null;
  }
  if (e.altKey) return null;
  if (key === 'delete' || key === 'backspace') return 'delete';
  if (key === 'l') return e.shiftKey ? 'layoutVertical' : 'layout';
  if (key === 'a' && !e.shiftKey) return 'quickAdd';
  if (key === 'f') return 'fit';
  if (e.key === '?') return 'help';
  if (key === 'escape') return 'escape';
  return null;
}
