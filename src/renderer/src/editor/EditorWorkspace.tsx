import { ReactFlowProvider } from '@xyflow/react';
import { GraphCanvas } from '../canvas/GraphCanvas';
import { HelpOverlay } from './HelpOverlay';
import { Palette } from './Palette';
import { ProblemsList } from './ProblemsList';
import { SummaryPanel } from './SummaryPanel';
import './EditorWorkspace.css';

/**
 * The whole editor, for a view to place: problems and palette on the left, the canvas with its
 * toolbar and inspector, and the summary table under it. It fills the box it is given.
 */
export function EditorWorkspace() {
  return (
    <ReactFlowProvider>
      <div className="editor-workspace">
        <aside className="left-rail editor-rail">
          <ProblemsList />
          <Palette />
        </aside>
        <div className="editor-main">
          <section className="canvas-area" aria-label="Network">
            <GraphCanvas />
          </section>
          <SummaryPanel />
        </div>
        <HelpOverlay />
      </div>
    </ReactFlowProvider>
  );
}
