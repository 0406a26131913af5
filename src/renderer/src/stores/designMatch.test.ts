import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../shared/graph/document';
import { getPreset } from '../../../shared/presets';
import {
  describeCodeChange,
  describeStale,
  matchDesign,
  runLabel,
  weightsFit,
} from './designMatch';

const base = getPreset('default')!.graph;

const withParam = (doc: GraphDocument, id: string, key: string, value: string | number) => ({
  ...doc,
  nodes: doc.nodes.map((n) => (n.id === id ? { ...n, params: { ...n.params, [key]: value } } : n)),
});

describe('matchDesign', () => {
  it('says none without a run or without the design the run trained', () => {
    expect(matchDesign({ runId: null, design: base }, base).kind).toBe('none');
    expect(matchDesign({ runId: 'r1', design: null }, base).kind).toBe('none');
  });

  it('says current for the design the run trained, moved and renamed', () => {
    const moved = {
      ...base,
      nodes: base.nodes.map((n) => ({ ...n, name: 'x', position: { x: 1, y: 2 } })),
    };
    expect(matchDesign({ runId: 'r1', design: base }, moved)).toMatchObject({
      kind: 'current',
      runId: 'r1',
    });
  });

  it('says stale, with the code sizes, after the code layer went from 32 to 16 units', () => {
    const match = matchDesign({ runId: 'r1', design: base }, withParam(base, 'enc2', 'units', 16));
    expect(match).toEqual({
      kind: 'stale',
      runId: 'r1',
      weightsFit: false,
      codeUnits: { was: 32, now: 16 },
    });
  });

  it('says stale but the weights still fit when only an activation changed', () => {
    const match = matchDesign(
      { runId: 'r1', design: base },
      withParam(base, 'enc1', 'activation', 'tanh'),
    );
    expect(match).toMatchObject({ kind: 'stale', weightsFit: true });
  });

  it('says current again once the design is changed back', () => {
    const changed = withParam(base, 'enc2', 'units', 16);
    const back = withParam(changed, 'enc2', 'units', 32);
    expect(matchDesign({ runId: 'r1', design: base }, back).kind).toBe('current');
  });
});

describe('weightsFit', () => {
  it('refuses weights when a layer with weights was added or removed', () => {
    const fewer = {
      ...base,
      nodes: base.nodes.filter((n) => n.id !== 'dec1'),
      edges: [
        ...base.edges.filter((e) => e.source !== 'dec1' && e.target !== 'dec1'),
        { id: 'enc2->dec2:in', source: 'enc2', target: 'dec2', targetPort: 'in' },
      ],
    };
    expect(weightsFit(base, fewer)).toBe(false);
    expect(weightsFit(base, base)).toBe(true);
  });
});

describe('the words of the mark', () => {
  const stale = {
    kind: 'stale' as const,
    runId: 'r3',
    weightsFit: false,
    codeUnits: { was: 48, now: 16 },
  };

  it('names the run and the code size of the earlier design', () => {
    expect(describeStale(stale, 'run 3')).toBe(
      'These results come from an earlier design (run 3, 48 code units). Your design has changed since.',
    );
    expect(describeCodeChange(stale)).toBe(
      'Its code had 48 values; your design’s code now has 16.',
    );
  });

  it('takes the run number from the loss history’s name', () => {
    const past = [{ runId: 'r3', name: 'Run 3 · Default autoencoder' }];
    expect(runLabel('r3', past)).toBe('run 3');
    expect(runLabel('r3', [{ runId: 'r3', name: 'baseline' }])).toBe('“baseline”');
    expect(runLabel('r9', past)).toBe('the latest run');
  });
});
