import type { NodeKind } from '../graph/document';
import { LAYER_DESCRIPTORS } from '../layers/registry';
import type { KindStyle } from '../layers/types';
import { assertNever } from '../util/assertNever';
import type { DiagramOptions } from './options';

/** The roles the diagram outlines as groups. */
export type GroupRole =
  'encoder' | 'code' | 'decoder' | 'prior' | 'generator' | 'discriminator' | 'adversary';

// A game's players in the print palette: greys apart from the autoencoder's.
const PRINT_GAME = {
  prior: '#555555',
  generator: '#666666',
  discriminator: '#333333',
  adversary: '#555555',
};

export type { KindStyle, Texture } from '../layers/types';

/**
 * How a kind is drawn under the chosen palette (before per-layer overrides): its descriptor's
 * colours. 'default' is Tableau-10-like (distinct, calm, readable with dark text on top);
 * 'colorblind' is Okabe-Ito, whose eight colours stay apart for every common colour-vision
 * deficiency (kinds of one family share a hue, a tint tells them apart, the legend names each);
 * 'print' is a light grey with a texture per kind, for a black-and-white page.
 */
export function kindStyle(kind: NodeKind, palette: DiagramOptions['palette']): KindStyle {
  const colors = LAYER_DESCRIPTORS[kind].diagram.colors;
  switch (palette) {
    case 'default':
      return { fill: colors.default, texture: 'none' };
    case 'colorblind':
      return { fill: colors.colorblind, texture: 'none' };
    case 'print':
      return colors.print;
    default:
      return assertNever(palette, 'palette');
  }
}

export interface ThemeColors {
  background: string;
  text: string;
  muted: string;
  edge: string;
  /** Outline of every glyph in print mode; elsewhere glyph outlines are a darker fill. */
  ink: string | null;
  /** Outline colours of the roles drawn as groups (an adversarial game's players among them). */
  groups: Record<GroupRole, string>;
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
        ? { encoder: '#9CA3AF', code: '#D1D5DB', decoder: '#9CA3AF', ...PRINT_GAME }
        : {
            encoder: '#60A5FA',
            code: '#FBBF24',
            decoder: '#34D399',
            prior: '#C4B5FD',
            generator: '#F472B6',
            discriminator: '#FB923C',
            adversary: '#F87171',
          },
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
      ? { encoder: '#777777', code: '#444444', decoder: '#777777', ...PRINT_GAME }
      : {
          encoder: '#4E79A7',
          code: '#D4A017',
          decoder: '#59A14F',
          prior: '#8F6BB3',
          generator: '#B07AA1',
          discriminator: '#F28E2B',
          adversary: '#E15759',
        },
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
