import { createStore, useStore } from 'zustand';
import type { BackendInfo } from '../../../shared/contract/commands';

export interface ShownError {
  id: number;
  /** The numbered code, for people who report a problem. */
  code: string;
  message: string;
}

export interface AppState {
  shell: 'electron' | 'browser' | 'memory';
  /** Browser mode: whether the WebSocket to the host is open. Electron is always connected. */
  connected: boolean;
  version: string | null;
  backend: BackendInfo | null;
  errors: ShownError[];
  setShell(shell: AppState['shell']): void;
  setConnected(connected: boolean): void;
  setInfo(version: string, backend: BackendInfo | null): void;
  setBackend(backend: BackendInfo): void;
  /** Shows an error in the banner; the same message twice in a row is shown once. */
  showError(code: string, message: string): void;
  dismissError(id: number): void;
  /** Takes back the errors of one code once their cause is gone (a graph that became valid). */
  clearErrors(code: string): void;
}

let nextErrorId = 1;

/** Makes an app store (connection, backend, errors); the app uses one, tests make their own. */
export const createAppStore = () =>
  createStore<AppState>()((set, get) => ({
    shell: 'browser',
    connected: false,
    version: null,
    backend: null,
    errors: [],
    setShell: (shell) => set({ shell, connected: shell !== 'browser' || get().connected }),
    setConnected: (connected) => set({ connected }),
    setInfo: (version, backend) => set({ version, backend: backend ?? get().backend }),
    setBackend: (backend) => set({ backend }),
    showError(code, message) {
      const last = get().errors.at(-1);
      if (last && last.code === code && last.message === message) return;
      set({ errors: [...get().errors, { id: nextErrorId++, code, message }].slice(-5) });
    },
    dismissError: (id) => set({ errors: get().errors.filter((e) => e.id !== id) }),
    clearErrors(code) {
      if (get().errors.some((e) => e.code === code)) {
        set({ errors: get().errors.filter((e) => e.code !== code) });
      }
    },
  }));

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's store of connection, backend and errors. */
export const appStore: AppStore = createAppStore();

export const useApp = <T>(selector: (state: AppState) => T): T => useStore(appStore, selector);
