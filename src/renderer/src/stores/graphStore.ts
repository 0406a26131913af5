import { createStore, useStore } from 'zustand';
import { analyzeGraph } from '../../../shared/compiler';
import type { GraphDocument, NodeKind, ParamValue } from '../../../shared/graph/document';
import { createNode } from '../../../shared/layers';
import { DEFAULT_PRESET_ID, getPreset } from '../../../shared/presets';
import * as edits from './graphEdits';

export type GraphAnalysis = ReturnType<typeof analyzeGraph>;
type Preset = NonNullable<ReturnType<typeof getPreset>>;

export interface GraphState {
  presetId: string;
  title: string;
  doc: GraphDocument;
  analysis: GraphAnalysis;
  selectedNodeId: string | null;
  /** Loads a preset's graph; false when no preset has that id. */
  loadPreset(id: string): boolean;
  moveNode(id: string, position: { x: number; y: number }): void;
  setParam(id: string, key: string, value: ParamValue): void;
  renameNode(id: string, name: string): void;
  /** Adds a node of a kind at a canvas position; returns its id. */
  addNode(kind: NodeKind, position: { x: number; y: number }): string;
  /** Connects two nodes; false when the connection was refused. */
  connect(source: string, target: string, targetPort: string): boolean;
  remove(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  select(id: string | null): void;
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
    // Every structural or parameter edit re-validates at once; moving a node does not need to.
    const commit = (doc: GraphDocument) => {
      if (doc !== get().doc) set({ doc, analysis: analyzeGraph(doc) });
    };
    return {
      presetId: first.id,
      title: first.title,
      doc: first.graph,
      analysis: analyzeGraph(first.graph),
      selectedNodeId: null,
      loadPreset(id) {
        const preset = getPreset(id);
        if (!preset) return false;
        set({
          presetId: preset.id,
          title: preset.title,
          doc: preset.graph,
          analysis: analyzeGraph(preset.graph),
          selectedNodeId: null,
        });
        return true;
      },
      moveNode(id, position) {
        const doc = edits.moveNode(get().doc, id, position);
        if (doc !== get().doc) set({ doc });
      },
      setParam: (id, key, value) => commit(edits.setParam(get().doc, id, key, value)),
      renameNode: (id, name) => commit(edits.renameNode(get().doc, id, name)),
      addNode(kind, position) {
        const id = edits.freshNodeId(get().doc, kind);
        commit(edits.addNode(get().doc, createNode(kind, id, position)));
        set({ selectedNodeId: id });
        return id;
      },
      connect(source, target, targetPort) {
        const doc = edits.connect(get().doc, source, target, targetPort);
        if (!doc) return false;
        commit(doc);
        return true;
      },
      remove(nodeIds, edgeIds) {
        commit(edits.remove(get().doc, nodeIds, edgeIds));
        const selected = get().selectedNodeId;
        if (selected && nodeIds.includes(selected)) set({ selectedNodeId: null });
      },
      select: (id) => set({ selectedNodeId: id }),
    };
  });
}

export type GraphStore = ReturnType<typeof createGraphStore>;

/** The app's graph store. */
export const graphStore: GraphStore = createGraphStore();

/** Reads the app's graph store from a component. */
export const useGraph = <T>(selector: (state: GraphState) => T): T =>
  useStore(graphStore, selector);
