#!/usr/bin/env node
// Builds native/studio_blas.c, the addon that gives the trainer the machine's optimized BLAS
// (src/main/services/tf/native/blas.ts), into native/build/studio_blas.node. Runs after `npm ci`
// (postinstall). It needs only a C compiler and Node's own headers; where either is missing it
// says so and stops without failing the install: the trainer then multiplies on wasm, as before.
// STUDIO_REQUIRE_NATIVE=1 (set by .ci/run) turns a failed build into a failed install.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'native', 'studio_blas.c');
const outDir = path.join(root, 'native', 'build');
const target = path.join(outDir, 'studio_blas.node');
const required = process.env.STUDIO_REQUIRE_NATIVE === '1';

const stop = (reason) => {
  const line = `native BLAS addon not built: ${reason}. Training still works, on wasm products.`;
  if (required) {
    console.error(line);
    process.exit(1);
  }
  console.warn(line);
  process.exit(0);
};

if (process.platform === 'win32') stop('not supported on Windows yet');

// Node's headers: beside the node binary (official builds, nvm, Debian's nodejs), or npm's nodedir.
const candidates = [
  path.resolve(path.dirname(process.execPath), '..', 'include', 'node'),
  process.env.npm_config_nodedir && path.join(process.env.npm_config_nodedir, 'include', 'node'),
].filter(Boolean);
const include = candidates.find((dir) => existsSync(path.join(dir, 'node_api.h')));
if (!include) stop(`Node's headers (node_api.h) are not in ${candidates.join(' or ')}`);

const compiler = process.env.CC || 'cc';
const platformFlags =
  process.platform === 'darwin' ? ['-bundle', '-undefined', 'dynamic_lookup'] : ['-shared'];
mkdirSync(outDir, { recursive: true });
// Written beside the target and renamed into place: a half-written addon is never loaded.
const partial = `${target}.${process.pid}.tmp`;
try {
  execFileSync(
    compiler,
    [
      '-O3',
      // Lets the compiler vectorize loops with selects (nothing here reads floating-point flags).
      '-fno-trapping-math',
      '-fno-math-errno',
      '-fPIC',
      '-std=c11',
      '-Wall',
      '-Werror',
      ...platformFlags,
      '-I',
      include,
      source,
      '-o',
      partial,
      ...(process.platform === 'linux' ? ['-ldl'] : []),
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  renameSync(partial, target);
} catch (error) {
  rmSync(partial, { force: true });
  stop(`${compiler} failed (${error instanceof Error ? error.message.split('\n')[0] : error})`);
}
console.log(`built ${path.relative(root, target)}`);
