import type { SearchReport } from '../../../shared/lab/searchReport';

const percent = (v: number) => `${Math.round(v * 100)} %`;

/** Precision at 10 of each way of searching: how often the images found are the same digit. */
export function PrecisionTable({ report, count }: { report: SearchReport | null; count: number }) {
  if (!report)
    return (
      <p className="muted" data-testid="lab-precision-pending">
        Scoring the searches on {Math.min(200, count)} images…
      </p>
    );
  const rows: [string, number, string][] = [
    ['Bits of the code (Hamming)', report.hamming, 'hamming'],
    ['The code itself', report.codes, 'codes'],
    ['The raw pixels', report.pixels, 'pixels'],
    ['Images picked at random', report.chance, 'chance'],
  ];
  const best = Math.max(report.hamming, report.codes, report.pixels);
  return (
    <div className="lab-precision" data-testid="lab-precision">
      <p className="muted lab-precision-note">
        Precision at {report.k}: of the {report.k} nearest images, the share that are the same
        digit, averaged over {report.queries} images{' '}
        {report.rule === 'median' ? '(bits cut at each median)' : '(bits cut at 0.5)'}.
      </p>
      <table>
        <tbody>
          {rows.map(([name, value, id]) => (
            <tr key={id} data-testid={`lab-precision-${id}`} data-value={value.toFixed(4)}>
              <th scope="row">{name}</th>
              <td>
                <span
                  className={`lab-bar ${id === 'chance' ? 'chance' : value === best ? 'best' : ''}`}
                  style={{ width: `${Math.round(value * 160)}px` }}
                />
              </td>
              <td className="lab-number">{percent(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
