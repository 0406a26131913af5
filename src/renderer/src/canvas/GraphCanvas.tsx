import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type MouseEvent,
} from 'react';
import type { NodeKind } from '../../../shared/graph/document';
import { checkConnection } from '../editor/actions/connection';
import { readDraggedKind } from '../editor/dragKind';
import { editorUi, useEditorUi } from '../editor/editorUi';
import { EditorToolbar } from '../editor/EditorToolbar';
import { InspectorPanel } from '../editor/InspectorPanel';
import { QuickAdd } from '../editor/QuickAdd';
import { useEditorShortcuts } from '../editor/useEditorShortcuts';
import { graphStore, useGraph } from '../stores/graphStore';
import { useCompactWindow } from './compactWindow';
import { ConnectTooltip } from './ConnectTooltip';
import { toFlowEdges, toFlowNodes, type LayerFlowNode } from './flowModel';
import { LayerNode } from './LayerNode';
import { RegionsLayer } from './RegionsLayer';
import { useCanvasView } from './useCanvasView';
import { kindColor } from '../styles/categoryColors';
import './GraphCanvas.css';

const nodeTypes = { layer: LayerNode };

/** A pane click this recent, then a double-click: one gesture, the double-click's start. */
const DOUBLE_CLICK_MS = 600;

/** Where a dropped node's top-left goes, so the node lands centred under the pointer. */
const DROP_OFFSET = { x: 80, y: 45 };

/** The selection after React Flow's select changes (click, shift-click, box). */
function nextSelection(
  current: readonly string[],
  changes: readonly { type: string; id?: string; selected?: boolean }[],
) {
  const chosen = new Set(current);
  let changed = false;
  for (const c of changes) {
    if (c.type !== 'select' || !c.id) continue;
    changed = true;
    if (c.selected) chosen.add(c.id);
    else chosen.delete(c.id);
  }
  return changed ? [...chosen] : null;
}

/** A layer's group colour, from the palette module: SVG fill attributes cannot read CSS variables. */
const minimapColor = (node: LayerFlowNode) => kindColor(node.data.kind as NodeKind);

/**
 * The network as a React Flow graph. The graph store owns the document and the selection: React
 * Flow only reports what the person did (moved, selected, connected) and the store applies it,
 * recording one undo step per explicit change (a drag's end, a connection, a deletion).
 */
export function GraphCanvas() {
  const doc = useGraph((s) => s.doc);
  const analysis = useGraph((s) => s.analysis);
  const selectedIds = useGraph((s) => s.selectedIds);
  const selectedEdgeIds = useGraph((s) => s.selectedEdgeIds);
  const loadCount = useGraph((s) => s.loadCount);
  const { screenToFlowPosition, setViewport } = useReactFlow();
  const { fitDocument } = useCanvasView();
  const sized = useFlowStore((s) => s.width > 0 && s.height > 0);
  const compact = useCompactWindow();
  const minimapChoice = useEditorUi((s) => s.minimapChoice);
  const showMinimap = minimapChoice ?? !compact;
  useEditorShortcuts();

  // React Flow measures each node; handing the sizes back keeps them (the minimap needs them).
  const [sizes, setSizes] = useState<ReadonlyMap<string, { width: number; height: number }>>(
    () => new Map(),
  );
  const nodes = useMemo(
    () =>
      toFlowNodes(doc, selectedIds).map((n) =>
        sizes.has(n.id) ? { ...n, measured: sizes.get(n.id) } : n,
      ),
    [doc, selectedIds, sizes],
  );
  const edges = useMemo(
    () => toFlowEdges(doc, (id) => analysis.nodes[id]?.shape ?? null, selectedEdgeIds),
    [doc, analysis, selectedEdgeIds],
  );

  // The first design, and each newly loaded one (new, open, preset), is fitted into view once
  // the canvas has its size: as large as fits, but never below readable names.
  useEffect(() => {
    if (!sized) return;
    const timer = window.setTimeout(() => {
      // An empty canvas starts at 100 % with the origin top left, where the first layers go.
      const doc = graphStore.getState().doc;
      if (doc.nodes.length === 0) void setViewport({ x: 0, y: 0, zoom: 1 });
      else fitDocument(doc);
    }, 50);
    return () => window.clearTimeout(timer);
  }, [loadCount, sized, fitDocument, setViewport]);

  // A click on the empty canvas clears the selection, and a double-click starts with one: the
  // layer it cleared is the one quick-add follows.
  const cleared = useRef<{ id: string; at: number } | null>(null);
  const onPaneClick = useCallback(() => {
    const { selectedNodeId } = graphStore.getState();
    if (selectedNodeId) cleared.current = { id: selectedNodeId, at: performance.now() };
    graphStore.getState().setSelection([]);
    editorUi.getState().openQuickAdd(null);
  }, []);

  const onNodesChange = useCallback((changes: NodeChange<LayerFlowNode>[]) => {
    const store = graphStore.getState();
    const measured: { id: string; width: number; height: number }[] = [];
    for (const change of changes) {
      if (change.type === 'position' && change.position) store.moveNode(change.id, change.position);
      if (change.type === 'dimensions' && change.dimensions) {
        measured.push({ id: change.id, ...change.dimensions });
      }
    }
    if (measured.length > 0) {
      setSizes((before) => {
        const same = measured.every(
          (m) => before.get(m.id)?.width === m.width && before.get(m.id)?.height === m.height,
        );
        if (same) return before;
        const next = new Map(before);
        for (const m of measured) next.set(m.id, { width: m.width, height: m.height });
        return next;
      });
    }
    const selected = nextSelection(store.selectedIds, changes);
    if (selected) store.setSelection(selected, graphStore.getState().selectedEdgeIds);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const store = graphStore.getState();
    const selected = nextSelection(store.selectedEdgeIds, changes);
    if (selected) store.setSelection(store.selectedIds, selected);
  }, []);

  const isValidConnection = useCallback((c: Connection | Edge) => {
    const port = c.targetHandle ?? 'in';
    return checkConnection(graphStore.getState().doc, c.source, c.target, port).ok;
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
      graphStore.getState().addNode(kind, { x: at.x - DROP_OFFSET.x, y: at.y - DROP_OFFSET.y });
    },
    [screenToFlowPosition],
  );

  const onDoubleClick = useCallback(
    (event: MouseEvent) => {
      if (
        !(event.target instanceof Element) ||
        !event.target.classList.contains('react-flow__pane')
      )
        return;
      const screen = { x: event.clientX, y: event.clientY };
      const last = cleared.current;
      const after = last && performance.now() - last.at < DOUBLE_CLICK_MS ? last.id : null;
      if (after) graphStore.getState().select(after);
      editorUi.getState().openQuickAdd({ screen, flow: screenToFlowPosition(screen), after });
    },
    [screenToFlowPosition],
  );

  const begin = useCallback(() => graphStore.getState().beginGesture(), []);
  const end = useCallback(() => graphStore.getState().endGesture(), []);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDragStart={begin}
      onNodeDragStop={end}
      onSelectionDragStart={begin}
      onSelectionDragStop={end}
      isValidConnection={isValidConnection}
      onConnect={onConnect}
      onDrop={onDrop}
      onDragOver={onDragOver}
      onDoubleClick={onDoubleClick}
      onPaneClick={onPaneClick}
      // The wheel moves around a design too long to fit readably; Ctrl+wheel and pinch zoom.
      panOnScroll
      minZoom={0.15}
      maxZoom={2}
      zoomOnDoubleClick={false}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
      colorMode="dark"
      proOptions={{ hideAttribution: true }}
    >
      <RegionsLayer />
      <Background variant={BackgroundVariant.Dots} gap={22} size={1.2} color="#2a3142" />
      <Controls showInteractive={false} position="bottom-left">
        <ControlButton
          className={showMinimap ? 'is-on' : ''}
          title={showMinimap ? 'Hide the minimap' : 'Show the minimap'}
          aria-label={showMinimap ? 'Hide the minimap' : 'Show the minimap'}
          aria-pressed={showMinimap}
          data-testid="minimap-toggle"
          onClick={() => editorUi.getState().setMinimap(!showMinimap)}
        >
          ▣
        </ControlButton>
      </Controls>
      {showMinimap && (
        <MiniMap
          className="minimap"
          position="bottom-right"
          pannable
          zoomable
          nodeColor={minimapColor}
          nodeStrokeWidth={0}
          maskColor="rgba(11, 14, 20, 0.72)"
        />
      )}
      <EditorToolbar />
      <InspectorPanel />
      <QuickAdd />
      <ConnectTooltip />
    </ReactFlow>
  );
}
