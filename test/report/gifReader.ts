/**
 * A small GIF reader written for the tests, independent of the encoder: header, colour tables,
 * graphic control extensions, image descriptors and LZW, frames composed onto the canvas.
 */
export interface GifFrame {
  delayMs: number;
  rgba: Uint8Array;
}

function lzw(data: Uint8Array, minSize: number, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels);
  const clear = 1 << minSize;
  const end = clear + 1;
  let size = minSize + 1;
  let dict: number[][] = [];
  const reset = () => {
    dict = [];
    for (let i = 0; i < clear; i++) dict[i] = [i];
    dict[clear] = [];
    dict[end] = [];
    size = minSize + 1;
  };
  reset();
  let bit = 0;
  let prev: number[] | null = null;
  let n = 0;
  while (n < pixels) {
    let code = 0;
    for (let i = 0; i < size; i++) {
      const byte = data[(bit + i) >> 3];
      if (byte === undefined) return out;
      code |= ((byte >> ((bit + i) & 7)) & 1) << i;
    }
    bit += size;
    if (code === clear) {
      reset();
      prev = null;
      continue;
    }
    if (code === end) break;
    let entry: number[];
    if (code < dict.length) {
      entry = dict[code];
      if (prev) dict.push([...prev, entry[0]]);
    } else {
      if (!prev) throw new Error('bad LZW stream');
      entry = [...prev, prev[0]];
      dict.push(entry);
    }
    for (const v of entry) if (n < pixels) out[n++] = v;
    prev = entry;
    if (dict.length === 1 << size && size < 12) size++;
  }
  return out;
}

export function readGif(bytes: Uint8Array): { width: number; height: number; frames: GifFrame[] } {
  const sig = String.fromCharCode(...bytes.subarray(0, 6));
  if (sig !== 'GIF89a' && sig !== 'GIF87a') throw new Error(`not a GIF: ${sig}`);
  const u16 = (at: number) => bytes[at] | (bytes[at + 1] << 8);
  const width = u16(6);
  const height = u16(8);
  const flags = bytes[10];
  let at = 13;
  let global: Uint8Array | null = null;
  if (flags & 0x80) {
    const n = 3 * (1 << ((flags & 7) + 1));
    global = bytes.subarray(at, at + n);
    at += n;
  }
  const canvas = new Uint8Array(width * height * 4);
  const frames: GifFrame[] = [];
  let delay = 0;
  let transparent = -1;
  const blocks = (): Uint8Array => {
    const parts: number[] = [];
    while (bytes[at] !== 0) {
      const len = bytes[at];
      for (let i = 1; i <= len; i++) parts.push(bytes[at + i]);
      at += len + 1;
    }
    at++;
    return Uint8Array.from(parts);
  };
  while (at < bytes.length) {
    const kind = bytes[at++];
    if (kind === 0x3b) break;
    if (kind === 0x21) {
      const label = bytes[at++];
      const body = blocks();
      if (label === 0xf9) {
        delay = (body[1] | (body[2] << 8)) * 10;
        transparent = body[0] & 1 ? body[3] : -1;
      }
      continue;
    }
    if (kind !== 0x2c) throw new Error(`unexpected block 0x${kind.toString(16)} at ${at - 1}`);
    const [x, y, w, h, f] = [u16(at), u16(at + 2), u16(at + 4), u16(at + 6), bytes[at + 8]];
    at += 9;
    let table = global;
    if (f & 0x80) {
      const n = 3 * (1 << ((f & 7) + 1));
      table = bytes.subarray(at, at + n);
      at += n;
    }
    if (f & 0x40) throw new Error('interlaced frames are not read');
    const minSize = bytes[at++];
    const index = lzw(blocks(), minSize, w * h);
    for (let i = 0; i < w * h; i++) {
      if (index[i] === transparent || !table) continue;
      const p = ((y + Math.floor(i / w)) * width + x + (i % w)) * 4;
      canvas[p] = table[index[i] * 3];
      canvas[p + 1] = table[index[i] * 3 + 1];
      canvas[p + 2] = table[index[i] * 3 + 2];
      canvas[p + 3] = 255;
    }
    frames.push({ delayMs: delay, rgba: canvas.slice() });
  }
  return { width, height, frames };
}
