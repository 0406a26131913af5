/** The font size of a node's name on the canvas (canvas.css .layer-name), its label. */
export const NODE_LABEL_PX = 15;
/** The smallest a node's name may be drawn by fitting: below 9 px people squint or zoom. */
export const MIN_LABEL_PX = 9;
/** Fit never zooms out further than this: names stay at MIN_LABEL_PX at least. */
export const MIN_READABLE_ZOOM = MIN_LABEL_PX / NODE_LABEL_PX;
/**
 * Auto-layout wraps a chain that would fit its canvas in one row only below this zoom (names
 * under 10.5 px): the six-layer default stays a row on a 1280 × 720 window, the thirteen-layer
 * convolutional one wraps.
 */
export const COMFORTABLE_ZOOM = 0.7;
export const FIT_PADDING = 0.08;
export const FIT_MAX_ZOOM = 1.1;
const OVERFLOW_MARGIN_PX = 32;
export interface Insets {
  top: number;
  right: number;
}

/**
 * What fit keeps clear: the toolbar's band over the canvas' top (canvas.css .editor-toolbar and
 * its margin), and while the minimap shows, its column on the right (200 wide, 15 from the edge).
 */
export function canvasInsets(minimapShown: boolean): Insets {
  return { top: 56, right: minimapShown ? 225 : 0 };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The view that shows `bounds` (canvas units) as large as fits in a `width` × `height` canvas,
 * but never smaller than the readable zoom. Where the design then overflows, the view starts at
 * its left or top (where the Input is), and the rest is a scroll away.
 */
export function readableViewport(
  bounds: Rect,
  canvas: { width: number; height: number },
  options: {
    padding?: number;
    maxZoom?: number;
    minZoom?: number;
    /** Screen pixels along the top (the toolbar) and the right (the minimap) kept clear. */
    insets?: Insets;
  } = {},
): Viewport {
  const top = options.insets?.top ?? 0;
  const right = options.insets?.right ?? 0;
  const screen = { width: canvas.width - right, height: canvas.height - top };
  const padding = options.padding ?? FIT_PADDING;
  const room = 1 + 2 * padding;
  const fitting = Math.min(
    screen.width / (bounds.width * room),
    screen.height / (bounds.height * room),
  );
  const zoom = Math.max(
    options.minZoom ?? MIN_READABLE_ZOOM,
    Math.min(options.maxZoom ?? FIT_MAX_ZOOM, fitting),
  );
  const place = (start: number, length: number, screen: number) => {
    const drawn = length * zoom;
    if (drawn * room <= screen) return (screen - drawn) / 2 - start * zoom;
    // Too long at a readable size: the start in view, a little way in from the edge.
    return OVERFLOW_MARGIN_PX - start * zoom;
  };
  return {
    x: place(bounds.x, bounds.width, screen.width),
    y: top + place(bounds.y, bounds.height, screen.height),
    zoom,
  };
}
