import { createStore, useStore } from 'zustand';
import { analyzeGraph } from '../../../shared/compiler';
import type { Result } from '../../../shared/contract/result';
import type { GraphDocument, NodeKind, ParamValue } from '../../../shared/graph/document';
import { createNode } from '../../../shared/layers';
import { DEFAULT_PRESET_ID, getPreset } from '../../../shared/presets';
import * as edits from './graphEdits';
import type { Fragment } from './graphEdits';
import * as history from './history';

export type GraphAnalysis = ReturnType<typeof analyzeGraph>;
type Preset = NonNullable<ReturnType<typeof getPreset>>;

export interface GraphState {
  /** The preset the design started from; '' for an empty or opened design. */
  presetId: string;
  title: string;
  doc: GraphDocument;
  analysis: GraphAnalysis;
  /** The node the inspector shows: the last one selected. */
  selectedNodeId: string | null;
  selectedIds: readonly string[];
  selectedEdgeIds: readonly string[];
  history: history.History;
  /** Counts whole-document loads, so the canvas can fit the new design into view. */
  loadCount: number;
  clipboard: Fragment | null;
  /** Loads a preset's graph; false when no preset has that id. */
  loadPreset(id: string): boolean;
  /** Replaces the design (new, open, recover): a fresh start for undo. */
  loadDocument(doc: GraphDocument, title: string, presetId?: string): void;
  /** Replaces the document as one undoable step. */
  apply(doc: GraphDocument, key?: string | null): void;
  /** Replaces the document as one undoable step and selects the given nodes (a paste). */
  applySelecting(doc: GraphDocument, nodeIds: readonly string[]): void;
  /** Keeps copied layers for the next paste (the editor's clipboard actions fill it). */
  setClipboard(fragment: Fragment | null): void;
  /** Runs a pure action over the document; applies it as one step when it succeeds. */
  runAction(action: (doc: GraphDocument) => Result<GraphDocument>): Result<GraphDocument>;
  /** A drag starts: the moves until endGesture are one undo step. */
  beginGesture(): void;
  endGesture(): void;
  moveNode(id: string, position: { x: number; y: number }): void;
  setParam(id: string, key: string, value: ParamValue): void;
  renameNode(id: string, name: string): void;
  /** Adds a node of a kind at a canvas position; returns its id. */
  addNode(kind: NodeKind, position: { x: number; y: number }): string;
  /** Connects two nodes; false when the connection was refused. */
  connect(source: string, target: string, targetPort: string): boolean;
  remove(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  select(id: string | null): void;
  setSelection(nodeIds: readonly string[], edgeIds?: readonly string[]): void;
  deleteSelection(): void;
  undo(): void;
  redo(): void;
}

const presetOrDefault = (id: string): Preset => {
  const preset = getPreset(id) ?? getPreset(DEFAULT_PRESET_ID);
  if (!preset)
    throw new Error(`E_RENDERER_1: the default preset "${DEFAULT_PRESET_ID}" is missing`);
  return preset;
};

/** Makes a graph store; the app uses one, tests make their own. */
export function createGraphStore(presetId: string = DEFAULT_PRESET_ID) {
  const first = presetOrDefault(presetId);
  return createStore<GraphState>()((set, get) => {
    let gestureStart: GraphDocument | null = null;
    const existing = (doc: GraphDocument, ids: readonly string[]) => {
      const known = new Set([...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id)]);
      return ids.filter((id) => known.has(id));
    };
    /** Shows a document with fresh checks, keeping the selection that still exists. */
    const show = (doc: GraphDocument, extra: Partial<GraphState> = {}) => {
      const selectedIds = existing(doc, extra.selectedIds ?? get().selectedIds);
      const selectedEdgeIds = existing(doc, extra.selectedEdgeIds ?? get().selectedEdgeIds);
      const primary =
        extra.selectedNodeId !== undefined ? extra.selectedNodeId : get().selectedNodeId;
      set({
        ...extra,
        doc,
        analysis: analyzeGraph(doc),
        selectedIds,
        selectedEdgeIds,
        selectedNodeId:
          primary && selectedIds.includes(primary) ? primary : (selectedIds.at(-1) ?? null),
      });
    };
    /** Every structural or parameter edit is one undo step and re-validates at once. */
    const commit = (
      doc: GraphDocument,
      key: string | null = null,
      extra: Partial<GraphState> = {},
    ) => {
      const before = get().doc;
      if (doc === before) return;
      show(doc, { ...extra, history: history.record(get().history, before, key) });
    };
    const fresh = (doc: GraphDocument, title: string, presetId: string) => {
      gestureStart = null;
      set({
        presetId,
        title,
        doc,
        analysis: analyzeGraph(doc),
        selectedNodeId: null,
        selectedIds: [],
        selectedEdgeIds: [],
        history: history.emptyHistory,
        loadCount: get().loadCount + 1,
      });
    };
    return {
      presetId: first.id,
      title: first.title,
      doc: first.graph,
      analysis: analyzeGraph(first.graph),
      selectedNodeId: null,
      selectedIds: [],
      selectedEdgeIds: [],
      history: history.emptyHistory,
      loadCount: 0,
      clipboard: null,
      loadPreset(id) {
        const preset = getPreset(id);
        if (!preset) return false;
        fresh(preset.graph, preset.title, preset.id);
        return true;
      },
      loadDocument: (doc, title, presetId = '') => fresh(doc, title, presetId),
      apply: (doc, key = null) => commit(doc, key),
      applySelecting: (doc, nodeIds) =>
        commit(doc, null, {
          selectedIds: [...nodeIds],
          selectedEdgeIds: [],
          selectedNodeId: nodeIds.at(-1) ?? null,
        }),
      setClipboard: (clipboard) => set({ clipboard }),
      runAction(action) {
        const result = action(get().doc);
        if (result.ok) commit(result.value);
        return result;
      },
      beginGesture() {
        gestureStart = get().doc;
        set({ history: history.seal(get().history) });
      },
      endGesture() {
        const start = gestureStart;
        gestureStart = null;
        if (start && start !== get().doc) set({ history: history.record(get().history, start) });
      },
      moveNode(id, position) {
        const doc = edits.moveNode(get().doc, id, position);
        if (doc === get().doc) return;
        // Positions do not change the checks; inside a drag, the drag's end records the step.
        if (gestureStart) set({ doc });
        else set({ doc, history: history.record(get().history, get().doc, `move:${id}`) });
      },
      setParam: (id, key, value) =>
        commit(edits.setParam(get().doc, id, key, value), `param:${id}:${key}`),
      renameNode: (id, name) => commit(edits.renameNode(get().doc, id, name), `name:${id}`),
      addNode(kind, position) {
        const id = edits.freshNodeId(get().doc, kind);
        // "Dense 3" reads better than "Dense" in messages once there are several.
        const name = `${kind} ${id.slice(id.lastIndexOf('-') + 1)}`;
        commit(edits.addNode(get().doc, createNode(kind, id, position, name)), null, {
          selectedIds: [id],
          selectedEdgeIds: [],
          selectedNodeId: id,
        });
        return id;
      },
      connect(source, target, targetPort) {
        const doc = edits.connect(get().doc, source, target, targetPort);
        if (!doc) return false;
        commit(doc);
        return true;
      },
      remove: (nodeIds, edgeIds) => commit(edits.remove(get().doc, nodeIds, edgeIds)),
      select: (id) =>
        set({
          selectedNodeId: id,
          selectedIds: id ? [id] : [],
          selectedEdgeIds: [],
          history: history.seal(get().history),
        }),
      setSelection(nodeIds, edgeIds = []) {
        const primary = get().selectedNodeId;
        set({
          selectedIds: [...nodeIds],
          selectedEdgeIds: [...edgeIds],
          selectedNodeId: primary && nodeIds.includes(primary) ? primary : (nodeIds.at(-1) ?? null),
        });
      },
      deleteSelection: () => get().remove(get().selectedIds, get().selectedEdgeIds),
      undo() {
        get().endGesture();
        const step = history.undo(get().history, get().doc);
        if (step) show(step.doc, { history: step.history });
        else set({ history: history.seal(get().history) });
      },
      redo() {
        const step = history.redo(get().history, get().doc);
        if (step) show(step.doc, { history: step.history });
        else set({ history: history.seal(get().history) });
      },
    };
  });
}

export type GraphStore = ReturnType<typeof createGraphStore>;

/** The app's graph store. */
export const graphStore: GraphStore = createGraphStore();

/** Reads the app's graph store from a component. */
export const useGraph = <T>(selector: (state: GraphState) => T): T =>
  useStore(graphStore, selector);
