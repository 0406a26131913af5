import { useEffect, useState } from 'react';

interface Props {
  label: string;
  testId: string;
  value: string;
  placeholder?: string;
  disabled?: boolean;
  help: string;
  /** Checks the text; returns an error in words, or null and stores it. */
  onCommit(text: string): string | null;
  wide?: boolean;
}

/** A text setting (label filter, a file path) that keeps what is typed and says what is wrong. */
export function TextField({
  label,
  testId,
  value,
  placeholder,
  disabled,
  help,
  onCommit,
  wide,
}: Props) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText((typed) => (error ? typed : value)), [value, error]);
  return (
    <label className={`setting ${wide ? 'wide' : ''}`} title={help}>
      <span className="setting-label">{label}</span>
      <input
        type="text"
        data-testid={testId}
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        spellCheck={false}
        aria-invalid={error !== null}
        onChange={(e) => {
          setText(e.target.value);
          setError(onCommit(e.target.value));
        }}
      />
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}
