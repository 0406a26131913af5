import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  TESTED_TFJS_VERSION,
  decideFastPaths,
  installedTfjs,
  type InstalledTfjs,
} from './testedVersions';

const all = (version: string | null): InstalledTfjs => ({
  'tfjs-core': version,
  'tfjs-backend-cpu': version,
  'tfjs-backend-wasm': version,
});

describe('the fast-path version guard', () => {
  it('reads the installed tfjs releases from tfjs and the wasm package', () => {
    expect(installedTfjs()).toEqual({
      'tfjs-core': tf.version['tfjs-core'],
      'tfjs-backend-cpu': tf.version['tfjs-backend-cpu'],
      'tfjs-backend-wasm': '4.22.0',
    });
  });

  it('allows the installed 4.22.0 on wasm and cpu', () => {
    expect(TESTED_TFJS_VERSION).toBe('4.22.0');
    expect(decideFastPaths(installedTfjs(), 'wasm')).toEqual({ ok: true });
    expect(decideFastPaths(installedTfjs(), 'cpu')).toEqual({ ok: true });
  });

  it.each(['4.22.1', '4.23.0', '5.0.0', '4.21.0', '4.22.0-rc.1', '4.22'])(
    'refuses tfjs %s and says in words which release it was tested with',
    (version) => {
      const decision = decideFastPaths(all(version), 'wasm');
      expect(decision.ok).toBe(false);
      if (decision.ok) return;
      expect(decision.reason).toContain(`tested with TensorFlow.js 4.22.0`);
      expect(decision.reason).toContain(`tfjs-core ${version}`);
      expect(decision.reason).toContain('slower');
    },
  );

  it('refuses when one package alone differs, naming only that one', () => {
    const decision = decideFastPaths({ ...all('4.22.0'), 'tfjs-backend-wasm': '4.23.0' }, 'wasm');
    expect(decision).toEqual({
      ok: false,
      reason: expect.stringContaining('tfjs-backend-wasm 4.23.0'),
    });
    if (!decision.ok) expect(decision.reason).not.toContain('tfjs-core');
  });

  it('refuses when the wasm package is not found', () => {
    const decision = decideFastPaths({ ...all('4.22.0'), 'tfjs-backend-wasm': null }, 'cpu');
    expect(decision).toEqual({ ok: false, reason: expect.stringContaining('not found') });
  });

  it('refuses a backend whose internals were not tested (webgl, tensorflow)', () => {
    expect(decideFastPaths(all('4.22.0'), 'webgl').ok).toBe(false);
    expect(decideFastPaths(all('4.22.0'), 'tensorflow').ok).toBe(false);
  });
});
