/**
 * A pixel's value as the byte a screen shows: clipped to 0..1, times 255, rounded; NaN falls to 0
 * (it fails both tests). One definition for every picture drawn from decoded values.
 */
export const pixelByte = (v: number): number => (v > 0 ? (v < 1 ? Math.round(v * 255) : 255) : 0);
