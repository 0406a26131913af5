import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { StudioClient } from '../../shared/contract/client';
import type { EventPayload } from '../../shared/contract/events';
import { memoryTransport } from '../../shared/contract/memory';
import { imageShapeOf } from '../../shared/report/base64';
import { decodeWeights } from '../services/projects/files';
import { makeReport } from '../services/report/collect';
import { SLIDE_WIDTHS, type SlideWidth } from '../services/report/animation';
import { latentWalkGif, trainingGif } from '../services/report/walk';
import { createStudioHost } from '../services/host';
import { namedWeights } from '../services/trainer/flatWeights';
import { spawnNodeTrainer } from '../services/trainer/spawnNode';
import { APP_VERSION } from '../services/version';
import { loadCliProject } from './source';

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

function slideWidth(value: string | undefined): SlideWidth | null {
  const n = Number(value ?? 960);
  return (SLIDE_WIDTHS as readonly number[]).includes(n) ? (n as SlideWidth) : null;
}

/** `report <project> [--out report.html] [--walk walk.gif] [--width 640|960|1280]` */
export async function reportCommand(args: {
  source: string | undefined;
  out?: string;
  walk?: string;
  width?: string;
}): Promise<number> {
  const project = await loadCliProject(args.source);
  if (!project.ok) {
    console.error(project.error.message);
    return 1;
  }
  const width = slideWidth(args.width);
  if (!width) {
    console.error(`--width is one of ${SLIDE_WIDTHS.join(', ')} pixels.`);
    return 2;
  }
  const { draft, weights, slug } = project.value;
  const named = weights
    ? namedWeights({ tensors: weights.tensors, data: decodeWeights(weights) })
    : undefined;
  const made = await makeReport({
    graph: draft.graph,
    title: draft.name,
    data: draft.data,
    runs: draft.runs,
    weights: named,
  });
  if (!made.ok) {
    console.error(made.error.message);
    return 1;
  }
  const out = resolve(args.out ?? `${slug}-report.html`);
  console.log(`The report is ${megabytes(made.value.bytes)}; writing ${out}`);
  await writeFile(out, made.value.html);
  if (args.walk) {
    if (!named) {
      console.error('A latent walk needs trained weights: train the project first.');
      return 1;
    }
    const gif = await latentWalkGif({
      graph: draft.graph,
      weights: named,
      data: draft.data,
      title: draft.name,
      width,
    });
    if (!gif.ok) {
      console.error(gif.error.message);
      return 1;
    }
    await writeFile(resolve(args.walk), gif.value.gif);
    console.log(
      `wrote ${resolve(args.walk)}: ${gif.value.frames} frames, ${gif.value.width}x${gif.value.height}, ${megabytes(gif.value.gif.length)}`,
    );
  }
  return 0;
}

/**
 * `animate <project | preset:ID> --epochs N [--out training.gif]`: trains and keeps each epoch's
 * reconstructions, then writes them as a GIF with the epoch and loss on every frame.
 */
export async function animateTrainingCommand(args: {
  source: string | undefined;
  epochs?: string;
  out?: string;
  width?: string;
  trainerEntry: string;
}): Promise<number> {
  const project = await loadCliProject(args.source);
  if (!project.ok) {
    console.error(project.error.message);
    return 1;
  }
  const width = slideWidth(args.width);
  const epochs = Number(args.epochs ?? 10);
  if (!width || !Number.isInteger(epochs) || epochs < 1 || epochs > 200) {
    console.error(
      `--epochs is a whole number from 1 to 200; --width one of ${SLIDE_WIDTHS.join(', ')}.`,
    );
    return 2;
  }
  const { draft, slug } = project.value;
  const host = createStudioHost({
    shell: 'memory',
    version: APP_VERSION,
    spawnTrainer: spawnNodeTrainer(args.trainerEntry),
  });
  const client = new StudioClient(memoryTransport(host.handlers, (l) => host.onEvent(l)));
  const losses = new Map<number, number>();
  const snaps: EventPayload<'train.snapshot'>[] = [];
  client.on('train.epoch', (e) => {
    losses.set(e.epoch, e.valLoss ?? e.trainLoss);
    console.log(`epoch ${e.epoch}: loss ${e.trainLoss.toFixed(4)}`);
  });
  client.on('train.snapshot', (s) => snaps.push(s));
  const ended = new Promise<EventPayload<'train.ended'>>((done) => client.on('train.ended', done));
  const started = await client.invoke('train.start', {
    graph: draft.graph,
    settings: { ...draft.settings, epochs },
    data: draft.data,
    procedure: draft.procedure,
  });
  if (!started.ok) {
    console.error(started.error.message);
    host.dispose();
    return 1;
  }
  await ended;
  host.dispose();
  const first = snaps[0];
  const image = first ? imageShapeOf(first.sampleShape) : null;
  if (!first || !image) {
    console.error('The run gave no pictures to animate (its samples are not images).');
    return 1;
  }
  const made = trainingGif({
    title: draft.name,
    image,
    width,
    epochs: snaps.map((s) => ({
      epoch: s.epoch,
      loss: losses.get(s.epoch) ?? NaN,
      images: s.reconstructions.subarray(0, Math.min(8, s.count) * image[0] * image[1]),
      count: Math.min(8, s.count),
    })),
  });
  if (!made.ok) {
    console.error(made.error.message);
    return 1;
  }
  const out = resolve(args.out ?? `${slug}-training.gif`);
  await writeFile(out, made.value.gif);
  console.log(
    `wrote ${out}: ${made.value.frames} frames, ${made.value.width}x${made.value.height}, ${megabytes(made.value.gif.length)}`,
  );
  return 0;
}
