import type { EventName, EventPayload } from '../../../shared/contract/events';
import {
  MAX_REPORT_BATCH_LOSSES,
  MAX_REPORT_WARNINGS,
  type RunReport,
} from '../../../shared/contract/runReport';
import type { DataSpec, Procedure, TrainSettings } from '../../../shared/contract/training';
import type { GraphDocument } from '../../../shared/graph/document';

/** What a run is started with, as the ledger keeps it. */
export interface LedgerStart {
  graph: GraphDocument;
  settings: TrainSettings;
  data: DataSpec;
  procedure: Procedure | null;
}

const withoutRunId = <T extends { runId: string }>({ runId: _runId, ...rest }: T) => rest;

/**
 * The host's record of the newest run, fed by every event the host sends about it: a page that
 * reloads asks for it (run.status) and shows the same run, so nothing about a run lives only in
 * a renderer. It holds one run, the active or the last ended one, until the next run starts or a
 * project is opened; images stay out of it (the trainer sends them again on request).
 */
export class RunLedger {
  private run: RunReport | null = null;

  /** A run was accepted. A continued run (same id) keeps its curve up to `fromEpoch`. */
  begin(runId: string, start: LedgerStart, fromEpoch: number | null = null): void {
    const same = fromEpoch !== null && this.run?.runId === runId ? this.run : null;
    const kept = fromEpoch ?? 1;
    this.run = {
      runId,
      ...start,
      status: 'starting',
      totalEpochs: start.settings.epochs,
      batchesPerEpoch: same?.batchesPerEpoch ?? null,
      trainCount: same?.trainCount ?? null,
      validationCount: same?.validationCount ?? null,
      progress: null,
      pausedAt: null,
      epochs: same?.epochs.filter((e) => e.epoch < kept) ?? [],
      batchLosses: same?.batchLosses.filter((b) => b.epoch < kept) ?? [],
      phases: same?.phases ?? [],
      comparison: same?.comparison ?? null,
      snapshotEpoch: same?.snapshotEpoch ?? null,
      warnings: same?.warnings ?? [],
      ended: null,
    };
  }

  /** The person paused, resumed or stopped the active run (the host accepted it). */
  control(runId: string, type: 'stop' | 'pause' | 'resume'): void {
    const run = this.active(runId);
    if (!run || run.status === 'stopping') return;
    if (type === 'stop') run.status = 'stopping';
    else if (type === 'pause') run.status = 'paused';
    else if (run.status === 'paused') {
      run.status = 'running';
      run.pausedAt = null;
    }
  }

  /** Takes in one event the host sends; events of other runs (an opened project's) are ignored. */
  record<N extends EventName>(name: N, payload: EventPayload<N>): void {
    const runId = (payload as { runId?: unknown }).runId;
    const run = typeof runId === 'string' && this.run?.runId === runId ? this.run : null;
    if (!run) return;
    const event = { name, payload } as {
      [K in EventName]: { name: K; payload: EventPayload<K> };
    }[EventName];
    switch (event.name) {
      case 'train.started': {
        const e = event.payload;
        run.totalEpochs = e.epochs;
        run.batchesPerEpoch = e.batchesPerEpoch;
        run.trainCount = e.trainCount;
        run.validationCount = e.validationCount;
        if (run.status === 'starting') run.status = 'running';
        return;
      }
      case 'train.progress': {
        const e = event.payload;
        run.progress = withoutRunId(e);
        if (run.status === 'starting') run.status = 'running';
        if (!Number.isFinite(e.loss)) return;
        const phase = run.phases.at(-1)?.index;
        const { epoch, batch, batchesPerEpoch, loss } = e;
        run.batchLosses.push({ epoch, batch, batchesPerEpoch, loss, ...(phase ? { phase } : {}) });
        // Every other point dropped, the newest kept: bounded memory, the curve's shape kept.
        const last = run.batchLosses.length - 1;
        if (last >= MAX_REPORT_BATCH_LOSSES)
          run.batchLosses = run.batchLosses.filter((_, i) => (last - i) % 2 === 0);
        return;
      }
      case 'train.epoch': {
        const e = withoutRunId(event.payload);
        const same = (r: typeof e) => r.epoch === e.epoch && r.phase === e.phase;
        run.epochs = [...run.epochs.filter((r) => !same(r)), e];
        return;
      }
      case 'train.phase': {
        const e = withoutRunId(event.payload);
        run.phases = [...run.phases.filter((p) => p.index !== e.index), e];
        return;
      }
      case 'train.paused':
        // Only a pause still asked for: a resume that crossed the event on its way wins.
        if (run.status === 'paused') run.pausedAt = withoutRunId(event.payload);
        return;
      case 'train.comparison':
        run.comparison = withoutRunId(event.payload);
        return;
      case 'train.snapshot':
        run.snapshotEpoch = event.payload.epoch;
        return;
      case 'train.warning':
        if (run.warnings.length < MAX_REPORT_WARNINGS)
          run.warnings = [...run.warnings, withoutRunId(event.payload)];
        return;
      case 'train.ended':
        run.ended = withoutRunId(event.payload);
        run.status = event.payload.status;
        return;
      default:
        return;
    }
  }

  /** Forgets an ended run (a project was opened); an active run is never forgotten. */
  forgetEnded(): void {
    if (this.run?.ended) this.run = null;
  }

  /** The run as the host knows it now, a copy the caller may keep. */
  report(): RunReport | null {
    return this.run ? structuredClone(this.run) : null;
  }

  private active(runId: string): RunReport | null {
    return this.run?.runId === runId && !this.run.ended ? this.run : null;
  }
}
