import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import type { CommandReply, ParsedRequest } from '../../../shared/contract/commands';
import { fail, ok, type Result } from '../../../shared/contract/result';
import type { DataSpec } from '../../../shared/contract/training';
import { safeFileBase } from '../../../shared/escape/fileName';
import { refuseOverBudget } from './budgetGate';
import { MODEL_FORMATS } from './formats';

const TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.py': 'text/x-python',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.zip': 'application/zip',
  '.npz': 'application/octet-stream',
  '.html': 'text/html',
  '.gif': 'image/gif',
  '.tex': 'application/x-tex',
};

async function filesBelow(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir)) {
    const full = join(dir, entry);
    if ((await stat(full)).isDirectory()) out.push(...(await filesBelow(full)));
    else out.push(full);
  }
  return out;
}

/**
 * Renders one export into a temporary folder and returns its files (names relative to it), so the
 * renderer can download them in a browser or save them in Electron.
 */
export async function renderExport(
  request: ParsedRequest<'export.render'>,
  weights: Record<string, Float32Array> | undefined,
  checkData: (spec: DataSpec) => Promise<Result<DataSpec>> = async (spec) =>
    spec.source === 'mnist'
      ? ok(spec)
      : fail('E_UNSUPPORTED', 'Only the embedded digits can be read here.'),
): Promise<Result<CommandReply<'export.render'>>> {
  // The report and the walk read samples: the data spec passes the host's path checks first.
  let data: DataSpec | undefined;
  if (request.data) {
    const checked = await checkData(request.data);
    if (!checked.ok) return checked;
    data = checked.value;
  }
  // Checked before the exporters load or any folder is made; exportProject checks it again.
  if (MODEL_FORMATS.has(request.format)) {
    const tooLarge = refuseOverBudget(request.graph);
    if (tooLarge) return tooLarge;
  }
  const dir = await mkdtemp(join(tmpdir(), 'studio-export-'));
  try {
    // Never '.', '..' or a leading dot: joined to the folder those would write outside it.
    const baseName = safeFileBase(request.title ?? 'autoencoder');
    // Loaded on first use: the exporters bring tfjs and native renderers the host does not need otherwise.
    const { exportProject } = await import('./index');
    const written = await exportProject(
      request.graph,
      request.format,
      dir,
      {
        title: request.title,
        diagram: request.diagram,
        scale: request.scale,
        baseName,
        dpi: request.dpi,
        slideWidth: request.slideWidth,
      },
      {
        settings: request.settings,
        procedure: request.procedure,
        weights,
        data,
        runs: request.runs,
      },
    );
    if (!written.ok) return written;
    const files = await Promise.all(
      (await filesBelow(dir)).map(async (path) => ({
        name: relative(dir, path).split('\\').join('/'),
        type: TYPES[extname(path)] ?? 'application/octet-stream',
        data: new Uint8Array(await readFile(path)),
      })),
    );
    return ok({ files });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
