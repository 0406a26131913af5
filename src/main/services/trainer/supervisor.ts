import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
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
import { describeIssues } from '../../../shared/contract/dispatch';
import { fail, ok, type Result } from '../../../shared/contract/result';
import {
  fromTrainerSchema,
  trainerReplies,
  type ToTrainer,
  type TrainerReply,
  type TrainerRequest,
  type TrainerRequestType,
} from '../../../shared/contract/trainerProtocol';
import {
  checkpointDir,
  pruneCheckpoints,
  readCheckpoint,
  type CheckpointState,
} from './checkpointState';
import type { FlatWeights } from './flatWeights';
import {
  refusedRunMessage,
  trainerCrashedMessage,
  trainerProtocolMessage,
  wrongReplyMessage,
} from './messages';
import { RunLedger } from './runLedger';

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
/** Where the supervisor writes what a person need not read but a developer will (protocol faults). */
export type HostLog = (line: string) => void;

/** A reply's envelope: the Result the trainer's handler returned. */
const replyResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  }),
]);

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
  /** A process that broke the protocol and is being ended: nothing more it sends is believed. */
  private broken: { child: TrainerProcess; issue: string } | null = null;
  /** The last epoch the active run reported, for the message when it ends abnormally. */
  private lastEpoch = 0;
  backend: BackendInfo | null = null;
  /** The newest run, whose model the trainer keeps for decoding. */
  latestRun: string | null = null;
  /** The host's record of the newest run (run.status): every event sent about it passes here. */
  readonly ledger = new RunLedger();
  /** An opened project's loaded run id -> the run its weights came from (whose checkpoint it is). */
  private readonly loadedFrom = new Map<string, string>();
  private readonly emit: HostEmit;

  constructor(
    private readonly spawn: SpawnTrainer,
    emit: HostEmit,
    /** The app's data folder, under which each run keeps its checkpoint; null keeps none. */
    private readonly dataDir: string | null = null,
    private readonly log: HostLog = (line) => console.warn(line),
  ) {
    this.emit = (name, payload) => {
      this.ledger.record(name, payload);
      emit(name, payload);
    };
  }

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
        if (this.broken?.child === child) return;
        const message = fromTrainerSchema.safeParse(raw);
        if (!message.success) return this.onInvalid(child, raw, describeIssues(message.error));
        const m = message.data;
        if (m.type === 'ready') {
          clearTimeout(timer);
          this.backend = m.backend;
          this.emit('trainer.backend', m.backend);
          resolve(m.backend);
        } else if (m.type === 'event') this.relay(child, m.name, m.payload);
        else if (m.type === 'reply') this.onReply(m.requestId, m.result);
        else this.onRefused(m);
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
    // Asked before the new run starts: the trainer holds the earlier run's model only until then.
    const initialWeights = await this.initialWeightsFor(request.warmStart);
    if (initialWeights && !initialWeights.ok) {
      this.activeRun = null;
      return initialWeights;
    }
    this.latestRun = runId;
    this.lastEpoch = continueRun ? ((await this.checkpointEpoch(runId)) ?? 0) : 0;
    const { graph, settings, data, procedure } = request;
    this.ledger.begin(
      runId,
      { graph, settings, data, procedure },
      continueRun ? this.lastEpoch + 1 : null,
    );
    const checkpoint = this.dataDir ? checkpointDir(this.dataDir, runId) : null;
    if (this.dataDir && !continueRun) void pruneCheckpoints(this.dataDir).catch(() => undefined);
    this.process?.send({
      type: 'start',
      runId,
      ...request,
      checkpointDir: checkpoint,
      resume: continueRun !== null,
      ...(initialWeights ? { initialWeights: initialWeights.value } : {}),
    });
    return ok({ runId });
  }

  /** The earlier run's weights a warm start asks for; undefined when none is asked. */
  private async initialWeightsFor(
    warm: ParsedRequest<'train.start'>['warmStart'],
  ): Promise<Result<{ weights: FlatWeights; layers: string[] }> | undefined> {
    if (!warm) return undefined;
    const weights = await this.getWeights(warm.runId);
    if (!weights.ok)
      return fail(
        'E_NOT_FOUND',
        `The trained weights to start from are gone (${weights.error.message}). Train the autoencoder again, then make the generator from it.`,
      );
    return ok({ weights: weights.value, layers: warm.layers });
  }

  /**
   * The checkpoint a run (or an opened project's loaded run) continues from, with the run id it
   * belongs to; null when there is none.
   */
  async checkpointOf(runId: string): Promise<{ runId: string; state: CheckpointState } | null> {
    const source = this.loadedFrom.get(runId) ?? runId;
    const state = this.dataDir ? await readCheckpoint(checkpointDir(this.dataDir, source)) : null;
    return state ? { runId: source, state } : null;
  }

  /**
   * Starts a run again from its last checkpoint, under the checkpoint's run id: the rest of its
   * epochs, or `more` epochs after the checkpoint's (weights and optimizer state as they were).
   */
  async continueRun(runId: string, more?: number): Promise<Result<CommandReply<'train.continue'>>> {
    const found = await this.checkpointOf(runId);
    if (!found)
      return fail(
        'E_NOT_FOUND',
        'This run has no checkpoint to continue from (checkpoints stay on the computer that trained it, for its 20 newest runs); start it again.',
      );
    const { state } = found;
    if (more === undefined && state.epoch >= state.settings.epochs)
      return fail('E_NOT_FOUND', 'This run already trained all its epochs.');
    if (state.procedure && more !== undefined)
      return fail(
        'E_UNSUPPORTED',
        'A run trained in phases cannot train more epochs; start it again with more epochs.',
      );
    const { graph, data, procedure } = state;
    const settings =
      more === undefined ? state.settings : { ...state.settings, epochs: state.epoch + more };
    const started = await this.start({ graph, settings, data, procedure }, found.runId);
    return started.ok ? ok({ runId: found.runId, fromEpoch: state.epoch + 1 }) : started;
  }

  control(type: 'stop' | 'pause' | 'resume', runId: string): Result<Record<string, never>> {
    if (this.activeRun !== runId) return fail('E_NOT_FOUND', 'That training run is not running.');
    this.process?.send({ type, runId });
    this.ledger.control(runId, type);
    return ok({});
  }

  decode(request: ParsedRequest<'model.decode'>): Promise<Result<CommandReply<'model.decode'>>> {
    return this.ask({ type: 'decode', requestId: 0, ...request });
  }

  encode(request: ParsedRequest<'model.encode'>): Promise<Result<CommandReply<'model.encode'>>> {
    return this.ask({ type: 'encode', requestId: 0, ...request });
  }

  /** Encodes, with a variational model's log-variances (null for other models). */
  encodeVariance(
    request: ParsedRequest<'model.encodeVariance'>,
  ): Promise<Result<CommandReply<'model.encodeVariance'>>> {
    return this.ask({ type: 'encodeVariance', requestId: 0, ...request });
  }

  /** Asks the trainer to send a loaded model's view events (an opened project's). */
  inspect(request: ParsedRequest<'model.inspect'>): Promise<Result<CommandReply<'model.inspect'>>> {
    return this.ask({ type: 'inspect', requestId: 0, ...request });
  }

  /** The trained weights of a run the trainer still holds. */
  getWeights(runId: string): Promise<Result<FlatWeights>> {
    return this.ask({ type: 'getWeights', requestId: 0, runId });
  }

  /** Loads saved weights into a freshly built model under a new run id; starts the trainer if needed. */
  async loadWeights(
    graph: ParsedRequest<'train.start'>['graph'],
    weights: {
      tensors: { name: string; shape: number[] }[];
      data: Float32Array<ArrayBuffer>;
      /** The run that trained them: its checkpoint is what "train more" continues from. */
      runId?: string;
    },
  ): Promise<Result<{ runId: string }>> {
    if (this.activeRun)
      return fail('E_BUSY', 'Stop training before opening a project with trained weights.');
    try {
      await this.ensureStarted();
    } catch (error) {
      return fail('E_TRAINER_CRASHED', trainerCrashedMessage(String((error as Error).message)));
    }
    const runId = randomUUID();
    const { tensors, data } = weights;
    const result = await this.ask({
      type: 'loadWeights',
      requestId: 0,
      runId,
      graph,
      tensors,
      data,
    });
    if (!result.ok) return result;
    this.latestRun = runId;
    if (weights.runId) this.loadedFrom.set(runId, weights.runId);
    // The opened project's run takes the place of the last one: its results are gone from the trainer.
    this.ledger.forgetEnded();
    return ok({ runId });
  }

  /**
   * Sends a request to the trainer and waits for its reply (or a crash, or a time-out); a reply
   * that does not fit the schema `trainerReplies` pairs with the request is an error for this caller.
   * Public for the host's model queries that need no bookkeeping here (the lab's unit and advise).
   */
  ask<K extends TrainerRequestType>(
    message: Extract<TrainerRequest, { type: K }>,
  ): Promise<Result<TrainerReply<K>>> {
    const schema = trainerReplies[message.type as K] as unknown as z.ZodType<TrainerReply<K>>;
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
        if (parsed.success) return resolve(ok(parsed.data));
        this.log(
          `trainer: the reply to ${message.type} broke its schema: ${describeIssues(parsed.error)}`,
        );
        resolve(fail('E_TRAINER_PROTOCOL', wrongReplyMessage(message.type)));
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

  private relay(child: TrainerProcess, name: string, payload: unknown): void {
    if (!isEventName(name)) return this.breakProtocol(child, `an event named '${name}' is unknown`);
    const parsed = events[name].safeParse(payload);
    if (!parsed.success)
      return this.breakProtocol(child, `event ${name}: ${describeIssues(parsed.error)}`);
    const data = parsed.data as { runId?: string; epoch?: number };
    if (name === 'train.epoch' && data.runId === this.activeRun) this.lastEpoch = data.epoch ?? 0;
    if (name === 'train.ended') this.activeRun = null;
    this.emit(name, parsed.data as EventPayload<typeof name>);
  }

  /** A reply whose envelope is fine: its result must still be a Result, or its caller hears so. */
  private onReply(requestId: number, result: unknown): void {
    const finish = this.pending.get(requestId);
    if (!finish) return this.log(`trainer: a reply to request ${requestId}, which no one awaits`);
    const parsed = replyResultSchema.safeParse(result);
    if (parsed.success) return finish(parsed.data as Result<unknown>);
    this.log(
      `trainer: the reply to request ${requestId} is no Result: ${describeIssues(parsed.error)}`,
    );
    finish(fail('E_TRAINER_PROTOCOL', wrongReplyMessage('that request')));
  }

  /**
   * A message that fits no schema. When it names a request that waits, that request fails alone;
   * anything else means the process can no longer be believed, and it is ended.
   */
  private onInvalid(child: TrainerProcess, raw: unknown, issue: string): void {
    const requestId = (raw as { type?: unknown; requestId?: unknown } | null)?.requestId;
    const finish = typeof requestId === 'number' ? this.pending.get(requestId) : undefined;
    if (finish && (raw as { type?: unknown }).type === 'reply') {
      this.log(`trainer: the reply to request ${requestId} broke the protocol: ${issue}`);
      return finish(fail('E_TRAINER_PROTOCOL', wrongReplyMessage('that request')));
    }
    this.breakProtocol(child, issue);
  }

  /** The trainer could not read a message the host sent: what it was for fails, in words. */
  private onRefused(m: Extract<z.infer<typeof fromTrainerSchema>, { type: 'refused' }>): void {
    this.log(`trainer: refused a message from the host: ${m.issue}`);
    if (m.requestId !== null)
      this.pending.get(m.requestId)?.(fail('E_TRAINER_PROTOCOL', refusedRunMessage));
    if (m.runId !== null && m.runId === this.activeRun) {
      this.activeRun = null;
      void this.reportEnd(m.runId, 'failed', refusedRunMessage, 'E_TRAINER_PROTOCOL');
    }
  }

  /** Logs the fault and ends the process; its exit then ends the run as failed (see onExit). */
  private breakProtocol(child: TrainerProcess, issue: string): void {
    this.log(`trainer: broke the protocol: ${issue}`);
    if (this.broken?.child === child) return;
    this.broken = { child, issue };
    child.kill();
  }

  private onExit(child: TrainerProcess, detail: string): void {
    const broken = this.broken?.child === child;
    if (broken) this.broken = null;
    if (this.process !== child) return;
    this.process = null;
    this.ready = null;
    this.latestRun = null;
    const failure = broken
      ? fail('E_TRAINER_PROTOCOL', trainerProtocolMessage)
      : fail('E_TRAINER_CRASHED', trainerCrashedMessage(detail));
    for (const resolve of this.pending.values()) resolve(failure);
    this.pending.clear();
    const runId = this.activeRun;
    this.activeRun = null;
    if (!runId) return;
    if (broken) void this.reportEnd(runId, 'failed', trainerProtocolMessage, 'E_TRAINER_PROTOCOL');
    else void this.reportEnd(runId, 'crashed', trainerCrashedMessage(detail));
  }

  private async checkpointEpoch(runId: string): Promise<number | null> {
    const state = this.dataDir ? await readCheckpoint(checkpointDir(this.dataDir, runId)) : null;
    return state?.epoch ?? null;
  }

  /** Ends a run the trainer can no longer end itself, saying where it can continue from. */
  private async reportEnd(
    runId: string,
    status: 'failed' | 'crashed',
    message: string,
    code?: string,
  ): Promise<void> {
    const saved = await this.checkpointEpoch(runId);
    this.emit('train.ended', {
      runId,
      status,
      message: message + (saved !== null ? ` It can continue from epoch ${saved + 1}.` : ''),
      epochsCompleted: saved ?? this.lastEpoch,
      checkpointEpoch: saved,
      ...(code ? { code } : {}),
    });
  }
}
