/** Reading and writing the label filter as people type it: "1, 5, 6" or "0-4". */

export type LabelListResult =
  { ok: true; labels: number[] | null } | { ok: false; message: string };

/** Parses "1,5,6", "1 5 6" or "0-4"; an empty text keeps every label (null). */
export function parseLabelList(text: string): LabelListResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, labels: null };
  const labels = new Set<number>();
  for (const part of trimmed.split(/[\s,;]+/).filter(Boolean)) {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (to < from || to - from > 10000)
        return { ok: false, message: `"${part}" is not a range from low to high.` };
      for (let n = from; n <= to; n++) labels.add(n);
      continue;
    }
    if (!/^\d+$/.test(part)) return { ok: false, message: `"${part}" is not a label number.` };
    labels.add(Number(part));
  }
  return { ok: true, labels: [...labels].sort((a, b) => a - b) };
}

/** The text for a label filter: "1, 5, 6", or '' for every label. */
export const formatLabelList = (labels: readonly number[] | null): string =>
  labels ? labels.join(', ') : '';
