import { useReactFlow } from '@xyflow/react';
import { NODE_KINDS, type NodeKind } from '../../../shared/graph/document';
import { CATEGORIES } from '../../../shared/layers/types';
import { LAYER_DESCRIPTORS } from '../../../shared/layers';
import { graphStore } from '../stores/graphStore';
import { writeDraggedKind } from './dragKind';

const byCategory = CATEGORIES.map((category) => ({
  category,
  kinds: NODE_KINDS.filter((k) => LAYER_DESCRIPTORS[k]?.category === category),
})).filter((g) => g.kinds.length > 0);

/** Every node kind, grouped; drag one onto the canvas, or double-click to add it in view. */
export function Palette() {
  const { screenToFlowPosition } = useReactFlow();

  const addInView = (kind: NodeKind) => {
    const canvas = document.querySelector('.canvas-area')?.getBoundingClientRect();
    const centre = canvas
      ? { x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 }
      : { x: 400, y: 300 };
    const at = screenToFlowPosition(centre);
    graphStore.getState().addNode(kind, { x: at.x - 90, y: at.y - 40 });
  };

  return (
    <section className="panel palette" aria-label="Layers">
      <h2 className="panel-title">Layers</h2>
      <p className="panel-hint">Drag onto the canvas</p>
      {byCategory.map(({ category, kinds }) => (
        <div className="palette-group" key={category}>
          <h3 className="palette-category">{category}</h3>
          <div className="palette-items">
            {kinds.map((kind) => (
              <div
                key={kind}
                className={`palette-item cat-${category.toLowerCase()}`}
                draggable
                title={LAYER_DESCRIPTORS[kind]?.explanation}
                data-kind={kind}
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
