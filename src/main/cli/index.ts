import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_PRESET_ID } from '../../shared/presets';
import { runBench } from './bench';
import { exportCommand } from './export';
import { trainHeadless } from './headless';
import { animateTrainingCommand, reportCommand } from './report';
import { loadCliProject } from './source';

const USAGE = `Autoencoder Studio, headless.
  demo [--epochs N] [--out DIR]                 train the default autoencoder on the embedded digits
  train <project | preset:ID> [--epochs N] [--out DIR]
                                                train a project file or a preset; writes loss.svg,
                                                reconstructions.png and the trained project (with weights)
  train <project> --continue --epochs N [--out DIR]
                                                train a trained project N more epochs from its run's
                                                checkpoint (weights and optimizer state), epochs numbered on
  export <project | preset:ID> --svg --png --pdf --keras --pytorch --tfjs --tfjs-training --onnx
         --summary [--out DIR] [--scale 1|2|4]
                                                a trained project's model formats carry its weights
  report <project> [--out report.html] [--walk walk.gif] [--width 640|960|1280]
                                                one self-contained HTML report (diagram, curves,
                                                reconstructions, latent space with a live decoder);
                                                --walk also writes a latent-walk GIF
  animate <project | preset:ID> --epochs N [--out training.gif] [--width 640|960|1280]
                                                trains and writes the reconstructions of each epoch
                                                as a GIF, the epoch and loss on every frame
  bench [decode | torch]                         print training and decoding speed figures, or only
                                                the grid decode or PyTorch's figures`;

const TRAINER = fileURLToPath(new URL('./trainer.js', import.meta.url));

async function train(
  source: string,
  epochs: string | undefined,
  out: string | undefined,
  more = false,
): Promise<number> {
  const project = await loadCliProject(source);
  if (!project.ok) {
    console.error(project.error.message);
    return 1;
  }
  const { draft, slug } = project.value;
  const count = epochs === undefined ? null : Number(epochs);
  if (count !== null && !(Number.isInteger(count) && count >= 1)) {
    console.error(`--epochs needs a whole number of epochs, 1 or more (not "${epochs}").`);
    return 2;
  }
  if (more && (count === null || source.startsWith('preset:'))) {
    console.error('--continue needs a trained project file and --epochs N: how many epochs more.');
    return 2;
  }
  return trainHeadless({
    graph: draft.graph,
    settings: { ...draft.settings, epochs: count ?? draft.settings.epochs },
    continueFrom: more && count !== null ? { path: source, epochs: count } : undefined,
    data: draft.data,
    procedure: draft.procedure,
    outDir: out ?? `${slug}-output`,
    title: draft.name,
    saveAs: `${slug}-trained.aestudio.json`,
    trainerEntry: TRAINER,
  });
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      epochs: { type: 'string' },
      continue: { type: 'boolean' },
      out: { type: 'string' },
      scale: { type: 'string' },
      svg: { type: 'boolean' },
      png: { type: 'boolean' },
      pdf: { type: 'boolean' },
      keras: { type: 'boolean' },
      pytorch: { type: 'boolean' },
      tfjs: { type: 'boolean' },
      'tfjs-training': { type: 'boolean' },
      onnx: { type: 'boolean' },
      summary: { type: 'boolean' },
      walk: { type: 'string' },
      width: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command, source] = positionals;
  switch (values.help ? 'help' : command) {
    case 'demo':
      return train(
        `preset:${DEFAULT_PRESET_ID}`,
        values.epochs ?? '5',
        values.out ?? 'demo-output',
      );
    case 'train':
      return train(source ?? '', values.epochs, values.out, values.continue === true);
    case 'export':
      return exportCommand({ source, formats: values, out: values.out, scale: values.scale });
    case 'report':
      return reportCommand({ source, out: values.out, walk: values.walk, width: values.width });
    case 'animate':
      return animateTrainingCommand({
        source,
        epochs: values.epochs,
        out: values.out,
        width: values.width,
        trainerEntry: TRAINER,
      });
    case 'bench':
      return runBench(TRAINER, source);
    default:
      console.log(USAGE);
      return command === undefined || values.help ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
