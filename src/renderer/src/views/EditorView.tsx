import { GraphCanvas } from '../canvas/GraphCanvas';
import { Palette } from '../editor/Palette';
import { ProblemsList } from '../editor/ProblemsList';
import { TrainSidebar } from '../panels/TrainSidebar';

/** The Editor tab: palette, problems and canvas, with the compact training side beside them. */
export function EditorView() {
  return (
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
  );
}
