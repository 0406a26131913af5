/** What the dialog can make; the picture formats share the diagram options and the preview. */
export const EXPORT_CHOICES = [
  {
    id: 'svg',
    label: 'Diagram (SVG)',
    picture: true,
    hint: 'A sharp picture for slides and the web; it opens again as a project.',
  },
  {
    id: 'png-1',
    label: 'Diagram (PNG, 1x)',
    picture: true,
    hint: 'A picture the size of the SVG.',
  },
  {
    id: 'png-2',
    label: 'Diagram (PNG, 2x)',
    picture: true,
    hint: 'Twice the size: crisp on high-resolution screens.',
  },
  {
    id: 'png-4',
    label: 'Diagram (PNG, 4x)',
    picture: true,
    hint: 'Four times the size: for posters and print.',
  },
  {
    id: 'png-dpi',
    label: 'Diagram (PNG, choose DPI)',
    picture: true,
    hint: 'A PNG at the resolution you set (dots per inch), written into the file for Word and LaTeX.',
  },
  {
    id: 'tikz',
    label: 'Diagram (TikZ for LaTeX)',
    picture: true,
    hint: 'A standalone LaTeX document that draws the box diagram with TikZ (PlotNeuralNet style); compile it with pdflatex.',
  },
  {
    id: 'pdf',
    label: 'Diagram (PDF)',
    picture: true,
    hint: 'One vector page the size of the picture, for papers.',
  },
  {
    id: 'keras',
    label: 'Keras (Python script)',
    picture: false,
    hint: 'A script that builds, compiles and trains this model with Keras.',
  },
  {
    id: 'pytorch',
    label: 'PyTorch (Python script)',
    picture: false,
    hint: 'An nn.Module script with the same layers, loss and training procedure; with the trained weights (.npz) of the last completed run.',
  },
  {
    id: 'tfjs',
    label: 'TensorFlow.js model',
    picture: false,
    hint: 'One zip: the whole model, encoder and decoder for stock TensorFlow.js, and a README; with the trained weights of the last completed run.',
  },
  {
    id: 'tfjs-training',
    label: 'TensorFlow.js (continue training)',
    picture: false,
    hint: "One zip: the full model with the app's own layers and custom-layers.js that registers them, so training can go on in JavaScript.",
  },
  {
    id: 'onnx',
    label: 'ONNX models',
    picture: false,
    hint: 'One zip: the whole model, encoder and decoder as .onnx files for ONNX Runtime, Netron and most tools.',
  },
  {
    id: 'report',
    label: 'Report (one HTML file)',
    picture: false,
    hint: 'One file anyone can open in a browser, offline: the diagram, summary, loss curves, reconstructions, features, the latent space, and the trained decoder to drag through it.',
  },
  {
    id: 'gif-walk',
    label: 'Latent walk (animated GIF)',
    picture: false,
    hint: 'A slide-sized GIF of the decoder walking a loop through the latent space; needs trained weights.',
  },
  {
    id: 'gif-training',
    label: 'Training (animated GIF)',
    picture: false,
    hint: "A slide-sized GIF of the last run's reconstructions sharpening epoch by epoch, the epoch and loss written on each frame.",
  },
  {
    id: 'summary-text',
    label: 'Summary (text)',
    picture: false,
    hint: 'The layer table Keras prints with model.summary().',
  },
  {
    id: 'summary-md',
    label: 'Summary (Markdown)',
    picture: false,
    hint: 'The layer table as Markdown, for a README or notes.',
  },
] as const;

export type ExportChoice = (typeof EXPORT_CHOICES)[number]['id'];
export type ChoiceInfo = (typeof EXPORT_CHOICES)[number];

export const isExportChoice = (value: string): value is ExportChoice =>
  EXPORT_CHOICES.some((c) => c.id === value);

/** The description of one choice. */
export const choiceInfo = (id: ExportChoice): ChoiceInfo =>
  EXPORT_CHOICES.find((c) => c.id === id)!;

/** The PNG scale of a choice; PNG-less choices copy their picture at 2x. */
export function pngScaleOf(id: ExportChoice): 1 | 2 | 4 {
  if (id === 'png-1') return 1;
  if (id === 'png-4') return 4;
  return 2;
}

/** The choices that hold a model to run or train, so they carry the trained weights. */
export const MODEL_CHOICES: ReadonlySet<ExportChoice> = new Set<ExportChoice>([
  'keras',
  'pytorch',
  'tfjs',
  'tfjs-training',
  'onnx',
  'report',
  'gif-walk',
]);

/** The animated GIFs: made at a slide size (16:9) a person picks. */
export const ANIMATION_CHOICES: ReadonlySet<ExportChoice> = new Set<ExportChoice>([
  'gif-walk',
  'gif-training',
]);
export const SLIDE_WIDTHS = [640, 960, 1280] as const;
export type SlideWidth = (typeof SLIDE_WIDTHS)[number];

/** The scripts: text the browser writes alone, unless trained weights go beside them. */
export const SCRIPT_CHOICES: ReadonlySet<ExportChoice> = new Set<ExportChoice>([
  'keras',
  'pytorch',
]);

/**
 * Whether the browser can make it alone (pure code); the rest need the host's renderers or the
 * trained weights, which only the host holds.
 */
export const isMadeInBrowser = (id: ExportChoice, withWeights = false): boolean =>
  id === 'svg' ||
  id === 'tikz' ||
  id === 'summary-text' ||
  id === 'summary-md' ||
  (SCRIPT_CHOICES.has(id) && !withWeights);
