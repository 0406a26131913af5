import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  commands,
  type BackendInfo,
  type CommandReply,
  type ParsedRequest,
} from '../../../shared/contract/commands';
import {
  events,
  isEventName,
  type EventName,
  type EventPayload,
} from '../../../shared/contract/events';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { fromTrainerSchema, type ToTrainer } from '../../../shared/contract/trainerProtocol';
import { checkpointDir, pruneCheckpoints, readCheckpoint } from './checkpointState';
import { flatWeightsSchema, type FlatWeights } from './flatWeights';
import { trainerCrashedMessage } from './messages';

/** A started trainer process, whichever way it was started (fork or Electron utilityProcess). */
export interface TrainerProcess {
  send(message: ToTrainer): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process ends, with a short description (exit code or signal). */
  onExit(listener: (detail: string) => void): void;
  kill(): void;
}
export type SpawnTrainer = () => TrainerProcess;
export type HostEmit = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

const READY_TIMEOUT_MS = 120_000;
const DECODE_TIMEOUT_MS = 30_000;

/**
 * Owns the trainer process: starts it on demand, relays its (validated) events, and when it dies
 * reports the run as crashed and starts a fresh one for the next run.
 */
export class TrainerSupervisor {
  private process: TrainerProcess | null = null;
  private ready: Promise<BackendInfo> | null = null;
  private activeRun: string | null = null;
  private nextRequest = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  backend: BackendInfo | null = null;
  /** The newest run, whose model the trainer keeps for decoding. */
  latestRun: string | null = null;

  constructor(
    private readonly spawn: SpawnTrainer,
    private readonly emit: HostEmit,
    /** The app's data folder, under which each run keeps its checkpoint; null keeps none. */
    private readonly dataDir: string | null = null,
  ) {}

  get isRunning(): boolean {
    return this.activeRun !== null;
  }

  /** Starts the trainer process if none runs and waits until its backend is ready. */
  ensureStarted(): Promise<BackendInfo> {
    if (this.ready) return this.ready;
    const child = this.spawn();
    this.process = child;
    this.ready = new Promise<BackendInfo>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the trainer did not start in time')),
        READY_TIMEOUT_MS,
      );
      child.onMessage((raw) => {
        const message = fromTrainerSchema.safeParse(raw);
        if (!message.success) return;
        const m = message.data;
        if (m.type === 'ready') {
          clearTimeout(timer);
          this.backend = m.backend;
          this.emit('trainer.backend', m.backend);
          resolve(m.backend);
        } else if (m.type === 'event') this.relay(m.name, m.payload);
        else this.pending.get(m.requestId)?.(m.result as Result<unknown>);
      });
      child.onExit((detail) => {
        clearTimeout(timer);
        reject(new Error(`the trainer stopped before it was ready (${detail})`));
        this.onExit(child, detail);
      });
    });
    this.ready.catch(() => undefined);
    return this.ready;
  }

  async start(
    request: ParsedRequest<'train.start'>,
    continueRun: string | null = null,
  ): Promise<Result<CommandReply<'train.start'>>> {
    if (this.activeRun) {
      return fail('E_BUSY', 'A model is already training. Stop it first, or wait until it ends.');
    }
    const runId = continueRun ?? randomUUID();
    this.activeRun = runId;
    try {
      await this.ensureStarted();
    } catch (error) {
      this.activeRun = null;
      return fail('E_TRAINER_CRASHED', trainerCrashedMessage(String((error as Error).message)));
    }
    this.latestRun = runId;
    const checkpoint = this.dataDir ? checkpointDir(this.dataDir, runId) : null;
    if (this.dataDir && !continueRun) void pruneCheckpoints(this.dataDir).catch(() => undefined);
    this.process?.send({
      type: 'start',
      runId,
      ...request,
      checkpointDir: checkpoint,
      resume: continueRun !== null,
    });
    return ok({ runId });
  }

  /** Starts a run again from its last checkpoint, under the same run id. */
  async continueRun(runId: string): Promise<Result<CommandReply<'train.continue'>>> {
    const state = this.dataDir ? await readCheckpoint(checkpointDir(this.dataDir, runId)) : null;
    if (!state)
      return fail('E_NOT_FOUND', 'This run has no checkpoint to continue from; start it again.');
    if (state.epoch >= state.settings.epochs)
      return fail('E_NOT_FOUND', 'This run already trained all its epochs.');
    const { graph, settings, data, procedure } = state;
    const started = await this.start({ graph, settings, data, procedure }, runId);
    return started.ok ? ok({ runId, fromEpoch: state.epoch + 1 }) : started;
  }

  control(type: 'stop' | 'pause' | 'resume', runId: string): Result<Record<string, never>> {
    if (this.activeRun !== runId) return fail('E_NOT_FOUND', 'That training run is not running.');
    this.process?.send({ type, runId });
    return ok({});
  }

  decode(request: ParsedRequest<'model.decode'>): Promise<Result<CommandReply<'model.decode'>>> {
    return this.ask({ type: 'decode', requestId: 0, ...request }, commands['model.decode'].reply);
  }

  encode(request: ParsedRequest<'model.encode'>): Promise<Result<CommandReply<'model.encode'>>> {
    return this.ask({ type: 'encode', requestId: 0, ...request }, commands['model.encode'].reply);
  }

  /** Asks the trainer to send a loaded model's view events (an opened project's). */
  inspect(request: ParsedRequest<'model.inspect'>): Promise<Result<CommandReply<'model.inspect'>>> {
    return this.ask({ type: 'inspect', requestId: 0, ...request }, commands['model.inspect'].reply);
  }

  /** The trained weights of a run the trainer still holds. */
  getWeights(runId: string): Promise<Result<FlatWeights>> {
    return this.ask({ type: 'getWeights', requestId: 0, runId }, flatWeightsSchema);
  }

  /** Loads saved weights into a freshly built model under a new run id; starts the trainer if needed. */
  async loadWeights(
    graph: ParsedRequest<'train.start'>['graph'],
    weights: { tensors: { name: string; shape: number[] }[]; data: Float32Array<ArrayBuffer> },
  ): Promise<Result<{ runId: string }>> {
    if (this.activeRun)
      return fail('E_BUSY', 'Stop training before opening a project with trained weights.');
    try {
      await this.ensureStarted();
    } catch (error) {
      return fail('E_TRAINER_CRASHED', trainerCrashedMessage(String((error as Error).message)));
    }
    const runId = randomUUID();
    const result = await this.ask(
      { type: 'loadWeights', requestId: 0, runId, graph, ...weights },
      z.object({}),
    );
    if (!result.ok) return result;
    this.latestRun = runId;
    return ok({ runId });
  }

  /**
   * Sends a request to the trainer and waits for its reply (or a crash, or a time-out); a reply
   * that does not fit `schema` is refused like any other invalid message.
   */
  private ask<T>(
    message: Extract<ToTrainer, { requestId: number }>,
    schema: z.ZodType<T>,
  ): Promise<Result<T>> {
    const child = this.process;
    if (!child)
      return Promise.resolve(fail('E_NOT_FOUND', 'Train a model first, then generate images.'));
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => finish(fail('E_TIMEOUT', 'The trainer took too long to answer.')),
        DECODE_TIMEOUT_MS,
      );
      const finish = (result: Result<unknown>) => {
        clearTimeout(timer);
        this.pending.delete(requestId);
        if (!result.ok) return resolve(result);
        const parsed = schema.safeParse(result.value);
        resolve(
          parsed.success
            ? ok(parsed.data)
            : fail('E_INVALID_MESSAGE', 'The trainer sent a reply that was not understood.'),
        );
      };
      this.pending.set(requestId, finish);
      child.send({ ...message, requestId });
    });
  }

  /** Ends the trainer process (also what a crash looks like); the next run starts a new one. */
  kill(): void {
    this.process?.kill();
  }

  dispose(): void {
    const child = this.process;
    this.process = null;
    this.ready = null;
    child?.kill();
  }

  private relay(name: string, payload: unknown): void {
    if (!isEventName(name)) return;
    const parsed = events[name].safeParse(payload);
    if (!parsed.success) return;
    if (name === 'train.ended') this.activeRun = null;
    this.emit(name, parsed.data as EventPayload<typeof name>);
  }

  private onExit(child: TrainerProcess, detail: string): void {
    if (this.process !== child) return;
    this.process = null;
    this.ready = null;
    this.latestRun = null;
    for (const resolve of this.pending.values())
      resolve(fail('E_TRAINER_CRASHED', trainerCrashedMessage(detail)));
    this.pending.clear();
    const runId = this.activeRun;
    this.activeRun = null;
    if (runId) void this.reportCrash(runId, detail);
  }

  private async reportCrash(runId: string, detail: string): Promise<void> {
    const state = this.dataDir ? await readCheckpoint(checkpointDir(this.dataDir, runId)) : null;
    this.emit('train.ended', {
      runId,
      status: 'crashed',
      message:
        trainerCrashedMessage(detail) +
        (state ? ` It can continue from epoch ${state.epoch + 1}.` : ''),
      epochsCompleted: state?.epoch ?? 0,
      checkpointEpoch: state?.epoch ?? null,
    });
  }
}
