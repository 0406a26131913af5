import { useMemo, useState } from 'react';
import { LAYER_DESCRIPTORS } from '../../../shared/layers';
import { graphStore } from '../stores/graphStore';
import { editorUi, useEditorUi } from './editorUi';
import { rankKinds } from './paletteModel';

/** The box a double-click on the canvas opens: type a kind, Enter adds it where the click was. */
export function QuickAdd() {
  const at = useEditorUi((s) => s.quickAdd);
  if (!at) return null;
  return <QuickAddBox key={`${at.screen.x},${at.screen.y}`} />;
}

function QuickAddBox() {
  const at = useEditorUi((s) => s.quickAdd)!;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const kinds = useMemo(() => rankKinds(query).slice(0, 8), [query]);
  const close = () => editorUi.getState().openQuickAdd(null);
  const add = (index: number) => {
    const kind = kinds[index];
    if (!kind) return;
    graphStore.getState().addNode(kind, { x: at.flow.x - 80, y: at.flow.y - 45 });
    close();
  };
  return (
    <div
      className="quick-add"
      data-testid="quick-add"
      style={{ left: at.screen.x, top: at.screen.y }}
      onMouseDown={(e) => e.stopPropagation()}
    >
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
