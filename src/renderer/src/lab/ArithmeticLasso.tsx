import { useMemo, useState } from 'react';
import { SpriteScatter } from '../inspect/SpriteScatter';
import type { Codes } from '../stores/runState';
import { labPlaneOf } from './labPlane';

const SIDE = 240;

/**
 * The codes on the Lab's plane, to lasso a set for a term (a click picks one point); the chosen
 * indices go to `onChange`.
 */
export function ArithmeticLasso({
  codes,
  selection,
  onChange,
}: {
  codes: Codes;
  selection: Int32Array | null;
  onChange(indices: Int32Array | null): void;
}) {
  const plane = useMemo(() => labPlaneOf(codes), [codes]);
  const frame = useMemo(
    () => ({ extent: plane.extent, width: SIDE, height: SIDE, pad: 10 }),
    [plane],
  );
  const [tool, setTool] = useState<'lasso' | 'box'>('lasso');
  return (
    <div className="arith-lasso">
      <SpriteScatter
        frame={frame}
        xy={plane.xy}
        count={codes.count}
        labels={codes.labels}
        axes={plane.axes}
        testId="arith-scatter"
        atlas={null}
        selection={selection}
        tool={tool}
        onSelect={onChange}
        onHover={() => undefined}
      />
      <div className="lab-tools" role="group" aria-label="Selection tool">
        {(['lasso', 'box'] as const).map((t) => (
          <button
            key={t}
            className={`toggle ${tool === t ? 'on' : ''}`}
            aria-pressed={tool === t}
            onClick={() => setTool(t)}
          >
            {t === 'lasso' ? 'Lasso' : 'Box'}
          </button>
        ))}
      </div>
    </div>
  );
}
