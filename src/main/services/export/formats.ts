/**
 * What the host exports. Kept apart from the exporters so the host learns the list without loading
 * tfjs or the native renderers.
 */
export const EXPORT_FORMATS = [
  'svg',
  'png',
  'pdf',
  'keras',
  'pytorch',
  'tfjs',
  'tfjs-training',
  'onnx',
  'summary',
  'report',
  'gif-walk',
  'gif-training',
  'tikz',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats that describe a model to train or run, and so must fit the design budget. */
export const MODEL_FORMATS: ReadonlySet<ExportFormat> = new Set<ExportFormat>([
  'keras',
  'pytorch',
  'tfjs',
  'tfjs-training',
  'onnx',
]);
