import { useEffect, useState } from 'react';
import type { ParamValue } from '../../../shared/graph/document';
import type { ParamSpec } from '../../../shared/layers/types';
import { useGraph } from '../stores/graphStore';
import { fieldText, parseField } from './paramInput';

interface Props {
  name: string;
  spec: ParamSpec;
  value: ParamValue;
  onCommit(value: ParamValue): void;
}

/** One typed field of the inspector; a valid edit reaches the graph at once. */
export function ParamField({ name, spec, value, onCommit }: Props) {
  const [text, setText] = useState(fieldText(value));
  const [error, setError] = useState<string | null>(null);
  const nodes = useGraph((s) => s.doc.nodes);

  // Follow the stored value when another edit (a preset, undo) changes it.
  // The text being typed stays while it still means the stored value ("0." while typing 0.5).
  useEffect(() => {
    setText((typed) => {
      const parsed = parseField(spec, typed);
      return parsed.ok && fieldText(parsed.value) === fieldText(value) ? typed : fieldText(value);
    });
  }, [value, spec]);

  const id = `param-${name}`;
  let control;
  if (spec.type === 'choice') {
    control = (
      <select
        id={id}
        value={String(value ?? spec.default)}
        onChange={(e) => onCommit(e.target.value)}
      >
        {spec.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else if (spec.type === 'boolean') {
    control = (
      <input
        id={id}
        type="checkbox"
        checked={Boolean(value ?? spec.default)}
        onChange={(e) => onCommit(e.target.checked)}
      />
    );
  } else if (spec.type === 'nodeRef') {
    control = (
      <select
        id={id}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onCommit(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">(none)</option>
        {nodes
          .filter((n) => n.kind === spec.refKind)
          .map((n) => (
            <option key={n.id} value={n.id}>
              {n.name || n.id}
            </option>
          ))}
      </select>
    );
  } else {
    control = (
      <input
        id={id}
        type={spec.type === 'number' ? 'number' : 'text'}
        inputMode={spec.type === 'number' ? 'decimal' : undefined}
        min={spec.type === 'number' ? spec.min : undefined}
        max={spec.type === 'number' ? spec.max : undefined}
        step={spec.type === 'number' ? spec.step : undefined}
        value={text}
        aria-invalid={error !== null}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseField(spec, e.target.value);
          setError(parsed.ok ? null : parsed.message);
          if (parsed.ok) onCommit(parsed.value);
        }}
      />
    );
  }

  return (
    <div className={`field ${spec.type === 'boolean' ? 'field-inline' : ''}`}>
      <label htmlFor={id} title={spec.help}>
        {spec.label}
      </label>
      {control}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
