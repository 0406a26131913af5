import type { CommandReply, CommandRequest } from '../../../shared/contract/commands';
import type { Result } from '../../../shared/contract/result';
import { encodeInBatches, type EncodedCodes } from '../recon/encodeInBatches';
import { session } from './session';

/** Questions to a trained model (encode, decode), for the Inspect and Generate views. */

/** Decodes `count` codes laid one after another into images. */
export const decodeCodes = (
  request: CommandRequest<'model.decode'>,
): Promise<Result<CommandReply<'model.decode'>>> =>
  session().client.invoke('model.decode', request);

/** Encodes `count` images into codes in one request (for a few small pictures). */
export const encodeImages = (
  request: CommandRequest<'model.encode'>,
): Promise<Result<CommandReply<'model.encode'>>> =>
  session().client.invoke('model.encode', request);

/** Encodes images with a variational model's log-variances (null for others): the Lab's drawing. */
export const encodeWithVariance = (
  request: CommandRequest<'model.encodeVariance'>,
): Promise<Result<CommandReply<'model.encodeVariance'>>> =>
  session().client.invoke('model.encodeVariance', request);

/** Encodes `count` images in batches small enough for browser mode's frame limit. */
export const encodeImagesInBatches = (
  runId: string,
  images: Float32Array<ArrayBuffer>,
  count: number,
): Promise<Result<EncodedCodes>> => encodeInBatches(session().client, runId, images, count);
