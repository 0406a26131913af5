/**
 * The drawing pad's brush on a 28x28 grid of 0..1 values. MNIST digits are strokes about two to
 * three pixels wide with soft, anti-aliased edges; a hard one-pixel pen draws something the
 * encoder never saw, so the brush paints a soft disc and a stroke fills the gaps between events.
 */

export const PAD_SIDE = 28;
/** Radius of the full-ink core and of the soft edge, in pixels. */
const CORE = 0.9;
const EDGE = 1.9;

/** Ink the brush lays at distance d from its centre (1 in the core, fading to 0 at the edge). */
const inkAt = (d: number) => (d <= CORE ? 1 : d >= EDGE ? 0 : (EDGE - d) / (EDGE - CORE));

/** Paints (pen) or wipes (eraser) one dab at (x, y) in pixel units, in place. */
export function dab(pixels: Float32Array, x: number, y: number, erase: boolean, side = PAD_SIDE) {
  const reach = Math.ceil(EDGE);
  for (let row = Math.floor(y) - reach; row <= Math.floor(y) + reach; row++) {
    if (row < 0 || row >= side) continue;
    for (let col = Math.floor(x) - reach; col <= Math.floor(x) + reach; col++) {
      if (col < 0 || col >= side) continue;
      const ink = inkAt(Math.hypot(col + 0.5 - x, row + 0.5 - y));
      if (ink === 0) continue;
      const i = row * side + col;
      pixels[i] = erase ? Math.min(pixels[i], 1 - ink) : Math.max(pixels[i], ink);
    }
  }
}

/** Paints a straight stroke from a to b with dabs half a pixel apart, in place. */
export function stroke(
  pixels: Float32Array,
  a: [number, number],
  b: [number, number],
  erase: boolean,
  side = PAD_SIDE,
) {
  const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) * 2));
  for (let s = 0; s <= steps; s++) {
    const t = s / steps;
    dab(pixels, a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, erase, side);
  }
}

/** Whether anything is drawn. */
export const hasInk = (pixels: Float32Array) => pixels.some((v) => v > 0.05);
