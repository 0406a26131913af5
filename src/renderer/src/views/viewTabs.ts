import { createStore, useStore } from 'zustand';

/** The views of the studio, in the order of the work (the Lab last: it explores a trained model). */
export const TABS = ['editor', 'train', 'inspect', 'generate', 'lab'] as const;
export type Tab = (typeof TABS)[number];

export const TAB_LABELS: Record<Tab, string> = {
  editor: 'Editor',
  train: 'Train',
  inspect: 'Inspect',
  generate: 'Generate',
  lab: 'Lab',
};

interface TabState {
  tab: Tab;
  show(tab: Tab): void;
}

/** The tab the address asks for (?view=inspect), so a link or a test can open a view. */
export function tabFromUrl(search: string): Tab {
  const asked = new URLSearchParams(search).get('view');
  return (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'editor';
}

export const tabStore = createStore<TabState>()((set) => ({
  tab: typeof window === 'undefined' ? 'editor' : tabFromUrl(window.location.search),
  show: (tab) => set({ tab }),
}));

export const useTab = () => useStore(tabStore, (s) => s.tab);
