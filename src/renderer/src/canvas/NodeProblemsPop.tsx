import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { Diagnostic } from '../../../shared/graph/messages';
import { placeTooltip, type Placement } from './tooltipPlacement';
import './NodeProblemsPop.css';

interface Props {
  id: string;
  problems: readonly Diagnostic[];
  anchor: RefObject<HTMLElement | null>;
}

/**
 * A node's problems, in words, while the pointer is over it. It lives in document.body, not in
 * the node, so the canvas edge cannot clip it; it flips below the node or shifts sideways to stay
 * in the window, and below the toolbar when the toolbar is over the spot.
 */
export function NodeProblemsPop({ id, problems, anchor }: Props) {
  const tip = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<Placement | null>(null);

  // Measured every frame while shown, so the tooltip follows a node being dragged or zoomed.
  useLayoutEffect(() => {
    let frame = 0;
    const measure = () => {
      const node = anchor.current;
      const el = tip.current;
      if (node && el) {
        const box = node.getBoundingClientRect();
        const size = { width: el.offsetWidth, height: el.offsetHeight };
        const view = { width: window.innerWidth, height: window.innerHeight };
        const next = placeTooltip(box, size, view, toolbarBottomOver(box, size.width));
        setPlace((p) => (p && samePlace(p, next) ? p : next));
      }
      frame = requestAnimationFrame(measure);
    };
    measure();
    return () => cancelAnimationFrame(frame);
  }, [anchor]);

  return createPortal(
    <div
      ref={tip}
      id={`node-problems-${id}`}
      className={`node-problems-pop ${place ? `side-${place.side}` : ''}`}
      role="tooltip"
      data-testid="node-problems"
      data-node={id}
      style={place ? { left: place.left, top: place.top } : { visibility: 'hidden' }}
    >
      {problems.map((p, i) => (
        <div key={i} className={`node-problem ${p.severity}`}>
          <p>{p.message}</p>
          <p className="problem-details">Code: {p.code}</p>
        </div>
      ))}
    </div>,
    document.body,
  );
}

/** The bottom of the editor toolbar when it sits over the tooltip's columns, else 0. */
function toolbarBottomOver(box: DOMRect, width: number): number {
  const bar = document.querySelector('.editor-toolbar')?.getBoundingClientRect();
  if (!bar) return 0;
  const centre = box.left + box.width / 2;
  const overlaps = centre - width / 2 < bar.right && centre + width / 2 > bar.left;
  return overlaps ? bar.bottom : 0;
}

const samePlace = (a: Placement, b: Placement): boolean =>
  a.left === b.left && a.top === b.top && a.side === b.side;
