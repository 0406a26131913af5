/**
 * One colour per label, the same in every scatter and legend (labels past 9 reuse them): bright
 * enough for the dark theme, and the lecture notes' digits 1, 5 and 6 get three far-apart hues.
 */
const PALETTE = [
  '#60a5fa', // 0 blue
  '#fb923c', // 1 orange
  '#4ade80', // 2 green
  '#f87171', // 3 red
  '#a78bfa', // 4 violet
  '#22d3ee', // 5 cyan
  '#f472b6', // 6 pink
  '#facc15', // 7 yellow
  '#a3e635', // 8 lime
  '#cbd5e1', // 9 light slate
];

export const labelColor = (label: number): string =>
  label < 0 ? '#8a93a6' : PALETTE[label % PALETTE.length];

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
