import type { BackendInfo } from '../../../shared/contract/commands';
import type { EventName } from '../../../shared/contract/events';
import type { Result } from '../../../shared/contract/result';
import type { ToTrainer } from '../../../shared/contract/trainerProtocol';
import { assertNever } from '../../../shared/util/assertNever';
import { GenerativeQueries } from './generativeQueries';
import { LoadedModel } from './loadedModel';
import type { Emit } from './loop';
import { ModelQueries } from './modelQueries';
import { RunController } from './runController';
import { UnitQueries } from './unitQueries';

/**
 * Everything the trainer process does, independent of how it talks to the host: a run controller
 * for training and the model queries that read the loaded model.
 */
export class TrainerWorker {
  private readonly runs: RunController;
  private readonly queries: ModelQueries;
  private readonly units: UnitQueries;
  private readonly generative: GenerativeQueries;

  constructor(backend: BackendInfo, emit: Emit) {
    const loaded = new LoadedModel();
    this.runs = new RunController(backend, emit, loaded);
    this.queries = new ModelQueries(emit, loaded, () => this.runs.activeRunId);
    this.units = new UnitQueries(loaded, () => this.runs.activeRunId);
    this.generative = new GenerativeQueries(loaded, () => this.runs.activeRunId);
  }

  async handle(message: ToTrainer): Promise<Result<unknown> | null> {
    switch (message.type) {
      case 'start':
        void this.runs.start(message);
        return null;
      case 'stop':
      case 'pause':
      case 'resume':
        this.runs.control(message.runId, message.type);
        return null;
      case 'decode':
        return this.queries.decode(message.runId, message.points, message.count, message.pixels);
      case 'encode':
        return this.queries.encode(message.runId, message.images, message.count);
      case 'encodeVariance':
        return this.queries.encodeVariance(message.runId, message.images, message.count);
      case 'getWeights':
        return this.queries.getWeights(message.runId);
      case 'inspect':
        return this.queries.inspect(message.runId, message.data, message.epoch);
      case 'loadWeights':
        return this.queries.loadWeights(message);
      case 'unitLayers':
        return this.units.unitLayers(message.runId);
      case 'unit':
        return this.units.unit(message);
      case 'advise':
        return this.units.advise(message);
      case 'runViews':
        return this.units.runViews(message);
      case 'chainWalk':
        return this.generative.chainWalk(message);
      case 'winners':
        return this.generative.winners(message);
      default:
        return assertNever(message, 'trainer message');
    }
  }
}

export type { EventName };
