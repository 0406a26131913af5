import { createStore, useStore } from 'zustand';

/**
 * Where a term's images come from: the view samples (their codes come with each epoch) or the
 * generated samples of a GAN, whose codes are the prior's z's the panel drew itself.
 */
export type TermSource = 'samples' | 'generated';

/** One term of the latent sum: the mean code of its images, entering with its weight. */
export interface ArithmeticTerm {
  id: number;
  /** "7s", "lasso of 23", "3 by hand". */
  name: string;
  weight: number;
  source: TermSource;
  indices: Int32Array;
}

export interface ArithmeticState {
  terms: ArithmeticTerm[];
  /** Images picked by hand (view samples or generated ones) for the next term. */
  picked: number[];
  /** Noisy samples around the result, and the noise's standard deviation. */
  noiseCount: number;
  noiseSize: number;
  /** The seed of the noise, and of the generated grid a GAN's terms are picked from. */
  seed: number;
  addTerm(term: Omit<ArithmeticTerm, 'id'>): void;
  setWeight(id: number, weight: number): void;
  removeTerm(id: number): void;
  togglePicked(index: number): void;
  clearPicked(): void;
  set(patch: Partial<Pick<ArithmeticState, 'noiseCount' | 'noiseSize' | 'seed' | 'terms'>>): void;
}

let nextId = 1;

export const arithmeticStore = createStore<ArithmeticState>()((set, get) => ({
  terms: [],
  picked: [],
  noiseCount: 8,
  noiseSize: 0.5,
  seed: 1,
  addTerm: (term) => set({ terms: [...get().terms, { ...term, id: nextId++ }] }),
  setWeight: (id, weight) =>
    set({ terms: get().terms.map((t) => (t.id === id ? { ...t, weight } : t)) }),
  removeTerm: (id) => set({ terms: get().terms.filter((t) => t.id !== id) }),
  togglePicked(index) {
    const picked = get().picked;
    set({
      picked: picked.includes(index) ? picked.filter((i) => i !== index) : [...picked, index],
    });
  },
  clearPicked: () => set({ picked: [] }),
  set: (patch) => set(patch),
}));

export const useArithmetic = <T>(selector: (s: ArithmeticState) => T): T =>
  useStore(arithmeticStore, selector);
