import { useMemo, useState } from 'react';
import { useWidth } from '../charts/useWidth';
import type { Samples } from '../stores/runState';
import { HoverImage } from './HoverImage';
import { inspectStore, useInspect } from './inspectStore';
import type { DrawnMark } from './placeDrawn';
import { planeExtent, type Plane } from './projection';
import type { SpriteAtlas } from './spriteAtlas';
import { SpriteScatter } from './SpriteScatter';

interface Props {
  plane: Plane | null;
  labels: Int32Array | null;
  samples: Samples | null;
  atlas: SpriteAtlas | null;
  testId: string;
  empty: string;
  drawn?: DrawnMark | null;
}

/** One scatter of the pair: the plane, its hover image, sized to its panel. */
export function ProjectedScatter({ plane, labels, samples, atlas, testId, empty, drawn }: Props) {
  const selection = useInspect((s) => s.selection);
  const tool = useInspect((s) => s.tool);
  const { ref, width } = useWidth<HTMLDivElement>(420);
  const side = Math.max(240, Math.min(width, 600));
  const frame = useMemo(
    () =>
      plane
        ? { extent: planeExtent(plane.xy, plane.count), width: side, height: side, pad: 14 }
        : null,
    [plane, side],
  );
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);
  return (
    <div ref={ref} className="scatter-box">
      {plane && frame ? (
        <SpriteScatter
          frame={frame}
          xy={plane.xy}
          count={plane.count}
          labels={labels}
          axes={plane.axes}
          testId={testId}
          atlas={atlas}
          selection={selection}
          tool={tool}
          drawn={drawn ?? null}
          onSelect={(indices) => inspectStore.getState().set({ selection: indices })}
          onHover={setHover}
        />
      ) : (
        <div className="empty-note" style={{ height: side }}>
          {empty}
        </div>
      )}
      {hover && samples && hover.index < samples.count && (
        <HoverImage samples={samples} index={hover.index} left={hover.x + 14} top={hover.y + 14} />
      )}
    </div>
  );
}
