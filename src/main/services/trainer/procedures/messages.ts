/**
 * Every message a training procedure can end with, numbered (STYLE.md habit 6) and written for a
 * person who does not write code: each says what went wrong and what to change.
 */
export const PROCEDURE_CODES = {
  E_PHASE_NODE: 1,
  E_PHASE_CHAIN: 2,
  E_PHASE_ORDER: 3,
  E_PHASE_MIRROR: 4,
  E_PHASE_TASK: 5,
  E_PRETRAIN_PRESET: 6,
  E_PRETRAIN_INPUT: 7,
  E_REUSE_LAYER: 8,
  E_REUSE_SHAPE: 9,
  E_REUSE_TASK: 10,
  E_REUSE_LABELS: 11,
} as const;

export type ProcedureCode = keyof typeof PROCEDURE_CODES;

const shape = (s: readonly (number | null)[]): string => s.join('×');

export const PROCEDURE_MESSAGES = {
  E_PHASE_NODE: (phase: string, role: 'encoder' | 'decoder', id: string) =>
    `Phase '${phase}' trains the ${role} layer '${id}', but the design has no layer with that id. ` +
    'Choose a layer of the design for this phase.',
  E_PHASE_CHAIN: (layer: string) =>
    'Training one layer pair at a time needs the layers in one straight line from Input to Output, ' +
    `but the design branches at '${layer}'. Train this design in one go instead.`,
  E_PHASE_ORDER: (phase: string, previous: string | null) =>
    previous === null
      ? `Phase '${phase}' names an encoder layer that comes after its decoder layer. Swap them.`
      : `Phase '${phase}' must train a pair inside the pair of phase '${previous}': its encoder layer ` +
        'comes later and its decoder layer earlier. Order the phases from the outside in.',
  E_PHASE_MIRROR: (
    phase: string,
    encoder: string,
    takes: readonly (number | null)[],
    decoder: string,
    gives: readonly (number | null)[],
  ) =>
    `Phase '${phase}' does not mirror: '${encoder}' takes ${shape(takes)} values but '${decoder}' gives back ` +
    `${shape(gives)}. Pick the decoder layer whose output matches this encoder layer's input.`,
  E_PHASE_TASK: () =>
    'Training one layer pair at a time works for autoencoders, but this design ends in a classifier. ' +
    'Remove the ClassifierHead or train in one go.',
  E_PRETRAIN_PRESET: (id: string) =>
    `The model to pretrain, '${id}', is not one of the app's presets. Choose a preset to pretrain.`,
  E_PRETRAIN_INPUT: (id: string, takes: number, has: number) =>
    `The pretrained model '${id}' takes ${takes} values per sample, but the data has ${has}. ` +
    'Choose data of the size the pretrained model expects.',
  E_REUSE_LAYER: (layer: string, id: string) =>
    `The classifier's layer '${layer}' has no layer of the same name in the pretrained model '${id}'. ` +
    'Name the encoder layers as in the pretrained model so their weights can be reused.',
  E_REUSE_SHAPE: (
    layer: string,
    ours: readonly (number | null)[],
    theirs: readonly (number | null)[],
  ) =>
    `The classifier's layer '${layer}' has weights of size ${shape(ours)} but the pretrained one has ` +
    `${shape(theirs)}. Give the layer the same number of units as in the pretrained model.`,
  E_REUSE_TASK: () =>
    'Reusing a pretrained encoder needs a design that ends in a ClassifierHead. Add one before the Output.',
  E_REUSE_LABELS: (count: number) =>
    `The training data has only ${count} samples, too few to pick labelled ones from. Use more data.`,
} as const;

/** How a completed greedy run reports the stacked model. */
export const stackedSummary = (loss: number, fineTuned: boolean): string =>
  `The stacked autoencoder, built from the layer pairs trained one at a time, reaches a validation loss of ` +
  `${loss.toFixed(4)}${fineTuned ? ' before fine-tuning' : ''}.`;

/** How a completed encoder-reuse run reports the comparison. */
export const comparisonSummary = (labelled: number, pretrained: number, scratch: number): string =>
  `With ${labelled} labelled samples, the classifier on the pretrained encoder reaches ` +
  `${(pretrained * 100).toFixed(1)}% validation accuracy; the same classifier trained from scratch ` +
  `${(scratch * 100).toFixed(1)}%.`;
