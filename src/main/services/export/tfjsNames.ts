/**
 * The two TensorFlow.js exports: `inference` (whole, encoder and decoder models that stock tfjs
 * loads with no custom code, plus the design) and `training` (the full training model, custom
 * layers kept, with custom-layers.js that registers them so training can continue).
 */
export type TfjsExportKind = 'inference' | 'training' | 'onnx';

const SUFFIX: Record<TfjsExportKind, string> = {
  inference: '-tfjs',
  training: '-tfjs-training',
  // The ONNX export is built from the same inference models, in the same worker.
  onnx: '-onnx',
};

/** The zip's name after the export's base name ("autoencoder" -> "autoencoder-tfjs.zip"). */
export const tfjsZipName = (baseName: string, kind: TfjsExportKind): string =>
  `${baseName}${SUFFIX[kind]}.zip`;
