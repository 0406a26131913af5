import { createStore, useStore } from 'zustand';
import type { Scaling } from '../../../shared/latent/scaling';
import type { PlaneChoice } from './useProjection';

/** What the scatter draws on each point. */
export type Thumbs = 'points' | 'originals' | 'decoded';
/** What dragging on the scatter does. */
export type ScatterTool = 'pan' | 'box' | 'lasso';

/**
 * The Inspect view's choices, shared by the codes scatter and the pixels scatter beside it, so
 * both use the same projection and show the same selection.
 */
export interface InspectState {
  /** null: the default for the code size (the code itself when 2-D, else PCA). */
  choice: PlaneChoice | null;
  scaling: Scaling;
  thumbs: Thumbs;
  tool: ScatterTool;
  /** Indices of the selected samples (the validation digits), or null. */
  selection: Int32Array | null;
  /** The t-SNE seed: the same seed, the same figure. */
  seed: number;
  set(patch: Partial<Omit<InspectState, 'set'>>): void;
}

export const inspectStore = createStore<InspectState>()((set) => ({
  choice: null,
  scaling: 'none',
  thumbs: 'points',
  tool: 'lasso',
  selection: null,
  seed: 1,
  set: (patch) => set(patch),
}));

export const useInspect = <T>(selector: (s: InspectState) => T): T =>
  useStore(inspectStore, selector);
