import { fileURLToPath } from 'node:url';
import { DEFAULT_PRESET_ID, getPreset } from '../../shared/presets';
import { trainHeadless } from './demo';
import { runBench } from './bench';

const USAGE = `Autoencoder Studio, headless.
  demo [--epochs N] [--out DIR]   train the default autoencoder on the embedded digits
  bench                           print training and decoding speed figures`;

const option = (args: string[], name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'demo': {
      const preset = getPreset(DEFAULT_PRESET_ID);
      if (!preset) throw new Error('The default preset is missing.');
      const epochs = Number(option(args, '--epochs') ?? 5);
      return trainHeadless({
        graph: preset.graph,
        settings: { ...preset.settings, epochs },
        data: preset.data,
        outDir: option(args, '--out') ?? 'demo-output',
        title: preset.title,
        trainerEntry: fileURLToPath(new URL('./trainer.js', import.meta.url)),
      });
    }
    case 'bench':
      return runBench();
    default:
      console.log(USAGE);
      return command === undefined || command === 'help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
