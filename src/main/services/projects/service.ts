import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve, sep } from 'node:path';
import { z } from 'zod';
import type { CommandReply, ParsedRequest } from '../../../shared/contract/commands';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { projectDraftSchema, type StoredWeights } from '../../../shared/project/schema';
import { writeFileAtomic } from '../files';
import type { TrainerSupervisor } from '../trainer/supervisor';
import {
  decodeWeights,
  encodeWeights,
  PROJECT_EXTENSION,
  readProjectFile,
  writeProjectFile,
} from './files';

export interface ProjectServiceOptions {
  /** Where the app keeps its own files: projects/, autosave.json, recent.json. */
  dataDir: string;
  /** Browser mode: project paths must stay inside the projects folder. */
  restrictToProjectsFolder: boolean;
  /** A native dialog (Electron); absent in browser mode. */
  choosePath?: (mode: 'open' | 'save', suggestedName: string) => Promise<string | null>;
}

const recentSchema = z.array(z.object({ name: z.string(), path: z.string() })).max(20);
const autosaveSchema = z.object({
  savedAt: z.string(),
  path: z.string().nullable(),
  project: projectDraftSchema,
});
const MAX_RECENT = 10;

/** Project files: open, save, the recent list and the crash-recovery copy. */
export class ProjectService {
  readonly folder: string;

  constructor(
    private readonly options: ProjectServiceOptions,
    private readonly supervisor: TrainerSupervisor,
  ) {
    this.folder = join(options.dataDir, 'projects');
  }

  async list(): Promise<Result<CommandReply<'project.list'>>> {
    await mkdir(this.folder, { recursive: true });
    const names = (await readdir(this.folder)).filter((n) => n.endsWith(PROJECT_EXTENSION));
    const projects = await Promise.all(
      names.map(async (n) => {
        const info = await stat(join(this.folder, n));
        return {
          name: n.slice(0, -PROJECT_EXTENSION.length),
          path: join(this.folder, n),
          modified: info.mtime.toISOString(),
          size: info.size,
        };
      }),
    );
    projects.sort((a, b) => b.modified.localeCompare(a.modified));
    return ok({ folder: this.folder, projects, recent: await this.readRecent() });
  }

  async save(
    request: ParsedRequest<'project.save'>,
  ): Promise<Result<CommandReply<'project.save'>>> {
    const path = request.path ?? join(this.folder, fileNameFor(request.project.name));
    const allowed = this.checkPath(path);
    if (!allowed.ok) return allowed;
    let weights: StoredWeights | null = null;
    if (request.weightsOfRun) {
      const got = await this.supervisor.getWeights(request.weightsOfRun);
      if (got.ok) weights = encodeWeights(request.weightsOfRun, got.value.tensors, got.value.data);
    }
    await mkdir(resolve(path, '..'), { recursive: true });
    const written = await writeProjectFile(path, request.project, weights);
    if (!written.ok) return written;
    await this.remember(request.project.name, path);
    return ok({ path, savedAt: written.value.savedAt, withWeights: weights !== null });
  }

  async open(path: string): Promise<Result<CommandReply<'project.open'>>> {
    const allowed = this.checkPath(path);
    if (!allowed.ok) return allowed;
    const file = await readProjectFile(path);
    if (!file.ok) return file;
    const { format: _f, version: _v, savedAt: _s, appVersion: _a, weights, ...draft } = file.value;
    let loadedRunId: string | null = null;
    if (weights) {
      const graph = draft.graph as Parameters<TrainerSupervisor['loadWeights']>[0];
      const loaded = await this.supervisor.loadWeights(graph, {
        tensors: weights.tensors,
        data: decodeWeights(weights),
      });
      if (!loaded.ok) return loaded;
      loadedRunId = loaded.value.runId;
    }
    await this.remember(draft.name, path);
    return ok({ project: projectDraftSchema.parse(draft), path, loadedRunId });
  }

  async autosave(
    request: ParsedRequest<'project.autosave'>,
  ): Promise<Result<Record<string, never>>> {
    await mkdir(this.options.dataDir, { recursive: true });
    const copy = {
      savedAt: new Date().toISOString(),
      path: request.path,
      project: request.project,
    };
    await writeFileAtomic(this.autosavePath, JSON.stringify(copy));
    return ok({});
  }

  async recover(): Promise<Result<CommandReply<'project.recover'>>> {
    const none = { project: null, path: null, savedAt: null };
    try {
      const parsed = autosaveSchema.safeParse(
        JSON.parse(await readFile(this.autosavePath, 'utf8')),
      );
      return ok(parsed.success ? parsed.data : none);
    } catch {
      return ok(none);
    }
  }

  async discardRecovery(): Promise<Result<Record<string, never>>> {
    await rm(this.autosavePath, { force: true });
    return ok({});
  }

  async choosePath(
    mode: 'open' | 'save',
    suggestedName: string,
  ): Promise<Result<{ path: string | null }>> {
    if (!this.options.choosePath) {
      return fail(
        'E_UNSUPPORTED',
        'File dialogs exist only in the desktop app; choose from the projects folder.',
      );
    }
    return ok({ path: await this.options.choosePath(mode, suggestedName) });
  }

  private get autosavePath(): string {
    return join(this.options.dataDir, 'autosave.json');
  }

  /** Browser mode may only read and write inside the projects folder. */
  private checkPath(path: string): Result<null> {
    if (!isAbsolute(path)) return fail('E_PROJECT', 'A project path must be a full path.');
    if (
      this.options.restrictToProjectsFolder &&
      !resolve(path).startsWith(resolve(this.folder) + sep)
    ) {
      return fail(
        'E_UNSUPPORTED',
        `In browser mode projects live in ${this.folder}; choose one there.`,
      );
    }
    return ok(null);
  }

  private async readRecent(): Promise<z.infer<typeof recentSchema>> {
    try {
      const parsed = recentSchema.safeParse(
        JSON.parse(await readFile(join(this.options.dataDir, 'recent.json'), 'utf8')),
      );
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  private async remember(name: string, path: string): Promise<void> {
    const recent = [
      { name, path },
      ...(await this.readRecent()).filter((r) => r.path !== path),
    ].slice(0, MAX_RECENT);
    await mkdir(this.options.dataDir, { recursive: true });
    await writeFileAtomic(join(this.options.dataDir, 'recent.json'), JSON.stringify(recent));
  }
}

/** A safe file name from a project name ("My AE / v2" -> "My AE - v2.aestudio.json"). */
export function fileNameFor(name: string): string {
  const safe =
    basename(name.replace(/[/\\:*?"<>|\0]+/g, '-'))
      .trim()
      .replace(/^\.+/, '') || 'Untitled';
  return safe.slice(0, 120) + PROJECT_EXTENSION;
}
