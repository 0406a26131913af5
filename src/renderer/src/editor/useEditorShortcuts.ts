import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect } from 'react';
import { useCanvasView } from '../canvas/useCanvasView';
import { graphStore } from '../stores/graphStore';
import { copySelection, duplicateSelection, paste } from './actions/editCommands';
import { NODE } from './actions/layout';
import { editorUi } from './editorUi';
import { commandOf, isTyping, type EditorCommand } from './shortcuts';

/** Opens quick-add under the selected layer, to add one after it (or at the view's corner). */
function useOpenQuickAdd() {
  const { flowToScreenPosition, screenToFlowPosition } = useReactFlow();
  return useCallback(() => {
    const graph = graphStore.getState();
    const anchor = graph.doc.nodes.find((n) => n.id === graph.selectedNodeId);
    if (!anchor) {
      const screen = { x: 320, y: 160 };
      editorUi.getState().openQuickAdd({ screen, flow: screenToFlowPosition(screen) });
      return;
    }
    // Below the layer: in a left-to-right design that spot is usually free.
    const flow = {
      x: anchor.position.x + NODE.width / 2,
      y: anchor.position.y + NODE.height * 1.5 + 40,
    };
    const screen = flowToScreenPosition(anchor.position);
    const under = flowToScreenPosition({
      x: anchor.position.x,
      y: anchor.position.y + NODE.height,
    });
    editorUi
      .getState()
      .openQuickAdd({ screen: { x: screen.x, y: under.y + 8 }, flow, after: anchor.id });
  }, [flowToScreenPosition, screenToFlowPosition]);
}

/** Binds the editor's shortcuts while the canvas is on screen. */
export function useEditorShortcuts(): void {
  const { fit, layout } = useCanvasView();
  const openQuickAdd = useOpenQuickAdd();
  useEffect(() => {
    const run = (command: EditorCommand) => {
      const graph = graphStore.getState();
      const ui = editorUi.getState();
      switch (command) {
        case 'undo':
          return graph.undo();
        case 'redo':
          return graph.redo();
        case 'copy':
          return void copySelection();
        case 'paste':
          return paste();
        case 'duplicate':
          return duplicateSelection();
        case 'selectAll':
          return graph.setSelection(graph.doc.nodes.map((n) => n.id));
        case 'delete':
          return graph.deleteSelection();
        case 'layout':
          return layout('LR');
        case 'layoutVertical':
          return layout('TB');
        case 'quickAdd':
          return openQuickAdd();
        case 'fit':
          return void fit();
        case 'help':
          return ui.setHelp(!ui.helpOpen);
        case 'escape':
          if (ui.helpOpen || ui.quickAdd || ui.galleryOpen) {
            ui.setHelp(false);
            ui.openQuickAdd(null);
            ui.setGallery(false);
          } else graph.setSelection([]);
          return;
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      const command = commandOf(e);
      if (!command) return;
      // A browser's own Ctrl+D (bookmark) or Backspace (back) must not fire over the canvas.
      e.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fit, layout, openQuickAdd]);
}
