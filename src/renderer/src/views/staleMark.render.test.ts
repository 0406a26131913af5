import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../shared/graph/document';
import { getPreset } from '../../../shared/presets';
import { matchDesign, weightsToExport, type DesignMatch } from '../stores/designMatch';
import { createGraphStore } from '../stores/graphStore';
import { createRunStore } from '../stores/runStore';
import { StaleNotice, type StaleMatch } from './StaleMark';

const preset = getPreset('default')!;

/** A graph and a run store as after one run of the default design, its design recorded. */
function trainedDefault() {
  const graph = createGraphStore('default');
  const run = createRunStore(preset.settings, preset.data);
  run.getState().begin(graph.getState().doc);
  run.getState().accepted('r1');
  const match = (): DesignMatch => matchDesign(run.getState(), graph.getState().doc);
  return { graph, run, match };
}

const notice = (match: DesignMatch, extra: Partial<Parameters<typeof StaleNotice>[0]> = {}) =>
  renderToStaticMarkup(
    createElement(StaleNotice, {
      match: match as StaleMatch,
      label: 'run 1',
      train: null,
      onTrain: () => {},
      onRestore: () => {},
      ...extra,
    }),
  );

describe('results of an earlier design', () => {
  it('stay current while layers are only moved or renamed', () => {
    const { graph, match } = trainedDefault();
    graph.getState().moveNode('enc2', { x: 900, y: 40 });
    graph.getState().renameNode('enc2', 'bottleneck');
    expect(match().kind).toBe('current');
  });

  it('are marked with the run and its code size once a layer’s units change', () => {
    const { graph, match } = trainedDefault();
    graph.getState().setParam('enc2', 'units', 16);
    expect(match()).toMatchObject({ kind: 'stale', codeUnits: { was: 32, now: 16 } });
    const html = notice(match());
    expect(html).toContain('data-testid="stale-mark"');
    expect(html).toContain(
      'These results come from an earlier design (run 1, 32 code units). Your design has changed since.',
    );
    expect(html).toContain('data-testid="stale-train-again"');
    expect(html).toContain('Go back to that design');
  });

  it('are current again after going back to the run’s design, one undo step from the edit', () => {
    const { graph, run, match } = trainedDefault();
    graph.getState().setParam('enc2', 'units', 16);
    graph.getState().apply(run.getState().design as GraphDocument);
    expect(match().kind).toBe('current');
    graph.getState().undo();
    expect(graph.getState().doc.nodes.find((n) => n.id === 'enc2')?.params.units).toBe(16);
    expect(match().kind).toBe('stale');
  });

  it('are replaced, mark and all, when the changed design is trained again', () => {
    const { graph, run, match } = trainedDefault();
    graph.getState().setParam('enc2', 'units', 16);
    run.getState().begin(graph.getState().doc);
    run.getState().accepted('r2');
    expect(match()).toMatchObject({ kind: 'current', runId: 'r2' });
  });

  it('offer no Train again while a run goes on, and say why it cannot start', () => {
    const { graph, match } = trainedDefault();
    graph.getState().setParam('enc2', 'units', 16);
    expect(notice(match(), { train: 'hidden' })).not.toContain('stale-train-again');
    expect(notice(match(), { train: 'Fix 1 problem first' })).toMatch(
      /disabled="" title="Fix 1 problem first"/,
    );
    expect(notice(match(), { onRestore: null })).not.toContain('Go back');
  });
});

describe('weights an export may carry', () => {
  it('leaves out weights of an earlier design whose shapes no longer fit', () => {
    const { graph, match } = trainedDefault();
    graph.getState().setParam('enc2', 'units', 16);
    expect(weightsToExport('r1', match())).toBeNull();
  });

  it('keeps weights of an earlier design that still fit every layer, and of the current one', () => {
    const { graph, match } = trainedDefault();
    expect(weightsToExport('r1', match())).toBe('r1');
    graph.getState().setParam('enc1', 'activation', 'tanh');
    expect(match()).toMatchObject({ kind: 'stale', weightsFit: true });
    expect(weightsToExport('r1', match())).toBe('r1');
  });
});
