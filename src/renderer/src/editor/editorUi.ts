import { createStore, useStore } from 'zustand';
import { compactNow } from '../canvas/compactWindow';

/** Where the quick-add box opened: on screen (to draw it) and on the canvas (to add there). */
export interface QuickAddAt {
  screen: { x: number; y: number };
  flow: { x: number; y: number };
  /** The layer the new one follows (it is inserted after it); null adds a loose layer. */
  after?: string | null;
}

export interface EditorUiState {
  helpOpen: boolean;
  galleryOpen: boolean;
  summaryOpen: boolean;
  /** The person's own choice for the minimap; null follows the window's size. */
  minimapChoice: boolean | null;
  quickAdd: QuickAddAt | null;
  setHelp(open: boolean): void;
  setGallery(open: boolean): void;
  setSummary(open: boolean): void;
  setMinimap(shown: boolean): void;
  openQuickAdd(at: QuickAddAt | null): void;
}

/** Which editor overlays are open: view state only, never part of the project or its undo. */
export const editorUi = createStore<EditorUiState>()((set) => ({
  helpOpen: false,
  galleryOpen: false,
  // A small window starts with the summary folded to its header: the canvas needs the room.
  summaryOpen: !compactNow(),
  minimapChoice: null,
  quickAdd: null,
  setHelp: (helpOpen) => set({ helpOpen }),
  setGallery: (galleryOpen) => set({ galleryOpen }),
  setSummary: (summaryOpen) => set({ summaryOpen }),
  setMinimap: (shown) => set({ minimapChoice: shown }),
  openQuickAdd: (quickAdd) => set({ quickAdd }),
}));

export const useEditorUi = <T>(selector: (state: EditorUiState) => T): T =>
  useStore(editorUi, selector);
