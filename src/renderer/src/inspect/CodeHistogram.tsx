import { useMemo, useState } from 'react';
import { useWidth } from '../charts/useWidth';
import { useRunCodes } from '../stores/runCodes';
import { useRun } from '../stores/runStore';
import { ViewPanel } from '../views/ViewPanel';
import { histogram, NEAR_ZERO, sharedRange } from './histogram';
import { HistogramSvg } from './HistogramSvg';

const BINS = 40;

/**
 * Code values after the latest epoch, beside the last codes of another run: a sparse model's
 * histogram piles up at zero with a low mean activation, a standard one's spreads out.
 */
export function CodeHistogram() {
  const codes = useRun((s) => s.codes);
  const runId = useRun((s) => s.runId);
  const kept = useRunCodes((s) => s.kept);
  const others = useMemo(() => kept.filter((r) => r.runId !== runId), [kept, runId]);
  const [otherId, setOtherId] = useState<string | null>(null);
  const other = others.find((r) => r.runId === otherId) ?? others.at(-1) ?? null;
  const { ref, width } = useWidth<HTMLDivElement>(600);
  const half = Math.max(160, Math.floor((width - 16) / 2));

  const pair = useMemo(() => {
    const mine = codes?.codes;
    const theirs = other?.codes.codes;
    const range = sharedRange(...([mine, theirs].filter(Boolean) as ArrayLike<number>[]));
    return {
      mine: mine ? histogram(mine, BINS, range) : null,
      theirs: theirs ? histogram(theirs, BINS, range) : null,
    };
  }, [codes, other]);

  return (
    <ViewPanel
      title="Code values"
      saveAs="codes"
      hint={`How often each code value occurs over the validation digits; "near zero" counts values within ±${NEAR_ZERO}. Train a standard and a sparse model to compare them here.`}
      tools={
        others.length > 0 && (
          <select
            data-testid="codes-compare"
            value={other?.runId ?? ''}
            title="The run to compare with"
            onChange={(e) => setOtherId(e.target.value)}
          >
            {others.map((r) => (
              <option key={r.runId} value={r.runId}>
                {r.name}
              </option>
            ))}
          </select>
        )
      }
    >
      <div ref={ref} className="histogram-pair">
        {pair.mine ? (
          <HistogramSvg
            histogram={pair.mine}
            title={`This run · ${codes?.codeSize} values per digit`}
            color="var(--code)"
            width={half}
            height={150}
            testId="codes-current"
          />
        ) : (
          <div className="empty-note">The code values appear after the first epoch.</div>
        )}
        {pair.theirs && other ? (
          <HistogramSvg
            histogram={pair.theirs}
            title={`${other.name} · ${other.codes.codeSize} values`}
            color="var(--text-faint)"
            width={half}
            height={150}
            testId="codes-other"
          />
        ) : (
          <div className="empty-note">An earlier run’s codes appear here beside this one.</div>
        )}
      </div>
    </ViewPanel>
  );
}
