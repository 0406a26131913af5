import type { PictureSettings } from './pictureSettings';

interface Props {
  settings: PictureSettings;
  /** How many layers are selected on the canvas; 0 disables "Selection only". */
  selectionCount: number;
  onChange(patch: Partial<PictureSettings>): void;
}

type Choice<K extends keyof PictureSettings> = { value: PictureSettings[K]; label: string }[];

const DIRECTIONS: Choice<'direction'> = [
  { value: 'LR', label: 'Left to right' },
  { value: 'TB', label: 'Top to bottom' },
];
const THEMES: Choice<'theme'> = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];
const PALETTES: Choice<'palette'> = [
  { value: 'default', label: 'Default colours' },
  { value: 'colorblind', label: 'Colour-blind safe' },
  { value: 'print', label: 'Print (grey, textures)' },
];
const SIZINGS: Choice<'sizing'> = [
  { value: 'sqrt', label: 'Square root of values' },
  { value: 'log', label: 'Logarithm of values' },
];

const STYLES: Choice<'style'> = [
  { value: 'boxes', label: 'Boxes sized by shape' },
  { value: 'neurons', label: 'Neurons and edges (small dense nets)' },
  { value: 'lenet', label: 'Stacks of feature maps (LeNet, conv nets)' },
];

/** A labelled select over a few fixed values. */
function SelectField<K extends 'direction' | 'theme' | 'palette' | 'sizing' | 'style'>(props: {
  label: string;
  field: K;
  choices: Choice<K>;
  settings: PictureSettings;
  onChange(patch: Partial<PictureSettings>): void;
}) {
  return (
    <label className="export-field">
      <span>{props.label}</span>
      <select
        data-testid={`export-${props.field}`}
        value={String(props.settings[props.field])}
        onChange={(e) => {
          const chosen = props.choices.find((c) => String(c.value) === e.target.value);
          if (chosen) props.onChange({ [props.field]: chosen.value } as Partial<PictureSettings>);
        }}
      >
        {props.choices.map((c) => (
          <option key={String(c.value)} value={String(c.value)}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const TOGGLES = [
  { field: 'groups', label: 'Encoder / code / decoder outlines' },
  { field: 'legend', label: 'Legend' },
  { field: 'details', label: 'Units, filters and activations' },
  { field: 'shapes', label: 'Shapes' },
  { field: 'embedGraph', label: 'Keep the model inside (the SVG opens again)' },
  { field: 'transparent', label: 'Transparent background' },
] as const;

/** The diagram's look: direction, theme, palette, what to draw, the title and which layers. */
export function PictureFields({ settings, selectionCount, onChange }: Props) {
  const pick = { settings, onChange };
  return (
    <div className="export-fields">
      <div className="export-row">
        <SelectField label="Style" field="style" choices={STYLES} {...pick} />
      </div>
      <div className="export-row">
        <SelectField label="Direction" field="direction" choices={DIRECTIONS} {...pick} />
        <SelectField label="Theme" field="theme" choices={THEMES} {...pick} />
      </div>
      <div className="export-row">
        <SelectField label="Colours" field="palette" choices={PALETTES} {...pick} />
        <SelectField label="Layer height" field="sizing" choices={SIZINGS} {...pick} />
      </div>
      <div className="export-title-row">
        <label className="export-check">
          <input
            type="checkbox"
            data-testid="export-show-title"
            checked={settings.showTitle}
            onChange={(e) => onChange({ showTitle: e.target.checked })}
          />
          Title
        </label>
        <input
          type="text"
          aria-label="Title of the picture"
          data-testid="export-title"
          maxLength={300}
          value={settings.titleText}
          disabled={!settings.showTitle}
          onChange={(e) => onChange({ titleText: e.target.value })}
        />
      </div>
      <div className="export-checks">
        {TOGGLES.map((t) => (
          <label key={t.field} className="export-check">
            <input
              type="checkbox"
              data-testid={`export-${t.field}`}
              checked={settings[t.field]}
              onChange={(e) => onChange({ [t.field]: e.target.checked })}
            />
            {t.label}
          </label>
        ))}
      </div>
      <div className="export-scope" role="radiogroup" aria-label="Which layers">
        <label className="export-check">
          <input
            type="radio"
            name="export-scope"
            data-testid="export-scope-all"
            checked={settings.scope === 'all'}
            onChange={() => onChange({ scope: 'all' })}
          />
          Whole design
        </label>
        <label
          className="export-check"
          title={selectionCount === 0 ? 'Select layers on the canvas first' : undefined}
        >
          <input
            type="radio"
            name="export-scope"
            data-testid="export-scope-selection"
            disabled={selectionCount === 0}
            checked={settings.scope === 'selection'}
            onChange={() => onChange({ scope: 'selection' })}
          />
          Selected layers only ({selectionCount})
        </label>
      </div>
    </div>
  );
}
