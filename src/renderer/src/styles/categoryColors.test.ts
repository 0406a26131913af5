import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../shared/layers/types';
import { NODE_KINDS } from '../../../shared/graph/document';
import { CATEGORY_COLORS, categoryVar, installCategoryColors, kindColor } from './categoryColors';

const slugs = CATEGORIES.map((c) => c.toLowerCase());

describe('the category palette', () => {
  it('gives every palette group a colour written as #rrggbb', () => {
    for (const category of CATEGORIES) {
      expect(CATEGORY_COLORS[category], category).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });

  it('sets one --cat-* custom property per group at startup, with the colour of the palette', () => {
    const set = new Map<string, string>();
    installCategoryColors({ style: { setProperty: (name, value) => set.set(name, value) } });
    expect([...set.keys()].sort()).toEqual(slugs.map((s) => `--cat-${s}`).sort());
    for (const category of CATEGORIES) {
      expect(set.get(categoryVar(category))).toBe(CATEGORY_COLORS[category]);
    }
  });

  it('colours a kind (the minimap) with the colour of its group', () => {
    expect(kindColor('Input')).toBe(CATEGORY_COLORS.Data);
    expect(kindColor('Conv2D')).toBe(CATEGORY_COLORS.Convolution);
    for (const kind of NODE_KINDS)
      expect(Object.values(CATEGORY_COLORS)).toContain(kindColor(kind));
  });
});
