import type { CommandReply, CommandRequest, PixelFormat } from '../../../shared/contract/commands';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { encodeInBatches, type EncodedCodes } from '../recon/encodeInBatches';
import { session } from './session';

/** Questions to a trained model (encode, decode), for the Inspect and Generate views. */

/** Decoded images of the array type asked for. */
export type Decoded<T extends Float32Array | Uint8Array> = CommandReply<'model.decode'> & {
  images: T;
};

type DecodeRequest = Omit<CommandRequest<'model.decode'>, 'pixels'>;

/** Asks for a decode whose pixels come back as `Type`; any other answer is refused, in words. */
async function decodeAs<T extends Float32Array | Uint8Array>(
  request: DecodeRequest,
  pixels: PixelFormat,
  Type: { new (length: number): T },
): Promise<Result<Decoded<T>>> {
  const reply = await session().client.invoke('model.decode', { ...request, pixels });
  if (!reply.ok) return reply;
  if (!(reply.value.images instanceof Type))
    return fail(
      'E_INVALID_MESSAGE',
      'The trainer sent the decoded pictures in another form than asked.',
    );
  return ok(reply.value as Decoded<T>);
}

/** Decodes `count` codes laid one after another into images: the decoder's values. */
export const decodeCodes = (request: DecodeRequest): Promise<Result<Decoded<Float32Array>>> =>
  decodeAs(request, 'float', Float32Array);

/**
 * Decodes codes into pictures of bytes, 0..255, a quarter of the floats' size: for views that only
 * draw what they decode (the latent grid).
 */
export const decodePictures = (request: DecodeRequest): Promise<Result<Decoded<Uint8Array>>> =>
  decodeAs(request, 'byte', Uint8Array);

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
