import { lstat, mkdir, readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { CommandReply, ParsedRequest } from '../../../shared/contract/commands';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { projectDraftSchema, type StoredWeights } from '../../../shared/project/schema';
import { fsFailure } from '../fsFailure';
import type { TrainerSupervisor } from '../trainer/supervisor';
import { createAutosaveWriter } from './autosave';
import { PROJECT_EXTENSION, readProjectFile, writeProjectFile } from './files';
import { removeStaleTemps } from './housekeeping';
import { checkProjectPath } from './paths';
import { readRecent, rememberRecent } from './recent';
import { projectFileBytes, storeProjectUpload } from './transfer';
import { checkWeights, encodeWeights } from './weights';

export interface ProjectServiceOptions {
  /** Where the app keeps its own files: projects/, autosave.json, recent.json. */
  dataDir: string;
  /** Browser mode: project paths must stay inside the projects folder. */
  restrictToProjectsFolder: boolean;
  /** A native dialog (Electron); absent in browser mode. */
  choosePath?: (mode: 'open' | 'save', suggestedName: string) => Promise<string | null>;
}

const withWarning = <T extends object>(value: T, warning: string | null) =>
  warning ? { ...value, warning } : value;

/** Project files: open, save, the recent list and the crash-recovery copy. */
export class ProjectService {
  readonly folder: string;
  /** Files opened in this session whose weights were damaged: the person was told, may replace. */
  private readonly openedWithDamagedWeights = new Set<string>();
  private housekeeping: Promise<unknown> | null = null;
  private readonly autosaves: ReturnType<typeof createAutosaveWriter>;

  constructor(
    private readonly options: ProjectServiceOptions,
    private readonly supervisor: TrainerSupervisor,
  ) {
    this.folder = join(options.dataDir, 'projects');
    this.autosaves = createAutosaveWriter(options.dataDir);
  }

  /** The stored form of a run's trained weights, or null when there are none to save. */
  private async weightsOf(runId: string | null): Promise<StoredWeights | null> {
    if (!runId) return null;
    const got = await this.supervisor.getWeights(runId);
    return got.ok ? encodeWeights(runId, got.value.tensors, got.value.data) : null;
  }

  async list(): Promise<Result<CommandReply<'project.list'>>> {
    const recent = await readRecent(this.options.dataDir);
    let names: string[];
    try {
      await mkdir(this.folder, { recursive: true });
      names = (await readdir(this.folder)).filter((n) => n.endsWith(PROJECT_EXTENSION));
    } catch (error) {
      const failed = fsFailure(error, `read the projects folder ${this.folder}`);
      const warning = failed.ok ? null : failed.error.message;
      return ok(withWarning({ folder: this.folder, projects: [], recent }, warning));
    }
    const found = await Promise.all(
      names.map(async (n) => {
        // lstat: a symlink planted in the folder is not listed, and its target is never touched.
        const info = await lstat(join(this.folder, n)).catch(() => null);
        if (!info?.isFile()) return null;
        return {
          name: n.slice(0, -PROJECT_EXTENSION.length),
          path: join(this.folder, n),
          modified: info.mtime.toISOString(),
          size: info.size,
        };
      }),
    );
    const projects = found.filter((p) => p !== null);
    projects.sort((a, b) => b.modified.localeCompare(a.modified));
    return ok({ folder: this.folder, projects, recent });
  }

  async save(
    request: ParsedRequest<'project.save'>,
  ): Promise<Result<CommandReply<'project.save'>>> {
    const path = request.path ?? join(this.folder, fileNameFor(request.project.name));
    const allowed = await checkProjectPath(
      path,
      this.folder,
      this.options.restrictToProjectsFolder,
    );
    if (!allowed.ok) return allowed;
    const weights = await this.weightsOf(request.weightsOfRun);
    try {
      await mkdir(resolve(path, '..'), { recursive: true });
    } catch (error) {
      return fsFailure(error, `make the folder for "${path}"`);
    }
    const replaceDamaged = this.openedWithDamagedWeights.has(resolve(path));
    const written = await writeProjectFile(path, request.project, weights, replaceDamaged);
    if (!written.ok) return written;
    this.openedWithDamagedWeights.delete(resolve(path));
    const warning = await rememberRecent(this.options.dataDir, request.project.name, path);
    return ok(
      withWarning({ path, savedAt: written.value.savedAt, withWeights: weights !== null }, warning),
    );
  }

  async open(path: string): Promise<Result<CommandReply<'project.open'>>> {
    const allowed = await checkProjectPath(
      path,
      this.folder,
      this.options.restrictToProjectsFolder,
    );
    if (!allowed.ok) return allowed;
    const file = await readProjectFile(path);
    if (!file.ok) return file;
    const { format: _f, version: _v, savedAt: _s, appVersion: _a, weights, ...draft } = file.value;
    let loadedRunId: string | null = null;
    const warnings: string[] = [];
    if (weights) {
      const data = checkWeights(weights);
      if (!data.ok) {
        // The design is still worth having: it opens without the weights, and saving over this
        // file is allowed only now that the person has been told (see save).
        this.openedWithDamagedWeights.add(resolve(path));
        warnings.push(`${data.error.message} The design opened without them; train it again.`);
      } else {
        const loaded = await this.supervisor.loadWeights(draft.graph, {
          tensors: weights.tensors,
          data: data.value,
          // The run that trained them: "train more" continues from its checkpoint.
          runId: weights.runId,
        });
        if (!loaded.ok) return loaded;
        loadedRunId = loaded.value.runId;
      }
    }
    const remembered = await rememberRecent(this.options.dataDir, draft.name, path);
    if (remembered) warnings.push(remembered);
    return ok(
      withWarning(
        { project: projectDraftSchema.parse(draft), path, loadedRunId },
        warnings.join(' ') || null,
      ),
    );
  }

  /** Stores an uploaded project file in the projects folder (checked first), then opens it. */
  async upload(
    request: ParsedRequest<'project.upload'>,
  ): Promise<Result<CommandReply<'project.upload'>>> {
    const stored = await storeProjectUpload(this.folder, request.name, request.bytes);
    return stored.ok ? this.open(stored.value) : stored;
  }

  /** The project file as save would write it, weights included, for the browser to download. */
  async download(
    request: ParsedRequest<'project.download'>,
  ): Promise<Result<CommandReply<'project.download'>>> {
    const weights = await this.weightsOf(request.weightsOfRun);
    return ok({
      name: fileNameFor(request.project.name),
      bytes: projectFileBytes(request.project, weights),
      withWeights: weights !== null,
    });
  }

  autosave(request: ParsedRequest<'project.autosave'>): Promise<Result<Record<string, never>>> {
    return this.autosaves.write(request.project, request.path);
  }

  /** Called at every start: also the moment to clear what interrupted saves left behind. */
  async recover(): Promise<Result<CommandReply<'project.recover'>>> {
    this.housekeeping ??= removeStaleTemps([this.options.dataDir, this.folder]);
    await this.housekeeping;
    return this.autosaves.recover();
  }

  discardRecovery(): Promise<Result<Record<string, never>>> {
    return this.autosaves.remove();
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
}

/** A safe file name from a project name ("My AE / v2" -> "My AE - v2.aestudio.json"). */
export function fileNameFor(name: string): string {
  const safe =
    basename(name.replace(/[/\\:*?"<>|\0]+/g, '-'))
      .trim()
      .replace(/^\.+/, '') || 'Untitled';
  return safe.slice(0, 120) + PROJECT_EXTENSION;
}
