import * as tf from '@tensorflow/tfjs';
import type { UnitLayer } from '../../../shared/contract/labQueries';
import { fail, ok, type Result } from '../../../shared/contract/result';
import type { ToTrainer } from '../../../shared/contract/trainerProtocol';
import { buildModel, type BuiltModel } from '../model';
import { measureForAdvice } from './adviseMeasure';
import type { LoadedModel } from './loadedModel';
import { readScoped } from './scope';
import { UNIT_CLASSES, passWithUnit, topIndices, unitValues } from './unitForward';
import { pictureShape, unitWeightPictures, unitWeightPlans } from './unitWeights';
import { restoreWeights } from './weights';

type Message<T extends ToTrainer['type']> = Extract<ToTrainer, { type: T }>;

/**
 * The lab's questions about a model: any layer's units (weights, the samples that excite them,
 * what turning one off does), the advisor's measurements, and a saved run's views computed from its
 * weights without replacing the loaded model.
 */
export class UnitQueries {
  constructor(
    private readonly loaded: LoadedModel,
    /** The run training now, or null: the loaded model's weights move while it trains. */
    private readonly activeRunId: () => string | null,
  ) {}

  private find(runId: string): Result<BuiltModel> {
    return this.loaded.idle(
      runId,
      this.activeRunId(),
      'Wait until training ends to look inside the model.',
    );
  }

  private checkImages(built: BuiltModel, images: Float32Array, count: number): Result<null> {
    return images.length === count * built.inputSize
      ? ok(null)
      : fail('E_INVALID_MESSAGE', `Each sample needs ${built.inputShape.join('×')} values.`);
  }

  unitLayers(runId: string): Result<{ layers: UnitLayer[] }> {
    const found = this.find(runId);
    if (!found.ok) return found;
    const built = found.value;
    const layers = built.spec.config.layers
      .filter((l) => UNIT_CLASSES.includes(l.class_name))
      .map((l) => {
        const shape = (built.model.getLayer(l.name).getOutputAt(0) as tf.SymbolicTensor).shape;
        return {
          layer: l.name,
          label: built.labelOf(l.name),
          kind: l.class_name,
          units: shape[shape.length - 1] ?? 1,
          weightImage: unitWeightPlans(built, l.name).length > 0,
        };
      });
    return ok({ layers });
  }

  /**
   * One unit: its weight pictures, its value on each sample, the samples it likes most, and their
   * reconstructions with and without it. Computed first, read after, asynchronously (WebGPU in
   * Node as wasm); the top samples' rows are cut from the read values.
   */
  async unit(m: Message<'unit'>): Promise<Result<unknown>> {
    const found = this.find(m.runId);
    if (!found.ok) return found;
    const built = found.value;
    const checked = this.checkImages(built, m.images, m.count);
    if (!checked.ok) return checked;
    if (built.task !== 'reconstruct')
      return fail('E_UNSUPPORTED', 'The unit inspector looks at models that rebuild their input.');
    if (!built.spec.config.layers.some((l) => l.name === m.layer))
      return fail('E_NOT_FOUND', `The model has no layer '${m.layer}'.`);
    let units = 0;
    const read = await readScoped(() => {
      const x = tf.tensor(m.images, [m.count, ...built.inputShape]);
      const plain = passWithUnit(built, x, m.layer, null);
      units = plain.layerOut.shape[plain.layerOut.shape.length - 1] ?? 1;
      if (m.unit >= units) return [];
      const off = passWithUnit(built, x, m.layer, m.unit);
      const flat = (t: tf.Tensor) => tf.reshape(t, [m.count, -1]);
      return [
        unitValues(plain.layerOut, m.unit),
        flat(plain.output),
        flat(off.output),
        built.lossOf(plain.output, x),
        built.lossOf(off.output, x),
      ];
    });
    if (m.unit >= units)
      return fail('E_INVALID_MESSAGE', `Layer '${built.labelOf(m.layer)}' has ${units} units.`);
    const [values, plainOut, offOut, lossBefore, lossAfter] = read;
    const activations = Float32Array.from(values);
    const top = topIndices(activations, Math.min(m.top, m.count));
    const rowSize = plainOut.length / m.count;
    const pick = (all: tf.TypedArray) => {
      const rows = new Float32Array(top.length * rowSize);
      top.forEach((r, i) => rows.set(all.subarray(r * rowSize, (r + 1) * rowSize), i * rowSize));
      return rows;
    };
    return ok({
      layer: m.layer,
      unit: m.unit,
      weights: await unitWeightPictures(built, m.layer, m.unit),
      activations,
      top,
      reconstructions: pick(plainOut),
      ablated: pick(offOut),
      imageShape: pictureShape(built.inputShape) ?? built.inputShape,
      lossBefore: lossBefore[0],
      lossAfter: lossAfter[0],
    });
  }

  async advise(m: Message<'advise'>): Promise<Result<unknown>> {
    const found = this.find(m.runId);
    if (!found.ok) return found;
    const checked = this.checkImages(found.value, m.images, m.count);
    if (!checked.ok) return checked;
    return ok(await measureForAdvice(found.value, m.images, m.count));
  }

  /**
   * A saved run's reconstructions, first-layer features and codes, from a model built just for it,
   * read asynchronously (WebGPU in Node as wasm).
   */
  async runViews(m: Message<'runViews'>): Promise<Result<unknown>> {
    const built = buildModel(m.graph);
    if (!built.ok) return built;
    const model = built.value;
    try {
      const problem = restoreWeights(model.model, { tensors: m.tensors, data: m.weights });
      if (problem) return fail('E_PROJECT', problem);
      const checked = this.checkImages(model, m.images, m.count);
      if (!checked.ok) return checked;
      let featureUnits = 0;
      const [recon, codes, features] = await readScoped(() => {
        const x = tf.tensor(m.images, [m.count, ...model.inputShape]);
        const reconstructed = model.model.predict(x, { batchSize: m.count }) as tf.Tensor;
        const coded = model.encoder.predict(x, { batchSize: m.count }) as tf.Tensor;
        const kernel = model.firstLayerKernel();
        const fits = kernel !== null && kernel.shape[0] === model.inputSize;
        featureUnits = fits ? kernel.shape[1] : 0;
        return fits ? [reconstructed, coded, kernel.transpose()] : [reconstructed, coded];
      });
      return ok({
        reconstructions: Float32Array.from(recon),
        imageShape: pictureShape(model.inputShape) ?? model.inputShape,
        features: features ? Float32Array.from(features) : null,
        featureUnits,
        codes: Float32Array.from(codes),
        codeSize: codes.length / m.count,
        count: m.count,
      });
    } finally {
      model.dispose();
    }
  }
}
