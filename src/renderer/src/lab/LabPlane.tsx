import { useMemo } from 'react';
import { useWidth } from '../charts/useWidth';
import { LabelLegend, ScatterCanvas } from '../inspect/ScatterCanvas';
import { labelsPresent } from '../inspect/labelColors';
import { toPixel, type PlaneFrame } from '../inspect/planeFrame';
import type { Codes } from '../stores/runState';
import { placeOnPlane, varianceEllipse, type PlaneBasis } from '../../../shared/lab/plane';
import { labPlaneOf } from './labPlane';
import { useLab } from './labStore';

/**
 * The codes of the view samples on a plane, with the drawing's code on it as it is drawn; for a
 * variational model a dashed ellipse shows one standard deviation of the encoder's Gaussian.
 */
export function LabPlaneView({ codes }: { codes: Codes }) {
  const drawn = useLab((s) => s.drawn);
  const { ref, width } = useWidth<HTMLDivElement>(360);
  const side = Math.max(220, Math.min(width, 380));
  const plane = useMemo(() => labPlaneOf(codes), [codes]);
  const frame: PlaneFrame = useMemo(
    () => ({ extent: plane.extent, width: side, height: side, pad: 10 }),
    [plane, side],
  );
  const fits = drawn !== null && drawn.code.length === plane.basis.size;
  const point = fits ? placeOnPlane(plane.basis, drawn.code) : null;
  const pixel = point ? toPixel(frame, point[0], point[1]) : null;
  const ellipse =
    fits && drawn.variance ? varianceEllipse(inPixels(plane.basis, frame), drawn.variance) : null;
  return (
    <div ref={ref} className="lab-plane">
      <div
        className="scatter-box"
        data-testid="lab-plane"
        data-drawn={point ? point.map((v) => v.toFixed(4)).join(',') : ''}
        data-inside={pixel ? String(inside(pixel, side)) : ''}
        data-ellipse={ellipse ? ellipse.radii.map((r) => r.toFixed(1)).join(',') : ''}
      >
        <ScatterCanvas
          frame={frame}
          xy={plane.xy}
          count={codes.count}
          labels={codes.labels}
          axes={plane.axes}
          faint
          testId="lab-scatter"
        />
        {pixel && (
          <svg className="lab-overlay" width={side} height={side} aria-hidden="true">
            {ellipse && (
              <ellipse
                data-testid="lab-ellipse"
                cx={pixel[0]}
                cy={pixel[1]}
                rx={Math.max(2, ellipse.radii[0])}
                ry={Math.max(2, ellipse.radii[1])}
                transform={`rotate(${(ellipse.angle * 180) / Math.PI} ${pixel[0]} ${pixel[1]})`}
              />
            )}
            <circle
              data-testid="lab-drawn-point"
              className="lab-drawn-point"
              cx={clamp(pixel[0], side)}
              cy={clamp(pixel[1], side)}
              r={6}
            />
          </svg>
        )}
      </div>
      <LabelLegend labels={labelsPresent(codes.labels, codes.count)} />
    </div>
  );
}

/**
 * The plane's directions scaled to canvas pixels (y flipped, as the canvas grows downwards): the
 * ellipse of the variance seen through it is the one to draw, exact even when x and y scale apart.
 */
function inPixels(basis: PlaneBasis, frame: PlaneFrame): PlaneBasis {
  const { size } = basis;
  const sx = (frame.width - 2 * frame.pad) / (frame.extent.x1 - frame.extent.x0);
  const sy = (frame.height - 2 * frame.pad) / (frame.extent.y1 - frame.extent.y0);
  const directions = Float64Array.from(basis.directions, (v, i) => (i < size ? v * sx : -v * sy));
  return { ...basis, directions };
}

const clamp = (v: number, side: number) => Math.min(side - 4, Math.max(4, v));
const inside = (p: [number, number], side: number) =>
  p[0] >= 0 && p[0] <= side && p[1] >= 0 && p[1] <= side;
