import { createStore, useStore } from 'zustand';

/** What the Lab's drawing pad encodes to: the Inspect and Generate planes draw this point too. */
export interface DrawnPoint {
  /** The code of the drawing (a VAE's mean). */
  code: Float32Array;
  /** A VAE's variance of each code value (exp of the log-variance); null for other models. */
  variance: Float32Array | null;
}

export type PenTool = 'pen' | 'eraser';

export interface LabState {
  /** The drawing's code, or null while the pad is empty or no model encodes it. */
  drawn: DrawnPoint | null;
  /** The drawing's pixels that `drawn` encodes (the Lab searches with them too). */
  drawnImage: Float32Array | null;
  /** The view sample whose neighbours the Lab shows; -1 searches with the drawing instead. */
  query: number;
  tool: PenTool;
  setDrawn(drawn: DrawnPoint | null, image?: Float32Array | null): void;
  setQuery(query: number): void;
  setTool(tool: PenTool): void;
}

export const labStore = createStore<LabState>()((set) => ({
  drawn: null,
  drawnImage: null,
  query: 0,
  tool: 'pen',
  setDrawn: (drawn, image = null) => set({ drawn, drawnImage: drawn ? image : null }),
  setQuery: (query) => set({ query }),
  setTool: (tool) => set({ tool }),
}));

export const useLab = <T>(selector: (s: LabState) => T): T => useStore(labStore, selector);
