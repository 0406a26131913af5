import { xmlAttr, xmlText } from '../escape/xml';

export interface LossSeries {
  name: string;
  points: { epoch: number; train: number; validation: number | null }[];
}

const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

/** Loss curves (train solid, validation dashed) of each run as a small standalone SVG. */
export function lossChartSvg(series: LossSeries[], width = 560, height = 260): string {
  const all = series.flatMap((s) =>
    s.points.flatMap((p) => [p.train, p.validation ?? NaN]).filter(Number.isFinite),
  );
  const epochs = series.flatMap((s) => s.points.map((p) => p.epoch));
  if (all.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="60"><text x="8" y="30" font-size="13">No training run yet: train the model to see its loss curves.</text></svg>`;
  }
  const left = 56;
  const bottom = height - 32;
  const [lo, hi] = [Math.min(...all), Math.max(...all)];
  const span = hi - lo || 1;
  const [e0, e1] = [Math.min(...epochs), Math.max(...epochs)];
  const x = (e: number) => left + ((e - e0) / (e1 - e0 || 1)) * (width - left - 12);
  const y = (v: number) => bottom - ((v - lo) / span) * (bottom - 12);
  const path = (pts: [number, number][]) =>
    pts.map(([e, v], i) => `${i ? 'L' : 'M'}${x(e).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const lines = series.map((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const train = path(s.points.map((p) => [p.epoch, p.train]));
    const val = path(
      s.points
        .filter((p) => p.validation !== null && Number.isFinite(p.validation))
        .map((p) => [p.epoch, p.validation!]),
    );
    return (
      `<path d="${train}" fill="none" stroke="${colour}" stroke-width="2"><title>${xmlText(s.name)} (train)</title></path>` +
      (val
        ? `<path d="${val}" fill="none" stroke="${colour}" stroke-width="2" stroke-dasharray="5 4"><title>${xmlText(s.name)} (validation)</title></path>`
        : '') +
      `<text x="${left + 8}" y="${16 + i * 16}" font-size="12" fill="${colour}">${xmlText(s.name)}</text>`
    );
  });
  const ticks = [lo, lo + span / 2, hi]
    .map(
      (v) =>
        `<text x="${left - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end">${v.toPrecision(3)}</text>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlAttr('Helvetica, Arial, sans-serif')}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    `<path d="M${left},8V${bottom}H${width - 8}" fill="none" stroke="#555"/>` +
    ticks +
    `<text x="${left}" y="${height - 10}" font-size="11">epoch ${e0}</text>` +
    `<text x="${width - 12}" y="${height - 10}" font-size="11" text-anchor="end">epoch ${e1}</text>` +
    lines.join('') +
    '</svg>'
  );
}
