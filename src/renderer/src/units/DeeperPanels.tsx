import { CompareRuns } from '../compare/CompareRuns';
import { UnitInspector } from './UnitInspector';

/** The Inspect view's slot for looking deeper: one unit at a time, and two runs side by side. */
export function DeeperPanels() {
  return (
    <>
      <UnitInspector />
      <CompareRuns />
    </>
  );
}
