import { webgpuParity } from './webgpuParity';

/**
 * A process of its own for the WebGPU equality check: Dawn finds Vulkan (and so SwiftShader) only
 * through the library path the process started with, which a test cannot change afterwards.
 * Prints one line, `PARITY {json}`; preset ids may be given as the first argument, comma separated.
 */
const ids = process.argv[2] ? process.argv[2].split(',') : undefined;
webgpuParity(ids)
  .catch((error: unknown) => ({ ok: false as const, reason: String(error) }))
  .then((report) => {
    process.stdout.write(`\nPARITY ${JSON.stringify(report)}\n`);
    process.exit(0);
  });
