import { createStore, useStore } from 'zustand';
import type { InterpolationKind } from '../../../shared/latent/interpolate';

/**
 * A point of the latent space chosen elsewhere (the Inspect scatter's selection, the Lab's
 * drawing): the mean code of some validation samples, or a code itself.
 */
export interface Endpoint {
  name: string;
  indices?: Int32Array;
  code?: Float32Array;
}

export type GroupSlot = 'a' | 'b' | 'c';

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
  /** Interpolation ends handed over from a selection; null ends use the digits chosen here. */
  ends: [Endpoint | null, Endpoint | null];
  /** Straight or spherical path; null: spherical for a variational model, else straight. */
  pathKind: InterpolationKind | null;
  /** Latent arithmetic A − B + C, each the mean code of a selection. */
  groups: Record<GroupSlot, Endpoint | null>;
  set(patch: Partial<Omit<GenerateState, 'set' | 'hold' | 'setEnd' | 'setGroup'>>): void;
  setEnd(end: 0 | 1, endpoint: Endpoint | null): void;
  setGroup(slot: GroupSlot, endpoint: Endpoint | null): void;
  /** Holds one code value at a value (a slider moved). */
  hold(dim: number, value: number, means: Float32Array): void;
}

export const generateStore = createStore<GenerateState>()((set, get) => ({
  dims: [0, 1],
  held: null,
  n: 20,
  range: null,
  prior: false,
  ends: [null, null],
  pathKind: null,
  groups: { a: null, b: null, c: null },
  set: (patch) => set(patch),
  setEnd(end, endpoint) {
    const ends: [Endpoint | null, Endpoint | null] = [...get().ends];
    ends[end] = endpoint;
    set({ ends });
  },
  setGroup(slot, endpoint) {
    set({ groups: { ...get().groups, [slot]: endpoint } });
  },
  hold(dim, value, means) {
    const held = Float32Array.from(get().held ?? means);
    held[dim] = value;
    set({ held });
  },
}));

export const useGenerate = <T>(selector: (s: GenerateState) => T): T =>
  useStore(generateStore, selector);
