/** How the diagram's detail lines write numbers. */

/** A parameter as a reader wants it: 0.00128, not 0.0012755102040816326. */
export const short = (v: unknown): string =>
  typeof v === 'number' && Number.isFinite(v) ? String(Number(v.toPrecision(3))) : String(v);

/** A share as a percentage: 0.3 -> "30 %". */
export const pct = (v: number) => `${Math.round(v * 100)} %`;
