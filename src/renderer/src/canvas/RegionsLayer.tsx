import { ViewportPortal } from '@xyflow/react';
import { useMemo } from 'react';
import { useGraph } from '../stores/graphStore';
import { regionsOf, tiedLinks, type RegionRole } from './regions';
import './RegionsLayer.css';

const TITLES: Record<RegionRole, string> = {
  encoder: 'Encoder',
  code: 'Code',
  decoder: 'Decoder',
  generator: 'Generator',
  discriminator: 'Discriminator',
};

/**
 * Shades the encoder, the code and the decoder (a game's generator and discriminator) behind the
 * nodes (roles from the analysis), and
 * draws each tied layer's dashed link to the Dense whose weights it reuses.
 */
export function RegionsLayer() {
  const doc = useGraph((s) => s.doc);
  const analysis = useGraph((s) => s.analysis);
  const regions = useMemo(() => regionsOf(doc, analysis), [doc, analysis]);
  const links = useMemo(() => tiedLinks(doc), [doc]);
  return (
    <ViewportPortal>
      {regions.map((r) => (
        <div
          key={`${r.role}-${r.part}`}
          className={`region region-${r.role}`}
          data-testid={r.part === 0 ? `region-${r.role}` : `region-${r.role}-${r.part}`}
          style={{ transform: `translate(${r.x}px, ${r.y}px)`, width: r.width, height: r.height }}
        >
          <span className="region-title">{TITLES[r.role]}</span>
        </div>
      ))}
      {links.length > 0 && (
        <svg className="tied-links" width="1" height="1" aria-hidden="true">
          {links.map((l) => (
            <g key={`${l.from}-${l.to}`} data-testid="tied-link">
              <path d={l.path} className="tied-link" />
            </g>
          ))}
        </svg>
      )}
    </ViewportPortal>
  );
}
