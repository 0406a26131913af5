import { fail, type Result } from '../../../shared/contract/result';
import type { RunRecord } from '../../../shared/project/schema';
import { frameImages } from '../../../shared/project/snapshots';
import { imageShapeOf } from '../../../shared/report/base64';
import type { Animation, SlideWidth } from './animation';
import { trainingGif } from './walk';

/**
 * The training animation of a run record: the reconstructions it kept per epoch, one frame each,
 * the epoch and loss written on it. Refused in words when the run kept none.
 */
export function trainingGifOfRun(
  run: RunRecord | undefined,
  title: string,
  width?: SlideWidth,
): Result<Animation> {
  if (!run) return fail('E_NOT_FOUND', 'Train the model first: a training animation needs a run.');
  const kept = run.snapshots;
  if (!kept || kept.frames.length === 0)
    return fail(
      'E_NOT_FOUND',
      `The run '${run.name}' kept no pictures of its epochs (runs from older versions of the app, ` +
        'or of data that are not pictures, have none). Train the model again to make the animation.',
    );
  const image = imageShapeOf(kept.sampleShape);
  if (!image)
    return fail('E_UNSUPPORTED', 'The samples are not pictures, so there is nothing to animate.');
  const size = image[0] * image[1];
  const epochs = kept.frames.map((f) => ({
    epoch: f.epoch,
    loss: f.loss,
    images: frameImages(f).subarray(0, f.count * size),
    count: f.count,
  }));
  return trainingGif({ title, image, epochs, width });
}
