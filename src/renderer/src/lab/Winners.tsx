import { useEffect, useMemo, useState } from 'react';
import type { WinnerCountsReply } from '../../../shared/contract/generativeQueries';
import { countWinners } from '../actions/generative';
import { scaleEach } from '../inspect/featureImages';
import { composeGrid, imageGeometry } from '../recon/imageGrid';
import type { Samples } from '../stores/runState';
import { samplesToSend } from '../units/samplesToSend';
import { BitmapCanvas } from '../views/BitmapCanvas';
import { ViewPanel } from '../views/ViewPanel';
import './Winners.css';

const FIRST = 48;

interface Props {
  runId: string;
  samples: Samples;
}

/** What a win is for the code's rule, in words. */
function ruleWords(r: WinnerCountsReply): string {
  return r.rule === 'top-k'
    ? `A unit wins a sample when its value is among the sample's ${r.kept} largest (the ones the code keeps).`
    : `The code kept each unit's largest values over a training batch; here a unit wins a sample when its value is among the sample's ${r.kept} largest.`;
}

/**
 * For a winner-take-all code: each code unit's feature (its weights drawn as a picture) beside how
 * often it wins over the validation samples, most frequent winners first, and a heat strip of all.
 */
export function Winners({ runId, samples }: Props) {
  const [reply, setReply] = useState<WinnerCountsReply | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const sent = useMemo(() => samplesToSend(samples), [samples]);

  useEffect(() => {
    let live = true;
    void countWinners({ runId, images: sent.images, count: sent.count }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setReply(r.value);
        setProblem(null);
      } else setProblem(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [runId, sent]);

  const order = useMemo(() => {
    if (!reply) return [];
    return Array.from({ length: reply.units }, (_, u) => u).sort(
      (a, b) => reply.wins[b] - reply.wins[a] || a - b,
    );
  }, [reply]);

  const pictures = useMemo(() => {
    if (!reply?.features || !reply.featureShape) return null;
    const geometry = imageGeometry(reply.featureShape);
    if (!geometry) return null;
    const size = reply.features.length / reply.units;
    const scaled = scaleEach(reply.features, reply.units, size);
    return Array.from({ length: reply.units }, (_, u) =>
      composeGrid([scaled.subarray(u * size, (u + 1) * size)], 1, geometry),
    );
  }, [reply]);

  const most = reply ? Math.max(1, ...reply.wins) : 1;
  const never = reply ? reply.wins.filter((w) => w === 0).length : 0;
  const shown = all ? order : order.slice(0, FIRST);

  return (
    <ViewPanel
      title="Which units win"
      saveAs="winners"
      testId="winners"
      hint="Each code unit's feature beside how often it wins over the validation samples. A winner-take-all code lets only a few units speak for each digit, so each learns one stroke."
    >
      {problem && <p className="winners-problem">{problem}</p>}
      {reply && (
        <>
          <p className="winners-words" data-testid="winners-words">
            Code ‘{reply.label}’, run {runId}: {reply.units} units over {reply.count} validation
            samples. {ruleWords(reply)}{' '}
            {never > 0 ? `${never} units never win.` : 'Every unit wins somewhere.'}
          </p>
          <div className="winners-heat" aria-label="Wins of every unit, in unit order">
            {Array.from(reply.wins, (w, u) => (
              <span
                key={u}
                title={`unit ${u + 1}: ${w} wins`}
                style={{ opacity: 0.08 + (0.92 * w) / most }}
              />
            ))}
          </div>
          <ol className="winners-grid" data-testid="winners-grid">
            {shown.map((u) => (
              <li key={u} className="winners-unit">
                {pictures && (
                  <BitmapCanvas bitmap={pictures[u]} zoom={2} label={`Feature of unit ${u + 1}`} />
                )}
                <div className="winners-bar" title={`${reply.wins[u]} of ${reply.count} samples`}>
                  <span style={{ width: `${(100 * reply.wins[u]) / most}%` }} />
                </div>
                <span className="winners-label">
                  #{u + 1} · {reply.wins[u]}
                </span>
              </li>
            ))}
          </ol>
          {order.length > FIRST && (
            <button className="button" onClick={() => setAll((a) => !a)}>
              {all ? `Show the ${FIRST} most frequent` : `Show all ${order.length} units`}
            </button>
          )}
        </>
      )}
    </ViewPanel>
  );
}
