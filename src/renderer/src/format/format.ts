/** Formatting of numbers for people: shapes, counts, durations, losses. */

/** A shape without the batch dimension, as Keras prints it but with × ("28×28×1", "784"). */
export function formatShape(shape: readonly number[] | null | undefined): string {
  if (!shape || shape.length === 0) return '?';
  return shape.join('×');
}

const grouped = new Intl.NumberFormat('en-US');

/** An integer with thousands separators ("100,480"). */
export const formatCount = (n: number): string => grouped.format(Math.round(n));

/** "1 param" / "100,480 params". */
export const formatParams = (n: number): string =>
  `${formatCount(n)} ${n === 1 ? 'param' : 'params'}`;

/** A remaining time in words a person reads at a glance: "8 s", "2 min 05 s", "1 h 03 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** A loss with enough digits to compare epochs (losses are usually 0.01 to 1). */
export function formatLoss(loss: number): string {
  if (!Number.isFinite(loss)) return String(loss);
  if (loss === 0) return '0';
  const abs = Math.abs(loss);
  return abs >= 100 || abs < 0.001 ? loss.toExponential(2) : loss.toPrecision(4);
}
