import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { graphStore } from '../stores/graphStore';
import { editorUi } from './editorUi';
import { commandOf, isTyping, type EditorCommand } from './shortcuts';

/** Binds the editor's shortcuts while the canvas is on screen. */
export function useEditorShortcuts(): void {
  const { fitView } = useReactFlow();
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
          return void graph.copySelection();
        case 'paste':
          return graph.paste();
        case 'duplicate':
          return graph.duplicateSelection();
        case 'selectAll':
          return graph.setSelection(graph.doc.nodes.map((n) => n.id));
        case 'delete':
          return graph.deleteSelection();
        case 'layout':
          graph.layout();
          return void window.setTimeout(() => void fitView({ padding: 0.12, duration: 250 }), 30);
        case 'fit':
          return void fitView({ padding: 0.12, duration: 250 });
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
  }, [fitView]);
}
