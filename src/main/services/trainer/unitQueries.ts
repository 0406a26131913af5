import * as tf from '@tensorflow/tfjs';
import type { UnitLayer } from '../../../shared/contract/labQueries';
import { fail, ok, type Result } from '../../../shared/contract/result';
import type { ToTrainer } from '../../../shared/contract/trainerProtocol';
import { buildModel, type BuiltModel } from '../model';
import { measureForAdvice } from './adviseMeasure';
import type { LoadedModel } from './loadedModel';
import { withScope } from './scope';
import { UNIT_CLASSES, passWithUnit, topIndices, unitValues } from './unitForward';
import { pictureShape, unitWeightPictures } from './unitWeights';
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
    const built = this.loaded.of(runId);
    if (!built) return fail('E_NOT_FOUND', 'That model is no longer loaded; train it again.');
    if (this.activeRunId() === runId)
      return fail('E_BUSY', 'Wait until training ends to look inside the model.');
    return ok(built);
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
          weightImage: unitWeightPictures(built, l.name, 0).length > 0,
        };
      });
    return ok({ layers });
  }

  unit(m: Message<'unit'>): Result<unknown> {
    const found = this.find(m.runId);
    if (!found.ok) return found;
    const built = found.value;
    const checked = this.checkImages(built, m.images, m.count);
    if (!checked.ok) return checked;
    if (built.task !== 'reconstruct')
      return fail('E_UNSUPPORTED', 'The unit inspector looks at models that rebuild their input.');
    if (!built.spec.config.layers.some((l) => l.name === m.layer))
      return fail('E_NOT_FOUND', `The model has no layer '${m.layer}'.`);
    return withScope(() => {
      const x = tf.tensor(m.images, [m.count, ...built.inputShape]);
      const plain = passWithUnit(built, x, m.layer, null);
      const units = plain.layerOut.shape[plain.layerOut.shape.length - 1] ?? 1;
      if (m.unit >= units)
        return fail('E_INVALID_MESSAGE', `Layer '${built.labelOf(m.layer)}' has ${units} units.`);
      const off = passWithUnit(built, x, m.layer, m.unit);
      const activations = unitValues(plain.layerOut, m.unit);
      const top = topIndices(activations, Math.min(m.top, m.count));
      const rows = tf.tensor1d(top, 'int32');
      const pick = (t: tf.Tensor) => Float32Array.from(tf.gather(t, rows).dataSync());
      const imageShape = pictureShape(built.inputShape) ?? built.inputShape;
      return ok({
        layer: m.layer,
        unit: m.unit,
        weights: unitWeightPictures(built, m.layer, m.unit),
        activations,
        top,
        reconstructions: pick(plain.output),
        ablated: pick(off.output),
        imageShape,
        lossBefore: built.lossOf(plain.output, x).dataSync()[0],
        lossAfter: built.lossOf(off.output, x).dataSync()[0],
      });
    });
  }

  advise(m: Message<'advise'>): Result<unknown> {
    const found = this.find(m.runId);
    if (!found.ok) return found;
    const checked = this.checkImages(found.value, m.images, m.count);
    if (!checked.ok) return checked;
    return ok(measureForAdvice(found.value, m.images, m.count));
  }

  /** A saved run's reconstructions, first-layer features and codes, from a model built just for it. */
  runViews(m: Message<'runViews'>): Result<unknown> {
    const built = buildModel(m.graph);
    if (!built.ok) return built;
    const model = built.value;
    try {
      const problem = restoreWeights(model.model, { tensors: m.tensors, data: m.weights });
      if (problem) return fail('E_PROJECT', problem);
      const checked = this.checkImages(model, m.images, m.count);
      if (!checked.ok) return checked;
      return withScope(() => {
        const x = tf.tensor(m.images, [m.count, ...model.inputShape]);
        const recon = model.model.predict(x, { batchSize: m.count }) as tf.Tensor;
        const codes = model.encoder.predict(x, { batchSize: m.count }) as tf.Tensor;
        const kernel = model.firstLayerKernel();
        const fits = kernel !== null && kernel.shape[0] === model.inputSize;
        const features = fits ? Float32Array.from(kernel.transpose().dataSync()) : null;
        kernel?.dispose();
        return ok({
          reconstructions: Float32Array.from(recon.dataSync()),
          imageShape: pictureShape(model.inputShape) ?? model.inputShape,
          features,
          featureUnits: fits ? kernel.shape[1] : 0,
          codes: Float32Array.from(codes.dataSync()),
          codeSize: codes.size / m.count,
          count: m.count,
        });
      });
    } finally {
      model.dispose();
    }
  }
}
