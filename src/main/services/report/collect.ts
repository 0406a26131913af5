import { compileGraph, summarize } from '../../../shared/compiler';
import { fail, ok, type Result } from '../../../shared/contract/result';
import type { DataSpec } from '../../../shared/contract/training';
import { graphToSvg, type DiagramOptionsInput } from '../../../shared/diagram';
import type { GraphDocument } from '../../../shared/graph/document';
import type { RunRecord } from '../../../shared/project/schema';
import { float32Base64, greyBase64, imageShapeOf } from '../../../shared/report/base64';
import { buildReportHtml, type ReportInput } from '../../../shared/report/html';
import type { ReportPageData } from '../../../shared/report/pageScript';
import { decoderPlan, encoderPlan, planWeightNames } from '../../../shared/report/plan';
import { latentPlane } from '../../../shared/report/plane';
import { createForward, type ForwardPlan } from '../../../shared/report/runtime';
import { prepareData } from '../data/prepare';

export interface ReportSource {
  graph: GraphDocument;
  title: string;
  data: DataSpec;
  runs: RunRecord[];
  /** Trained weights by name; without them the report shows the design and its curves only. */
  weights?: Record<string, Float32Array>;
  diagram?: DiagramOptionsInput;
  madeAt?: string;
}

const GRID = 16;
const SCATTER = 600;
const THUMBS = 24;
const forward = createForward();

/** The decoder's plan and its weights packed for the page; null with a reason when it cannot run there. */
function packDecoder(
  plan: ForwardPlan,
  weights: Record<string, Float32Array>,
): ReportPageData['decoder'] {
  const names = planWeightNames(plan);
  const sizes = names.map((n) => weights[n]?.length ?? 0);
  const all = new Float32Array(sizes.reduce((a, b) => a + b, 0));
  let at = 0;
  names.forEach((n, i) => {
    all.set(weights[n], at);
    at += sizes[i];
  });
  return { plan, names, sizes, weights: float32Base64(all) };
}

/** Everything the report shows, computed with the same forward pass the page embeds. */
export async function collectReport(source: ReportSource): Promise<Result<ReportInput>> {
  const compiled = compileGraph(source.graph);
  if (!compiled.ok)
    return fail('E_INVALID_GRAPH', 'The design has errors; fix them before making a report.');
  const { spec, analysis } = compiled;
  const notes: string[] = [];
  const runs = source.runs.map((r) => ({
    name: r.name,
    points: r.epochs.map((e) => ({ epoch: e.epoch, train: e.trainLoss, validation: e.valLoss })),
  }));
  const page: ReportPageData = { image: null, grids: [], latent: null, decoder: null };
  const gridTitles: Record<string, string> = {};
  const weights = source.weights;
  if (!weights)
    notes.push(
      'This project has no trained weights: train it to add reconstructions, the latent space and the live decoder.',
    );
  else if (spec.studio.task === 'classify')
    notes.push('This design classifies; the report shows no reconstructions or latent space.');
  else {
    let prepared;
    try {
      prepared = await prepareData(source.data);
    } catch (error) {
      return fail(
        'E_DATA',
        `The data set could not be read for the report: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const image = imageShapeOf(prepared.sampleShape);
    page.image = image;
    const set = prepared.validation.count > 0 ? prepared.validation : prepared.train;
    const size = prepared.sampleSize;
    const n = Math.min(SCATTER, set.count);
    const inputs = set.images.subarray(0, n * size);
    const enc = encoderPlan(spec, analysis);
    const dec = decoderPlan(spec, analysis);
    if (!dec.ok) notes.push(dec.error.message);
    if (enc.ok && image) {
      const codes = forward(enc.value, weights, inputs, n);
      const codeSize = codes.length / n;
      const shown = Math.min(GRID, n);
      page.grids.push({
        id: 'originals',
        count: shown,
        data: greyBase64(inputs.subarray(0, shown * size)),
      });
      gridTitles.originals = 'Originals (validation samples)';
      if (dec.ok) {
        const recon = forward(dec.value, weights, codes.subarray(0, shown * codeSize), shown);
        page.grids.push({ id: 'reconstructions', count: shown, data: greyBase64(recon) });
        gridTitles.reconstructions = 'Reconstructions';
      }
      const plane = latentPlane(codes, n, codeSize);
      const thumbs = [];
      for (let i = 0; i < Math.min(THUMBS, n); i++) {
        const k = Math.floor((i * n) / Math.min(THUMBS, n));
        thumbs.push({
          u: plane.points[2 * k],
          v: plane.points[2 * k + 1],
          data: greyBase64(inputs.subarray(k * size, (k + 1) * size)),
        });
      }
      page.latent = {
        points: plane.points.map((v) => Math.round(v * 1000) / 1000),
        labels: [...set.labels.subarray(0, n)],
        thumbs,
        range: plane.range,
        origin: plane.origin,
        axisU: plane.axisU,
        axisV: plane.axisV,
      };
      if (dec.ok) page.decoder = packDecoder(dec.value, weights);
    } else if (!enc.ok) notes.push(enc.error.message);
    const first = spec.config.layers.find((l) => l.class_name === 'Dense');
    const kernel = first ? weights[`${first.name}/kernel`] : undefined;
    if (image && first && kernel && kernel.length === size * Number(first.config.units)) {
      const units = Math.min(32, Number(first.config.units));
      const all = Number(first.config.units);
      const pics = new Float32Array(units * size);
      for (let u = 0; u < units; u++) {
        let lo = Infinity;
        let hi = -Infinity;
        for (let i = 0; i < size; i++) {
          lo = Math.min(lo, kernel[i * all + u]);
          hi = Math.max(hi, kernel[i * all + u]);
        }
        for (let i = 0; i < size; i++)
          pics[u * size + i] = (kernel[i * all + u] - lo) / (hi - lo || 1);
      }
      page.grids.push({ id: 'features', count: units, data: greyBase64(pics) });
      gridTitles.features = `Features: the first layer's weights, one picture per unit (${units} of ${all})`;
    }
  }
  return ok({
    title: source.title,
    diagramSvg: graphToSvg(source.graph, { ...source.diagram, embedGraph: false, title: null }),
    summary: summarize(source.graph, analysis),
    runs,
    gridTitles,
    page,
    notes,
    madeAt: source.madeAt ?? new Date().toISOString().slice(0, 16).replace('T', ' '),
  });
}

/** The report's HTML and its size in bytes. */
export async function makeReport(
  source: ReportSource,
): Promise<Result<{ html: string; bytes: number }>> {
  const input = await collectReport(source);
  if (!input.ok) return input;
  const html = buildReportHtml(input.value);
  return ok({ html, bytes: new TextEncoder().encode(html).length });
}
