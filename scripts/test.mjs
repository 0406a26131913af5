// `npm test`: runs every suite even when an earlier one fails, prints each suite's result and
// duration, and exits non-zero if any failed. Only the suites that need the build (unit, e2e)
// wait for it: when the build fails they are reported as not run, which also fails the run.
import { spawnSync } from 'node:child_process';

/** name, command, and whether it needs `npm run build` to have passed. */
const SUITES = [
  ['typecheck', 'npm run typecheck', false],
  ['lint', 'npm run lint', false],
  ['format', 'npm run format:check', false],
  ['build', 'npm run build', false],
  ['unit', 'npx vitest run', true],
  [
    'kernels (tfjs-core op tests)',
    'npx vitest run --config vitest.kernels.config.ts test/kernels',
    false,
  ],
  ['e2e', 'npx playwright test', true],
];

const results = [];
let built = true;
for (const [name, command, needsBuild] of SUITES) {
  if (needsBuild && !built) {
    results.push({ name, result: 'not run: the build failed', seconds: 0 });
    continue;
  }
  console.log(`\n=== ${name}: ${command}`);
  const start = Date.now();
  const run = spawnSync(command, { shell: true, stdio: 'inherit' });
  const ok = run.status === 0;
  if (name === 'build') built = ok;
  results.push({
    name,
    result: ok ? 'passed' : `FAILED (exit ${run.status ?? run.signal})`,
    seconds: (Date.now() - start) / 1000,
  });
}

const width = Math.max(...results.map((r) => r.name.length));
console.log('\nnpm test summary');
for (const r of results)
  console.log(`  ${r.name.padEnd(width)}  ${r.seconds.toFixed(1).padStart(7)} s  ${r.result}`);
const total = results.reduce((s, r) => s + r.seconds, 0);
console.log(`  ${'total'.padEnd(width)}  ${total.toFixed(1).padStart(7)} s`);
const failed = results.filter((r) => r.result !== 'passed');
console.log(failed.length ? `${failed.length} suite(s) did not pass.` : 'All suites passed.');
process.exit(failed.length ? 1 : 0);
