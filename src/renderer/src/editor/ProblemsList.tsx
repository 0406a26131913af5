import { useReactFlow } from '@xyflow/react';
import { graphStore, useGraph } from '../stores/graphStore';

/** The graph's diagnostics as a list, words first; clicking one selects and shows its node. */
export function ProblemsList() {
  const diagnostics = useGraph((s) => s.analysis.diagnostics);
  const { fitView } = useReactFlow();

  const focus = (nodeIds: string[]) => {
    if (nodeIds.length === 0) return;
    graphStore.getState().select(nodeIds[0]);
    void fitView({ nodes: nodeIds.map((id) => ({ id })), duration: 300, maxZoom: 1.2 });
  };

  return (
    // tabIndex -1: the run panel's "Fix … first" reason moves the focus here.
    <section
      className="panel problems"
      aria-label="Problems"
      data-testid="problems"
      id="problems"
      tabIndex={-1}
    >
      <h2 className="panel-title">
        Problems
        <span className={`count ${diagnostics.length === 0 ? 'good' : 'bad'}`}>
          {diagnostics.length}
        </span>
      </h2>
      {diagnostics.length === 0 ? (
        <p className="all-good">The network is ready to train.</p>
      ) : (
        <ul className="problem-list">
          {diagnostics.map((d, i) => (
            <li key={`${d.code}-${i}`} className={`problem ${d.severity}`}>
              <button className="problem-button" onClick={() => focus(d.nodeIds)}>
                <span className="problem-message">{d.message}</span>
                <span className="problem-code">Code: {d.code}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
