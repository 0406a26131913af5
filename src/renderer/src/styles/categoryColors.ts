import type { NodeKind } from '../../../shared/graph/document';
import { LAYER_DESCRIPTORS } from '../../../shared/layers';
import type { Category } from '../../../shared/layers/types';

/**
 * The palette groups' colours on the studio's dark theme: the one place they are written.
 * Stylesheets read them as `--cat-*` custom properties (set once at startup by
 * installCategoryColors); SVG attributes, which cannot read CSS variables (the minimap), read
 * them here. The exported diagram has its own slide palettes in shared/diagram/palette.ts.
 */
export const CATEGORY_COLORS: Record<Category, string> = {
  Data: '#4ed39a',
  Layers: '#7c9cff',
  Noise: '#f2b84b',
  Regularize: '#c084fc',
  Convolution: '#38bdf8',
  Variational: '#f472b6',
  Adversarial: '#f87171',
  Heads: '#ff8a65',
};

/** The custom property a stylesheet reads for a group: `--cat-convolution`. */
export const categoryVar = (category: Category): string => `--cat-${category.toLowerCase()}`;

/** The class that gives an element its group's colour as `--cat` (categories.css). */
export const categoryClass = (category: Category): string => `cat-${category.toLowerCase()}`;

/** The colour of a layer kind's group. */
export const kindColor = (kind: NodeKind): string =>
  CATEGORY_COLORS[LAYER_DESCRIPTORS[kind].category];

/** Writes every group colour onto the root element as a `--cat-*` custom property. */
export function installCategoryColors(root: {
  style: { setProperty(name: string, value: string): void };
}): void {
  for (const [category, color] of Object.entries(CATEGORY_COLORS) as [Category, string][]) {
    root.style.setProperty(categoryVar(category), color);
  }
}
