import { createStore, useStore } from 'zustand';

/** The Generate view's choices, shared by the latent grid and the latent plane. */
export interface GenerateState {
  /** The two code values the grid and the plane vary. */
  dims: [number, number];
  /** Values held by the code values not varied (the sliders); null: the codes' means. */
  held: Float32Array | null;
  /** Tiles per side of the latent grid. */
  n: number;
  /** The range both varied values sweep; null: the range the codes cover. */
  range: { min: number; max: number } | null;
  /** Variational model: the grid is spread over the N(0, 1) prior instead of a range. */
  prior: boolean;
  set(patch: Partial<Omit<GenerateState, 'set' | 'hold'>>): void;
  /** Holds one code value at a value (a slider moved). */
  hold(dim: number, value: number, means: Float32Array): void;
}

export const generateStore = createStore<GenerateState>()((set, get) => ({
  dims: [0, 1],
  held: null,
  n: 20,
  range: null,
  prior: false,
  set: (patch) => set(patch),
  hold(dim, value, means) {
    const held = Float32Array.from(get().held ?? means);
    held[dim] = value;
    set({ held });
  },
}));

export const useGenerate = <T>(selector: (s: GenerateState) => T): T =>
  useStore(generateStore, selector);
