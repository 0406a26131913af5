import {
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useMemo, type DragEvent } from 'react';
import { graphStore, useGraph } from '../stores/graphStore';
import { readDraggedKind } from '../editor/dragKind';
import { flowDirection, toFlowEdges, toFlowNodes, type LayerFlowNode } from './flowModel';
import { LayerNode } from './LayerNode';
import { InspectorPanel } from '../editor/InspectorPanel';

const nodeTypes = { layer: LayerNode };

/**
 * The network as a React Flow graph. The graph store owns the document: React Flow only reports
 * what the person did (moved, selected, connected, deleted) and the store applies it.
 */
export function GraphCanvas() {
  const doc = useGraph((s) => s.doc);
  const analysis = useGraph((s) => s.analysis);
  const selectedId = useGraph((s) => s.selectedNodeId);
  const presetId = useGraph((s) => s.presetId);
  const { screenToFlowPosition } = useReactFlow();

  const direction = useMemo(() => flowDirection(doc), [doc]);
  const nodes = useMemo(
    () => toFlowNodes(doc, selectedId, direction),
    [doc, selectedId, direction],
  );
  const edges = useMemo(
    () => toFlowEdges(doc, (id) => analysis.nodes[id]?.shape ?? null),
    [doc, analysis],
  );

  const onNodesChange = useCallback((changes: NodeChange<LayerFlowNode>[]) => {
    const store = graphStore.getState();
    const removed: string[] = [];
    for (const change of changes) {
      if (change.type === 'position' && change.position) store.moveNode(change.id, change.position);
      else if (change.type === 'select' && change.selected) store.select(change.id);
      else if (change.type === 'select' && graphStore.getState().selectedNodeId === change.id) {
        store.select(null);
      } else if (change.type === 'remove') removed.push(change.id);
    }
    if (removed.length > 0) store.remove(removed, []);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
    if (removed.length > 0) graphStore.getState().remove([], removed);
  }, []);

  const onConnect = useCallback((c: Connection) => {
    graphStore.getState().connect(c.source, c.target, c.targetHandle ?? 'in');
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const kind = readDraggedKind(event.dataTransfer);
      if (!kind) return;
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      graphStore.getState().addNode(kind, { x: at.x - 90, y: at.y - 40 });
    },
    [screenToFlowPosition],
  );

  return (
    <ReactFlow
      key={presetId}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onDrop={onDrop}
      onDragOver={onDragOver}
      onPaneClick={() => graphStore.getState().select(null)}
      fitView
      fitViewOptions={{ padding: 0.08, maxZoom: 1.1 }}
      minZoom={0.2}
      maxZoom={2}
      deleteKeyCode={['Backspace', 'Delete']}
      colorMode="dark"
      proOptions={{ hideAttribution: true }}
    >
      <Background variant={BackgroundVariant.Dots} gap={22} size={1.2} color="#2a3142" />
      <Controls showInteractive={false} />
      <InspectorPanel />
    </ReactFlow>
  );
}
