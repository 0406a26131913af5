import { forwardRef, useEffect, useImperativeHandle, useRef, type CSSProperties } from 'react';
import type { GridBitmap } from '../recon/imageGrid';

interface Props {
  bitmap: GridBitmap | null;
  /** CSS pixels per image pixel: digits are 28 pixels, far too small to see at 1. */
  zoom: number;
  className?: string;
  testId?: string;
  label: string;
  style?: CSSProperties;
  /** Extra data-* attributes the tests and the bench read. */
  data?: Record<string, string | number>;
  /** Called after the bitmap is on the canvas. */
  onDrawn?(): void;
}

/** Draws an RGBA bitmap at its own resolution and scales it up with crisp pixels. */
export const BitmapCanvas = forwardRef<HTMLCanvasElement | null, Props>(function BitmapCanvas(
  { bitmap, zoom, className, testId, label, style, data, onDrawn },
  forwarded,
) {
  const ref = useRef<HTMLCanvasElement>(null);
  useImperativeHandle(forwarded, () => ref.current as HTMLCanvasElement);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || !bitmap) return;
    drawBitmap(canvas, bitmap);
    onDrawn?.();
  }, [bitmap, onDrawn]);
  const dataAttributes = Object.fromEntries(
    Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]),
  );
  return (
    <canvas
      ref={ref}
      className={`bitmap ${className ?? ''}`}
      data-testid={testId}
      aria-label={label}
      role="img"
      style={{
        width: bitmap ? bitmap.width * zoom : undefined,
        height: bitmap ? bitmap.height * zoom : undefined,
        ...style,
      }}
      {...dataAttributes}
    />
  );
});

/** Puts a bitmap on a canvas, resizing the canvas to it. */
export function drawBitmap(canvas: HTMLCanvasElement, bitmap: GridBitmap): void {
  if (canvas.width !== bitmap.width) canvas.width = bitmap.width;
  if (canvas.height !== bitmap.height) canvas.height = bitmap.height;
  canvas
    .getContext('2d')
    ?.putImageData(new ImageData(bitmap.rgba, bitmap.width, bitmap.height), 0, 0);
}
