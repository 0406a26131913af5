import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_SPEC, DEFAULT_TRAIN_SETTINGS } from '../../../shared/contract/training';
import { createGraphStore } from '../stores/graphStore';
import { createRunStore } from '../stores/runStore';
import { weightsOfRun } from './projectActions';

/** A graph store on the default preset and a run that trained it and completed. */
function trained() {
  const graph = createGraphStore('default');
  const run = createRunStore(DEFAULT_TRAIN_SETTINGS, DEFAULT_DATA_SPEC);
  run.setState({
    runId: 'r1',
    phase: 'ended',
    ended: { status: 'completed', message: null, epochsCompleted: 1 },
    design: graph.getState().doc,
  });
  return { graph, run };
}

/** The default design with its code layer's units changed. */
function withCodeUnits(graph: ReturnType<typeof createGraphStore>, units: number) {
  const doc = graph.getState().doc;
  graph.getState().apply({
    ...doc,
    nodes: doc.nodes.map((n) => (n.id === 'enc2' ? { ...n, params: { ...n.params, units } } : n)),
  });
}

describe('the weights a saved project carries', () => {
  it('are the completed run’s while the design is the one it trained', () => {
    expect(weightsOfRun(trained())).toBe('r1');
  });

  it('are left out once a layer’s shape changed, so the file never pairs a graph with weights that do not fit', () => {
    const deps = trained();
    withCodeUnits(deps.graph, 16);
    expect(weightsOfRun(deps)).toBeNull();
  });

  it('stay when the design changed in a way their shapes still fit (an activation)', () => {
    const deps = trained();
    const doc = deps.graph.getState().doc;
    deps.graph.getState().apply({
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.id === 'enc2' ? { ...n, params: { ...n.params, activation: 'tanh' } } : n,
      ),
    });
    expect(weightsOfRun(deps)).toBe('r1');
  });
});
