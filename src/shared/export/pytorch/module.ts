/**
 * One compiled model written as an `nn.Module` class: a module per layer with state, the
 * initializers, the forward pass with its extra loss terms, the table of the app's weights, and
 * for greedy training one method per phase.
 */
import type { GraphAnalysis, KerasLayerSpec, KerasModelSpec } from '../../compiler';
import { ok, type Result } from '../../contract/result';
import { pyIdentifierAllocator } from '../../escape/python';
import { pyValue } from '../python';
import { torchLayer, type TorchLayerCode } from './layers';
import { RUNTIME_NAMES } from './runtime';

/** nn.Module's own attributes and the methods the class defines: no layer may take their name. */
const MODULE_ATTRIBUTES = (
  'T_destination dump_patches training add_module apply bfloat16 buffers children cpu cuda ' +
  'double eval extra_repr float forward get_buffer get_extra_state get_parameter get_submodule ' +
  'half ipu load_state_dict modules named_buffers named_children named_modules named_parameters ' +
  'parameters register_backward_hook register_buffer register_forward_hook ' +
  'register_forward_pre_hook register_full_backward_hook register_full_backward_pre_hook ' +
  'register_load_state_dict_post_hook register_module register_parameter ' +
  'register_state_dict_pre_hook requires_grad_ set_extra_state share_memory state_dict to ' +
  'to_empty train type xpu zero_grad call_super_init compile mtia ' +
  'run step init_weights LOSS INPUT_SHAPE WEIGHTS weight bias running_mean running_var'
).split(' ');

/** Module-level names of the script: a local variable of a forward pass must not shadow them. */
export const SCRIPT_NAMES = [
  ...RUNTIME_NAMES,
  'argparse',
  'json',
  'os',
  'np',
  'torch',
  'nn',
  'F',
  'SEED',
  'BATCH_SIZE',
  'load_labels',
  'train',
  'WEIGHTS_FILE',
  'Autoencoder',
  'Pretrained',
  'x',
  'terms',
  'self',
];

/** A greedy phase: the layers it trains, input to output, and how many of them encode. */
export interface TorchPhase {
  layers: string[];
  encoderCount: number;
}

export interface TorchModule {
  /** The class's source text. */
  text: string;
  /** Each layer's attribute on the module, by Keras name (layers with state only). */
  attributes: Map<string, string>;
}

interface Emitted {
  name: string;
  attr: string;
  local: string;
  code: TorchLayerCode;
}

const indent = (lines: string[], depth: number) => lines.map((l) => `${' '.repeat(depth)}${l}`);

/** The loss name the script's reconstruction_loss takes. */
export const TORCH_LOSS: Record<KerasModelSpec['studio']['loss'], string> = {
  mse: 'mse',
  binaryCrossentropy: 'binary_crossentropy',
  categoricalCrossentropy: 'categorical_crossentropy',
};

/** The class of one model; phases add a method per greedy phase and its encoder part. */
export function torchModule(
  className: string,
  spec: KerasModelSpec,
  analysis: GraphAnalysis,
  docstring: string,
  phases: TorchPhase[] = [],
): Result<TorchModule> {
  const layers = spec.config.layers;
  const byName = new Map(layers.map((l) => [l.name, l]));
  const shapeOf = (name: string) => analysis.nodes[spec.studio.nodeOfLayer[name]].shape!;
  const attrAlloc = pyIdentifierAllocator(
    [...MODULE_ATTRIBUTES, ...phases.flatMap((_, k) => [`phase_${k + 1}`, `encode_${k + 1}`])],
    'layer',
  );
  const localAlloc = pyIdentifierAllocator(SCRIPT_NAMES, 'layer');
  const attrs = new Map<string, string>();
  const locals = new Map<string, string>();
  for (const l of layers) {
    locals.set(l.name, localAlloc(l.name));
    if (l.class_name !== 'InputLayer') attrs.set(l.name, attrAlloc(l.name));
  }
  // Emits one layer with the given inputs; `inPhase` limits which layers a term may read.
  const emit = (
    layer: KerasLayerSpec,
    inputs: string[],
    inPhase?: Set<string>,
  ): Result<TorchLayerCode> => {
    const sources = (layer.inbound_nodes[0] ?? []).map(([name]) => name);
    return torchLayer({
      layer,
      self: `self.${attrs.get(layer.name)!}`,
      inputs,
      inShapes: sources.map(shapeOf),
      outShape: shapeOf(layer.name),
      selfOf: (name) => (attrs.has(name) ? `self.${attrs.get(name)!}` : null),
      sourceOf: (k) =>
        inPhase && !inPhase.has(sources[k]) ? undefined : byName.get(sources[k] ?? ''),
    });
  };

  const emitted: Emitted[] = [];
  const forward: string[] = ['terms = {}'];
  for (const layer of layers) {
    const local = locals.get(layer.name)!;
    if (layer.class_name === 'InputLayer') {
      forward.push(`${local} = x.reshape(x.shape[0], ${shapeOf(layer.name).join(', ')})`);
      continue;
    }
    const inputs = (layer.inbound_nodes[0] ?? []).map(([name]) => locals.get(name)!);
    const code = emit(layer, inputs);
    if (!code.ok) return code;
    emitted.push({ name: layer.name, attr: attrs.get(layer.name)!, local, code: code.value });
    forward.push(`${local} = ${code.value.value}`, ...(code.value.terms ?? []));
  }
  const output = locals.get(spec.studio.outputLayer)!;
  const codeVar = spec.studio.codeLayer ? locals.get(spec.studio.codeLayer)! : 'None';
  forward.push(`return ${output}, ${codeVar}, terms`);

  const withModule = emitted.filter((e) => e.code.module);
  const frozen = withModule.filter((e) => byName.get(e.name)!.config.trainable === false);
  const init = [
    'super().__init__()',
    ...withModule.map((e) => `self.${e.attr} = ${e.code.module!}`),
  ];
  if (frozen.length > 0) {
    init.push(
      '# Frozen under the classifier head: only the head learns.',
      'if frozen:',
      ...frozen.map((e) => `    self.${e.attr}.requires_grad_(False)`),
    );
  }
  init.push('self.init_weights()');
  const inits = emitted.flatMap((e) => e.code.init ?? []);
  const weights = emitted.flatMap((e) =>
    (e.code.weights ?? []).map(
      (w) => `(${pyValue(`${e.name}/${w.suffix}`)}, "${e.attr}.${w.param}", ${pyValue(w.order)}),`,
    ),
  );

  const phaseMethods: string[] = [];
  for (const [k, phase] of phases.entries()) {
    const inPhase = new Set(phase.layers);
    const chain = (names: string[], withTerms: boolean): Result<string[]> => {
      const lines = withTerms ? ['terms = {}'] : [];
      let previous = 'x';
      for (const name of names) {
        const code = emit(byName.get(name)!, [previous], inPhase);
        if (!code.ok) return code;
        previous = locals.get(name)!;
        lines.push(`${previous} = ${code.value.value}`);
        if (withTerms) lines.push(...(code.value.terms ?? []));
      }
      lines.push(withTerms ? `return ${previous}, terms` : `return ${previous}`);
      return ok(lines);
    };
    const whole = chain(phase.layers, true);
    if (!whole.ok) return whole;
    const encoder = chain(phase.layers.slice(0, phase.encoderCount), false);
    if (!encoder.ok) return encoder;
    phaseMethods.push(
      '',
      `def phase_${k + 1}(self, x):`,
      `    """Greedy phase ${k + 1}: (output, extra loss terms) of its layers alone."""`,
      ...indent(whole.value, 4),
      '',
      `def encode_${k + 1}(self, x):`,
      `    """The encoder part of phase ${k + 1}: its codes are the next phase's input."""`,
      ...indent(encoder.value, 4),
    );
  }

  const body = [
    `"""${docstring}"""`,
    '',
    `LOSS = ${pyValue(TORCH_LOSS[spec.studio.loss])}`,
    `INPUT_SHAPE = ${pyValue(shapeOf(spec.studio.inputLayer))}`,
    "# (name in the app's weights file, parameter here, axis order from Keras' layout to torch's)",
    ...(weights.length > 0 ? ['WEIGHTS = (', ...indent(weights, 4), ')'] : ['WEIGHTS = ()']),
    '',
    'def __init__(self, frozen=True):',
    ...indent(init, 4),
    '',
    'def init_weights(self):',
    '    """The design\'s initializers (Keras\' defaults unless a layer chose another)."""',
    ...indent(inits.length > 0 ? inits : ['pass'], 4),
    '',
    'def run(self, x):',
    '    """(output, code, extra loss terms) of a batch; noise and dropout act in train mode only."""',
    ...indent(forward, 4),
    '',
    'def forward(self, x):',
    '    return self.run(x)[0]',
    '',
    'def step(self, x):',
    '    """(output, extra loss terms): what a training step needs."""',
    '    output, _, terms = self.run(x)',
    '    return output, terms',
    ...phaseMethods,
  ];
  const text = [`class ${className}(nn.Module):`, ...indent(body, 4)]
    .map((l) => l.trimEnd())
    .join('\n');
  return ok({ text, attributes: new Map(withModule.map((e) => [e.name, e.attr])) });
}
