import { useMemo } from 'react';
import type { GraphDocument } from '../../../shared/graph/document';
import { thumbnailOf } from './thumbnail';
import './GraphThumbnail.css';

/** A small SVG of a graph, drawn from its nodes and edges. */
export function GraphThumbnail({ doc }: { doc: GraphDocument }) {
  const t = useMemo(() => thumbnailOf(doc), [doc]);
  return (
    <svg
      className="thumbnail"
      viewBox={`0 0 ${t.width} ${t.height}`}
      role="img"
      aria-label={`${doc.nodes.length} layers`}
    >
      {t.lines.map((l, i) => (
        <line key={i} {...l} className="thumb-edge" />
      ))}
      {t.boxes.map((b) => (
        <rect
          key={b.id}
          x={b.x}
          y={b.y}
          width={t.box.width}
          height={t.box.height}
          rx={Math.min(3, t.box.width / 4)}
          className="thumb-node"
          style={{ fill: `var(--cat-${b.category})` }}
        />
      ))}
    </svg>
  );
}
