import type { Comparison } from '../stores/runState';
import './ComparisonCard.css';

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;

/** Encoder reuse: the pretrained classifier's validation accuracy beside one trained from scratch. */
export function ComparisonCard({ comparison }: { comparison: Comparison }) {
  const { pretrained, scratch, labelled } = comparison;
  const gain = pretrained - scratch;
  const best = Math.max(pretrained, scratch, 1e-9);
  return (
    <div className="comparison" data-testid="train-comparison">
      <div className="comparison-title">
        Validation accuracy with {labelled.toLocaleString('en-US')} labelled digits
      </div>
      {[
        { name: 'Pretrained encoder', value: pretrained, kind: 'pretrained' },
        { name: 'From scratch', value: scratch, kind: 'scratch' },
      ].map((row) => (
        <div className={`comparison-row ${row.kind}`} key={row.kind}>
          <span className="comparison-name">{row.name}</span>
          <span className="comparison-bar">
            <span style={{ width: `${(row.value / best) * 100}%` }} />
          </span>
          <strong className="comparison-value">{pct(row.value)}</strong>
        </div>
      ))}
      <div className={`comparison-verdict ${gain >= 0 ? 'good' : 'bad'}`}>
        {gain >= 0
          ? `The encoder learned without labels adds ${(gain * 100).toFixed(1)} points.`
          : `Training from scratch did ${(-gain * 100).toFixed(1)} points better here.`}
      </div>
    </div>
  );
}
