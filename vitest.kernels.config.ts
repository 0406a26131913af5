import { defineConfig, type Plugin } from 'vitest/config';

/**
 * tfjs-core's jasmine_util requires jasmine-core only to set a default timeout; vitest runs the
 * specs, so the require becomes a stand-in (no jasmine-core install needed).
 */
const withoutJasmineCore: Plugin = {
  name: 'tfjs-core-tests-without-jasmine-core',
  transform(code, id) {
    if (!id.includes('tfjs-core/dist/jasmine_util.js')) return null;
    return code.replace(
      "require('jasmine-core/lib/jasmine-core/jasmine.js')",
      '{ core: () => ({}) }',
    );
  },
};

// `npm run test:kernels`: tfjs-core's own op tests (shipped in its dist) against the wasm backend
// with the app's kernels installed, then the app's reference tests of those kernels.
export default defineConfig({
  plugins: [withoutJasmineCore],
  test: {
    include: ['test/kernels/**/*.kernels.ts', 'src/main/services/tf/**/*.test.ts'],
    environment: 'node',
    globals: true,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    // Transformed by vite (ESM with one require), not loaded by node.
    server: { deps: { inline: [/@tensorflow\/tfjs-core\/dist\/(?!tf-core)/] } },
  },
});
