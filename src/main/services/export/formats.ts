/**
 * Which export formats hold a model. Kept apart from the exporters so the host learns it without
 * loading tfjs or the native renderers.
 */
import type { ExportFormat } from '../../../shared/contract/exportFormats';

export { EXPORT_FORMATS, type ExportFormat } from '../../../shared/contract/exportFormats';

/** The formats that describe a model to train or run, and so must fit the design budget. */
export const MODEL_FORMATS: ReadonlySet<ExportFormat> = new Set<ExportFormat>([
  'keras',
  'pytorch',
  'tfjs',
  'tfjs-training',
  'onnx',
]);
