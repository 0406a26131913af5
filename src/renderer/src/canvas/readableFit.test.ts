import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../shared/presets';
import { MIN_LABEL_PX, MIN_READABLE_ZOOM, NODE_LABEL_PX, readableViewport } from './readableFit';
import { documentBounds } from './useCanvasView';

const DRAWN = { width: 160, height: 120 };
/** The canvas of a 1280 × 720 window, beside the palette and the training panel. */
const SMALL = { width: 678, height: 595 };

describe('fitting the design into view', () => {
  it('never zooms out so far that a layer name is drawn under 9 px', () => {
    // NODE_LABEL_PX is canvas.css .layer-name's size; e2e/canvas.e2e.ts measures the drawn text.
    // The convolutional preset in one row: 2,600 units wide, the finding's 4 px names.
    const conv = getPreset('conv-upsampling')!.graph;
    const bounds = documentBounds(conv, () => DRAWN)!;
    const view = readableViewport(bounds, SMALL);
    expect(view.zoom).toBe(MIN_READABLE_ZOOM);
    expect(view.zoom * NODE_LABEL_PX).toBeGreaterThanOrEqual(MIN_LABEL_PX);
    expect(readableViewport(bounds, SMALL, { minZoom: 0 }).zoom * NODE_LABEL_PX).toBeLessThan(6);
  });

  it('starts a design too long to fit at its left, where the Input is, and centres it across', () => {
    const conv = getPreset('conv-upsampling')!.graph;
    const bounds = documentBounds(conv, () => DRAWN)!;
    const view = readableViewport(bounds, SMALL);
    const left = bounds.x * view.zoom + view.x;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(64);
    const middle = (bounds.y + bounds.height / 2) * view.zoom + view.y;
    expect(middle).toBeCloseTo(SMALL.height / 2, 5);
  });

  it('centres a design that fits, no larger than 110 %', () => {
    const small = getPreset('shallow')!.graph;
    const bounds = documentBounds(small, () => DRAWN)!;
    const view = readableViewport(bounds, { width: 2400, height: 1300 });
    expect(view.zoom).toBe(1.1);
    const centre = (bounds.x + bounds.width / 2) * view.zoom + view.x;
    expect(centre).toBeCloseTo(1200, 5);
    // Below the toolbar: the design centres in the part of the canvas left free.
    const below = readableViewport(
      bounds,
      { width: 2400, height: 1300 },
      { insets: { top: 56, right: 0 } },
    );
    const middle = (bounds.y + bounds.height / 2) * below.zoom + below.y;
    expect(middle).toBeCloseTo(56 + (1300 - 56) / 2, 5);
  });
});
