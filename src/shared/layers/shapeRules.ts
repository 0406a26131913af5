import { formatShape } from '../graph/messages';
import type { ShapeArgs, ShapeOutcome } from './types';

export const okShape = (shape: number[]): ShapeOutcome => ({ ok: true, shape });

/** The single input of a one-port kind. */
export const inputOf = (args: ShapeArgs): number[] => args.inputs.in;

export const sameShape = (args: ShapeArgs): ShapeOutcome => okShape([...inputOf(args)]);

/** Image layers need height × width × channels; a flat input needs a Reshape first. */
export function needImage(args: ShapeArgs): ShapeOutcome | null {
  const shape = inputOf(args);
  if (shape.length === 3) return null;
  if (shape.length === 1) {
    const side = Math.round(Math.sqrt(shape[0]));
    const hint =
      side * side === shape[0]
        ? ` (for example to ${side}×${side}×1)`
        : ' (height × width × channels)';
    return {
      ok: false,
      code: 'E_CONV_FLAT',
      message: `${args.label} needs an image (height × width × channels) but receives ${shape[0]} flat values. Add a Reshape before it${hint}.`,
    };
  }
  return {
    ok: false,
    code: 'E_SHAPE',
    message: `${args.label} needs an image (height × width × channels) but receives ${formatShape(shape)}. Add a Reshape before it.`,
  };
}

/** Keras conv_output_length for a window of `k` with stride `s`. */
export function convLength(n: number, k: number, s: number, padding: string): number {
  return padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
}

/** Keras deconv_output_length without output_padding. */
export function deconvLength(n: number, k: number, s: number, padding: string): number {
  return padding === 'same' ? n * s : n * s + Math.max(k - s, 0);
}

export function tooSmall(args: ShapeArgs, what: string, window: number): ShapeOutcome {
  return {
    ok: false,
    code: 'E_SHAPE',
    message: `${args.label} receives a ${formatShape(inputOf(args))} image, too small for its ${window}×${window} ${what}. Use a smaller ${what}, 'same' padding, or a larger image.`,
  };
}
