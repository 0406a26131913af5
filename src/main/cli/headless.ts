import { mkdir } from 'node:fs/promises';
import { resolve, join } from 'node:path';
import { StudioClient } from '../../shared/contract/client';
import { fail, type Result } from '../../shared/contract/result';
import type { EventPayload } from '../../shared/contract/events';
import { memoryTransport } from '../../shared/contract/memory';
import type { DataSpec, Procedure, TrainSettings } from '../../shared/contract/training';
import type { GraphDocument } from '../../shared/graph/document';
import { lossChartSvg } from '../../shared/plots/lossSvg';
import { writeFileAtomic } from '../services/files';
import { createStudioHost } from '../services/host';
import { spawnNodeTrainer } from '../services/trainer/spawnNode';
import { APP_VERSION } from '../services/version';
import { imageRowsPng } from './png';
import { formatSeconds, progressLine } from './progress';

export interface HeadlessRun {
  graph: GraphDocument;
  settings: TrainSettings;
  data: DataSpec;
  procedure?: Procedure | null;
  outDir: string;
  title: string;
  /** Write the trained project (with its weights) into the output folder under this file name. */
  saveAs?: string;
  /** The built trainer entry (out/main/trainer.js). */
  trainerEntry: string;
  /**
   * Train this saved project `epochs` more from its run's checkpoint instead of starting afresh
   * (the checkpoint is in the app's data folder of the computer that trained it).
   */
  continueFrom?: { path: string; epochs: number };
  /** The app's data folder (checkpoints); the default one when absent. */
  dataDir?: string;
}

/**
 * Trains a design headlessly through the same host and trainer process the app uses, printing a
 * progress bar, then writes loss.svg and reconstructions.png (a game: samples.png, its generator's
 * fixed-noise samples) into the output folder.
 */
export async function trainHeadless(run: HeadlessRun): Promise<number> {
  const host = createStudioHost({
    shell: 'memory',
    version: APP_VERSION,
    spawnTrainer: spawnNodeTrainer(run.trainerEntry),
    ...(run.dataDir ? { dataDir: run.dataDir } : {}),
  });
  const client = new StudioClient(memoryTransport(host.handlers, (l) => host.onEvent(l)));
  const outDir = resolve(run.outDir);
  await mkdir(outDir, { recursive: true });
  const epochs: EventPayload<'train.epoch'>[] = [];
  let snapshot: EventPayload<'train.snapshot'> | null = null;
  // A continued run counts its earlier epochs too: train.started says how many in all.
  let totalEpochs = run.settings.epochs;
  client.on('trainer.backend', (b) =>
    console.log(`Backend: ${b.name}${b.hint ? ` — ${b.hint}` : ''}`),
  );
  client.on('train.started', (s) => {
    totalEpochs = s.epochs;
    console.log(
      `Training "${run.title}" on ${s.trainCount} samples (${s.validationCount} for validation), ${s.epochs} epochs.`,
    );
  });
  client.on('train.progress', (p) => {
    // A bar redrawn in place only makes sense on a terminal; logs get the epoch lines alone.
    if (!process.stdout.isTTY) return;
    const fraction = (p.epoch - 1 + p.batch / p.batchesPerEpoch) / totalEpochs;
    const label = `epoch ${p.epoch}/${totalEpochs}  loss ${p.loss.toFixed(4)}  ETA ${formatSeconds(p.etaSeconds)}`;
    process.stdout.write(`\r${progressLine(fraction, label)}   `);
  });
  client.on('train.epoch', (e) => {
    epochs.push(e);
    const terms = Object.entries(e.terms)
      .map(([k, v]) => `  ${k} ${v.toFixed(4)}`)
      .join('');
    process.stdout.write(
      `\repoch ${e.epoch}: train ${e.trainLoss.toFixed(4)}  validation ${e.valLoss === null ? 'not a number' : e.valLoss.toFixed(4)}${terms}  (${e.seconds.toFixed(2)} s)${' '.repeat(30)}\n`,
    );
  });
  client.on('train.snapshot', (s) => (snapshot = s));
  let generated: EventPayload<'train.generated'> | null = null;
  client.on('train.generated', (g) => (generated = g));
  client.on('train.game', (g) =>
    console.log(
      `  game: D(real) ${g.dReal.toFixed(3)}  D(fake) ${g.dFake.toFixed(3)}  discriminator ${g.discriminatorLoss.toFixed(4)}  generator ${g.generatorLoss.toFixed(4)}`,
    ),
  );
  client.on('train.warning', (w) => console.log(`  warning: ${w.message}`));
  const ended = new Promise<EventPayload<'train.ended'>>((done) => client.on('train.ended', done));
  client.on('train.phase', (p) => console.log(`Phase ${p.index} of ${p.count}: ${p.label}`));
  client.on('train.comparison', (c) =>
    console.log(
      `Validation accuracy with ${c.labelled} labels: pretrained encoder ${(c.pretrained * 100).toFixed(1)}%, ` +
        `from scratch ${(c.scratch * 100).toFixed(1)}%`,
    ),
  );
  const started = run.continueFrom
    ? await continueSaved(client, run.continueFrom)
    : await client.invoke('train.start', {
        graph: run.graph,
        settings: run.settings,
        data: run.data,
        procedure: run.procedure ?? null,
      });
  if (!started.ok) {
    console.error(started.error.message);
    host.dispose();
    return 1;
  }
  const end = await ended;
  if (run.saveAs && started.ok && end.status !== 'crashed') {
    const project = {
      name: run.title,
      graph: run.graph,
      settings: { ...run.settings, epochs: totalEpochs },
      data: run.data,
      procedure: run.procedure ?? null,
      runs: [],
    };
    const saved = await client.invoke('project.save', {
      project,
      path: join(outDir, run.saveAs),
      weightsOfRun: started.value.runId,
    });
    console.log(
      saved.ok ? `Saved the trained project to ${saved.value.path}` : saved.error.message,
    );
  }
  host.dispose();
  if (end.message) console.log(end.message);
  if (epochs.length > 0) {
    const svg = lossChartSvg(
      [
        {
          name: 'train',
          color: '#2563eb',
          points: epochs.map((e) => ({ x: e.epoch, y: e.trainLoss })),
        },
        {
          name: 'validation',
          color: '#ea580c',
          points: epochs.flatMap((e) => (e.valLoss === null ? [] : [{ x: e.epoch, y: e.valLoss }])),
        },
      ],
      `${run.title}: loss per epoch`,
    );
    await writeFileAtomic(join(outDir, 'loss.svg'), svg);
  }
  const written = epochs.length > 0 ? ['loss.svg'] : [];
  const snap = snapshot as EventPayload<'train.snapshot'> | null;
  if (snap) {
    const [h, w] = imageSide(snap.sampleShape);
    const rows = [snap.originals, ...(snap.noisy ? [snap.noisy] : []), snap.reconstructions];
    await writeFileAtomic(
      join(outDir, 'reconstructions.png'),
      imageRowsPng(rows, snap.count, h, w),
    );
    written.push('reconstructions.png');
  }
  // A game's generator: its last fixed-noise samples, ten to a row.
  const gen = generated as EventPayload<'train.generated'> | null;
  if (gen && gen.count > 0) {
    const [h, w] = imageSide(gen.sampleShape);
    const perRow = Math.min(10, gen.count);
    const size = gen.samples.length / gen.count;
    const rows: Float32Array[] = [];
    for (let r = 0; r + perRow <= gen.count; r += perRow)
      rows.push(gen.samples.subarray(r * size, (r + perRow) * size));
    await writeFileAtomic(join(outDir, 'samples.png'), imageRowsPng(rows, perRow, h, w));
    written.push('samples.png');
  }
  if (written.length > 0) console.log(`\nWrote ${written.join(', ')} to ${outDir}`);
  return end.status === 'completed' ? 0 : 1;
}

/** Height and width of one picture: its first two sizes, or a square for flat samples. */
function imageSide(shape: number[]): [number, number] {
  if (shape.length >= 2) return [shape[0], shape[1]];
  const side = Math.sqrt(shape[0]);
  return [side, side];
}

/** Opens the saved project (its weights name their run) and trains that run more epochs. */
async function continueSaved(
  client: StudioClient,
  from: { path: string; epochs: number },
): Promise<Result<{ runId: string }>> {
  const opened = await client.invoke('project.open', { path: resolve(from.path) });
  if (!opened.ok) return opened;
  const { loadedRunId } = opened.value;
  if (!loadedRunId)
    return fail(
      'E_NOT_FOUND',
      'This project holds no trained weights to continue from; train it first.',
    );
  return client.invoke('train.continue', { runId: loadedRunId, epochs: from.epochs });
}
