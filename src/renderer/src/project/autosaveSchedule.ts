/** The timer functions the schedule uses: the window's in the app, fake ones in a unit test. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveTiming {
  /** A short quiet time after a change, so a burst of changes (a drag's end, a paste) is one write. */
  quietMs: number;
  /** The longest a change waits: steady editing never quiets down, and must still be kept. */
  maxWaitMs: number;
}

/**
 * Quiet 150 ms, at most 500 ms: a reload or a crash loses at most the last half second. A
 * write of the default design's recovery copy takes a few milliseconds on the host, so two a
 * second cost nothing a person notices.
 */
export const AUTOSAVE_TIMING: AutosaveTiming = { quietMs: 150, maxWaitMs: 500 };

export interface AutosaveSchedule {
  /** A change was committed: write within quietMs of the last change, maxWaitMs of the first. */
  changed(): void;
  /** Writes now what is waiting (the page is hiding or closing); nothing when nothing waits. */
  flush(): void;
  /** Forgets what is waiting (the work was saved or discarded). */
  cancel(): void;
}

/**
 * A debounce with a max-wait, measured from the changes themselves: the first change of a batch
 * starts the max-wait clock, each further change restarts only the short quiet timer.
 */
export function createAutosaveSchedule(
  save: () => void,
  timing: AutosaveTiming = AUTOSAVE_TIMING,
  timers: Timers = globalThis,
): AutosaveSchedule {
  let quiet: unknown = null;
  let deadline: unknown = null;

  const clear = () => {
    if (quiet !== null) timers.clearTimeout(quiet);
    if (deadline !== null) timers.clearTimeout(deadline);
    quiet = deadline = null;
  };
  const fire = () => {
    clear();
    save();
  };

  return {
    changed() {
      if (quiet !== null) timers.clearTimeout(quiet);
      quiet = timers.setTimeout(fire, timing.quietMs);
      deadline ??= timers.setTimeout(fire, timing.maxWaitMs);
    },
    flush() {
      if (quiet !== null || deadline !== null) fire();
    },
    cancel: clear,
  };
}
