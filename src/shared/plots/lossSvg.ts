import { extent, line, scaleLinear } from 'd3';

export interface LossSeries {
  name: string;
  color: string;
  points: { x: number; y: number }[];
}

const W = 640;
const H = 360;
const M = { top: 24, right: 140, bottom: 44, left: 64 };
const esc = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A standalone SVG line chart of loss curves (the headless command's loss.svg). */
export function lossChartSvg(series: LossSeries[], title: string, xLabel = 'epoch'): string {
  const all = series.flatMap((s) => s.points);
  const [x0, x1] = extent(all, (p) => p.x) as [number, number];
  const [y0, y1] = extent(all, (p) => p.y) as [number, number];
  const x = scaleLinear()
    .domain([x0 ?? 0, x1 ?? 1])
    .nice()
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([Math.min(0, y0 ?? 0), y1 ?? 1])
    .nice()
    .range([H - M.bottom, M.top]);
  const path = line<{ x: number; y: number }>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  const xTicks = x
    .ticks(6)
    .map(
      (t) =>
        `<g transform="translate(${x(t)},${H - M.bottom})"><line y2="5" stroke="#666"/><text y="18" text-anchor="middle">${t}</text></g>`,
    );
  const yTicks = y
    .ticks(6)
    .map(
      (t) =>
        `<g transform="translate(${M.left},${y(t)})"><line x2="-5" stroke="#666"/><line x2="${W - M.left - M.right}" stroke="#eee"/><text x="-8" dy="4" text-anchor="end">${t}</text></g>`,
    );
  const lines = series.map(
    (s) =>
      `<path d="${path(s.points) ?? ''}" fill="none" stroke="${s.color}" stroke-width="2"/>` +
      s.points
        .map((p) => `<circle cx="${x(p.x)}" cy="${y(p.y)}" r="3" fill="${s.color}"/>`)
        .join(''),
  );
  const legend = series.map(
    (s, i) =>
      `<g transform="translate(${W - M.right + 16},${M.top + i * 20})"><rect width="12" height="12" fill="${s.color}"/><text x="18" y="10">${esc(s.name)}</text></g>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${M.left}" y="16" font-weight="bold">${esc(title)}</text>`,
    ...yTicks,
    ...xTicks,
    `<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#666"/>`,
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 8}" text-anchor="middle">${esc(xLabel)}</text>`,
    `<text transform="translate(16,${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">loss</text>`,
    ...lines,
    ...legend,
    '</svg>',
  ].join('\n');
}
