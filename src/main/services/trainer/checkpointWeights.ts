import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/contract/result';
import type { GraphDocument } from '../../../shared/graph/document';
import { checkpointDir, type CheckpointState } from './checkpointState';
import type { FlatWeights } from './flatWeights';

/** A run's design and trained weights as its checkpoint keeps them (the optimizer's are left out). */
export interface RunWeights {
  graph: GraphDocument;
  weights: FlatWeights;
}

export const noWeightsMessage =
  "This run's trained weights are not on this computer any more (the app keeps them for its 20 newest runs), so only its loss curve can be shown.";

/** Reads the model weights from a run's checkpoint under the app's data folder. */
export async function checkpointWeights(
  dataDir: string,
  found: { runId: string; state: CheckpointState } | null,
): Promise<Result<RunWeights>> {
  if (!found) return fail('E_NOT_FOUND', noWeightsMessage);
  const { state } = found;
  let bytes: Buffer;
  try {
    bytes = await readFile(join(checkpointDir(dataDir, found.runId), state.weightsFile));
  } catch {
    return fail('E_NOT_FOUND', noWeightsMessage);
  }
  const size = state.weights.reduce((s, t) => s + t.shape.reduce((a, b) => a * b, 1), 0);
  if (bytes.byteLength < size * 4)
    return fail('E_PROJECT', 'The saved weights of this run are incomplete.');
  // A copy of the bytes: a read buffer's offset need not be a multiple of 4.
  const all = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + size * 4) as ArrayBuffer,
  );
  return ok({ graph: state.graph, weights: { tensors: state.weights, data: all } });
}
