import { fail, ok, type Result } from '../../../shared/contract/result';
import type { StoredWeights } from '../../../shared/project/schema';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Weights as stored in a project: base64 of the float32 bytes. */
export function encodeWeights(
  runId: string,
  tensors: StoredWeights['tensors'],
  data: Float32Array,
): StoredWeights {
  return {
    runId,
    tensors,
    data: Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64'),
  };
}

/**
 * Decodes a project's weights and checks them: real base64, exactly as many numbers as the tensor
 * shapes say, and every number finite. A NaN or an infinity would load silently and make every
 * view blank, so the message names the first weight that holds one.
 */
export function checkWeights(weights: StoredWeights): Result<Float32Array<ArrayBuffer>> {
  const damaged = (why: string) =>
    fail<Float32Array<ArrayBuffer>>(
      'E_PROJECT',
      `The trained weights in this project are damaged (${why}).`,
    );
  if (weights.data.length % 4 !== 0 || !BASE64.test(weights.data))
    return damaged('they are not in the format the app writes');
  const bytes = Buffer.from(weights.data, 'base64');
  let expected = 0;
  for (const t of weights.tensors) expected += t.shape.reduce((a, b) => a * b, 1);
  if (bytes.byteLength !== expected * 4) {
    return damaged(
      `the shapes call for ${expected} numbers but the file holds ${Math.floor(bytes.byteLength / 4)}`,
    );
  }
  const out = new Float32Array(expected);
  new Uint8Array(out.buffer).set(bytes);
  let at = 0;
  for (const t of weights.tensors) {
    const end = at + t.shape.reduce((a, b) => a * b, 1);
    for (let i = at; i < end; i++) {
      if (!Number.isFinite(out[i]))
        return damaged(`weight "${t.name}" holds a value that is not a finite number`);
    }
    at = end;
  }
  return ok(out);
}

/** Decodes without checking: the CLI's export path, which predates checkWeights. */
export function decodeWeights(weights: StoredWeights): Float32Array<ArrayBuffer> {
  const bytes = Buffer.from(weights.data, 'base64');
  const out = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes.subarray(0, out.length * 4));
  return out;
}
