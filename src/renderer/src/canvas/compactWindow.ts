import { useEffect, useState } from 'react';

/**
 * Below these the canvas is short of room (a 1280 × 720 laptop, a window beside another): the
 * summary starts folded to its header and the minimap waits behind a toggle.
 */
export const COMPACT_BELOW = { width: 1366, height: 800 };

/** Whether a window of this size is too small to keep the summary and minimap open. */
export function isCompactWindow(width: number, height: number): boolean {
  return width < COMPACT_BELOW.width || height < COMPACT_BELOW.height;
}

/** The window's compactness now; false where there is no window (tests in Node). */
export function compactNow(): boolean {
  return typeof window !== 'undefined' && isCompactWindow(window.innerWidth, window.innerHeight);
}

/** Follows the window's compactness as it is resized. */
export function useCompactWindow(): boolean {
  const [compact, setCompact] = useState(compactNow);
  useEffect(() => {
    const onResize = () => setCompact(compactNow());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return compact;
}
