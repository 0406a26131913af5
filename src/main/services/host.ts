import type { BackendInfo } from '../../shared/contract/commands';
import type { StudioHandlers } from '../../shared/contract/dispatch';
import type { EventName, EventPayload } from '../../shared/contract/events';
import { fail, ok } from '../../shared/contract/result';
import { analyzeGraph } from '../../shared/compiler';
import { DataError, prepareData } from './data/prepare';
import { allowedDataSpec, dataAccessFor } from './data/access';
import { storeUpload } from './data/upload';
import { TrainerSupervisor, type SpawnTrainer } from './trainer/supervisor';
import { ProjectService, type ProjectServiceOptions } from './projects/service';
import { renderExport } from './export/render';
import { refuseOverBudget } from './export/budgetGate';
import { namedWeights } from './trainer/flatWeights';
import { generativeHandlers } from './generativeHandlers';
import { labHandlers } from './labHandlers';
import type { DataSpec } from '../../shared/contract/training';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type EventListener = (name: EventName, payload: EventPayload<EventName>) => void;

export interface HostOptions {
  shell: 'electron' | 'browser' | 'memory';
  version: string;
  spawnTrainer: SpawnTrainer;
  /** Where projects, the autosave copy and checkpoints live (default: ~/.autoencoder-studio). */
  dataDir?: string;
  /** A native file dialog, in Electron. */
  choosePath?: ProjectServiceOptions['choosePath'];
  /** Folders browser mode may read data from besides its own (`--data-root`). */
  dataRoots?: string[];
}

/** The app's own folder: STUDIO_DATA_DIR, else ~/.autoencoder-studio. */
export const defaultDataDir = (): string =>
  process.env.STUDIO_DATA_DIR ?? join(homedir(), '.autoencoder-studio');

/** StudioApi implemented without Electron: the same host serves Electron, browser mode and tests. */
export interface StudioHost {
  handlers: StudioHandlers;
  onEvent(listener: EventListener): () => void;
  supervisor: TrainerSupervisor;
  /** Starts the trainer early so its backend is known before the first run. */
  warmUp(): Promise<BackendInfo | null>;
  dispose(): void;
}

const PREVIEW_COUNT = 8;

export function createStudioHost(options: HostOptions): StudioHost {
  const listeners = new Set<EventListener>();
  const emit = <N extends EventName>(name: N, payload: EventPayload<N>) => {
    for (const listener of listeners) listener(name, payload);
  };
  const dataDir = options.dataDir ?? defaultDataDir();
  const supervisor = new TrainerSupervisor(options.spawnTrainer, emit, dataDir);
  const projects = new ProjectService(
    {
      dataDir,
      restrictToProjectsFolder: options.shell === 'browser',
      choosePath: options.choosePath,
    },
    supervisor,
  );

  const dataAccess = dataAccessFor(options.shell, dataDir, options.dataRoots);
  // Every data spec is checked here, before the host or the trainer reads a path of it.
  const checkData = (spec: DataSpec) => allowedDataSpec(spec, dataAccess);

  const handlers: StudioHandlers = {
    'app.info': async () =>
      ok({ version: options.version, shell: options.shell, backend: supervisor.backend }),

    'data.describe': async ({ data }) => {
      const allowed = await checkData(data);
      if (!allowed.ok) return allowed;
      let prepared;
      try {
        prepared = await prepareData(allowed.value);
      } catch (error) {
        if (error instanceof DataError) return fail('E_DATA', error.message);
        throw error;
      }
      const n = Math.min(PREVIEW_COUNT, prepared.validation.count);
      return ok({
        name: prepared.name,
        sampleShape: prepared.sampleShape,
        trainCount: prepared.train.count,
        validationCount: prepared.validation.count,
        labels: prepared.labels,
        preview: prepared.validation.images.slice(0, n * prepared.sampleSize),
        previewCount: n,
        notes: prepared.notes,
      });
    },
    'data.upload': ({ name, bytes }) => storeUpload(dataDir, name, bytes),

    'train.start': async (request) => {
      const analysis = analyzeGraph(request.graph);
      const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
      const tooLarge = refuseOverBudget(request.graph, errors);
      if (tooLarge) return tooLarge;
      if (errors.length > 0) {
        return fail(
          'E_INVALID_GRAPH',
          `The design cannot be trained yet: ${errors[0].message}` +
            (errors.length > 1 ? ` (and ${errors.length - 1} more problems)` : ''),
          errors,
        );
      }
      const allowed = await checkData(request.data);
      if (!allowed.ok) return allowed;
      return supervisor.start({ ...request, data: allowed.value });
    },
    'train.continue': async ({ runId, epochs }) => {
      // A checkpoint names the data its run used; it is checked again like a new request.
      const state = (await supervisor.checkpointOf(runId))?.state;
      if (state) {
        const allowed = await checkData(state.data);
        if (!allowed.ok) return allowed;
        // The trainer reads the stored paths as they are: they must be the checked real ones.
        if (JSON.stringify(allowed.value.file) !== JSON.stringify(state.data.file))
          return fail(
            'E_PATH_NOT_ALLOWED',
            'This run names its data by a path that is not checked; start it again.',
          );
      }
      return supervisor.continueRun(runId, epochs);
    },
    'run.status': async () => ok({ run: supervisor.ledger.report() }),
    'train.stop': async ({ runId }) => supervisor.control('stop', runId),
    'train.pause': async ({ runId }) => supervisor.control('pause', runId),
    'train.resume': async ({ runId }) => supervisor.control('resume', runId),
    'model.decode': (request) => supervisor.decode(request),
    'model.inspect': async (request) => {
      const allowed = await checkData(request.data);
      return allowed.ok ? supervisor.inspect({ ...request, data: allowed.value }) : allowed;
    },
    'model.encode': (request) => supervisor.encode(request),
    'model.encodeVariance': (request) => supervisor.encodeVariance(request),
    'project.list': () => projects.list(),
    'project.save': (request) => projects.save(request),
    'project.open': async ({ path }) => {
      const opened = await projects.open(path);
      // The opened project's runs replace the last one: a reloaded page shows the project, not it.
      if (opened.ok) supervisor.ledger.forgetEnded();
      return opened;
    },
    'project.upload': async (request) => {
      const opened = await projects.upload(request);
      // Opening an uploaded project is opening a project: the same as project.open above.
      if (opened.ok) supervisor.ledger.forgetEnded();
      return opened;
    },
    'project.download': (request) => projects.download(request),
    'project.autosave': (request) => projects.autosave(request),
    'project.recover': () => projects.recover(),
    'project.discardRecovery': () => projects.discardRecovery(),
    'project.choosePath': ({ mode, suggestedName }) => projects.choosePath(mode, suggestedName),
    'export.render': async (request) => {
      let weights: Record<string, Float32Array> | undefined;
      if (request.weightsOfRun) {
        const got = await supervisor.getWeights(request.weightsOfRun);
        if (got.ok) weights = namedWeights(got.value);
      }
      return renderExport(request, weights, checkData);
    },
    ...labHandlers(supervisor, dataDir),
    ...generativeHandlers(supervisor),
  };

  return {
    handlers,
    supervisor,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async warmUp() {
      try {
        return await supervisor.ensureStarted();
      } catch {
        return null;
      }
    },
    dispose: () => supervisor.dispose(),
  };
}
