import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import type { CommandReply, ParsedRequest } from '../../../shared/contract/commands';
import { ok, type Result } from '../../../shared/contract/result';
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
): Promise<Result<CommandReply<'export.render'>>> {
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
      { title: request.title, diagram: request.diagram, scale: request.scale, baseName },
      { settings: request.settings, procedure: request.procedure, weights },
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
