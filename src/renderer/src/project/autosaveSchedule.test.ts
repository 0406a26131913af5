import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_TIMING, createAutosaveSchedule } from './autosaveSchedule';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A schedule on the fake clock, counting its writes. */
function scheduled() {
  const save = vi.fn();
  return { save, schedule: createAutosaveSchedule(save, AUTOSAVE_TIMING, globalThis) };
}

describe('the autosave schedule', () => {
  it('writes a single change once, a short quiet time after it', () => {
    const { save, schedule } = scheduled();
    schedule.changed();
    vi.advanceTimersByTime(AUTOSAVE_TIMING.quietMs - 1);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('writes a burst of changes as one', () => {
    const { save, schedule } = scheduled();
    for (let i = 0; i < 5; i++) schedule.changed();
    vi.advanceTimersByTime(AUTOSAVE_TIMING.maxWaitMs);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('still writes every 0.5 s while editing never pauses', () => {
    const { save, schedule } = scheduled();
    // A change every 100 ms for 3 s: the quiet time never passes, the max-wait does.
    for (let t = 0; t < 3000; t += 100) {
      schedule.changed();
      vi.advanceTimersByTime(100);
    }
    expect(save).toHaveBeenCalledTimes(3000 / AUTOSAVE_TIMING.maxWaitMs);
  });

  it('never leaves a change waiting longer than the max-wait', () => {
    const { save, schedule } = scheduled();
    const gap = AUTOSAVE_TIMING.quietMs - 10;
    let t = 0;
    // Changes just quicker than the quiet time, until the max-wait is all but over.
    for (; t + gap < AUTOSAVE_TIMING.maxWaitMs; t += gap) {
      schedule.changed();
      vi.advanceTimersByTime(gap);
    }
    schedule.changed();
    vi.advanceTimersByTime(AUTOSAVE_TIMING.maxWaitMs - t - 1);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('writes at once on flush when a change waits, and not at all when none does', () => {
    const { save, schedule } = scheduled();
    schedule.flush();
    expect(save).not.toHaveBeenCalled();
    schedule.changed();
    schedule.flush();
    expect(save).toHaveBeenCalledTimes(1);
    // The flushed change is not written a second time by its timers.
    vi.advanceTimersByTime(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('forgets a waiting change when cancelled', () => {
    const { save, schedule } = scheduled();
    schedule.changed();
    schedule.cancel();
    vi.advanceTimersByTime(5000);
    schedule.flush();
    expect(save).not.toHaveBeenCalled();
  });
});
