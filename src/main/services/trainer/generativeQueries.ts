import type { Result } from '../../../shared/contract/result';
import type { ToTrainer } from '../../../shared/contract/trainerProtocol';
import type { BuiltModel } from '../model';
import { walkChain } from './chainWalk';
import type { LoadedModel } from './loadedModel';
import { countWinners } from './winnerCounts';

type Message<T extends ToTrainer['type']> = Extract<ToTrainer, { type: T }>;

/** The generative views' questions about the loaded model: the chain's walk, the code's winners. */
export class GenerativeQueries {
  constructor(
    private readonly loaded: LoadedModel,
    /** The run training now, or null: the loaded model's weights move while it trains. */
    private readonly activeRunId: () => string | null,
  ) {}

  private find(runId: string): Result<BuiltModel> {
    return this.loaded.idle(
      runId,
      this.activeRunId(),
      'Wait until training ends to walk or count with the model.',
    );
  }

  async chainWalk(m: Message<'chainWalk'>): Promise<Result<unknown>> {
    const found = this.find(m.runId);
    return found.ok ? walkChain(found.value, m) : found;
  }

  async winners(m: Message<'winners'>): Promise<Result<unknown>> {
    const found = this.find(m.runId);
    return found.ok ? countWinners(found.value, m.images, m.count) : found;
  }
}
