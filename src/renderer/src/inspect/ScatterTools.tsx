import { SCALINGS, scalingLabel, type Scaling } from '../../../shared/latent/scaling';
import { useInspect, inspectStore, type ScatterTool, type Thumbs } from './inspectStore';
import { PlanePicker } from './PlanePicker';
import { defaultChoice } from './useProjection';

const THUMBS: { value: Thumbs; label: string }[] = [
  { value: 'points', label: 'Dots' },
  { value: 'originals', label: 'Original images' },
  { value: 'decoded', label: 'Decoded images' },
];
const TOOLS: { value: ScatterTool; label: string; title: string }[] = [
  { value: 'lasso', label: 'Lasso', title: 'Draw around points to select them' },
  { value: 'box', label: 'Box', title: 'Drag a box to select the points in it' },
  { value: 'pan', label: 'Pan', title: 'Drag to move; the wheel zooms; double-click resets' },
];

/** The scatters' controls: projection, scaling, what each point shows, what dragging does. */
export function ScatterTools({ codeSize }: { codeSize: number }) {
  const choice = useInspect((s) => s.choice) ?? defaultChoice(codeSize);
  const scaling = useInspect((s) => s.scaling);
  const thumbs = useInspect((s) => s.thumbs);
  const tool = useInspect((s) => s.tool);
  const set = inspectStore.getState().set;
  return (
    <div className="scatter-tools">
      <PlanePicker codeSize={codeSize} choice={choice} onChange={(c) => set({ choice: c })} />
      {choice.kind !== 'dims' && (
        <select
          data-testid="projection-scaling"
          value={scaling}
          title="How the values are scaled before they are projected"
          onChange={(e) => set({ scaling: e.target.value as Scaling })}
        >
          {SCALINGS.map((s) => (
            <option key={s} value={s}>
              {scalingLabel[s]}
            </option>
          ))}
        </select>
      )}
      <select
        data-testid="scatter-thumbs"
        value={thumbs}
        title="What each point shows"
        onChange={(e) => set({ thumbs: e.target.value as Thumbs })}
      >
        {THUMBS.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </select>
      <div className="tool-switch" role="radiogroup" aria-label="What dragging on the plane does">
        {TOOLS.map((t) => (
          <button
            key={t.value}
            role="radio"
            aria-checked={tool === t.value}
            className={tool === t.value ? 'active' : ''}
            data-testid={`scatter-tool-${t.value}`}
            title={t.title}
            onClick={() => set({ tool: t.value })}
          >
            {t.label}
          </button>
        ))}
      </div>
    </div>
  );
}
