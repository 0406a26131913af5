import type { CommandRequest } from '../../../shared/contract/commands';
import type { StudioClient } from '../../../shared/contract/client';
import { fail, ok, type Result } from '../../../shared/contract/result';
import type { DataSpec, Procedure, TrainSettings } from '../../../shared/contract/training';
import type { RunRecord } from '../../../shared/project/schema';
import { graphToSvg, type DiagramOptions } from '../../../shared/diagram';
import { graphToTikz } from '../../../shared/diagram/styles/tikz';
import { exportKerasScript, exportSummary } from '../../../shared/export';
import { exportPytorchScript } from '../../../shared/export/pytorch';
import type { GraphDocument } from '../../../shared/graph/document';
import { baseNameOf } from './fileNames';
import {
  ANIMATION_CHOICES,
  isMadeInBrowser,
  MODEL_CHOICES,
  pngScaleOf,
  type ExportChoice,
  type SlideWidth,
} from './formats';
import { EXPORT_MESSAGES } from './messages';

/** The host calls an export makes: only invoke (a test can give an in-memory client). */
export type ExportClient = Pick<StudioClient, 'invoke'>;

/** One file of an export, as the host returns them: a name (maybe with a folder), a type, bytes. */
export interface ExportFile {
  name: string;
  type: string;
  data: Uint8Array;
}

/** Everything one export needs, taken from the stores when the dialog opens. */
export interface ExportJob {
  doc: GraphDocument;
  choice: ExportChoice;
  diagram: DiagramOptions;
  /** The project's title: file names, the script's docstring, the summary's heading. */
  title: string;
  settings: TrainSettings;
  /** The project's procedure (greedy, encoder reuse), which the scripts write as code. */
  procedure: Procedure | null;
  /** The latest completed run, whose trained weights the model exports carry; null exports untrained. */
  weightsRunId: string | null;
  /** The PNG's resolution for 'png-dpi'. */
  dpi?: number;
  /** The animations' width (16:9). */
  slideWidth?: SlideWidth;
  /** The data set and runs the report and the latent walk read. */
  data?: DataSpec;
  runs?: RunRecord[];
}

const textFile = (name: string, type: string, text: string): ExportFile => ({
  name,
  type,
  data: new TextEncoder().encode(text),
});

/** The diagram SVG exactly as the preview shows it. */
export const diagramSvg = (job: Pick<ExportJob, 'doc' | 'diagram'>): string =>
  graphToSvg(job.doc, job.diagram);

/** Makes the exports that are pure code (SVG, Keras script, summaries) without the host. */
export function exportInBrowser(job: ExportJob): Result<ExportFile[]> {
  const base = baseNameOf(job.title);
  switch (job.choice) {
    case 'svg':
      return ok([textFile(`${base}.svg`, 'image/svg+xml', diagramSvg(job))]);
    case 'keras': {
      const options = { title: job.title, procedure: job.procedure ?? undefined };
      const script = exportKerasScript(job.doc, job.settings, options);
      return script.ok ? ok([textFile(`${base}.py`, 'text/x-python', script.value)]) : script;
    }
    case 'pytorch': {
      const options = { title: job.title, procedure: job.procedure ?? undefined };
      const script = exportPytorchScript(job.doc, job.settings, options);
      return script.ok
        ? ok([textFile(`${base}-pytorch.py`, 'text/x-python', script.value)])
        : script;
    }
    case 'tikz':
      return ok([textFile(`${base}.tex`, 'application/x-tex', graphToTikz(job.doc, job.diagram))]);
    case 'summary-text':
      return ok([
        textFile(`${base}-summary.txt`, 'text/plain', exportSummary(job.doc, job.title).text),
      ]);
    case 'summary-md':
      return ok([
        textFile(`${base}-summary.md`, 'text/markdown', exportSummary(job.doc, job.title).markdown),
      ]);
    default:
      return fail('E_UNSUPPORTED', EXPORT_MESSAGES.noHost);
  }
}

const HOST_FORMAT = {
  svg: 'svg',
  'png-1': 'png',
  'png-2': 'png',
  'png-4': 'png',
  'png-dpi': 'png',
  tikz: 'tikz',
  report: 'report',
  'gif-walk': 'gif-walk',
  'gif-training': 'gif-training',
  pdf: 'pdf',
  keras: 'keras',
  pytorch: 'pytorch',
  tfjs: 'tfjs',
  'tfjs-training': 'tfjs-training',
  onnx: 'onnx',
  'summary-text': 'summary',
  'summary-md': 'summary',
} as const satisfies Record<ExportChoice, CommandRequest<'export.render'>['format']>;

/** The run a training animation shows, alone: the one whose weights export, else the newest. */
function animatedRun(job: ExportJob): RunRecord[] {
  const runs = job.runs ?? [];
  const chosen = runs.find((r) => r.id === job.weightsRunId) ?? runs.at(-1);
  return chosen ? [chosen] : [];
}

/** The 'export.render' request of a job; the model formats ask for the run's weights. */
export function hostRequest(job: ExportJob): CommandRequest<'export.render'> {
  return {
    graph: job.doc,
    format: HOST_FORMAT[job.choice],
    title: job.title.slice(0, 300) || undefined,
    diagram: job.diagram,
    scale: pngScaleOf(job.choice),
    settings: job.settings,
    procedure: job.procedure,
    weightsOfRun: MODEL_CHOICES.has(job.choice) ? job.weightsRunId : null,
    ...(job.choice === 'png-dpi' ? { dpi: job.dpi ?? 300 } : {}),
    ...(job.choice === 'report' || job.choice === 'gif-walk'
      ? { data: job.data, runs: job.choice === 'report' ? job.runs : undefined }
      : {}),
    ...(job.choice === 'gif-training' ? { runs: animatedRun(job) } : {}),
    ...(ANIMATION_CHOICES.has(job.choice) && job.slideWidth ? { slideWidth: job.slideWidth } : {}),
  };
}

/** Makes an export: in the browser when it is pure code, otherwise through the host. */
export async function makeExport(
  job: ExportJob,
  client: ExportClient | null,
): Promise<Result<ExportFile[]>> {
  if (job.doc.nodes.length === 0) return fail('E_INVALID_GRAPH', EXPORT_MESSAGES.emptyGraph);
  // A script with trained weights comes from the host, which holds them and writes the .npz.
  const withWeights = job.weightsRunId !== null && client !== null;
  if (isMadeInBrowser(job.choice, withWeights)) return exportInBrowser(job);
  if (!client) return fail('E_UNSUPPORTED', EXPORT_MESSAGES.noHost);
  const reply = await client.invoke('export.render', hostRequest(job));
  if (!reply.ok) return reply;
  if (reply.value.files.length === 0) return fail('E_INTERNAL', EXPORT_MESSAGES.nothingReturned);
  return ok(reply.value.files);
}

/** The diagram as PNG bytes at a scale (the host renders it), for the clipboard. */
export async function renderPng(
  job: ExportJob,
  client: ExportClient | null,
): Promise<Result<Uint8Array>> {
  const scale = pngScaleOf(job.choice);
  const made = await makeExport({ ...job, choice: `png-${scale}` }, client);
  if (!made.ok) return made;
  const png = made.value.find((f) => f.type === 'image/png');
  return png ? ok(png.data) : fail('E_INTERNAL', EXPORT_MESSAGES.nothingReturned);
}
