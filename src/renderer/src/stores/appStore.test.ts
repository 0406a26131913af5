import { describe, expect, it } from 'vitest';
import { createAppStore } from './appStore';

describe('the error banner store', () => {
  it('shows each error once, keeps the latest five, and dismisses by id', () => {
    const store = createAppStore();
    store.getState().showError('E_BUSY', 'Busy.');
    store.getState().showError('E_BUSY', 'Busy.');
    expect(store.getState().errors).toHaveLength(1);
    for (let i = 0; i < 6; i++) store.getState().showError('E_DATA', `Bad file ${i}.`);
    expect(store.getState().errors).toHaveLength(5);
    const [first] = store.getState().errors;
    store.getState().dismissError(first.id);
    expect(store.getState().errors.map((e) => e.message)).not.toContain(first.message);
  });

  it('takes back the errors of a code whose cause is gone', () => {
    const store = createAppStore();
    store.getState().showError('E_INVALID_GRAPH', 'Cannot train yet.');
    store.getState().showError('E_BUSY', 'Busy.');
    store.getState().clearErrors('E_INVALID_GRAPH');
    expect(store.getState().errors.map((e) => e.code)).toEqual(['E_BUSY']);
  });

  it('counts Electron as always connected and browser mode as connected once the socket opens', () => {
    const store = createAppStore();
    store.getState().setShell('electron');
    expect(store.getState().connected).toBe(true);
    const browser = createAppStore();
    browser.getState().setShell('browser');
    expect(browser.getState().connected).toBe(false);
  });
});
