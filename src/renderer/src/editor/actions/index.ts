/** Pure transformations of a graph document behind the editor's toolbar and shortcuts. */
export { mirrorEncoder, type MirrorOptions } from './mirror';
export { makeDenoising, NOISE_KINDS, type NoiseKind } from './denoise';
export { makeSparse, type Sparsity } from './sparse';
export { makeVariational } from './variational';
export { copyFragment, pasteFragment, type Fragment } from './clipboard';
export { autoLayout } from './layout';
export { checkConnection, type ConnectionCheck } from './connection';
