import type { EventName, EventPayload } from '../../../../shared/contract/events';
import type { Emit, RunControl } from '../loop';

export interface Recorded {
  name: EventName;
  payload: unknown;
}

/** An emit that keeps every event, with typed views of the ones a test reads. */
export function recorder() {
  const events: Recorded[] = [];
  const emit: Emit = (name, payload) => void events.push({ name, payload });
  const of = <N extends EventName>(name: N): EventPayload<N>[] =>
    events.filter((e) => e.name === name).map((e) => e.payload as EventPayload<N>);
  return { events, emit, of };
}

/** A control a test steers like the host does: pause, resume and stop between batches. */
export function control(): RunControl & {
  stop(): void;
  pause(): void;
  resume(): void;
  paused: boolean;
} {
  let stopRequested = false;
  let resume: (() => void) | null = null;
  let paused: Promise<void> | null = null;
  return {
    get stopRequested() {
      return stopRequested;
    },
    get paused() {
      return paused !== null;
    },
    stop() {
      stopRequested = true;
      this.resume();
    },
    pause() {
      paused ??= new Promise((r) => (resume = r));
    },
    resume() {
      resume?.();
      paused = resume = null;
    },
    waitWhilePaused: () => paused ?? Promise.resolve(),
  };
}
