import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/compiler';
import { getPreset } from '../../../shared/presets';
import { autoLayout } from '../editor/actions/layout';
import { regionsOf } from './regions';

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the encoder, code and decoder shading', () => {
  it('draws one box per role around a design in one row', () => {
    const doc = getPreset('conv-upsampling')!.graph;
    const regions = regionsOf(doc, analyzeGraph(doc));
    expect(regions.map((r) => r.role)).toEqual(['encoder', 'code', 'decoder']);
  });

  it('shades each row of a wrapped design apart, so no two boxes overlap', () => {
    const doc = autoLayout(getPreset('conv-upsampling')!.graph, {
      canvas: { width: 680, height: 540, padding: 0.08, maxZoom: 1.1 },
    });
    const regions = regionsOf(doc, analyzeGraph(doc));
    expect(regions.length).toBeGreaterThan(3);
    for (const [i, a] of regions.entries())
      for (const b of regions.slice(i + 1))
        expect(overlap(a, b), `${a.role} ${a.part} and ${b.role} ${b.part}`).toBe(false);
  });
});

describe("a game's players", () => {
  it('shades the generator and the discriminator of a GAN apart', () => {
    const doc = getPreset('gan-dense')!.graph;
    const regions = regionsOf(doc, analyzeGraph(doc));
    expect(regions.map((r) => r.role)).toEqual(['generator', 'discriminator']);
    expect(overlap(regions[0], regions[1])).toBe(false);
  });

  it("shades an adversarial autoencoder's parts and its discriminator", () => {
    const doc = getPreset('aae')!.graph;
    const regions = regionsOf(doc, analyzeGraph(doc));
    expect(regions.map((r) => r.role)).toEqual(['encoder', 'code', 'decoder', 'discriminator']);
    for (const [i, a] of regions.entries())
      for (const b of regions.slice(i + 1))
        expect(overlap(a, b), `${a.role} and ${b.role}`).toBe(false);
  });
});
