import { useEffect, useRef, type PointerEvent } from 'react';
import { PAD_SIDE, stroke } from './brush';
import { useLab } from './labStore';

interface Props {
  pixels: Float32Array;
  /** Bumped by the owner whenever `pixels` changed, so the pad redraws. */
  version: number;
  /** CSS pixels per pad pixel. */
  zoom: number;
  onChange(): void;
}

/** A 28x28 pad: press and drag to draw (or erase) into the owner's pixel array. */
export function DrawPad({ pixels, version, zoom, onChange }: Props) {
  const tool = useLab((s) => s.tool);
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<[number, number] | null>(null);

  useEffect(() => {
    const element = canvas.current;
    if (element) paint(element, pixels);
  }, [pixels, version]);

  const at = (e: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const box = e.currentTarget.getBoundingClientRect();
    return [
      ((e.clientX - box.left) / box.width) * PAD_SIDE,
      ((e.clientY - box.top) / box.height) * PAD_SIDE,
    ];
  };
  const draw = (to: [number, number]) => {
    stroke(pixels, last.current ?? to, to, tool === 'eraser');
    last.current = to;
    onChange();
  };

  return (
    <canvas
      ref={canvas}
      width={PAD_SIDE}
      height={PAD_SIDE}
      className={`lab-pad tool-${tool}`}
      data-testid="lab-pad"
      role="img"
      aria-label="Drawing pad: press and drag to draw a digit"
      style={{ width: PAD_SIDE * zoom, height: PAD_SIDE * zoom }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        last.current = null;
        draw(at(e));
      }}
      onPointerMove={(e) => last.current && draw(at(e))}
      onPointerUp={() => (last.current = null)}
      onPointerCancel={() => (last.current = null)}
    />
  );
}

/** Draws 0..1 values as white ink on black, as the digits are stored. */
export function paint(element: HTMLCanvasElement, values: Float32Array) {
  const g = element.getContext('2d');
  if (!g) return;
  const image = g.createImageData(PAD_SIDE, PAD_SIDE);
  for (let i = 0; i < PAD_SIDE * PAD_SIDE; i++) {
    const v = Math.round(Math.min(1, Math.max(0, values[i] || 0)) * 255);
    image.data.set([v, v, v, 255], i * 4);
  }
  g.putImageData(image, 0, 0);
}
