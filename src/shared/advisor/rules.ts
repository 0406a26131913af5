import {
  codeWidthNodes,
  codeWidthPatch,
  lastLayerBeforeOutput,
  nodesOfKind,
  type ParamPatchList,
} from './graphFacts';
import type { AdvisorInput, Finding } from './types';

// Thresholds, each with the figure that set it (advisor.test.ts trains the runs they come from).

/** Share of pixels within 0.1 of 0 or 1 above which data counts as black and white (the digits: 0.91). */
const BINARY_DATA = 0.8;
/** Reconstructions this much greyer than the input are blurry (the digits have 9% grey pixels). */
const BLUR_RATIO = 1.6;
/**
 * Share of the code's units dead before it is said. The default run's ReLU code has 7 to 11 of 32
 * silent after two short epochs (measured, advisor.test.ts); a code stuck at zero has all of them.
 */
const DEAD_SHARE = 0.5;
/**
 * A code value whose mean KL is under this carries no information (nats). The VAE preset after one
 * epoch: 0.37 to 2.6 each; with beta 10: 0.014 to 0.022 each.
 */
const ACTIVE_KL = 0.05;
/**
 * Noise rebuilt this well means the model copies its input. The default run: R² -1.3; a 128-value
 * linear code on 7x7 digits: 0.99.
 */
const COPY_R2 = 0.5;
/** Codes this narrow or narrower may be too small; wider ones are not suspected. */
const SMALL_CODE = 16;
/** Reconstructions explaining less than this share of the pixels' variance are poor. */
const POOR_R2 = 0.75;
/** The last epoch improving the loss by less than this share means the run has levelled off. */
const PLATEAU = 0.02;
/** Validation loss within this factor of the training loss: no overfitting. */
const NO_OVERFIT = 1.15;

const pct = (share: number): string => `${Math.round(share * 100)}%`;

/** Blurry reconstructions from MSE on black-and-white pictures: cross-entropy suits them. */
export function mseOnBinary({ graph, measurements: m }: AdvisorInput): Finding | null {
  if (m.task !== 'reconstruct' || m.loss !== 'mse' || m.inputBinaryShare < BINARY_DATA) return null;
  if (m.reconGreyShare < BLUR_RATIO * m.inputGreyShare + 0.02) return null;
  const output = nodesOfKind(graph, 'Output')[0];
  if (!output) return null;
  const patches: ParamPatchList = [{ nodeId: output.id, key: 'loss', value: 'binaryCrossentropy' }];
  const last = lastLayerBeforeOutput(graph);
  if (last && last.params.activation !== 'sigmoid')
    patches.push({ nodeId: last.id, key: 'activation', value: 'sigmoid' });
  return {
    kind: 'mse-on-binary',
    title: 'Blurry reconstructions from the squared error',
    message:
      `${pct(m.inputBinaryShare)} of the pixels are nearly black or white, but ${pct(m.reconGreyShare)} ` +
      `of the reconstructed pixels are grey (the inputs have ${pct(m.inputGreyShare)}). ` +
      'The squared error (MSE) forgives a pixel that hedges at grey, so strokes come out blurred. ' +
      'Binary cross-entropy treats each pixel as ink or paper and punishes hedging: try it' +
      (patches.length > 1
        ? ', with a sigmoid on the last layer so its values stay between 0 and 1.'
        : '.'),
    change: { label: 'Use cross-entropy', graph: patches, settings: {} },
  };
}

/** Code units that give the same value for every picture carry nothing. */
export function deadCodeUnits({ graph, settings, measurements: m }: AdvisorInput): Finding | null {
  const dead = m.deadCodeUnits.length;
  if (m.codeSize < 2 || dead < 2 || dead < DEAD_SHARE * m.codeSize) return null;
  const relu = m.codeActivation === 'relu';
  const width = codeWidthNodes(graph);
  const patches: ParamPatchList = relu
    ? width.map((n) => ({ nodeId: n.id, key: 'activation', value: 'elu' }))
    : [];
  const lowerRate = settings.learningRate > 0.002;
  return {
    kind: 'dead-code-units',
    title: `${dead} of ${m.codeSize} code values are dead`,
    message:
      `Code values ${listOf(m.deadCodeUnits)} give the same number for every picture, so they ` +
      (dead === m.codeSize
        ? 'tell the decoder nothing: it draws the same picture whatever the input. '
        : `tell the decoder nothing and the code is really ${m.codeSize - dead} values wide. `) +
      (relu
        ? 'A ReLU unit whose input went negative for every picture outputs zero and stops learning. ' +
          'An ELU activation keeps a small slope below zero, so such units can come back.'
        : 'Their layer saturated early in training.') +
      (lowerRate ? ` The learning rate ${settings.learningRate} may have pushed them there.` : ''),
    change:
      patches.length > 0 || lowerRate
        ? {
            label: relu ? 'Use ELU on the code' : 'Lower the learning rate',
            graph: patches,
            settings: lowerRate ? { learningRate: 0.001 } : {},
          }
        : null,
  };
}

/** A VAE whose KL term won: every code value is the prior, and the decoder ignores the code. */
export function klCollapse({ graph, measurements: m }: AdvisorInput): Finding | null {
  const kl = m.klPerUnit;
  if (!kl || kl.length === 0) return null;
  const active = kl.filter((v) => v > ACTIVE_KL).length;
  if (active > 0) return null;
  const total = kl.reduce((a, b) => a + b, 0);
  const sampling = nodesOfKind(graph, 'Sampling')[0];
  const beta = Number(sampling?.params.beta ?? 1);
  const lower = Math.max(1e-4, beta / 10);
  return {
    kind: 'kl-collapse',
    title: 'The latent code collapsed onto the prior',
    message:
      `All ${kl.length} code values match the standard normal prior (KL ${total.toFixed(3)} nats in ` +
      'all), so the code says nothing about the picture and the decoder draws one average image. ' +
      `The latent loss weight (beta ${fmt(beta)}) outweighs the reconstruction: lower it so the code ` +
      'can carry information.',
    change: sampling
      ? {
          label: `Set beta to ${fmt(lower)}`,
          graph: [{ nodeId: sampling.id, key: 'beta', value: lower }],
          settings: {},
        }
      : null,
  };
}

/** A model that rebuilds random noise as well as pictures has learnt to copy, not to summarize. */
export function copiesInput({ graph, measurements: m }: AdvisorInput): Finding | null {
  if (m.noiseR2 === null || m.noiseR2 < COPY_R2) return null;
  const over = m.codeSize >= m.inputSize;
  const target = Math.max(2, Math.min(32, Math.floor(m.inputSize / 8)));
  const patches = codeWidthPatch(graph, target);
  return {
    kind: 'copies-input',
    title: 'The model copies its input instead of summarizing it',
    message:
      `It rebuilds pure random noise ${pct(Math.min(1, m.noiseR2))} as well as a perfect copy would ` +
      `(a model that learnt the pictures rebuilds noise badly). ` +
      (over
        ? `Its code has ${m.codeSize} values for ${m.inputSize} inputs: wide enough to pass every value through. `
        : '') +
      'A narrower code (or noise on the input, or a sparsity penalty) forces it to learn what the pictures have in common.',
    change:
      patches.length > 0
        ? { label: `Narrow the code to ${target}`, graph: patches, settings: {} }
        : null,
  };
}

/** A narrow code on a run that levelled off well short of good reconstructions, without overfitting. */
export function codeTooSmall(input: AdvisorInput): Finding | null {
  const { graph, epochs, measurements: m } = input;
  if (m.task !== 'reconstruct' || m.codeSize === 0 || m.codeSize > SMALL_CODE) return null;
  if (m.reconR2 >= POOR_R2 || m.deadCodeUnits.length > 0 || epochs.length < 2) return null;
  const [before, last] = epochs.slice(-2);
  const levelled = before.trainLoss - last.trainLoss < PLATEAU * Math.abs(before.trainLoss);
  const fits = last.valLoss !== null && last.valLoss <= NO_OVERFIT * last.trainLoss;
  if (!levelled || !fits) return null;
  const target = Math.min(Math.max(m.codeSize * 4, 8), Math.floor(m.inputSize / 4));
  const patches = codeWidthPatch(graph, target);
  return {
    kind: 'code-too-small',
    title: 'The code is too small for these pictures',
    message:
      `The loss has levelled off while the reconstructions explain only ${pct(Math.max(0, m.reconR2))} ` +
      `of the pictures' variation, every one of the ${m.codeSize} code values is in use and the model ` +
      'does as well on new pictures as on its training ones: it is not overfitting, it has no room. ' +
      'A wider code keeps more detail (a 2-value code is for maps of the latent space, not for sharp pictures).',
    change:
      patches.length > 0
        ? { label: `Widen the code to ${target}`, graph: patches, settings: {} }
        : null,
  };
}

const fmt = (n: number): string => (n >= 0.01 ? String(Number(n.toFixed(3))) : n.toExponential(1));

const listOf = (units: number[]): string =>
  units.length <= 6
    ? units.join(', ')
    : `${units.slice(0, 5).join(', ')} and ${units.length - 5} more`;
