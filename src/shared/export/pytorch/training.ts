/**
 * The script's training procedure and command line: the project's optimizer, then the plain fit,
 * the greedy phases one after another, or the encoder reuse (pretrain, freeze, train the head,
 * and the same classifier from scratch beside it), each phase with the epochs the app gives it.
 */
import type { TrainSettings } from '../../contract/training';
import { procedurePhases, REUSE_LABELS, type PhaseEpochs } from '../../presets/procedurePhases';
import { pyString } from '../../escape/python';
import { pyValue } from '../python';

/** The optimizer as tfjs sets it up (Adam's and RMSprop's epsilon is Keras' 1e-7). */
export function optimizerLines(s: TrainSettings): string[] {
  const lr = pyValue(s.learningRate);
  const make = {
    adam: `torch.optim.Adam(parameters, lr=${lr}, betas=(0.9, 0.999), eps=1e-7)`,
    sgd: `torch.optim.SGD(parameters, lr=${lr}, momentum=${pyValue(s.momentum)})`,
    rmsprop: `torch.optim.RMSprop(parameters, lr=${lr}, alpha=0.9, eps=1e-7)`,
  }[s.optimizer];
  return [
    'def make_optimizer(parameters):',
    '    """The project\'s optimizer and learning rate."""',
    `    return ${make}`,
  ];
}

const fitCall = (
  model: string,
  step: string,
  x: string,
  y: string,
  params: string,
  loss: string,
  phase: PhaseEpochs,
  batch: string,
) =>
  `    fit(${model}, ${step}, ${x}, ${y}, ${params}, ${loss}, ${phase.epochs}, ${batch}, ${pyString(phase.label)}, args.max_steps)`;

/** train(args) for a design without a procedure: one fit of the whole model. */
export function plainTraining(settings: TrainSettings, classes: number | null): string[] {
  const phase = { label: 'Training', epochs: settings.epochs, fixed: false };
  const y =
    classes === null
      ? 'x'
      : `F.one_hot(load_labels(args.labels, len(x), ${classes}), ${classes}).float()`;
  return [
    'def train(args):',
    '    model = Autoencoder()',
    '    x = load_data(args.data, model.INPUT_SHAPE)',
    `    y = ${y}`,
    fitCall(
      'model',
      'model.step',
      'x',
      'y',
      'model.parameters()',
      'model.LOSS',
      phase,
      'BATCH_SIZE',
    ),
    '    return model',
  ];
}

/** train(args) for greedy layer-wise training: each pair alone, outside in, then the whole stack. */
export function greedyTraining(
  settings: TrainSettings,
  phases: { label: string; epochs?: number; modules: string[] }[],
  fineTuneEpochs: number | undefined,
): string[] {
  const plan = procedurePhases(
    {
      kind: 'greedy',
      phases: phases.map((p) => ({
        label: p.label,
        encoderNodeId: 'e',
        decoderNodeId: 'd',
        epochs: p.epochs,
      })),
      fineTuneEpochs,
    },
    settings.epochs,
  );
  const lines = [
    'def train(args):',
    '    model = Autoencoder()',
    '    x = load_data(args.data, model.INPUT_SHAPE)',
    '    inputs = x',
  ];
  for (const [k, phase] of phases.entries()) {
    const params = `[${phase.modules.map((m) => `*model.${m}.parameters()`).join(', ')}]`;
    if (k > 0) {
      lines.push(`    # The codes of the trained phase ${k} are what phase ${k + 1} reconstructs.`);
      lines.push(`    model.eval()`, `    inputs = encode_all(model.encode_${k}, inputs)`);
    }
    // The outer pair reconstructs the images with the design's loss; inner pairs codes, with MSE.
    const loss = k === 0 ? 'model.LOSS' : '"mse"';
    lines.push(
      fitCall(
        'model',
        `model.phase_${k + 1}`,
        'inputs',
        'inputs',
        params,
        loss,
        plan[k],
        'BATCH_SIZE',
      ),
    );
  }
  if (plan.length > phases.length) {
    lines.push(
      '    # The stacked layers together, fine-tuned end to end.',
      fitCall(
        'model',
        'model.step',
        'x',
        'x',
        'model.parameters()',
        'model.LOSS',
        plan.at(-1)!,
        'BATCH_SIZE',
      ),
    );
  }
  lines.push('    return model');
  return lines;
}

/** train(args) for encoder reuse, with the pretrained autoencoder's layers copied by name. */
export function reuseTraining(
  settings: TrainSettings,
  pretrainId: string,
  labelledCount: number,
  classes: number,
  shared: [string, string][],
  head: string,
): string[] {
  const [pretrain, reuse, scratch] = procedurePhases(
    { kind: 'reuse-encoder', pretrainPresetId: pretrainId, labelledCount },
    settings.epochs,
  );
  const zeroHead = (m: string) => [
    `    nn.init.zeros_(${m}.${head}.weight)`,
    `    nn.init.zeros_(${m}.${head}.bias)`,
  ];
  return [
    'def train(args):',
    '    x = load_data(args.data, Autoencoder.INPUT_SHAPE)',
    `    labels = load_labels(args.labels, len(x), ${classes})`,
    `    # 1. ${REUSE_LABELS[0]} (the preset ${pyString(pretrainId)}) on every sample, without labels.`,
    '    pretrained = Pretrained()',
    fitCall(
      'pretrained',
      'pretrained.step',
      'x',
      'x',
      'pretrained.parameters()',
      'pretrained.LOSS',
      pretrain,
      'BATCH_SIZE',
    ),
    `    # 2. Its encoder under the classifier; the head starts at zero and learns from ${labelledCount} labels.`,
    '    model = Autoencoder()',
    ...shared.map(
      ([mine, theirs]) => `    model.${mine}.load_state_dict(pretrained.${theirs}.state_dict())`,
    ),
    ...zeroHead('model'),
    `    rows = torch.randperm(len(x))[:${labelledCount}]`,
    `    few_x, few_y = x[rows], F.one_hot(labels[rows], ${classes}).float()`,
    '    # At least ten steps an epoch on the few labelled samples.',
    '    batch = min(BATCH_SIZE, max(1, -(-len(rows) // 10)))',
    fitCall(
      'model',
      'model.step',
      'few_x',
      'few_y',
      'model.parameters()',
      'model.LOSS',
      reuse,
      'batch',
    ),
    '    # 3. The same classifier from scratch on the same labels: what pretraining gained.',
    '    scratch = Autoencoder(frozen=False)',
    ...zeroHead('scratch'),
    fitCall(
      'scratch',
      'scratch.step',
      'few_x',
      'few_y',
      'scratch.parameters()',
      'scratch.LOSS',
      scratch,
      'batch',
    ),
    '    say("Accuracy on all samples: pretrained %.3f, from scratch %.3f" % (',
    '        accuracy(model, x, labels), accuracy(scratch, x, labels)))',
    '    return model',
  ];
}

/** predict(args), the command line and load_labels: the parts every script shares. */
export function commandLine(weightsFile: string | undefined): string[] {
  const weights = weightsFile
    ? `os.path.join(os.path.dirname(os.path.abspath(__file__)), ${pyString(weightsFile)})`
    : 'None';
  return [
    `# The app's trained weights, written beside this script${weightsFile ? '' : ' (none were exported)'}.`,
    `WEIGHTS_FILE = ${weights}`,
    '',
    '',
    'def load_labels(path, count, classes):',
    '    """Integer labels from an .npy file, else random placeholder ones."""',
    '    if path is None:',
    '        say("No labels given: training on random placeholder labels.")',
    '        return torch.randint(0, classes, (count,))',
    '    return torch.from_numpy(np.load(path, allow_pickle=False).astype("int64").reshape(-1))',
    '',
    '',
    'def predict(args):',
    '    """Writes the model\'s outputs (and codes) in eval mode, with the trained weights when there are."""',
    '    model = Autoencoder()',
    '    path = args.weights or WEIGHTS_FILE',
    '    if path is not None and os.path.exists(path):',
    '        load_weights(model, path)',
    '    else:',
    '        print("No trained weights found: predicting with fresh weights.")',
    '    model.eval()',
    '    x = torch.from_numpy(np.load(args.predict[0], allow_pickle=False).astype("float32"))',
    '    with torch.no_grad():',
    '        output, code, _ = model.run(x)',
    '    total, trainable = count_params(model)',
    '    arrays = {"output": output.numpy(), "params": np.array([total, trainable], dtype="float64")}',
    '    if code is not None:',
    '        arrays["code"] = code.numpy()',
    '    np.savez(args.predict[1], **arrays)',
    '    print(json.dumps({"params": total, "trainable": trainable}))',
    '',
    '',
    'def main():',
    '    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])',
    '    parser.add_argument("data", nargs="?", help="an .npy file of samples, values in [0, 1]")',
    '    parser.add_argument("--labels", help="an .npy file of integer labels, for a classifier")',
    '    parser.add_argument("--weights", help="an .npz file of the app\'s trained weights")',
    '    parser.add_argument("--predict", nargs=2, metavar=("IN", "OUT"),',
    '                        help="write the outputs for the samples in IN.npy to OUT.npz")',
    '    parser.add_argument("--max-steps", type=int, help="stop each phase after this many steps")',
    '    parser.add_argument("--save", help="save the trained state_dict to this file")',
    '    # Under torchrun, every process trains its share and the first one prints and saves.',
    '    args = parser.parse_args()',
    '    if args.predict:',
    '        predict(args)',
    '        return',
    '    start_distributed()',
    '    # The same seed in every process: the same placeholder data and the same first weights.',
    '    torch.manual_seed(SEED)',
    '    model = train(args)',
    '    say("Parameters: %d (%d trainable)" % count_params(model))',
    '    if args.save and WORLD_RANK == 0:',
    '        torch.save(model.state_dict(), args.save)',
    '    stop_distributed()',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
  ];
}
