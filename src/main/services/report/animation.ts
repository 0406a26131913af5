import { Resvg } from '@resvg/resvg-js';
import * as gifencModule from 'gifenc';
import { PNG } from 'pngjs';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { xmlText } from '../../../shared/escape/xml';
import { findSansFonts } from '../export/fonts';

// gifenc ships an ES module (vitest and bundlers pick it: named exports, `default` is GIFEncoder)
// and CommonJS (Node's ESM loader, the built CLI, gives its exports object as `default` only).
const gifenc: typeof gifencModule.default =
  typeof (gifencModule as { GIFEncoder?: unknown }).GIFEncoder === 'function'
    ? gifencModule
    : gifencModule.default;
const { applyPalette, GIFEncoder, quantize } = gifenc;

/** Slide sizes (16:9): what a person picks in the dialog or on the command line. */
export const SLIDE_WIDTHS = [640, 960, 1280] as const;
export type SlideWidth = (typeof SLIDE_WIDTHS)[number];

/** One frame: a row (or grid) of grey pictures and the words written on it. */
export interface AnimationFrame {
  caption: string;
  /** count x (height x width) values in [0, 1]. */
  images: Float32Array;
  count: number;
}

export interface Animation {
  gif: Uint8Array;
  width: number;
  height: number;
  frames: number;
}

/** Pictures in a grid as a PNG, grey on white, each scaled to `cell` pixels. */
function tilesPng(
  f: AnimationFrame,
  image: [number, number],
  columns: number,
  cell: number,
): Buffer {
  const [h, w] = image;
  const rows = Math.ceil(f.count / columns);
  const gap = Math.max(2, Math.round(cell / 16));
  const png = new PNG({ width: columns * (cell + gap) + gap, height: rows * (cell + gap) + gap });
  png.data.fill(255);
  for (let k = 0; k < f.count; k++) {
    const ox = gap + (k % columns) * (cell + gap);
    const oy = gap + Math.floor(k / columns) * (cell + gap);
    for (let y = 0; y < cell; y++)
      for (let x = 0; x < cell; x++) {
        const v = f.images[k * h * w + Math.floor((y * h) / cell) * w + Math.floor((x * w) / cell)];
        const g = 255 - Math.round(Math.min(1, Math.max(0, v)) * 255);
        const at = ((oy + y) * png.width + ox + x) * 4;
        png.data[at] = png.data[at + 1] = png.data[at + 2] = g;
        png.data[at + 3] = 255;
      }
  }
  return PNG.sync.write(png);
}

/** One frame as an SVG: the title, the pictures and the caption (epoch and loss, or the walk's step). */
function frameSvg(
  f: AnimationFrame,
  title: string,
  image: [number, number],
  width: number,
  height: number,
): string {
  // Two rows once there are more than four pictures: larger pictures on a 16:9 slide.
  const columns = f.count <= 4 ? f.count : Math.ceil(f.count / 2);
  const rows = Math.ceil(f.count / columns);
  const top = Math.round(height * 0.16);
  const bottom = Math.round(height * 0.16);
  const cell = Math.floor(Math.min((width * 0.9) / columns, (height - top - bottom) / rows) * 0.94);
  const png = tilesPng(f, image, columns, cell);
  const pw = png.readUInt32BE(16);
  const ph = png.readUInt32BE(20);
  const y = top + (height - top - bottom - ph) / 2;
  const font = Math.round(height / 16);
  // A long title shrinks to fit the width (about 0.55 em a character in a sans font).
  const titleFont = Math.min(font, Math.floor((width * 0.94) / (0.55 * Math.max(1, title.length))));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Liberation Sans, DejaVu Sans, sans-serif">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    `<text x="${width / 2}" y="${top * 0.65}" font-size="${titleFont}" text-anchor="middle" font-weight="600" fill="#1b1b1b">${xmlText(title)}</text>` +
    `<image x="${(width - pw) / 2}" y="${y}" width="${pw}" height="${ph}" href="data:image/png;base64,${png.toString('base64')}"/>` +
    `<text x="${width / 2}" y="${height - bottom * 0.35}" font-size="${font}" text-anchor="middle" fill="#1b1b1b">${xmlText(f.caption)}</text>` +
    '</svg>'
  );
}

function renderRgba(svg: string): Uint8Array {
  const fonts = findSansFonts();
  const image = new Resvg(svg, {
    font: {
      // Scanning the system's fonts costs about a second a frame; one known font is enough.
      loadSystemFonts: !fonts,
      fontFiles: fonts ? [fonts.regular, fonts.bold] : [],
      defaultFontFamily: 'Liberation Sans',
    },
  }).render();
  return new Uint8Array(image.pixels);
}

/**
 * An animated GIF of frames at a slide size (16:9), each frame's caption written on it; the last
 * frame stays longer so the result can be read.
 */
export function animateGif(
  frames: AnimationFrame[],
  options: { title: string; image: [number, number]; width?: SlideWidth; delayMs?: number },
): Result<Animation> {
  if (frames.length === 0)
    return fail('E_INVALID_MESSAGE', 'There is nothing to animate: no frames.');
  const width = options.width ?? 960;
  const height = Math.round((width * 9) / 16);
  try {
    const gif = GIFEncoder();
    frames.forEach((f, i) => {
      const rgba = renderRgba(frameSvg(f, options.title, options.image, width, height));
      const palette = quantize(rgba, 64);
      const last = i === frames.length - 1;
      gif.writeFrame(applyPalette(rgba, palette), width, height, {
        palette,
        delay: last ? 1500 : (options.delayMs ?? 400),
      });
    });
    gif.finish();
    return ok({ gif: gif.bytes(), width, height, frames: frames.length });
  } catch (error) {
    return fail('E_INTERNAL', `The animation could not be made: ${String(error)}`);
  }
}
