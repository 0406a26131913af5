import { createStore, useStore } from 'zustand';
import type { Codes } from './runState';

/** The last codes of an ended run, kept for the whole session (across projects and presets). */
export interface KeptCodes {
  runId: string;
  /** "Default autoencoder · run 1": which model and which of its runs. */
  name: string;
  codes: Codes;
}

interface RunCodesState {
  kept: KeptCodes[];
  keep(runId: string, title: string, codes: Codes): void;
}

/** The most runs whose codes are kept: each holds up to 2,000 codes. */
export const MAX_KEPT_CODES = 8;

/**
 * The code histogram compares a run with another, typically of another model (a standard and a
 * sparse autoencoder), so unlike the loss history these survive opening another preset.
 */
export const createRunCodes = () =>
  createStore<RunCodesState>()((set, get) => {
    const counts = new Map<string, number>();
    return {
      kept: [],
      keep(runId, title, codes) {
        const before = get().kept.find((k) => k.runId === runId);
        let name = before?.name;
        if (!name) {
          const n = (counts.get(title) ?? 0) + 1;
          counts.set(title, n);
          name = `${title} · run ${n}`;
        }
        const others = get().kept.filter((k) => k.runId !== runId);
        set({ kept: [...others, { runId, name, codes }].slice(-MAX_KEPT_CODES) });
      },
    };
  });

export type RunCodes = ReturnType<typeof createRunCodes>;

export const runCodes: RunCodes = createRunCodes();

export const useRunCodes = <T>(selector: (s: RunCodesState) => T): T =>
  useStore(runCodes, selector);
