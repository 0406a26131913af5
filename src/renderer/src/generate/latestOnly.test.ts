import { describe, expect, it } from 'vitest';
import { latestOnly } from './latestOnly';

describe('decoding only the newest cursor position', () => {
  it('replaces a waiting request by the newest instead of queueing every position', async () => {
    const sent: number[] = [];
    const shown: number[] = [];
    const replies: (() => void)[] = [];
    const decoder = latestOnly(
      (n: number) => {
        sent.push(n);
        return new Promise<number>((resolve) => replies.push(() => resolve(n * 10)));
      },
      (result) => shown.push(result),
    );
    decoder.request(1);
    decoder.request(2);
    decoder.request(3);
    decoder.request(4);
    expect(sent).toEqual([1]);
    expect(decoder.busy()).toBe(true);
    replies.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual([1, 4]);
    replies.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toEqual([10, 40]);
    expect(decoder.busy()).toBe(false);
  });

  it('keeps going after a request fails', async () => {
    const shown: number[] = [];
    let first = true;
    const decoder = latestOnly(
      async (n: number) => {
        if (first) {
          first = false;
          throw new Error('lost');
        }
        return n;
      },
      (n) => shown.push(n),
    );
    decoder.request(1);
    decoder.request(2);
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toEqual([2]);
  });
});
