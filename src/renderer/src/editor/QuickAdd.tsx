import { useMemo, useState } from 'react';
import type { NodeKind } from '../../../shared/graph/document';
import { createNode, LAYER_DESCRIPTORS } from '../../../shared/layers';
import { freshNodeId } from '../stores/graphEdits';
import { graphStore, useGraph } from '../stores/graphStore';
import { insertAfter } from './actions/insert';
import { editorUi, useEditorUi } from './editorUi';
import { rankKinds } from './paletteModel';
import './QuickAdd.css';

/**
 * Adds a layer where the box opened; with a layer chosen before, the new one is connected right
 * after it (between it and the layer it fed), as one undo step, and becomes the selection.
 */
function addLayer(kind: NodeKind, position: { x: number; y: number }, after: string | null) {
  const graph = graphStore.getState();
  if (!after || !graph.doc.nodes.some((n) => n.id === after)) {
    graph.addNode(kind, position);
    return;
  }
  const id = freshNodeId(graph.doc, kind);
  // Named as the store names an added layer: "Dropout 2" reads better in messages than "Dropout".
  const name = `${kind} ${id.slice(id.lastIndexOf('-') + 1)}`;
  graph.apply(insertAfter(graph.doc, createNode(kind, id, position, name), after));
  graphStore.getState().select(id);
}

/**
 * The box a double-click on the canvas (or the A key) opens: type a kind, Enter adds it where the
 * box opened, after the layer that was selected.
 */
export function QuickAdd() {
  const at = useEditorUi((s) => s.quickAdd);
  if (!at) return null;
  return <QuickAddBox key={`${at.screen.x},${at.screen.y}`} />;
}

/** The box's room (canvas.css .quick-add: 250 px wide; eight kinds and the field, about 310 high). */
const BOX = { width: 262, height: 330 };

function QuickAddBox() {
  const at = useEditorUi((s) => s.quickAdd)!;
  const afterName = useGraph((s) => {
    const node = s.doc.nodes.find((n) => n.id === at.after);
    return node ? node.name || node.id : null;
  });
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const kinds = useMemo(() => rankKinds(query).slice(0, 8), [query]);
  const close = () => editorUi.getState().openQuickAdd(null);
  const add = (index: number) => {
    const kind = kinds[index];
    if (!kind) return;
    addLayer(kind, { x: at.flow.x - 80, y: at.flow.y - 45 }, at.after ?? null);
    close();
  };
  return (
    <div
      className="quick-add"
      data-testid="quick-add"
      // Kept inside the window: a double-click near its bottom edge still shows the whole list.
      style={{
        left: Math.max(8, Math.min(at.screen.x, window.innerWidth - BOX.width)),
        top: Math.max(8, Math.min(at.screen.y, window.innerHeight - BOX.height)),
      }}
      onMouseDown={(e) => e.stopPropagation()}
    >
      {afterName && (
        <div className="quick-after" data-testid="quick-add-after">
          after {afterName}
        </div>
      )}
      <input
        autoFocus
        placeholder="Add a layer…"
        aria-label="Layer to add"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') add(active);
          else if (e.key === 'Escape') close();
          else if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, kinds.length - 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else return;
          e.preventDefault();
        }}
        onBlur={() => window.setTimeout(close, 150)}
      />
      <ul role="listbox">
        {kinds.map((kind, i) => (
          <li
            key={kind}
            role="option"
            aria-selected={i === active}
            className={`cat-${LAYER_DESCRIPTORS[kind].category.toLowerCase()}`}
            onMouseEnter={() => setActive(i)}
            onMouseDown={(e) => {
              e.preventDefault();
              add(i);
            }}
          >
            <span className="swatch" />
            <span className="quick-kind">{kind}</span>
            <span className="quick-group">{LAYER_DESCRIPTORS[kind].category}</span>
          </li>
        ))}
        {kinds.length === 0 && <li className="muted">No layer matches.</li>}
      </ul>
    </div>
  );
}
