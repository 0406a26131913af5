import { formatDuration, formatLoss } from '../format/format';
import type { RunData } from '../stores/runState';

/** The one line that says where the run stands, in words. */
export function describeRun(run: RunData): string {
  const last = run.epochs.at(-1);
  const loss = last
    ? ` · validation loss ${last.valLoss === null ? 'not a number' : formatLoss(last.valLoss)}`
    : '';
  switch (run.phase) {
    case 'idle':
      return 'Ready to train.';
    case 'starting':
      return 'Starting: loading the data and building the model…';
    case 'running': {
      const p = run.progress;
      if (!p) return 'Training started…';
      if (run.paused)
        return `Paused in epoch ${epochNumber(run, p.epoch)}${loss}. Resume to go on.`;
      return `Training · epoch ${epochNumber(run, p.epoch)} of ${run.totalEpochs}${loss}`;
    }
    case 'stopping':
      return 'Stopping at the end of this batch…';
    case 'ended': {
      const ended = run.ended;
      if (!ended) return 'Ended.';
      const epochs = `${ended.epochsCompleted} ${ended.epochsCompleted === 1 ? 'epoch' : 'epochs'}`;
      switch (ended.status) {
        case 'completed':
          return `Completed ${epochs}${loss}.`;
        case 'stopped':
          return `Stopped after ${epochs}${loss}.`;
        case 'failed':
          return `Failed after ${epochs}: ${ended.message ?? 'see the message above.'}`;
        case 'crashed':
          return `The trainer crashed after ${epochs}: ${ended.message ?? 'see the message above.'}`;
      }
    }
  }
}

/** An epoch as people count it: the first is 1 whatever the trainer numbers it. */
export const epochNumber = (run: Pick<RunData, 'epochBase'>, epoch: number): number =>
  epoch - (run.epochBase ?? 1) + 1;

/** How far the run is, 0..1, counting batches. */
export function runFraction(run: RunData): number {
  if (run.phase === 'ended') return run.ended?.status === 'completed' ? 1 : fractionOf(run);
  return fractionOf(run);
}

function fractionOf(run: RunData): number {
  const p = run.progress;
  if (!p || run.totalEpochs <= 0) return 0;
  const done = epochNumber(run, p.epoch) - 1 + p.batch / Math.max(1, p.batchesPerEpoch);
  return Math.min(1, Math.max(0, done / run.totalEpochs));
}

/** "Epoch 2/10 · batch 120/211 · about 1 min 05 s left". */
export function describeProgress(run: RunData): string {
  const p = run.progress;
  if (!p) return run.phase === 'starting' ? 'Preparing…' : '';
  const parts = [
    `Epoch ${epochNumber(run, p.epoch)}/${run.totalEpochs}`,
    `batch ${p.batch}/${p.batchesPerEpoch}`,
  ];
  if (run.phase === 'running' && p.etaSeconds > 0) {
    parts.push(`about ${formatDuration(p.etaSeconds)} left`);
  }
  if (p.samplesPerSecond > 0)
    parts.push(`${Math.round(p.samplesPerSecond).toLocaleString('en-US')} samples/s`);
  return parts.join(' · ');
}

/** "Phase 2 of 3 · inner pair" for a procedure of several phases; '' for a plain run. */
export function describeStage(run: Pick<RunData, 'stage'>): string {
  const stage = run.stage;
  if (!stage) return '';
  return `Phase ${stage.index} of ${stage.count} · ${stage.label}`;
}
