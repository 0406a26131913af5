import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The module's source: the app's layer classes and their registration. */
const ENTRY = 'src/main/services/export/customLayersEntry.ts';
/** Where the TensorFlow.js export looks for it: beside the built main entry points. */
export const CUSTOM_LAYERS_FILE = 'custom-layers.js';

const BANNER = `// Autoencoder Studio's custom TensorFlow.js layers, bundled from the app's own layer code.
// import './custom-layers.js' registers them with @tensorflow/tfjs (which you provide).
`;

/** Bundles the custom layers into one standalone ES module, `@tensorflow/tfjs` left external. */
export async function bundleCustomLayers(root: string): Promise<string> {
  const { build } = await import('rolldown');
  const result = await build({
    input: resolve(root, ENTRY),
    platform: 'neutral',
    external: [/^@tensorflow\//],
    output: { format: 'esm' },
    write: false,
    logLevel: 'silent',
  });
  const chunks = result.output.filter((o) => o.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`custom-layers.js bundled into ${chunks.length} chunks`);
  return BANNER + chunks[0].code;
}

/** Emits custom-layers.js into the main build, built from the layer sources on every build. */
export function customLayersPlugin(root: string): Plugin {
  return {
    name: 'autoencoder-studio-custom-layers',
    apply: 'build',
    async generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: CUSTOM_LAYERS_FILE,
        source: await bundleCustomLayers(root),
      });
    },
  };
}
