import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareData } from '../src/main/services/data/prepare';
import type { PreparedData } from '../src/main/services/data/dataset';
import { initBackend } from '../src/main/services/tf/backend';
import { buildGame, type GameModels } from '../src/main/services/trainer/game';
import { discriminatorLoss, generatorLoss } from '../src/main/services/trainer/game/losses';
import { forwardNet, type Net } from '../src/main/services/trainer/game/net';
import { priorNoise } from '../src/main/services/trainer/game/noise';
import {
  discriminatorStep,
  generatorStep,
  playerOptimizer,
} from '../src/main/services/trainer/game/steps';
import { smallGan } from '../src/main/services/trainer/game/testing';
import type { GameRules } from '../src/shared/compiler/game';
import { DEFAULT_PRESET_ID, getPreset } from '../src/shared/presets';
import { seededRandom } from '../src/shared/util/random';
import { dataSpecSchema } from '../src/shared/contract/training';

const graph = getPreset(DEFAULT_PRESET_ID)!.graph;
let data: PreparedData;
beforeAll(async () => {
  await initBackend('wasm');
  data = await prepareData(dataSpecSchema.parse({ limit: 300 }));
});

function gan(rules: Partial<GameRules> = {}): Extract<GameModels, { kind: 'gan' }> {
  const built = buildGame(graph, smallGan(rules), 3);
  if (!built.ok || built.value.kind !== 'gan') throw new Error('no GAN');
  return built.value;
}

const realBatch = () => tf.tensor2d(data.train.images.slice(0, 64 * 784), [64, 784]);
const noise = (size: number) =>
  tf.tensor2d(priorNoise({ distribution: 'normal', size, spread: 1 }, 64, seededRandom(5)), [
    64,
    size,
  ]);
const weightsOf = (net: Net) => net.model.getWeights().map((w) => Array.from(w.dataSync()));

describe('one step of each player (real tfjs, 64 digits)', () => {
  it("moves the discriminator's loss down on fixed fakes", async () => {
    const { generator, discriminator, game } = gan();
    const real = realBatch();
    const fakes = tf.tidy(() => forwardNet(generator, noise(8), false));
    const lossNow = () =>
      tf.tidy(
        () =>
          discriminatorLoss(
            forwardNet(discriminator, real, false),
            forwardNet(discriminator, fakes, false),
            game.rules,
          ).dataSync()[0],
      );
    const before = lossNow();
    const step = await discriminatorStep(
      discriminator,
      playerOptimizer(0.0002, 0.5),
      real,
      fakes,
      game.rules,
    );
    expect(step).not.toBeNull();
    expect(step!.loss).toBeCloseTo(before, 5);
    expect(lossNow()).toBeLessThan(before);
  });

  for (const generatorLossKind of ['non-saturating', 'minimax'] as const) {
    it(`moves the generator's ${generatorLossKind} loss down against a fixed discriminator, leaving it as it was`, async () => {
      const { generator, discriminator, game } = gan({ generatorLoss: generatorLossKind });
      const z = noise(8);
      const lossNow = () =>
        tf.tidy(
          () =>
            generatorLoss(
              forwardNet(discriminator, forwardNet(generator, z, false), false),
              game.rules,
            ).dataSync()[0],
        );
      const dBefore = weightsOf(discriminator);
      const before = lossNow();
      const step = await generatorStep(
        generator.variables,
        () => forwardNet(generator, z, true),
        discriminator,
        playerOptimizer(0.0002, 0.5),
        game.rules,
      );
      expect(step).not.toBeNull();
      expect(lossNow()).toBeLessThan(before);
      expect(weightsOf(discriminator)).toEqual(dBefore);
    });
  }

  it('refuses a step whose loss is not a number and leaves every weight as it was', async () => {
    const { generator, discriminator, game } = gan();
    const real = tf.tidy(() => realBatch().mul(tf.scalar(NaN)));
    const fakes = tf.tidy(() => forwardNet(generator, noise(8), false));
    const before = weightsOf(discriminator);
    const step = await discriminatorStep(
      discriminator,
      playerOptimizer(0.0002, 0.5),
      real,
      fakes,
      game.rules,
    );
    expect(step).toBeNull();
    expect(weightsOf(discriminator)).toEqual(before);
  });
});
