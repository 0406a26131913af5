import type { ModelSummary } from '../compiler/summary';
import { htmlText } from '../escape/html';
import { lossChartSvg, type LossSeries } from './lossChart';
import { startReportPage, type ReportPageData } from './pageScript';
import { createForward } from './runtime';

export interface ReportInput {
  title: string;
  /** The diagram, a standalone SVG the app drew (its strings already escaped for XML). */
  diagramSvg: string;
  summary: ModelSummary;
  runs: LossSeries[];
  /** Titles of the image grids of `page.grids`, by id. */
  gridTitles: Record<string, string>;
  page: ReportPageData;
  /** Things the reader should know (no decoder, no trained weights), in words. */
  notes: string[];
  /** When the report was made, as text (kept out of the builder so its output repeats). */
  madeAt: string;
}

// JSON inside <script>: '<' never appears raw, so no '</script>' or '<!--' can end the block.
const jsonForScript = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const CSS = `
body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.muted{color:#666;font-size:13px}.diagram svg{max-width:100%;height:auto}
table{border-collapse:collapse;font-size:13px}td,th{border-bottom:1px solid #e3e3e3;padding:3px 10px;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.grid canvas{image-rendering:pixelated;margin:2px;border:1px solid #ddd;background:#fff}
.latent{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
#plane{border:1px solid #bbb;cursor:crosshair;touch-action:none;background:#fff}
#decoded{image-rendering:pixelated;border:1px solid #bbb;background:#fff}
.note{background:#fff6d6;border:1px solid #e9d27a;padding:8px 12px;margin:8px 0;font-size:14px}
`;

function summaryTable(summary: ModelSummary): string {
  const rows = summary.rows
    .map(
      (r) =>
        `<tr><td>${htmlText(r.name)}</td><td>${htmlText(r.kind)}</td><td>${htmlText(r.outputShape)}</td><td class="n">${r.params.toLocaleString('en-US')}</td></tr>`,
    )
    .join('');
  const t = summary.totals;
  return (
    `<table><thead><tr><th>Layer</th><th>Kind</th><th>Output shape</th><th>Parameters</th></tr></thead><tbody>${rows}</tbody></table>` +
    `<p class="muted">Total parameters: ${t.total.toLocaleString('en-US')} (trainable ${t.trainable.toLocaleString('en-US')}, non-trainable ${t.nonTrainable.toLocaleString('en-US')})</p>`
  );
}

/**
 * The report: one HTML file with everything inline (styles, pictures, data, the decoder and its
 * weights), so it opens from disk with no network. Every string from the project is escaped.
 */
export function buildReportHtml(input: ReportInput): string {
  const { page } = input;
  const grids = page.grids
    .map(
      (g) =>
        `<h3>${htmlText(input.gridTitles[g.id] ?? g.id)}</h3><div class="grid" id="grid-${htmlText(g.id)}"></div>`,
    )
    .join('');
  const latent = page.latent
    ? `<h2>Latent space</h2><p class="muted">Each dot is a validation sample at its code, coloured by label; pictures show a few samples where they sit.${page.decoder ? ' Drag in the plane: the trained decoder, running in this page, draws the image of that point.' : ''}</p>` +
      `<div class="latent"><canvas id="plane" width="420" height="420"></canvas>` +
      (page.decoder
        ? `<div><canvas id="decoded"></canvas><p id="decoded-at" class="muted"></p></div>`
        : '') +
      '</div>'
    : '';
  const notes = input.notes.map((n) => `<p class="note">${htmlText(n)}</p>`).join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // Nothing may load from anywhere: the page is its own world.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlText(input.title)} — report</title>`,
    `<style>${CSS}</style></head><body><main>`,
    `<h1>${htmlText(input.title)}</h1>`,
    `<p class="muted">An Autoencoder Studio report, made ${htmlText(input.madeAt)}. It needs no network and no install.</p>`,
    notes,
    `<h2>Design</h2><div class="diagram">${input.diagramSvg.replace(/^<\?xml[^>]*>/, '')}</div>`,
    `<h2>Summary</h2>${summaryTable(input.summary)}`,
    `<h2>Loss</h2><p class="muted">Solid: training loss; dashed: validation loss.</p>${lossChartSvg(input.runs)}`,
    grids ? `<h2>Reconstructions and features</h2>${grids}` : '',
    latent,
    `<script type="application/json" id="report-data">${jsonForScript(page)}</script>`,
    `<script>"use strict";(function(){var createForward=${createForward.toString()};var startReportPage=${startReportPage.toString()};` +
      `startReportPage(JSON.parse(document.getElementById('report-data').textContent),createForward());})();</script>`,
    '</main></body></html>',
  ].join('\n');
}
