import { useReactFlow } from '@xyflow/react';
import { useMemo, useState } from 'react';
import type { NodeKind } from '../../../shared/graph/document';
import { LAYER_DESCRIPTORS } from '../../../shared/layers';
import { graphStore } from '../stores/graphStore';
import { writeDraggedKind } from './dragKind';
import { paletteGroups } from './paletteModel';
import './Palette.css';

/** Every node kind, grouped and searchable; drag one onto the canvas, or double-click to add it in view. */
export function Palette() {
  const { screenToFlowPosition } = useReactFlow();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => paletteGroups(query), [query]);

  const addInView = (kind: NodeKind) => {
    const canvas = document.querySelector('.canvas-area')?.getBoundingClientRect();
    const centre = canvas
      ? { x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 }
      : { x: 400, y: 300 };
    const at = screenToFlowPosition(centre);
    graphStore.getState().addNode(kind, { x: at.x - 80, y: at.y - 45 });
  };

  return (
    <section className="panel palette" aria-label="Layers">
      <h2 className="panel-title">Layers</h2>
      <input
        className="palette-search"
        type="search"
        placeholder="Search layers…"
        aria-label="Search layers"
        data-testid="palette-search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="panel-hint">Drag onto the canvas, or double-click the canvas</p>
      {groups.length === 0 && <p className="muted">No layer matches “{query}”.</p>}
      {groups.map(({ category, kinds }) => (
        <div className="palette-group" key={category}>
          <h3 className="palette-category">{category}</h3>
          <div className="palette-items">
            {kinds.map((kind) => (
              <div
                key={kind}
                className={`palette-item cat-${category.toLowerCase()}`}
                draggable
                title={LAYER_DESCRIPTORS[kind].explanation}
                data-kind={kind}
                data-testid={`palette-${kind}`}
                onDragStart={(e) => writeDraggedKind(e.dataTransfer, kind)}
                onDoubleClick={() => addInView(kind)}
              >
                <span className="swatch" />
                <span className="palette-label">{kind}</span>
              </div>
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
