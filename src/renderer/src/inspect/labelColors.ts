import { schemeTableau10 } from 'd3';

/** One colour per label, the same in every scatter and legend (labels past 9 reuse them). */
export const labelColor = (label: number): string =>
  label < 0 ? '#8a93a6' : schemeTableau10[label % schemeTableau10.length];

/** The labels present, in order. */
export function labelsPresent(labels: ArrayLike<number>, count = labels.length): number[] {
  const seen = new Set<number>();
  for (let i = 0; i < count; i++) seen.add(labels[i]);
  return [...seen].sort((a, b) => a - b);
}

/** An RGB triple of a label's colour, for drawing many points fast. */
export function labelRgb(label: number): [number, number, number] {
  const hex = labelColor(label).slice(1);
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}
