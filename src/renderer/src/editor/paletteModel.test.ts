import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../../shared/graph/document';
import { paletteGroups, rankKinds } from './paletteModel';

describe('the palette', () => {
  it('shows every kind of the catalogue in the eight groups when nothing is searched', () => {
    const groups = paletteGroups('');
    expect(groups.map((g) => g.category)).toEqual([
      'Data',
      'Layers',
      'Noise',
      'Regularize',
      'Convolution',
      'Variational',
      'Adversarial',
      'Heads',
    ]);
    expect(groups.flatMap((g) => g.kinds).sort()).toEqual([...NODE_KINDS].sort());
  });

  it('finds kinds by name, by group and by what they are for', () => {
    expect(paletteGroups('dense').flatMap((g) => g.kinds)).toEqual(['Dense', 'TiedDense']);
    expect(paletteGroups('denoising').map((g) => g.category)).toEqual(['Noise']);
    expect(rankKinds('vae')).toContain('Sampling');
    expect(rankKinds('out')[0]).toBe('Output');
    expect(paletteGroups('no such layer')).toEqual([]);
  });
});
