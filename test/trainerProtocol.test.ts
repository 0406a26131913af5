import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TrainerSupervisor, type SpawnTrainer } from '../src/main/services/trainer/supervisor';
import { spawnNodeTrainer } from '../src/main/services/trainer/spawnNode';
import { commands } from '../src/shared/contract/commands';
import type { EventName, EventPayload } from '../src/shared/contract/events';
import { DEFAULT_PRESET_ID, getPreset } from '../src/shared/presets';
import { builtTrainer } from './helpers';

const fake = fileURLToPath(new URL('./fixtures/trainer/fakeTrainer.mjs', import.meta.url));
const preset = getPreset(DEFAULT_PRESET_ID)!;
const startRequest = commands['train.start'].request.parse({
  graph: preset.graph,
  settings: preset.settings,
  data: { limit: 100 },
});

/** Forks the fake trainer, one scenario per process started (the last repeats). */
function fakeTrainers(...scenarios: string[]): SpawnTrainer {
  let started = 0;
  return () => {
    const scenario = scenarios[Math.min(started++, scenarios.length - 1)];
    const child = fork(fake, [scenario], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return {
      send: (message) => void child.send(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code, signal) => listener(`${signal ?? code}`)),
      kill: () => void child.kill('SIGKILL'),
    };
  };
}

/** A supervisor whose events and log lines the test reads. */
function supervise(spawn: SpawnTrainer) {
  const seen: { name: EventName; payload: unknown }[] = [];
  const log: string[] = [];
  const waiters: (() => void)[] = [];
  const supervisor = new TrainerSupervisor(
    spawn,
    (name, payload) => {
      seen.push({ name, payload });
      waiters.splice(0).forEach((w) => w());
    },
    null,
    (line) => log.push(line),
  );
  const ended = async (runId: string): Promise<EventPayload<'train.ended'>> => {
    for (;;) {
      const hit = seen.find(
        (e) => e.name === 'train.ended' && (e.payload as { runId: string }).runId === runId,
      );
      if (hit) return hit.payload as EventPayload<'train.ended'>;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { supervisor, seen, log, ended };
}

let current: TrainerSupervisor | null = null;
afterEach(() => current?.dispose());

describe('the trainer boundary drops nothing', () => {
  for (const scenario of ['nan-epoch', 'bad-envelope']) {
    it(`ends the run as failed with E_TRAINER_PROTOCOL when the trainer sends an invalid message (${scenario}), and trains the next run`, async () => {
      const { supervisor, seen, log, ended } = supervise(fakeTrainers(scenario, 'good'));
      current = supervisor;
      const first = await supervisor.start(startRequest);
      if (!first.ok) throw new Error(first.error.message);
      const end = await ended(first.value.runId);
      expect(end).toMatchObject({ status: 'failed', code: 'E_TRAINER_PROTOCOL' });
      expect(end.message).toMatch(/could not understand/);
      // Nothing the faulty process said after its fault was believed.
      expect(seen.filter((e) => e.name === 'train.ended')).toHaveLength(1);
      expect(log.join('\n')).toMatch(/broke the protocol/);

      const second = await supervisor.start(startRequest);
      if (!second.ok) throw new Error(second.error.message);
      expect(await ended(second.value.runId)).toMatchObject({ status: 'completed' });
      expect(seen.filter((e) => e.name === 'train.epoch')).toHaveLength(1);
    });
  }

  it('returns an error to the caller when a decode, encode or inspect reply has the wrong shape', async () => {
    const { supervisor, log } = supervise(fakeTrainers('good'));
    current = supervisor;
    await supervisor.ensureStarted();
    const runId = 'r';
    const decoded = await supervisor.decode({ runId, points: new Float32Array(2), count: 1 });
    const encoded = await supervisor.encode({ runId, images: new Float32Array(4), count: 1 });
    const inspected = await supervisor.inspect({
      runId,
      data: startRequest.data,
      epoch: 1,
    } as Parameters<TrainerSupervisor['inspect']>[0]);
    for (const result of [decoded, encoded, inspected]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'E_TRAINER_PROTOCOL' } });
      if (!result.ok) expect(result.error.message).toMatch(/did not understand/);
    }
    expect(log.join('\n')).toMatch(/reply to decode broke its schema/);
  });

  for (const scenario of ['bad-envelope-reply', 'not-a-result']) {
    it(`returns an error to the caller, at once, for a reply whose envelope is broken (${scenario})`, async () => {
      const { supervisor } = supervise(fakeTrainers(scenario));
      current = supervisor;
      await supervisor.ensureStarted();
      const decoded = await supervisor.decode({
        runId: 'r',
        points: new Float32Array(2),
        count: 1,
      });
      expect(decoded).toMatchObject({ ok: false, error: { code: 'E_TRAINER_PROTOCOL' } });
    });
  }
});

describe('the real trainer process', () => {
  it(
    'refuses a message from the host it cannot read, naming the request or run, rather than dropping it',
    { timeout: 30_000 },
    async () => {
      const child = spawnNodeTrainer(builtTrainer)();
      const got: unknown[] = [];
      const next = () =>
        new Promise<Record<string, unknown>>((resolve) =>
          child.onMessage((m) => {
            got.push(m);
            if ((m as { type: string }).type === 'refused') resolve(m as Record<string, unknown>);
          }),
        );
      try {
        await new Promise<void>((resolve) =>
          child.onMessage((m) => (m as { type: string }).type === 'ready' && resolve()),
        );
        const refusedRequest = next();
        child.send({ type: 'decode', requestId: 7, runId: 'r', points: [1, 2], count: 1 } as never);
        expect(await refusedRequest).toMatchObject({ requestId: 7, runId: 'r' });
        const refusedRun = next();
        child.send({ type: 'start', runId: 'run-1', graph: { nodes: 'none' } } as never);
        const refusal = await refusedRun;
        expect(refusal).toMatchObject({ requestId: null, runId: 'run-1' });
        expect(String(refusal.issue)).toMatch(/graph/);
      } finally {
        child.kill();
      }
    },
  );
});
