import { createStore, useStore } from 'zustand';

/** Where the quick-add box opened: on screen (to draw it) and on the canvas (to add there). */
export interface QuickAddAt {
  screen: { x: number; y: number };
  flow: { x: number; y: number };
}

export interface EditorUiState {
  helpOpen: boolean;
  galleryOpen: boolean;
  summaryOpen: boolean;
  quickAdd: QuickAddAt | null;
  setHelp(open: boolean): void;
  setGallery(open: boolean): void;
  setSummary(open: boolean): void;
  openQuickAdd(at: QuickAddAt | null): void;
}

/** Which editor overlays are open: view state only, never part of the project or its undo. */
export const editorUi = createStore<EditorUiState>()((set) => ({
  helpOpen: false,
  galleryOpen: false,
  summaryOpen: true,
  quickAdd: null,
  setHelp: (helpOpen) => set({ helpOpen }),
  setGallery: (galleryOpen) => set({ galleryOpen }),
  setSummary: (summaryOpen) => set({ summaryOpen }),
  openQuickAdd: (quickAdd) => set({ quickAdd }),
}));

export const useEditorUi = <T>(selector: (state: EditorUiState) => T): T =>
  useStore(editorUi, selector);
