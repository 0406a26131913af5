import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { customLayersPlugin } from './scripts/customLayersPlugin';

// Four node entry points share one build: the Electron main process, the browser-mode server,
// the headless command line and the trainer process (which must never share an event loop with
// the host).
export default defineConfig({
  main: {
    // custom-layers.js, shipped with the "continue training" TensorFlow.js export.
    plugins: [customLayersPlugin(__dirname)],
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          serve: resolve(__dirname, 'src/main/web/serve.ts'),
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          trainer: resolve(__dirname, 'src/main/services/trainer/process.ts'),
          // The TensorFlow.js export's worker thread (export/tfjsInWorker.ts finds it here).
          exportWorker: resolve(__dirname, 'src/main/services/export/tfjsWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
