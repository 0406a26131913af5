import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LAYER_DESCRIPTORS } from '../../../shared/layers';
import { formatParams, formatShape } from '../format/format';
import { useGraph } from '../stores/graphStore';
import type { LayerFlowNode } from './flowModel';
import type { Side } from './handleSides';
import { NodeProblemsPop } from './NodeProblemsPop';
import { summarizeParams } from './nodeSummary';
import './LayerNode.css';

const POSITION: Record<Side, Position> = {
  left: Position.Left,
  right: Position.Right,
  top: Position.Top,
  bottom: Position.Bottom,
};

/** One layer on the canvas: kind, name, main params, output shape, parameter count, problems. */
function LayerNodeView({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const node = useGraph((s) => s.doc.nodes.find((n) => n.id === id));
  const info = useGraph((s) => s.analysis.nodes[id]);
  const isCode = useGraph((s) => s.analysis.codeNodeId === id);
  const problems = useGraph(
    useShallow((s) => s.analysis.diagnostics.filter((d) => d.nodeIds.includes(id))),
  );
  const box = useRef<HTMLDivElement>(null);
  const [hovered, setHovered] = useState(false);
  const updateNodeInternals = useUpdateNodeInternals();
  // React Flow measures where the ports are once; when they move to another side, measure again.
  useEffect(() => updateNodeInternals(id), [id, data.inSide, data.outSide, updateNodeInternals]);
  if (!node) return null;

  const descriptor = LAYER_DESCRIPTORS[node.kind];
  const ports = descriptor?.ports ?? ['in'];
  const hasOutput = node.kind !== 'Output';
  // Input ports spread along their side; sharing it with the output, they keep to its first half.
  const across = data.inSide === 'left' || data.inSide === 'right' ? 'top' : 'left';
  const shared = hasOutput && data.inSide === data.outSide;
  const spread = shared ? 0.5 : 1;
  const inAt = (i: number) =>
    ports.length > 1 || shared
      ? { [across]: `${((i + 1) / (ports.length + 1)) * spread * 100}%` }
      : undefined;
  const severity = problems.some((p) => p.severity === 'error')
    ? 'error'
    : problems.length > 0
      ? 'warning'
      : null;
  const params = info ? info.trainableParams + info.nonTrainableParams : null;
  const classes = [
    'layer-node',
    `cat-${(descriptor?.category ?? 'Layers').toLowerCase()}`,
    isCode ? 'is-code' : '',
    severity ? `has-${severity}` : '',
    selected ? 'is-selected' : '',
  ];

  return (
    <div
      ref={box}
      className={classes.filter(Boolean).join(' ')}
      data-severity={severity ?? undefined}
      aria-description={problems.map((p) => p.message).join(' ') || undefined}
      // Over as well as enter: a node that moved under a resting pointer still shows its problems.
      onMouseEnter={() => setHovered(true)}
      onMouseOver={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
    >
      {hovered && problems.length > 0 && (
        <NodeProblemsPop id={id} problems={problems} anchor={box} />
      )}
      {ports.map((port, i) => (
        <Handle
          key={port}
          id={port}
          type="target"
          position={POSITION[data.inSide]}
          style={inAt(i)}
          title={ports.length > 1 ? port : undefined}
        />
      ))}
      <div className="layer-head">
        <span className="layer-kind">{node.kind}</span>
        {isCode && <span className="code-badge">code</span>}
        {severity && (
          <span className={`problem-dot ${severity}`} aria-label={`${problems.length} problem(s)`}>
            !
          </span>
        )}
      </div>
      <div className="layer-name">{node.name || node.id}</div>
      {descriptor && (
        <div className="layer-params">{summarizeParams(node, descriptor.params) || '\u00a0'}</div>
      )}
      <div className="layer-foot">
        <span className="layer-shape" data-testid="node-shape">
          {info?.shape ? formatShape(info.shape) : '?'}
        </span>
        <span className="layer-count" data-testid="node-params">
          {params === null ? '' : formatParams(params)}
        </span>
      </div>
      {hasOutput && (
        <Handle
          type="source"
          position={POSITION[data.outSide]}
          style={shared ? { [across]: '75%' } : undefined}
        />
      )}
    </div>
  );
}

export const LayerNode = memo(LayerNodeView);
