import { describe, expect, it } from 'vitest';
import { compileGraph } from '../../../shared/compiler';
import { dataSpecSchema } from '../../../shared/contract/training';
import { PRESETS } from '../../../shared/presets';
import { prepareData } from '../data/prepare';
import { initBackend } from '../tf/backend';
import { evaluateAsync } from '../trainer/evaluate';
import { runTraining } from '../trainer/loop';
import { buildGame } from '../trainer/game';
import { runGame } from '../trainer/game/run';
import { LoadedModel } from '../trainer/loadedModel';
import { buildModel } from '.';

// A few hundred real digits: enough batches of 32 for the loss to fall within one epoch.
const smallData = prepareData(dataSpecSchema.parse({ limit: 320, validationShare: 0.2 }));

describe.each(PRESETS.map((p) => [p.id, p] as const))('preset %s', (_id, preset) => {
  it('validates and compiles to a spec', () => {
    const compiled = compileGraph(preset.graph);
    expect(compiled.analysis.diagnostics).toEqual([]);
    expect(compiled.ok).toBe(true);
  });

  const compiled = compileGraph(preset.graph);
  const game = compiled.ok ? compiled.game : null;

  // A game's players are built and trained by the adversarial procedure, not buildModel's loop.
  if (game) {
    it('has the parameter counts of both players built in tfjs', () => {
      const built = buildGame(preset.graph, game!, 1);
      if (!built.ok) throw new Error(built.error.message);
      const models = [built.value.built.model, built.value.discriminator.model];
      const { analysis } = compiled;
      expect(models.reduce((n, m) => n + m.countParams(), 0)).toBe(analysis.totals.total);
      built.value.built.dispose();
      for (const w of built.value.discriminator.model.weights) w.dispose();
    });

    it('trains one epoch of its game on wasm with finite losses', async () => {
      const backend = await initBackend('wasm');
      const data = await smallData;
      const game_: { d: number[]; g: number[] } = { d: [], g: [] };
      const outcome = await runGame(
        {
          message: {
            type: 'start',
            runId: preset.id,
            graph: preset.graph,
            settings: { ...preset.settings, epochs: 1, batchSize: 32 },
            data: dataSpecSchema.parse({ limit: 320, validationShare: 0.2 }),
            procedure: null,
            checkpointDir: null,
            resume: false,
          },
          game: game!,
          data,
          backend,
          loaded: new LoadedModel(),
          control: { stopRequested: false, waitWhilePaused: () => Promise.resolve() },
          save: () => Promise.resolve(),
          resumedFrom: () => undefined,
        },
        (name, payload) => {
          if (name !== 'train.game') return;
          const p = payload as {
            dReal: number;
            dFake: number;
            discriminatorLoss: number;
            generatorLoss: number;
          };
          game_.d.push(p.discriminatorLoss, p.dReal, p.dFake);
          game_.g.push(p.generatorLoss);
        },
      );
      expect(outcome.status).toBe('completed');
      expect(game_.g).toHaveLength(1);
      expect([...game_.d, ...game_.g].every(Number.isFinite)).toBe(true);
    });
  } else {
    it('has the parameter counts of the built tfjs model', () => {
      const built = buildModel(preset.graph);
      if (!built.ok) throw new Error(built.error.message);
      const { analysis } = compileGraph(preset.graph);
      expect(built.value.model.countParams()).toBe(analysis.totals.total);
      const trainable = built.value.model.trainableWeights.reduce(
        (n, w) => n + w.shape.reduce((a: number, b) => a * (b ?? 1), 1),
        0,
      );
      expect(trainable).toBe(analysis.totals.trainable);
      built.value.dispose();
    });

    it('trains with the real loop on wasm and its loss falls', async () => {
      const backend = await initBackend('wasm');
      const built = buildModel(preset.graph, preset.settings.seed);
      if (!built.ok) throw new Error(built.error.message);
      const data = await smallData;
      const before = (await evaluateAsync(built.value, data, built.value.inputShape)).loss;
      const progress: number[] = [];
      const outcome = await runTraining(
        {
          runId: preset.id,
          built: built.value,
          settings: { ...preset.settings, epochs: 1, batchSize: 32 },
          data,
          inputShape: built.value.inputShape,
          backend,
          snapshots: false,
        },
        (name, payload) => {
          if (name === 'train.progress') progress.push((payload as { loss: number }).loss);
        },
        { stopRequested: false, waitWhilePaused: () => Promise.resolve() },
      );
      const after = (await evaluateAsync(built.value, data, built.value.inputShape)).loss;
      built.value.dispose();
      expect(outcome.status).toBe('completed');
      expect(progress.length).toBeGreaterThan(1);
      expect(progress.every(Number.isFinite)).toBe(true);
      // On the held-out digits, not a single noisy batch.
      expect(after).toBeLessThan(before);
    });
  }
});
