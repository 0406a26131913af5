import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { swiftShaderEnv } from './webgpuSwiftShader';

/** The repository root, where node_modules lies. */
const root = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Whether Dawn (the `webgpu` package) finds SwiftShader here, asked in a process started with its
 * environment: the Vulkan loader is found only through the library path a process starts with.
 * For the WebGPU tests only.
 */
export function probeSwiftShader():
  { ok: true; env: NodeJS.ProcessEnv } | { ok: false; reason: string } {
  const setup = swiftShaderEnv();
  if (!setup.ok) return setup;
  const script =
    "const {create}=await import('webgpu');const a=await create([]).requestAdapter();" +
    "console.log('ADAPTER '+JSON.stringify(a?a.info.description:null));process.exit(0)";
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    env: setup.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = /ADAPTER (.*)/.exec(run.stdout ?? '')?.[1];
  if (!line)
    return {
      ok: false,
      reason: `the webgpu package's Dawn did not load (${run.stderr.trim().split('\n')[0]})`,
    };
  if (JSON.parse(line) === null)
    return {
      ok: false,
      reason: `Dawn found no SwiftShader adapter (${run.stderr.trim().split('\n')[0]})`,
    };
  return setup;
}

/**
 * Builds `entry` (a file of this folder) with Vite as the app is built (the layer registry uses
 * import.meta.glob), packages left to node_modules, runs it with `env` and returns the JSON it
 * printed after `marker`.
 */
export async function runWebGpuEntry(
  entry: string,
  marker: string,
  env: NodeJS.ProcessEnv,
  args: string[] = [],
): Promise<unknown> {
  const name = entry.replace(/\.ts$/, '');
  const outDir = `${root}node_modules/.cache/studio-webgpu-${name}`;
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: `${root}src/main/services/tf/${entry}`,
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'esm', entryFileNames: `${name}.mjs` } },
    },
  });
  const child = spawn(process.execPath, [`${outDir}/${name}.mjs`, ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  const line = new RegExp(`${marker} (.*)`).exec(out)?.[1];
  if (!line) throw new Error(`${entry} printed no result:\n${err.slice(-2000)}`);
  return JSON.parse(line) as unknown;
}
