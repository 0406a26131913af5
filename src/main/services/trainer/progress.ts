import type { Emit } from './loop';

const PROGRESS_INTERVAL_MS = 100;

/** Lets the host's messages (pause, stop, queries) in between two batches. */
export const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The run's 'train.progress' events: at most one per 100 ms and always the epoch's last batch,
 * with the speed so far and the time left. One for the plain loop and the adversarial game.
 */
export class ProgressReporter {
  private readonly started = performance.now();
  private samplesDone = 0;
  private lastProgress = 0;
  /** The newest batch the 100 ms limit held back, until a later one or `flush` reports it. */
  private heldBack: { epoch: number; batch: number; loss: number } | null = null;

  constructor(
    private readonly emit: Emit,
    private readonly runId: string,
    private readonly batchesPerEpoch: number,
    /** Samples the run still has to train, over all its epochs. */
    private readonly samplesToDo: number,
  ) {}

  /** Counts a finished batch of `samples` and reports it when it is time. */
  batchDone(epoch: number, batch: number, samples: number, loss: number): void {
    this.samplesDone += samples;
    this.heldBack = { epoch, batch, loss };
    if (
      performance.now() - this.lastProgress < PROGRESS_INTERVAL_MS &&
      batch !== this.batchesPerEpoch - 1
    )
      return;
    this.flush();
  }

  /**
   * Reports the newest batch if the time limit held it back: at a pause or a stop, so what the
   * views show is the batch the run really stopped after.
   */
  flush(): void {
    if (!this.heldBack) return;
    const { epoch, batch, loss } = this.heldBack;
    this.heldBack = null;
    const now = performance.now();
    this.lastProgress = now;
    const perSecond = this.samplesDone / ((now - this.started) / 1000);
    this.emit('train.progress', {
      runId: this.runId,
      epoch,
      batch: batch + 1,
      batchesPerEpoch: this.batchesPerEpoch,
      loss,
      samplesPerSecond: perSecond,
      etaSeconds: (this.samplesToDo - this.samplesDone) / Math.max(perSecond, 1e-9),
    });
  }
}
