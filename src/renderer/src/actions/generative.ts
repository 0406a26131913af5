import type { CommandReply, CommandRequest } from '../../../shared/contract/commands';
import type { Result } from '../../../shared/contract/result';
import { session } from './session';

/** The generative views' questions to the host: a denoising chain's walk, a WTA code's winners. */

export const walkChain = (
  request: CommandRequest<'model.chainWalk'>,
): Promise<Result<CommandReply<'model.chainWalk'>>> =>
  session().client.invoke('model.chainWalk', request);

export const countWinners = (
  request: CommandRequest<'model.winners'>,
): Promise<Result<CommandReply<'model.winners'>>> =>
  session().client.invoke('model.winners', request);
