import { EditorWorkspace } from '../editor/EditorWorkspace';
import { TrainSidebar } from '../panels/TrainSidebar';
import './EditorView.css';

/** The Editor tab: the editor (palette, canvas, inspector, summary) beside the compact training side. */
export function EditorView() {
  return (
    <main className="editor-view">
      <div className="editor-box">
        <EditorWorkspace />
      </div>
      <TrainSidebar />
    </main>
  );
}
