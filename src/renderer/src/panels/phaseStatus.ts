import { totalPhaseEpochs } from '../../../shared/presets/procedurePhases';
import type { RunData } from '../stores/runState';

/** Where a run of several phases stands: which phase, how many epochs before it and in all. */
export interface PhasePosition {
  index: number;
  count: number;
  label: string;
  /** The epochs this phase trains. */
  epochs: number;
  /** The epochs of the phases before this one. */
  before: number;
  /** The epochs of every phase together. */
  total: number;
  plan: readonly { label: string; epochs: number }[];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The run's phase and plan, from the trainer's latest train.phase; null for a one-phase run. */
export function phasePosition(run: Pick<RunData, 'stage' | 'totalEpochs'>): PhasePosition | null {
  const stage = run.stage;
  if (!stage) return null;
  // A trainer that sends no plan still names the phase; its epochs are then the phase's own run.
  const plan = stage.phases ?? [];
  const own = plan[stage.index - 1]?.epochs ?? run.totalEpochs;
  return {
    index: stage.index,
    count: stage.count,
    label: stage.label,
    epochs: own,
    before: totalPhaseEpochs(plan.slice(0, stage.index - 1)),
    total: plan.length === stage.count ? totalPhaseEpochs(plan) : 0,
    plan,
  };
}

/** "3 phases × 1 epoch" when the phases train alike, else "outer pair 5 + inner pair 1". */
export function describePlan(plan: readonly { label: string; epochs: number }[]): string {
  if (plan.length === 0) return '';
  const first = plan[0].epochs;
  if (plan.every((p) => p.epochs === first))
    return `${plan.length} phases × ${plural(first, 'epoch')}`;
  return plan.map((p) => `${p.label} ${p.epochs}`).join(' + ');
}

/** "Phase 2 of 3: inner pair — epoch 1 of 1". */
export const describePhaseEpoch = (at: PhasePosition, epoch: number): string =>
  `Phase ${at.index} of ${at.count}: ${at.label} — epoch ${epoch} of ${at.epochs}`;

/** The plan in one line: "outer pair (1 epoch) → inner pair (1 epoch) → … · 3 epochs in all". */
export function describeSchedule(at: PhasePosition): string {
  if (at.plan.length === 0) return `Phase ${at.index} of ${at.count} · ${at.label}`;
  const steps = at.plan.map((p) => `${p.label} (${plural(p.epochs, 'epoch')})`).join(' → ');
  return `${steps} · ${plural(at.total, 'epoch')} in all`;
}
