import { trainOnWebGpu } from './webgpuTraining';

/**
 * A process of its own for the WebGPU training check (Dawn finds SwiftShader only through the
 * library path a process starts with). Prints one line, `TRAINED {json}`; preset ids may be given
 * as the first argument, comma separated, and game preset ids as the second.
 */
const ids = process.argv[2] ? process.argv[2].split(',') : ['default', 'vae', 'denoising-gaussian'];
trainOnWebGpu(ids, process.argv[3] ? process.argv[3].split(',') : ['gan-dense'])
  .catch((error: unknown) => ({ ok: false as const, reason: String(error) }))
  .then((report) => {
    process.stdout.write(`\nTRAINED ${JSON.stringify(report)}\n`);
    process.exit(0);
  });
