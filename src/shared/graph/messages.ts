/**
 * Every diagnostic the graph checks can give, numbered, in one place (STYLE.md habit 6).
 * Messages are written for a person who does not write code and always say what to change.
 */
export const DIAGNOSTIC_CODES = {
  E_CYCLE: 1,
  E_NO_INPUT: 2,
  E_MANY_INPUTS: 3,
  E_NO_OUTPUT: 4,
  E_MANY_OUTPUTS: 5,
  E_UNREACHABLE: 6,
  E_INPUT_COUNT: 7,
  E_PORT: 8,
  E_AFTER_OUTPUT: 9,
  E_DUPLICATE_ID: 10,
  E_PARAM: 11,
  E_SHAPE: 12,
  E_CONV_FLAT: 13,
  E_SAMPLING_INPUTS: 14,
  E_TIED_PARTNER: 15,
  E_OUTPUT_SHAPE: 16,
  E_MANY_CODES: 17,
  E_CONTRACTIVE: 18,
  W_DANGLING_EDGE: 19,
  E_TOO_LARGE: 20,
  E_GAME_SCORE: 21,
  E_GAME_FAKE_SHAPE: 22,
  E_PRIOR_SIZE: 23,
  E_ADVERSARY_PORT: 24,
  E_GAME_SHARED: 25,
  E_PRIOR_OUTSIDE_GAME: 26,
  E_MANY_ADVERSARIES: 27,
  E_GAME_PRIOR: 28,
  E_GAME_UNREACHABLE: 29,
  E_GAME_SOURCE: 30,
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export type Severity = 'error' | 'warning';

/** One finding of the checks, attached to the nodes it is about. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  nodeIds: string[];
  message: string;
}

/** Writes a shape the way a person reads it: "784" for flat, "28×28×1" for an image. */
export const formatShape = (shape: readonly number[]): string => shape.join('×');

/** "Dense 'decoder 2'": how messages name a node. */
export const nodeLabel = (kind: string, name: string, id: string): string =>
  `${kind} '${name.trim() === '' ? id : name}'`;

export const MESSAGES = {
  E_CYCLE: (labels: string[]) =>
    `${labels.join(', ')} form a loop. A model must flow one way from Input to Output: remove one of the connections of the loop.`,
  E_NO_INPUT: () =>
    'The model has no Input. Add an Input node from the Data group and connect it to the first layer.',
  E_MANY_INPUTS: (count: number) =>
    `The model has ${count} Input nodes but can have only one. Delete all but one of them.`,
  E_NO_OUTPUT: () =>
    'The model has no Output. Add an Output node from the Heads group and connect the last layer to it.',
  E_MANY_OUTPUTS: (count: number) =>
    `The model has ${count} Output nodes but can have only one. Delete all but one of them.`,
  E_UNREACHABLE: (label: string) =>
    `${label} is not on a path from Input to Output. Connect it between them or delete it.`,
  E_INPUT_MISSING: (label: string, port: string) =>
    port === 'in'
      ? `${label} has nothing connected to its input. Connect a layer to it.`
      : `${label} has nothing connected to its '${port}' input. Connect a layer to it.`,
  E_INPUT_EXTRA: (label: string, port: string, count: number) =>
    `${label} takes one connection on its '${port}' input but ${count} are connected. Remove all but one.`,
  E_PORT: (label: string, port: string, ports: readonly string[]) =>
    ports.length === 0
      ? `${label} takes no input, but something is connected to it. Remove that connection.`
      : `${label} has no input called '${port}' (it has ${ports.map((p) => `'${p}'`).join(' and ')}). Reconnect it.`,
  E_AFTER_OUTPUT: (label: string) =>
    `${label} is the end of the model: nothing can come after it. Remove the connections leaving it.`,
  E_DUPLICATE_ID: (id: string) =>
    `Two nodes share the id '${id}'. Delete one of them and add it again.`,
  W_DANGLING_EDGE: (id: string) =>
    `The connection '${id}' points to a node that no longer exists; it is ignored.`,
  E_MANY_CODES: (kind: string, count: number) =>
    `The model has ${count} ${kind} nodes but can have only one. Delete all but one of them.`,
  E_CONTRACTIVE: (label: string) =>
    `${label} has a contractive penalty, which needs a Dense layer right before it. Connect a Dense layer to it or set the contractive weight to 0.`,
  E_SAMPLING_SIZES: (label: string, mean: string, logVar: string) =>
    `${label} needs a mean and a log-variance of the same size, but gets ${mean} and ${logVar} values. Give both layers the same number of units.`,
  E_OUTPUT_SHAPE: (sourceLabel: string, gives: string, needs: string, hint: string) =>
    `${sourceLabel} gives ${gives} values but Output needs ${needs}. ${hint}`,
  E_TOO_LARGE_WEIGHTS: (count: string, limit: string, bytes: string, largest: string) =>
    `This design has ${count} weights; the app trains at most ${limit} (${bytes}). Make the largest layers smaller: ${largest}.`,
  E_TOO_LARGE_VALUES: (count: string, limit: string, bytes: string, largest: string) =>
    `This design gives ${count} values for each sample as it runs; the app trains at most ${limit} (${bytes} a sample). Make the largest layers give fewer values: ${largest}.`,
  E_GAME_SCORE: (label: string, gives: string) =>
    `${label} is the discriminator's last layer and gives ${gives} values, but the Adversary's 'score' input needs one value: how sure the discriminator is that a sample is real. End the discriminator with a Dense layer of 1 unit and sigmoid activation.`,
  E_GAME_FAKE_SHAPE: (label: string, gives: string, judges: string, what: string) =>
    `${label} gives ${gives} values to the Adversary's 'fake' input, but the discriminator judges ${judges} values (${what}). Make the generator end in ${judges} values, with a Reshape if only the layout differs.`,
  E_PRIOR_SIZE: (prior: string, size: number, code: string, codeSize: number) =>
    `${prior} draws ${size} values but the code of ${code} has ${codeSize}. In an adversarial autoencoder the discriminator compares codes with samples of the prior, so set the Prior's size to ${codeSize}.`,
  E_ADVERSARY_PORT: (label: string, port: 'score' | 'fake') =>
    port === 'score'
      ? `${label} has nothing connected to its 'score' input. Connect the discriminator's last layer (one value) to it.`
      : `${label} has nothing connected to its 'fake' input. Connect the generator's last layer (or, in an adversarial autoencoder, the code) to it.`,
  E_GAME_SHARED: (labels: string[]) =>
    `${labels.join(', ')} ${labels.length === 1 ? 'belongs' : 'belong'} to both players: the generator's path to the Adversary's 'fake' input and the discriminator's path to its 'score' input must not share layers. Give each player its own layers.`,
  E_PRIOR_OUTSIDE_GAME: (label: string) =>
    `${label} gives random noise, which only a game uses. Add an Adversary node from the Adversarial group and connect the networks to it, or delete the Prior.`,
  E_MANY_ADVERSARIES: (count: number) =>
    `The design has ${count} Adversary nodes but a game has only one. Delete all but one of them.`,
  E_GAME_PRIOR: (count: number) =>
    count === 0
      ? "The game has no Prior. Add a Prior node from the Adversarial group: the noise a GAN's generator starts from, or the codes an adversarial autoencoder should look like."
      : `The game has ${count} Prior nodes but can have only one. Delete all but one of them.`,
  E_GAME_UNREACHABLE: (label: string) =>
    `${label} belongs to neither player: it is not on the path to the Adversary's 'fake' input (the generator) nor on the path to its 'score' input (the discriminator). Connect it on one of them or delete it.`,
  E_GAME_SOURCE: (label: string, player: 'generator' | 'discriminator', game: 'gan' | 'aae') =>
    player === 'discriminator'
      ? game === 'gan'
        ? `${label} feeds the Adversary's 'score' input but does not start from the Input alone. In a GAN the discriminator judges the data: connect the Input, and nothing else, to the discriminator's first layer.`
        : `${label} feeds the Adversary's 'score' input but does not start from the Prior alone. In an adversarial autoencoder the discriminator judges the Prior's samples as the real codes: connect the Prior, and nothing else, to the discriminator's first layer.`
      : game === 'gan'
        ? `${label} feeds the Adversary's 'fake' input but does not start from the Prior alone. In a GAN the generator turns the Prior's noise into samples: connect the Prior, and nothing else, to the generator's first layer.`
        : `${label} feeds the Adversary's 'fake' input but is not on the way from the Input to the Output. In an adversarial autoencoder the discriminator judges the encoder's codes: connect the code layer to 'fake'.`,
} as const;
