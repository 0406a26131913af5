import type { DiagramOptions, LayerOverride } from '../../../shared/diagram';
import { kindStyle } from '../../../shared/diagram/palette';
import type { GraphNode } from '../../../shared/graph/document';
import { withOverride, withoutOverride } from './pictureSettings';

interface Props {
  nodes: readonly GraphNode[];
  overrides: Record<string, LayerOverride>;
  palette: DiagramOptions['palette'];
  onChange(overrides: Record<string, LayerOverride>): void;
}

/** Per-layer changes that affect the picture only: another label, hidden, another colour. */
export function LayerOverrides({ nodes, overrides, palette, onChange }: Props) {
  if (nodes.length === 0) return <p className="muted">No layers to draw.</p>;
  return (
    <ul className="export-overrides" data-testid="export-overrides">
      {nodes.map((node) => {
        const o = overrides[node.id] ?? {};
        const set = (patch: Partial<LayerOverride>) =>
          onChange(withOverride(overrides, node.id, patch));
        const changed = overrides[node.id] !== undefined;
        return (
          <li key={node.id} className={o.hidden ? 'hidden-layer' : undefined}>
            <input
              type="text"
              aria-label={`Label of ${node.name}`}
              placeholder={node.name}
              value={o.label ?? ''}
              maxLength={200}
              onChange={(e) => set({ label: e.target.value })}
            />
            <input
              type="color"
              aria-label={`Colour of ${node.name}`}
              title="Colour in the picture"
              value={o.color ?? kindStyle(node.kind, palette).fill}
              onChange={(e) => set({ color: e.target.value })}
            />
            <label className="export-check" title="Leave this layer out of the picture">
              <input
                type="checkbox"
                aria-label={`Hide ${node.name}`}
                checked={o.hidden === true}
                onChange={(e) => set({ hidden: e.target.checked })}
              />
              Hide
            </label>
            <button
              className="icon-button"
              aria-label={`Reset ${node.name}`}
              title="Back to the layer as designed"
              disabled={!changed}
              onClick={() => onChange(withoutOverride(overrides, node.id))}
            >
              ↺
            </button>
          </li>
        );
      })}
    </ul>
  );
}
