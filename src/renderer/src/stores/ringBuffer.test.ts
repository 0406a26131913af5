import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ringBuffer';

describe('the ring buffer of batch points', () => {
  it('keeps pushed items in the order they came until it is full', () => {
    const ring = new RingBuffer<number>(4);
    [1, 2, 3].forEach((n) => ring.push(n));
    expect(ring.toArray()).toEqual([1, 2, 3]);
    expect(ring.length).toBe(3);
    expect(ring.at(0)).toBe(1);
    expect(ring.at(-1)).toBe(3);
  });

  it('wraps around: once full, each push drops the oldest item and keeps the order', () => {
    const ring = new RingBuffer<number>(3);
    for (let n = 1; n <= 8; n++) ring.push(n);
    expect(ring.toArray()).toEqual([6, 7, 8]);
    expect(ring.at(0)).toBe(6);
    expect(ring.at(-1)).toBe(8);
    expect(ring.at(3)).toBeUndefined();
  });

  it('never holds more than its capacity', () => {
    const ring = new RingBuffer<number>(5);
    for (let n = 0; n < 1000; n++) ring.push(n);
    expect(ring.length).toBe(5);
    expect(ring.capacity).toBe(5);
    expect(ring.toArray()).toEqual([995, 996, 997, 998, 999]);
  });

  it('counts a new version on every push, so views know to draw again', () => {
    const ring = new RingBuffer<number>(2);
    const before = ring.version;
    ring.push(1);
    ring.push(2);
    ring.push(3);
    expect(ring.version).toBe(before + 3);
  });

  it('starts from the newest items of a list longer than its capacity', () => {
    expect(RingBuffer.from([1, 2, 3, 4, 5], 3).toArray()).toEqual([3, 4, 5]);
    expect(RingBuffer.from([1, 2], 3).toArray()).toEqual([1, 2]);
  });

  it('refuses a capacity that holds nothing', () => {
    expect(() => new RingBuffer<number>(0)).toThrow(/capacity/);
  });
});
