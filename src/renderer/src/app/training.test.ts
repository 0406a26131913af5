import { describe, expect, it } from 'vitest';
import { StudioClient } from '../../../shared/contract/client';
import { commands } from '../../../shared/contract/commands';
import type { StudioHandlers } from '../../../shared/contract/dispatch';
import { memoryTransport } from '../../../shared/contract/memory';
import { fail, ok } from '../../../shared/contract/result';
import { DEFAULT_DATA_SPEC, DEFAULT_TRAIN_SETTINGS } from '../../../shared/contract/training';
import { describeRun } from '../panels/runStatus';
import { createAppStore } from '../stores/appStore';
import { createGraphStore } from '../stores/graphStore';
import { createRunHistory } from '../stores/runHistory';
import { createRunStore } from '../stores/runStore';
import {
  listenToHost,
  loadAppInfo,
  procedureFor,
  startTraining,
  stopTraining,
  togglePause,
  type TrainDeps,
} from './training';

type Emit = (name: string, payload: unknown) => void;
const backend = { name: 'wasm' as const, isGpu: false, hint: 'A GPU needs tfjs-node-gpu.' };

/**
 * A host that answers over the in-memory transport and plays a short run as events: what the
 * renderer sees from a real host, without training anything.
 */
function fakeHost(script: (emit: Emit, runId: string) => void, startReply = true) {
  const listeners = new Set<Emit>();
  const emit: Emit = (name, payload) => listeners.forEach((l) => l(name, payload));
  const seen: { command: string; request: unknown }[] = [];
  const unused = async () => fail('E_INTERNAL', 'not used');
  const handlers: StudioHandlers = {
    ...(Object.fromEntries(
      Object.keys(commands).map((name) => [name, unused]),
    ) as unknown as StudioHandlers),
    'app.info': async () => ok({ version: '0.1.0', shell: 'memory' as const, backend }),
    'data.describe': unused,
    'train.start': async (request) => {
      seen.push({ command: 'train.start', request });
      if (!startReply) return fail('E_BUSY', 'Another run is training.');
      setTimeout(() => script(emit, 'run-1'), 0);
      return ok({ runId: 'run-1' });
    },
    'train.stop': async (request) => {
      seen.push({ command: 'train.stop', request });
      setTimeout(
        () =>
          emit('train.ended', {
            runId: 'run-1',
            status: 'stopped',
            message: null,
            epochsCompleted: 0,
          }),
        0,
      );
      return ok({});
    },
    // The trainer can reach the pause before the host's reply arrives: said before replying.
    'train.pause': async (request) => {
      seen.push({ command: 'train.pause', request });
      emit('train.paused', { runId: 'run-1', epoch: 1, batch: 2 });
      return ok({});
    },
    // A paused event that crossed the resume on its way comes after it.
    'train.resume': async (request) => {
      seen.push({ command: 'train.resume', request });
      setTimeout(() => emit('train.paused', { runId: 'run-1', epoch: 1, batch: 2 }), 0);
      return ok({});
    },
  };
  const transport = memoryTransport(handlers, (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  });
  return { client: new StudioClient(transport), seen };
}

function depsFor(client: StudioClient): TrainDeps {
  const deps = {
    client,
    graph: createGraphStore(),
    run: createRunStore({ ...DEFAULT_TRAIN_SETTINGS, epochs: 2 }, DEFAULT_DATA_SPEC),
    app: createAppStore(),
    history: createRunHistory(),
  };
  listenToHost(deps);
  return deps;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

const twoEpochs = (emit: Emit, runId: string) => {
  emit('train.started', {
    runId,
    epochs: 2,
    batchesPerEpoch: 2,
    trainCount: 4,
    validationCount: 2,
    backend,
  });
  for (const epoch of [1, 2]) {
    emit('train.progress', {
      runId,
      epoch,
      batch: 1,
      batchesPerEpoch: 2,
      loss: 0.5 / epoch,
      samplesPerSecond: 10,
      etaSeconds: 1,
    });
    emit('train.epoch', {
      runId,
      epoch,
      trainLoss: 0.4 / epoch,
      valLoss: 0.45 / epoch,
      terms: {},
      seconds: 1,
    });
    emit('train.snapshot', {
      runId,
      epoch,
      sampleShape: [784],
      count: 1,
      originals: new Float32Array(784),
      noisy: null,
      reconstructions: new Float32Array(784),
      labels: [7],
    });
  }
  emit('train.ended', { runId, status: 'completed', message: null, epochsCompleted: 2 });
};

describe('training from the Train panel', () => {
  it('sends the graph, the edited settings and the data, then follows the run to Completed', async () => {
    const { client, seen } = fakeHost(twoEpochs);
    const deps = depsFor(client);
    deps.run.getState().editSettings({ learningRate: 0.01 });
    await startTraining(deps);
    await settle();
    const request = seen[0].request as {
      settings: { epochs: number; learningRate: number };
      graph: unknown;
    };
    expect(request.settings).toMatchObject({ epochs: 2, learningRate: 0.01 });
    expect(request.graph).toEqual(deps.graph.getState().doc);
    const run = deps.run.getState();
    expect(run.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(run.snapshot?.epoch).toBe(2);
    expect(run.batchLosses).toHaveLength(2);
    expect(describeRun(run)).toMatch(/^Completed 2 epochs/);
    expect(deps.app.getState().backend?.name).toBe('wasm');
    expect(deps.app.getState().errors).toEqual([]);
  });

  it('shows a refused start in the error banner and is ready again', async () => {
    const { client } = fakeHost(() => undefined, false);
    const deps = depsFor(client);
    await startTraining(deps);
    expect(deps.run.getState().phase).toBe('idle');
    expect(deps.app.getState().errors).toMatchObject([
      { code: 'E_BUSY', message: 'Another run is training.' },
    ]);
  });

  it('shows the message of a run that crashed', async () => {
    const { client } = fakeHost((emit, runId) =>
      emit('train.ended', {
        runId,
        status: 'crashed',
        message: 'The trainer ran out of memory.',
        epochsCompleted: 0,
      }),
    );
    const deps = depsFor(client);
    await startTraining(deps);
    await settle();
    expect(deps.run.getState().ended?.status).toBe('crashed');
    expect(deps.app.getState().errors[0]).toMatchObject({
      code: 'E_TRAINER_CRASHED',
      message: 'The trainer ran out of memory.',
    });
  });

  it('stops the run it started', async () => {
    const { client, seen } = fakeHost(() => undefined);
    const deps = depsFor(client);
    await startTraining(deps);
    await stopTraining(deps);
    await settle();
    expect(seen[1]).toEqual({ command: 'train.stop', request: { runId: 'run-1' } });
    expect(describeRun(deps.run.getState())).toBe('Stopped after 0 epochs.');
  });

  it('refuses to start a graph with problems and says why', async () => {
    const { client, seen } = fakeHost(twoEpochs);
    const deps = depsFor(client);
    const out = deps.graph.getState().doc.nodes.find((n) => n.kind === 'Output')!;
    deps.graph.getState().remove([out.id], []);
    await startTraining(deps);
    expect(seen).toEqual([]);
    expect(deps.app.getState().errors[0].code).toBe('E_INVALID_GRAPH');
  });

  it('learns the backend from app.info', async () => {
    const { client } = fakeHost(() => undefined);
    const deps = depsFor(client);
    await loadAppInfo(deps);
    expect(deps.app.getState()).toMatchObject({ version: '0.1.0', backend });
  });
});

describe('procedures, pausing and the run history', () => {
  it('sends the greedy procedure of the greedy preset with train.start, and none for a plain graph', async () => {
    const { client, seen } = fakeHost(() => undefined);
    const deps = depsFor(client);
    deps.graph.getState().loadPreset('greedy');
    await startTraining(deps);
    const request = seen[0].request as { procedure: { kind: string } | null };
    expect(request.procedure?.kind).toBe('greedy');
    expect(procedureFor('default', deps.graph.getState().doc)).toBeNull();
  });

  it('drops a greedy procedure whose layers were removed from the graph', () => {
    const deps = depsFor(fakeHost(() => undefined).client);
    deps.graph.getState().loadPreset('greedy');
    deps.graph.getState().remove(['enc2'], []);
    expect(procedureFor('greedy', deps.graph.getState().doc)).toBeNull();
  });

  it('pauses and resumes the running run', async () => {
    const { client, seen } = fakeHost((emit, runId) =>
      emit('train.progress', {
        runId,
        epoch: 1,
        batch: 1,
        batchesPerEpoch: 4,
        loss: 0.3,
        samplesPerSecond: 1,
        etaSeconds: 1,
      }),
    );
    const deps = depsFor(client);
    await startTraining(deps);
    await settle();
    expect(describeRun(deps.run.getState())).toBe('Training · epoch 1 of 2');
    const pausing = togglePause(deps);
    // The trainer said where it sits even before the host's reply: the view shows it.
    expect(deps.run.getState()).toMatchObject({ paused: true, pausedAt: { epoch: 1, batch: 2 } });
    await pausing;
    expect(describeRun(deps.run.getState())).toBe(
      'Paused after batch 2 of 4 · epoch 1 of 2. Resume to go on.',
    );
    await togglePause(deps);
    await settle();
    expect(deps.run.getState()).toMatchObject({ paused: false, pausedAt: null });
    expect(describeRun(deps.run.getState())).toBe('Training · epoch 1 of 2');
    expect(seen.map((s) => s.command)).toEqual(['train.start', 'train.pause', 'train.resume']);
  });

  it('says it is pausing until the trainer reaches the end of its batch', () => {
    const run = createRunStore({ ...DEFAULT_TRAIN_SETTINGS, epochs: 3 }, DEFAULT_DATA_SPEC);
    const progress = { epoch: 2, batch: 7, batchesPerEpoch: 10, loss: 0.3 };
    run.getState().begin();
    run.getState().onTrainProgress({ runId: 'r', ...progress, samplesPerSecond: 1, etaSeconds: 1 });
    // Not asked for: an event of a pause nobody asked for changes nothing.
    run.getState().onTrainPaused({ runId: 'r', epoch: 2, batch: 7 });
    expect(run.getState().pausedAt).toBeNull();
    run.getState().setPaused(true);
    expect(describeRun(run.getState())).toBe('Pausing at the end of this batch · epoch 2 of 3');
    run.getState().onTrainPaused({ runId: 'r', epoch: 3, batch: 0 });
    expect(describeRun(run.getState())).toBe(
      'Paused before the first batch · epoch 3 of 3. Resume to go on.',
    );
  });

  it('keeps an ended run in the history under the preset title', async () => {
    const { client } = fakeHost(twoEpochs);
    const deps = depsFor(client);
    await startTraining(deps);
    await settle();
    const runs = deps.history!.getState().runs;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ runId: 'run-1', presetId: 'default', status: 'completed' });
    expect(runs[0].epochs).toHaveLength(2);
  });
});
