/**
 * Training beyond one process: the Keras script under a tf.distribute strategy chosen when it
 * runs, and the PyTorch script under torchrun with DistributedDataParallel.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportKerasScript } from '../../src/shared/export/keras';
import { exportPytorchScript } from '../../src/shared/export/pytorch';
import { getPreset } from '../../src/shared/presets';
import { findKerasPython } from './kerasPython';
import { torchPython } from './torchPython';

const PRESET_IDS = ['default', 'tied', 'vae'];
const found = findKerasPython();
const kerasTitle = (what: string) =>
  'reason' in found ? `${what} (skipped: ${found.reason})` : `${what} (Keras ${found.keras})`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'distributed-export-'));
});

function scripts(id: string): { keras: string; pytorch: string } {
  const p = getPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  const keras = exportKerasScript(p.graph, p.settings, { title: id, procedure: p.procedure });
  const pytorch = exportPytorchScript(p.graph, p.settings, { title: id, procedure: p.procedure });
  if (!keras.ok) throw new Error(keras.error.message);
  if (!pytorch.ok) throw new Error(pytorch.error.message);
  return { keras: keras.value, pytorch: pytorch.value };
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const run = (python: string, args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(python, args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: 'pipe',
    timeout: 300_000,
    env: { ...process.env, OMP_NUM_THREADS: '1', TF_CPP_MIN_LOG_LEVEL: '3', ...env },
  });
  return { status: r.status, out: `${r.stdout ?? ''}\n${r.stderr ?? ''}`, stdout: r.stdout ?? '' };
};

describe('distributed training in the exported scripts', () => {
  it.each(PRESET_IDS)('the Keras and PyTorch scripts of the %s preset are valid Python', (id) => {
    const { keras, pytorch } = scripts(id);
    for (const [kind, text] of [
      ['keras', keras],
      ['torch', pytorch],
    ]) {
      const file = write(`${id}_${kind}.py`, text);
      const parsed = run('/usr/bin/python3', [
        '-c',
        'import ast, sys; ast.parse(open(sys.argv[1]).read())',
        file,
      ]);
      expect(parsed.status, parsed.out).toBe(0);
    }
  });

  it('the Keras script builds under the strategy its command line names, none by default', () => {
    const { keras } = scripts('default');
    expect(keras).toContain('with STRATEGY.scope():\n    # The model, layer by layer');
    expect(keras).toContain('tf.distribute.MirroredStrategy()');
    expect(keras).toContain('tf.distribute.MultiWorkerMirroredStrategy()');
    expect(keras).toContain('default=os.environ.get("AESTUDIO_STRATEGY", "none")');
  });

  it('the PyTorch default script trains in two processes under torchrun, each rank training', () => {
    const python = torchPython();
    const file = write('default_torchrun.py', scripts('default').pytorch);
    const saved = join(dir, 'default_torchrun.pt');
    const r = run(python, [
      '-m',
      'torch.distributed.run',
      '--nproc_per_node=2',
      '--standalone',
      // Debian's torch 1.13 on Python 3.12 cannot read its default '0' for these (enum flags
      // changed); teeing stdout to a log as well keeps it on the console, as torchrun shows it.
      '--redirects',
      '1',
      '--tee',
      '1',
      file,
      '--max-steps',
      '3',
      '--save',
      saved,
    ]);
    expect(r.status, r.out).toBe(0);
    expect(r.stdout).toMatch(/Rank 0 of 2: Training trained 3 steps, last loss \d/);
    expect(r.stdout).toMatch(/Rank 1 of 2: Training trained 3 steps, last loss \d/);
    // Only the first process prints the steps and saves.
    expect(r.stdout.match(/step 3 loss/g)).toHaveLength(1);
    expect(existsSync(saved)).toBe(true);
  });

  it('the PyTorch script alone trains in one process, as before', () => {
    const python = torchPython();
    const file = write('default_alone.py', scripts('default').pytorch);
    const r = run(python, [file, '--max-steps', '2']);
    expect(r.status, r.out).toBe(0);
    expect(r.stdout).toMatch(/^step 2 loss/m);
    expect(r.stdout).not.toMatch(/Rank \d/);
  });

  it.skipIf('reason' in found)(
    kerasTitle('the Keras default script builds and fits two steps under MirroredStrategy'),
    () => {
      if ('reason' in found) return;
      const file = write('default_mirrored.py', scripts('default').keras);
      const r = run(found.python, [file, '--strategy', 'mirrored', '--max-steps', '2'], {
        CUDA_VISIBLE_DEVICES: '',
      });
      expect(r.status, r.out).toBe(0);
      expect(r.stdout).toMatch(/Training under MirroredStrategy on 1 replica\(s\)\./);
      expect(r.stdout).toMatch(/2\/2/);
    },
  );
});
