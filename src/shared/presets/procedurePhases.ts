import type { Procedure } from '../contract/training';

/** The last phase of greedy layer-wise training, when it fine-tunes the whole stack. */
export const FINE_TUNE_LABEL = 'Fine-tune the whole stack';

/** The three phases of encoder reuse, in order. */
export const REUSE_LABELS = [
  'Pretrain the autoencoder',
  'Classifier on the pretrained encoder',
  'Same classifier from scratch',
] as const;

/** One phase of a procedure as a person sees it: its name and how many epochs it trains. */
export interface PhaseEpochs {
  label: string;
  epochs: number;
  /** True when the procedure sets this phase's epochs itself instead of taking the Epochs setting. */
  fixed: boolean;
}

/**
 * Every phase a procedure trains, in order, with its epochs: the Epochs setting is per phase,
 * unless the procedure gives a phase its own number. The trainer runs this plan and the panels
 * show it, so what the person reads is what runs.
 */
export function procedurePhases(procedure: Procedure, epochs: number): PhaseEpochs[] {
  const phase = (label: string, own: number | undefined): PhaseEpochs => ({
    label,
    epochs: own ?? epochs,
    fixed: own !== undefined,
  });
  switch (procedure.kind) {
    case 'greedy': {
      const pairs = procedure.phases.map((p) => phase(p.label, p.epochs));
      // 0 fine-tuning epochs leaves the stack as the pairs made it.
      return procedure.fineTuneEpochs === 0
        ? pairs
        : [...pairs, phase(FINE_TUNE_LABEL, procedure.fineTuneEpochs)];
    }
    case 'reuse-encoder':
      return REUSE_LABELS.map((label) => phase(label, undefined));
    default: {
      const unknown: never = procedure;
      return unknown;
    }
  }
}

/** The epochs of all phases together: what a procedure's run trains in all. */
export const totalPhaseEpochs = (phases: readonly { epochs: number }[]): number =>
  phases.reduce((sum, p) => sum + p.epochs, 0);
