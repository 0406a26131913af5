import { useEffect, useState } from 'react';

interface Props {
  label: string;
  testId: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  disabled?: boolean;
  help: string;
  /** A short line under the field, for what the value means here. */
  note?: string;
  onCommit(value: number): void;
}

/** A number setting that keeps what is typed and stores it only when it is a valid value. */
export function SettingField(props: Props) {
  const { label, testId, value, min, max, step, integer, disabled, help, note, onCommit } = props;
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setText((typed) => (Number(typed) === value ? typed : String(value)));
  }, [value]);

  const read = (raw: string) => {
    setText(raw);
    const n = Number(raw.trim());
    if (raw.trim() === '' || !Number.isFinite(n)) return setError('Type a number.');
    if (integer && !Number.isInteger(n)) return setError('Type a whole number.');
    if (n < min || n > max) return setError(`From ${min} to ${max}.`);
    setError(null);
    onCommit(n);
  };

  return (
    <label className="setting" title={help}>
      <span className="setting-label">{label}</span>
      <input
        type="number"
        data-testid={testId}
        value={text}
        min={min}
        max={max}
        step={step ?? 1}
        disabled={disabled}
        aria-invalid={error !== null}
        onChange={(e) => read(e.target.value)}
      />
      {error && <span className="field-error">{error}</span>}
      {note && !error && (
        <span className="setting-note" data-testid={`${testId}-note`}>
          {note}
        </span>
      )}
    </label>
  );
}
