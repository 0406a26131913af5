import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeNpy, encodeNpz } from './npz';
import { findPythonWith } from '../../../../test/python';

const numpy = findPythonWith('numpy');

describe('NumPy files written for exported scripts', () => {
  it('pads the .npy header so the data starts on a 64-byte boundary', () => {
    const bytes = encodeNpy(new Float32Array([1, 2, 3]), [3]);
    const headerLength = new DataView(bytes.buffer).getUint16(8, true);
    expect((10 + headerLength) % 64).toBe(0);
    expect(bytes.length).toBe(10 + headerLength + 12);
  });

  it('refuses a shape that does not hold the data', () => {
    expect(() => encodeNpy(new Float32Array(5), [2, 3])).toThrow(RangeError);
  });

  it('refuses an array name that climbs out of the archive', () => {
    const a = { data: new Float32Array(1), shape: [1] };
    expect(() => encodeNpz({ '../x': a })).toThrow(RangeError);
    expect(() => encodeNpz({ 'a\nb': a })).toThrow(RangeError);
  });

  it('writes an .npz that numpy.load reads back exactly, shapes and values', () => {
    if (!numpy.ok) throw new Error(numpy.reason);
    const dir = mkdtempSync(join(tmpdir(), 'npz-'));
    const kernel = Float32Array.from({ length: 6 }, (_, i) => i * 0.5 - 1.25);
    const file = join(dir, 'w.npz');
    writeFileSync(
      file,
      encodeNpz({
        'encoder 1/kernel': { data: kernel, shape: [2, 3] },
        bias: { data: new Float32Array([Math.PI]), shape: [1] },
        scalar: { data: new Float32Array([7]), shape: [] },
      }),
    );
    const out = execFileSync(numpy.python, [
      '-c',
      'import json,sys,numpy as np\n' +
        'z=np.load(sys.argv[1])\n' +
        'print(json.dumps({k:[list(z[k].shape),z[k].dtype.str,z[k].ravel().tolist()] for k in z.files}))',
      file,
    ]).toString();
    const read = JSON.parse(out);
    expect(read['encoder 1/kernel']).toEqual([[2, 3], '<f4', Array.from(kernel)]);
    expect(read.bias).toEqual([[1], '<f4', [Math.fround(Math.PI)]]);
    expect(read.scalar).toEqual([[], '<f4', [7]]);
  });
});
