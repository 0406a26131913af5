import { describe, expect, it } from 'vitest';
import { getPreset } from '.';
import {
  FINE_TUNE_LABEL,
  procedurePhases,
  REUSE_LABELS,
  totalPhaseEpochs,
} from './procedurePhases';

describe('the phases of a procedure', () => {
  it('gives every phase of the greedy preset the Epochs setting, fine-tuning included', () => {
    const phases = procedurePhases(getPreset('greedy')!.procedure!, 1);
    expect(phases).toEqual([
      { label: 'outer pair', epochs: 1, fixed: false },
      { label: 'inner pair', epochs: 1, fixed: false },
      { label: FINE_TUNE_LABEL, epochs: 1, fixed: false },
    ]);
    expect(totalPhaseEpochs(phases)).toBe(3);
  });

  it('keeps a phase’s own epochs when the procedure sets them, and skips fine-tuning set to 0', () => {
    const phases = procedurePhases(
      {
        kind: 'greedy',
        phases: [
          { label: 'outer', encoderNodeId: 'a', decoderNodeId: 'b', epochs: 4 },
          { label: 'inner', encoderNodeId: 'c', decoderNodeId: 'd' },
        ],
        fineTuneEpochs: 0,
      },
      2,
    );
    expect(phases).toEqual([
      { label: 'outer', epochs: 4, fixed: true },
      { label: 'inner', epochs: 2, fixed: false },
    ]);
  });

  it('trains each of the three encoder-reuse phases the Epochs setting', () => {
    const phases = procedurePhases(getPreset('classifier-reuse')!.procedure!, 5);
    expect(phases.map((p) => [p.label, p.epochs])).toEqual(REUSE_LABELS.map((l) => [l, 5]));
  });
});
