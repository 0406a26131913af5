import { defineConfig } from 'vitest/config';

// `npm run bench` runs these after the command-line benchmarks; they print their figures.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts', 'src/**/*.bench.ts'],
    environment: 'node',
    silent: false,
    reporters: ['dot'],
  },
});
