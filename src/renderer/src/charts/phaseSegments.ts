import type { BatchPoint, EpochRecord } from '../stores/runState';
import { byPhase, runCurves, termsOf, type Curve } from './lossChartModel';

/** One part of the loss chart: one procedure phase (or the whole of a plain run) with its lines. */
export interface PhaseSegment {
  /** The phase's number, from 1; 0 for a run of one phase. */
  phase: number;
  /** What the phase trains ('outer pair'); '' for a run of one phase. */
  label: string;
  /** Where the phase starts on x: the epochs done before it. */
  from: number;
  /** Its last point on x; Infinity while the phase has no epoch yet. */
  to: number;
  /** Train, validation and extra terms of this phase only. */
  curves: Curve[];
  batches: BatchPoint[];
}

/** Where the run stands in its procedure, when it has phases. */
export interface StageHint {
  index: number;
  label: string;
  phases?: readonly { label: string }[];
}

const scoped = (curves: Curve[], phase: number, label: string): Curve[] =>
  curves.map((c) => ({
    ...c,
    key: `${c.key}:p${phase}`,
    label: label ? `${label} · ${c.label}` : c.label,
  }));

/**
 * Splits a run's losses into one segment per procedure phase, each with its own lines and label:
 * greedy training measures the pixels in one phase and the codes in the next, losses of different
 * sizes that one line would join into what looks like divergence. A plain run is one segment.
 */
export function phaseSegments(
  epochs: readonly EpochRecord[],
  batches: readonly BatchPoint[],
  stage: StageHint | null,
): PhaseSegment[] {
  const labelOf = (phase: number): string =>
    phase === 0
      ? ''
      : (stage?.phases?.[phase - 1]?.label ??
        (stage?.index === phase ? stage.label : `Phase ${phase}`));
  const terms = termsOf(epochs);
  const segments: PhaseSegment[] = [];
  let from = 0;
  for (const group of byPhase(epochs)) {
    const phase = group[0].phase ?? 0;
    const to = Math.max(...group.map((e) => e.x));
    const label = labelOf(phase);
    segments.push({
      phase,
      label,
      from,
      to,
      curves: scoped(runCurves(group, terms), phase, label),
      batches: [],
    });
    from = to;
  }
  // A phase that has begun but finished no epoch yet still gets its part (its batch losses).
  const last = segments.at(-1)?.phase ?? 0;
  if (stage && stage.index > last) {
    const label = labelOf(stage.index);
    segments.push({
      phase: stage.index,
      label,
      from,
      to: Infinity,
      curves: scoped(runCurves([], terms), stage.index, label),
      batches: [],
    });
  }
  if (segments.length === 0) {
    segments.push({
      phase: 0,
      label: '',
      from: 0,
      to: Infinity,
      curves: runCurves([], terms),
      batches: [],
    });
  }
  // A batch belongs to the first phase that reaches its x; the running phase takes the rest.
  for (const b of batches) {
    const home = segments.find((s, i) => b.x <= s.to || i === segments.length - 1)!;
    home.batches.push(b);
  }
  return segments;
}
