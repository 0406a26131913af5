/**
 * What the host exports: the one list the 'export.render' request schema, the host's exporters
 * and the command line share.
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
