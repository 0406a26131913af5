import { useState } from 'react';
import type { Finding } from '../../../shared/advisor';
import { applySuggestedChange } from '../actions/lab';
import { useAdvice } from './useAdvice';
import './AdvisorCard.css';

/** After a run ends: what holds it back, in words, each with a one-click change to try. */
export function AdvisorCard() {
  const advice = useAdvice();
  const [applied, setApplied] = useState<string[]>([]);
  if (advice.state === 'none') return null;
  return (
    <section
      className="panel advisor-card"
      aria-label="Advisor"
      data-testid="advisor-card"
      data-state={advice.state}
    >
      <h2 className="panel-title">Advisor</h2>
      {advice.state === 'reading' && <p className="muted">Reading the finished run…</p>}
      {advice.state === 'failed' && (
        <p className="muted">The run could not be read: {advice.message}</p>
      )}
      {advice.state === 'done' && advice.findings.length === 0 && (
        <p className="muted" data-testid="advisor-clear">
          Nothing obvious holds this run back: no dead code values, no copying, and the loss suits
          the data.
        </p>
      )}
      {advice.state === 'done' &&
        advice.findings.map((f) => (
          <FindingRow
            key={f.kind}
            finding={f}
            applied={applied.includes(`${advice.runId}:${f.kind}`)}
            onApply={() => {
              if (f.change) applySuggestedChange(f.change);
              setApplied((a) => [...a, `${advice.runId}:${f.kind}`]);
            }}
          />
        ))}
    </section>
  );
}

function FindingRow({
  finding,
  applied,
  onApply,
}: {
  finding: Finding;
  applied: boolean;
  onApply(): void;
}) {
  return (
    <div className="advisor-finding" data-testid={`advisor-${finding.kind}`}>
      <h3>{finding.title}</h3>
      <p>{finding.message}</p>
      {finding.change &&
        (applied ? (
          <p className="advisor-applied" data-testid={`advisor-applied-${finding.kind}`}>
            Changed. Train again to see the difference (Undo in the Editor takes it back).
          </p>
        ) : (
          <button
            className="primary"
            data-testid={`advisor-apply-${finding.kind}`}
            onClick={onApply}
          >
            {finding.change.label}
          </button>
        ))}
    </div>
  );
}
