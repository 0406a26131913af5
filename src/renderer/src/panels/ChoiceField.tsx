interface Props<T extends string> {
  label: string;
  testId: string;
  value: T;
  options: readonly { value: T; label: string }[];
  disabled?: boolean;
  help: string;
  onChange(value: T): void;
}

/** A setting chosen from a few named options. */
export function ChoiceField<T extends string>(props: Props<T>) {
  const { label, testId, value, options, disabled, help, onChange } = props;
  return (
    <label className="setting" title={help}>
      <span className="setting-label">{label}</span>
      <select
        data-testid={testId}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
