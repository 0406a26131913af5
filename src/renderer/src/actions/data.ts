import type { CommandReply, CommandRequest } from '../../../shared/contract/commands';
import type { Result } from '../../../shared/contract/result';
import { session } from './session';

/** Data set requests of the Train panel: send a file to the host, describe the chosen data. */

/** Sends a file's bytes to the host, which keeps a copy and says where. */
export const uploadData = (
  name: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<Result<CommandReply<'data.upload'>>> =>
  session().client.invoke('data.upload', { name, bytes });

/** The shape, count and sample images of a data set as the next run would read it. */
export const describeData = (
  data: CommandRequest<'data.describe'>['data'],
): Promise<Result<CommandReply<'data.describe'>>> =>
  session().client.invoke('data.describe', { data });
