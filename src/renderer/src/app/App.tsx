import { ReactFlowProvider } from '@xyflow/react';
import '../styles/views.css';
import { ErrorBanner } from '../panels/ErrorBanner';
import { TopBar } from '../panels/TopBar';
import { EditorView } from '../views/EditorView';
import { GenerateView } from '../views/GenerateView';
import { InspectView } from '../views/InspectView';
import { LabView } from '../lab/LabView';
import { TabBar } from '../views/TabBar';
import { TrainView } from '../views/TrainView';
import { useTab } from '../views/viewTabs';

/**
 * The studio window: top bar, the view tabs and the open view. Only the open view is mounted, so
 * each test id (train-start, loss-chart, …) exists once on the page.
 */
export function App() {
  const tab = useTab();
  return (
    <ReactFlowProvider>
      <div className="app">
        <TopBar />
        <TabBar />
        <ErrorBanner />
        {tab === 'editor' && <EditorView />}
        {tab === 'train' && <TrainView />}
        {tab === 'inspect' && <InspectView />}
        {tab === 'generate' && <GenerateView />}
        {tab === 'lab' && <LabView />}
      </div>
    </ReactFlowProvider>
  );
}
