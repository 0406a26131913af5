import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, FrameError } from '../src/shared/contract/codec';
import { dispatchCommand } from '../src/shared/contract/dispatch';
import { createStudioHost } from '../src/main/services/host';
import { memoryTransport } from '../src/shared/contract/memory';
import { StudioClient } from '../src/shared/contract/client';
import type { SpawnTrainer } from '../src/main/services/trainer/supervisor';

const noTrainer: SpawnTrainer = () => {
  throw new Error('no trainer in this test');
};
const host = () => createStudioHost({ shell: 'memory', version: 'test', spawnTrainer: noTrainer });

describe('binary frame codec', () => {
  it('round-trips structure and typed arrays without turning them into number lists', () => {
    const images = new Float32Array([0, 0.5, 1, 0.25]);
    const labels = new Int32Array([3, 1]);
    const frame = encodeFrame({ type: 'event', payload: { images, labels, name: 'x', n: [1, 2] } });
    expect(new TextDecoder().decode(frame)).not.toContain('0.25');
    const back = decodeFrame(frame) as {
      payload: { images: Float32Array; labels: Int32Array; name: string };
    };
    expect(back.payload.images).toBeInstanceOf(Float32Array);
    expect(Array.from(back.payload.images)).toEqual([0, 0.5, 1, 0.25]);
    expect(Array.from(back.payload.labels)).toEqual([3, 1]);
    expect(back.payload.name).toBe('x');
  });

  it('refuses truncated, lying and garbage frames with FrameError', () => {
    const frame = encodeFrame({ a: new Float32Array(16) });
    expect(() => decodeFrame(frame.subarray(0, frame.length - 8))).toThrow(FrameError);
    expect(() => decodeFrame(new Uint8Array([255, 255, 255, 127, 1, 2]))).toThrow(FrameError);
    expect(() => decodeFrame(new Uint8Array(2))).toThrow(FrameError);
    const bad = encodeFrame({ a: 1 });
    const text = new TextEncoder().encode('{"a":{"$buf":7,"$type":"f32"}}');
    const forged = new Uint8Array(4 + text.length);
    new DataView(forged.buffer).setUint32(0, text.length, true);
    forged.set(text, 4);
    expect(() => decodeFrame(forged)).toThrow(FrameError);
    expect(decodeFrame(bad)).toEqual({ a: 1 });
  });
});

describe('dispatch (the Electron IPC and every transport go through it)', () => {
  it('names an unknown command and an invalid request, and the host keeps answering', async () => {
    const h = host();
    const unknown = await dispatchCommand(h.handlers, 'format.disk', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_COMMAND' } });
    const invalid = await dispatchCommand(h.handlers, 'train.start', { graph: 'not a graph' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'E_INVALID_MESSAGE' } });
    const extra = await dispatchCommand(h.handlers, 'app.info', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'E_INVALID_MESSAGE' } });
    const info = await dispatchCommand(h.handlers, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { version: 'test', shell: 'memory' } });
  });
});

describe('in-memory transport', () => {
  it('gives a named error for a malformed message and the host stays up', async () => {
    const h = host();
    const client = new StudioClient(memoryTransport(h.handlers, (l) => h.onEvent(l)));
    const bad = await client.invoke('train.stop', { runId: 42 } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'E_INVALID_MESSAGE' } });
    expect(bad.ok ? '' : bad.error.message).toContain('runId');
    const info = await client.invoke('app.info', {});
    expect(info.ok).toBe(true);
  });

  it('refuses a graph that cannot train with the reason in words', async () => {
    const h = host();
    const client = new StudioClient(memoryTransport(h.handlers, (l) => h.onEvent(l)));
    const result = await client.invoke('train.start', {
      graph: { version: 1, nodes: [], edges: [] },
      settings: {},
      data: {},
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INVALID_GRAPH' } });
  });
});
