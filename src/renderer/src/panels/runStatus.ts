import { formatDuration, formatLoss } from '../format/format';
import type { RunData } from '../stores/runState';
import { describePhaseEpoch, describePlan, describeSchedule, phasePosition } from './phaseStatus';

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
      const at = phasePosition(run);
      if (!p) return at ? `${describePhaseEpoch(at, 1)}: starting…` : 'Training started…';
      const epoch = epochNumber(run, (run.pausedAt ?? p).epoch);
      const where = at ? describePhaseEpoch(at, epoch) : `epoch ${epoch} of ${run.totalEpochs}`;
      if (run.paused && !run.pausedAt) return `Pausing at the end of this batch · ${where}${loss}`;
      if (run.pausedAt) {
        const { batch } = run.pausedAt;
        const spot =
          batch === 0 ? 'before the first batch' : `after batch ${batch} of ${p.batchesPerEpoch}`;
        return `Paused ${spot} · ${where}${loss}. Resume to go on.`;
      }
      return at ? `${where}${loss}` : `Training · ${where}${loss}`;
    }
    case 'stopping':
      return 'Stopping at the end of this batch…';
    case 'ended': {
      const ended = run.ended;
      if (!ended) return 'Ended.';
      const epochs = `${ended.epochsCompleted} ${ended.epochsCompleted === 1 ? 'epoch' : 'epochs'}`;
      const at = phasePosition(run);
      switch (ended.status) {
        case 'completed':
          return at && at.plan.length > 0
            ? `Completed ${epochs} (${describePlan(at.plan)})${loss}.`
            : `Completed ${epochs}${loss}.`;
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
  const within = p ? epochNumber(run, p.epoch) - 1 + p.batch / Math.max(1, p.batchesPerEpoch) : 0;
  const at = phasePosition(run);
  // A procedure counts every phase: epoch k of phase p is past the epochs of the phases before it.
  if (at && at.total > 0) return clamp((at.before + Math.min(at.epochs, within)) / at.total);
  if (!p || run.totalEpochs <= 0) return 0;
  return clamp(within / run.totalEpochs);
}

const clamp = (fraction: number): number => Math.min(1, Math.max(0, fraction));

/** "Epoch 2/10 · batch 120/211 · about 1 min 05 s left". */
export function describeProgress(run: RunData): string {
  const p = run.progress;
  if (!p) return run.phase === 'starting' ? 'Preparing…' : '';
  const at = phasePosition(run);
  const parts = [
    ...(at ? [`Phase ${at.index}/${at.count}`] : []),
    `${at ? 'epoch' : 'Epoch'} ${epochNumber(run, p.epoch)}/${at?.epochs ?? run.totalEpochs}`,
    `batch ${p.batch}/${p.batchesPerEpoch}`,
  ];
  // Paused, the time left is not running out: it is said again once the run goes on.
  if (run.phase === 'running' && !run.paused && p.etaSeconds > 0) {
    // The trainer times one phase at a time; later phases train other layers at other speeds.
    parts.push(`about ${formatDuration(p.etaSeconds)} left${at ? ' in this phase' : ''}`);
  }
  if (p.samplesPerSecond > 0)
    parts.push(`${Math.round(p.samplesPerSecond).toLocaleString('en-US')} samples/s`);
  return parts.join(' · ');
}

/** The plan of a procedure of several phases with each one's epochs; '' for a plain run. */
export function describeStage(run: Pick<RunData, 'stage' | 'totalEpochs'>): string {
  const at = phasePosition(run);
  return at ? describeSchedule(at) : '';
}
