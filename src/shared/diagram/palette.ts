import type { NodeKind } from '../graph/document';
import type { DiagramOptions } from './options';

/** A texture for the no-colour print mode (see patterns.ts). */
export type Texture = 'none' | 'diag' | 'antidiag' | 'cross' | 'dots' | 'horiz' | 'vert' | 'grid';

export interface KindStyle {
  fill: string;
  texture: Texture;
}

// Tableau-10-like hues: distinct, calm, and readable with dark text on top.
const DEFAULT: Record<NodeKind, string> = {
  Input: '#9AA6B8',
  Output: '#6F7D92',
  Dense: '#4E79A7',
  TiedDense: '#76B7B2',
  ClassifierHead: '#B07AA1',
  Conv2D: '#F28E2B',
  Conv2DTranspose: '#E15759',
  MaxPooling2D: '#EDC948',
  UpSampling2D: '#59A14F',
  Flatten: '#C9C2BE',
  Reshape: '#B9A594',
  GaussianNoise: '#FF9DA7',
  MaskingNoise: '#D4A6C8',
  SaltAndPepperNoise: '#C9829F',
  Dropout: '#D7B5A6',
  BatchNormalization: '#A0CBE8',
  Activation: '#8CD17D',
  Code: '#F1CE63',
  Sampling: '#D37295',
};

// Okabe-Ito: the eight colours that stay apart for every common colour-vision deficiency.
// Kinds of one family share a hue; a tint tells them apart, and the legend names each.
const OKABE_ITO: Record<NodeKind, string> = {
  Input: '#999999',
  Output: '#BBBBBB',
  Dense: '#0072B2',
  TiedDense: '#56B4E9',
  ClassifierHead: '#CC79A7',
  Conv2D: '#D55E00',
  Conv2DTranspose: '#E69F00',
  MaxPooling2D: '#F0E442',
  UpSampling2D: '#009E73',
  Flatten: '#CCCCCC',
  Reshape: '#AAAAAA',
  GaussianNoise: '#CC79A7',
  MaskingNoise: '#E0AFCA',
  SaltAndPepperNoise: '#B35E8E',
  Dropout: '#DDB8D0',
  BatchNormalization: '#66C5A9',
  Activation: '#99D8C5',
  Code: '#F0E442',
  Sampling: '#009E73',
};

// Print: a light grey with a texture per kind, so kinds stay apart on a black-and-white page.
const PRINT: Record<NodeKind, KindStyle> = {
  Input: { fill: '#EDEDED', texture: 'none' },
  Output: { fill: '#EDEDED', texture: 'none' },
  Dense: { fill: '#FFFFFF', texture: 'diag' },
  TiedDense: { fill: '#FFFFFF', texture: 'antidiag' },
  ClassifierHead: { fill: '#FFFFFF', texture: 'grid' },
  Conv2D: { fill: '#FFFFFF', texture: 'cross' },
  Conv2DTranspose: { fill: '#FFFFFF', texture: 'horiz' },
  MaxPooling2D: { fill: '#FFFFFF', texture: 'vert' },
  UpSampling2D: { fill: '#FFFFFF', texture: 'grid' },
  Flatten: { fill: '#D9D9D9', texture: 'none' },
  Reshape: { fill: '#D9D9D9', texture: 'none' },
  GaussianNoise: { fill: '#FFFFFF', texture: 'dots' },
  MaskingNoise: { fill: '#FFFFFF', texture: 'dots' },
  SaltAndPepperNoise: { fill: '#FFFFFF', texture: 'dots' },
  Dropout: { fill: '#FFFFFF', texture: 'dots' },
  BatchNormalization: { fill: '#F5F5F5', texture: 'horiz' },
  Activation: { fill: '#F5F5F5', texture: 'vert' },
  Code: { fill: '#BFBFBF', texture: 'none' },
  Sampling: { fill: '#BFBFBF', texture: 'cross' },
};

/** How a kind is drawn under the chosen palette (before per-layer overrides). */
export function kindStyle(kind: NodeKind, palette: DiagramOptions['palette']): KindStyle {
  switch (palette) {
    case 'default':
      return { fill: DEFAULT[kind], texture: 'none' };
    case 'colorblind':
      return { fill: OKABE_ITO[kind], texture: 'none' };
    case 'print':
      return PRINT[kind];
  }
}

export interface ThemeColors {
  background: string;
  text: string;
  muted: string;
  edge: string;
  /** Outline of every glyph in print mode; elsewhere glyph outlines are a darker fill. */
  ink: string | null;
  groups: { encoder: string; code: string; decoder: string };
  groupOpacity: number;
}

/** Page colours: the light theme is the slide default. */
export function themeColors(options: DiagramOptions): ThemeColors {
  const print = options.palette === 'print';
  if (options.theme === 'dark') {
    return {
      background: '#111827',
      text: '#F3F4F6',
      muted: '#9CA3AF',
      edge: '#6B7280',
      ink: print ? '#F3F4F6' : null,
      groups: print
        ? { encoder: '#9CA3AF', code: '#D1D5DB', decoder: '#9CA3AF' }
        : { encoder: '#60A5FA', code: '#FBBF24', decoder: '#34D399' },
      groupOpacity: 0.1,
    };
  }
  return {
    background: '#FFFFFF',
    text: '#1F2937',
    muted: '#6B7280',
    edge: '#9CA3AF',
    ink: print ? '#111111' : null,
    groups: print
      ? { encoder: '#777777', code: '#444444', decoder: '#777777' }
      : { encoder: '#4E79A7', code: '#D4A017', decoder: '#59A14F' },
    groupOpacity: print ? 0.04 : 0.07,
  };
}

const parseHex = (hex: string): [number, number, number] => {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
};

const toHex = (rgb: number[]): string =>
  `#${rgb
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`.toUpperCase();

/** Mixes a colour towards white (amount > 0) or black (amount < 0): the faces of a 3-D glyph. */
export function shade(hex: string, amount: number): string {
  const target = amount > 0 ? 255 : 0;
  const a = Math.abs(amount);
  return toHex(parseHex(hex).map((v) => v + (target - v) * a));
}
