import { Panel } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { LAYER_DESCRIPTORS } from '../../../shared/layers';
import { formatParams, formatShape } from '../format/format';
import { graphStore, useGraph } from '../stores/graphStore';
import { paramValue } from '../canvas/nodeSummary';
import { duplicateSelection } from './actions/editCommands';
import { ParamField } from './ParamField';
import './InspectorPanel.css';

/** The selected node's params as typed fields, with what the node is and what it gives. */
export function InspectorPanel() {
  const node = useGraph((s) => s.doc.nodes.find((n) => n.id === s.selectedNodeId));
  const info = useGraph((s) => (s.selectedNodeId ? s.analysis.nodes[s.selectedNodeId] : undefined));
  const isCode = useGraph(
    (s) => s.selectedNodeId !== null && s.analysis.codeNodeId === s.selectedNodeId,
  );
  const problems = useGraph(
    useShallow((s) =>
      s.analysis.diagnostics.filter((d) => node !== undefined && d.nodeIds.includes(node.id)),
    ),
  );
  const count = useGraph((s) => s.selectedIds.length);
  const store = graphStore.getState();
  if (count > 1) {
    return (
      <Panel position="top-right" className="inspector" data-testid="inspector">
        <div className="inspector-head">
          <span className="layer-kind">{count} layers selected</span>
          <button
            className="icon-button"
            aria-label="Clear the selection"
            onClick={() => store.setSelection([])}
          >
            ×
          </button>
        </div>
        <p className="explanation">
          Drag one of them to move them all. Copy with Ctrl+C, duplicate with Ctrl+D.
        </p>
        <div className="inspector-actions">
          <button className="button" onClick={() => duplicateSelection()}>
            Duplicate
          </button>
          <button className="button danger" onClick={() => store.deleteSelection()}>
            Delete {count} layers
          </button>
        </div>
      </Panel>
    );
  }
  if (!node) return null;
  const descriptor = LAYER_DESCRIPTORS[node.kind];

  return (
    <Panel position="top-right" className="inspector" data-testid="inspector">
      <div className="inspector-head">
        <span className="layer-kind">{node.kind}</span>
        {isCode && <span className="code-badge">code</span>}
        <button
          className="icon-button"
          aria-label="Close the inspector"
          onClick={() => store.select(null)}
        >
          ×
        </button>
      </div>
      {descriptor && <p className="explanation">{descriptor.explanation}</p>}
      <div className="field">
        <label htmlFor="node-name">Name</label>
        <input
          id="node-name"
          value={node.name}
          data-testid="node-name-input"
          onChange={(e) => store.renameNode(node.id, e.target.value)}
        />
      </div>
      {descriptor &&
        Object.entries(descriptor.params).map(([key, spec]) => (
          <ParamField
            key={`${node.id}-${key}`}
            name={key}
            spec={spec}
            value={paramValue(node, key, spec)}
            onCommit={(value) => store.setParam(node.id, key, value)}
          />
        ))}
      <dl className="facts">
        <dt>Gives</dt>
        <dd>{info?.shape ? formatShape(info.shape) : 'unknown'}</dd>
        <dt>Learns</dt>
        <dd>{info ? formatParams(info.trainableParams + info.nonTrainableParams) : '—'}</dd>
      </dl>
      {problems.length > 0 && (
        <ul className="inspector-problems">
          {problems.map((p, i) => (
            <li key={i} className={p.severity}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
      <button className="button danger" onClick={() => store.remove([node.id], [])}>
        Delete node
      </button>
    </Panel>
  );
}
