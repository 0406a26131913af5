/** A one-line progress bar for a terminal: redrawn in place, at most ten times a second. */
export function progressLine(fraction: number, label: string, width = 30): string {
  const done = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(done)}${'-'.repeat(width - done)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${label}`;
}

export const formatSeconds = (s: number): string =>
  !Number.isFinite(s)
    ? '?'
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`
      : `${s.toFixed(1)}s`;
