import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { advise, type Finding } from '../../../shared/advisor';
import { measureRun } from '../actions/lab';
import { runStore, useRun } from '../stores/runStore';
import { samplesToSend } from '../units/samplesToSend';

/** The advisor's state for the run that ended: asked once per run. */
export type Advice =
  | { state: 'none' }
  | { state: 'reading' }
  | { state: 'done'; runId: string; findings: Finding[] }
  | { state: 'failed'; message: string };

/** Measures the ended run's model in the trainer, then reads the measures with the advisor's rules. */
export function useAdvice(): Advice {
  const { runId, ended, design, samples } = useRun(
    useShallow((s) => ({
      runId: s.runId,
      ended: s.phase === 'ended' && s.ended?.status !== 'crashed',
      design: s.design ?? null,
      samples: s.samples,
    })),
  );
  const [advice, setAdvice] = useState<Advice>({ state: 'none' });
  useEffect(() => {
    if (!runId || !ended || !design || !samples) return setAdvice({ state: 'none' });
    let live = true;
    setAdvice({ state: 'reading' });
    const { images, count } = samplesToSend(samples, 500);
    void measureRun({ runId, images, count }).then((r) => {
      if (!live) return;
      if (!r.ok) return setAdvice({ state: 'failed', message: r.error.message });
      // Read at answer time: the settings and epochs the run ended with.
      const { settings, epochs } = runStoreSnapshot();
      setAdvice({
        state: 'done',
        runId,
        findings: advise({ graph: design, settings, epochs, measurements: r.value }),
      });
    });
    return () => {
      live = false;
    };
  }, [runId, ended, design, samples]);
  return advice;
}

const runStoreSnapshot = () => runStore.getState();
