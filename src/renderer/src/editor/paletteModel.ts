import { NODE_KINDS, type NodeKind } from '../../../shared/graph/document';
import { LAYER_DESCRIPTORS } from '../../../shared/layers';
import { CATEGORIES, type Category } from '../../../shared/layers/types';

export interface PaletteGroup {
  category: Category;
  kinds: NodeKind[];
}

/** Words a person may search for that the kind's name does not contain. */
const ALIASES: Partial<Record<NodeKind, string>> = {
  Dense: 'fully connected linear neurons',
  TiedDense: 'tied weights transpose mirror',
  Conv2D: 'convolution filters image',
  Conv2DTranspose: 'deconvolution transposed convolution upsample',
  MaxPooling2D: 'pool downsample',
  UpSampling2D: 'upsample enlarge',
  Code: 'bottleneck sparse sparsity latent contractive',
  Sampling: 'vae variational latent reparameterization',
  GaussianNoise: 'denoising',
  MaskingNoise: 'denoising mask',
  SaltAndPepperNoise: 'denoising',
  Dropout: 'denoising',
  Output: 'loss reconstruction',
  ClassifierHead: 'classifier labels softmax',
};

/** Whether a kind matches what the person typed (its name, group, explanation or aliases). */
export function kindMatches(kind: NodeKind, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const d = LAYER_DESCRIPTORS[kind];
  const text = `${kind} ${d.category} ${d.explanation} ${ALIASES[kind] ?? ''}`.toLowerCase();
  return q.split(/\s+/).every((word) => text.includes(word));
}

/** The palette's groups with the kinds that match, in catalogue order; empty groups are left out. */
export function paletteGroups(query: string): PaletteGroup[] {
  return CATEGORIES.map((category) => ({
    category,
    kinds: NODE_KINDS.filter(
      (k) => LAYER_DESCRIPTORS[k].category === category && kindMatches(k, query),
    ),
  })).filter((g) => g.kinds.length > 0);
}

/** The kinds that match, best first: a name that starts with the query before other matches. */
export function rankKinds(query: string): NodeKind[] {
  const q = query.trim().toLowerCase();
  const found = NODE_KINDS.filter((k) => kindMatches(k, q));
  const starts = (k: NodeKind) =>
    k.toLowerCase().startsWith(q) ? 0 : k.toLowerCase().includes(q) ? 1 : 2;
  return [...found].sort((a, b) => starts(a) - starts(b));
}
