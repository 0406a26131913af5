import { ReactFlowProvider } from '@xyflow/react';
import { GraphCanvas } from '../canvas/GraphCanvas';
import { Palette } from '../editor/Palette';
import { ProblemsList } from '../editor/ProblemsList';
import { ErrorBanner } from '../panels/ErrorBanner';
import { TopBar } from '../panels/TopBar';
import { TrainSidebar } from '../panels/TrainSidebar';

/** The studio window: top bar, palette, canvas and the training side. */
export function App() {
  return (
    <ReactFlowProvider>
      <div className="app">
        <TopBar />
        <ErrorBanner />
        <main className="workspace">
          <aside className="left-rail">
            <ProblemsList />
            <Palette />
          </aside>
          <section className="canvas-area" aria-label="Network">
            <GraphCanvas />
          </section>
          <TrainSidebar />
        </main>
      </div>
    </ReactFlowProvider>
  );
}
