import { compileGraph } from '../../../shared/compiler';
import { fail, type Result } from '../../../shared/contract/result';
import type { DataSpec } from '../../../shared/contract/training';
import type { GraphDocument } from '../../../shared/graph/document';
import { imageShapeOf } from '../../../shared/report/base64';
import { decoderPlan, encoderPlan } from '../../../shared/report/plan';
import { latentPlane } from '../../../shared/report/plane';
import { createForward } from '../../../shared/report/runtime';
import { prepareData } from '../data/prepare';
import { animateGif, type Animation, type AnimationFrame, type SlideWidth } from './animation';

const forward = createForward();

/**
 * A latent walk: the decoder's images along a loop through the plane the codes span (the code's
 * own axes, or its top two principal components), one frame per step, the point written on each.
 */
export async function latentWalkGif(args: {
  graph: GraphDocument;
  weights: Record<string, Float32Array>;
  data: DataSpec;
  title: string;
  frames?: number;
  width?: SlideWidth;
}): Promise<Result<Animation>> {
  const compiled = compileGraph(args.graph);
  if (!compiled.ok) return fail('E_INVALID_GRAPH', 'The design has errors; fix them first.');
  const dec = decoderPlan(compiled.spec, compiled.analysis);
  if (!dec.ok) return dec;
  const enc = encoderPlan(compiled.spec, compiled.analysis);
  if (!enc.ok) return enc;
  let data;
  try {
    data = await prepareData(args.data);
  } catch (error) {
    return fail(
      'E_DATA',
      `The data set could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const image = imageShapeOf(data.sampleShape);
  if (!image)
    return fail('E_UNSUPPORTED', 'The samples are not pictures, so there is nothing to animate.');
  const set = data.validation.count > 0 ? data.validation : data.train;
  const n = Math.min(500, set.count);
  const codes = forward(enc.value, args.weights, set.images.subarray(0, n * data.sampleSize), n);
  const size = codes.length / n;
  const plane = latentPlane(codes, n, size);
  const [u0, u1, v0, v1] = plane.range;
  const count = args.frames ?? 24;
  const frames: AnimationFrame[] = [];
  for (let i = 0; i < count; i++) {
    const t = (2 * Math.PI * i) / count;
    // An ellipse through most of the plane the data covers.
    const u = (u0 + u1) / 2 + 0.35 * (u1 - u0) * Math.cos(t);
    const v = (v0 + v1) / 2 + 0.35 * (v1 - v0) * Math.sin(t);
    const z = Float32Array.from(
      plane.origin,
      (o, j) => o + u * plane.axisU[j] + v * plane.axisV[j],
    );
    frames.push({
      caption: `step ${i + 1} of ${count}   ·   u ${u.toFixed(2)}, v ${v.toFixed(2)}`,
      images: forward(dec.value, args.weights, z, 1),
      count: 1,
    });
  }
  return animateGif(frames, {
    title: `${args.title}: a walk through the latent space`,
    image,
    width: args.width,
    delayMs: 120,
  });
}

/** A training animation from per-epoch reconstructions, the epoch and loss written on each frame. */
export function trainingGif(args: {
  title: string;
  image: [number, number];
  epochs: { epoch: number; loss: number; images: Float32Array; count: number }[];
  width?: SlideWidth;
}): Result<Animation> {
  const frames = args.epochs.map((e) => ({
    caption: `epoch ${e.epoch}   ·   loss ${e.loss.toFixed(4)}`,
    images: e.images,
    count: e.count,
  }));
  return animateGif(frames, {
    title: `${args.title}: reconstructions while training`,
    image: args.image,
    width: args.width,
  });
}
