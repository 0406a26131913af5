import { labelColor } from './labelColors';

interface Props {
  labels: readonly number[];
  chosen: ReadonlySet<number>;
  onToggle(label: number): void;
  testId?: string;
}

/** Chips to choose labels (digits): all shown when none is chosen. */
export function LabelChips({ labels, chosen, onToggle, testId }: Props) {
  return (
    <div className="label-chips" data-testid={testId}>
      {labels.map((l) => (
        <button
          key={l}
          className={`chip label-chip ${chosen.has(l) ? 'on' : ''}`}
          style={{ ['--swatch' as string]: labelColor(l) }}
          aria-pressed={chosen.has(l)}
          onClick={() => onToggle(l)}
        >
          {l}
        </button>
      ))}
    </div>
  );
}

/** Adds or removes one label of a set. */
export const toggled = (set: ReadonlySet<number>, label: number): Set<number> => {
  const next = new Set(set);
  if (next.has(label)) next.delete(label);
  else next.add(label);
  return next;
};
