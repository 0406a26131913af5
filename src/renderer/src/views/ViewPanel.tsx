import { useRef, type ReactNode } from 'react';
import { savePanel } from './savePng';

interface Props {
  title: string;
  /** The file name's first part when saved as PNG ("latent-space"). */
  saveAs: string;
  /** Controls on the title row (selects, toggles). */
  tools?: ReactNode;
  hint?: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/** A panel of a view: title, tools, a one-line hint, and a button that saves it as a PNG. */
export function ViewPanel({ title, saveAs, tools, hint, className, testId, children }: Props) {
  const ref = useRef<HTMLElement>(null);
  return (
    <section
      ref={ref}
      className={`panel view-panel ${className ?? ''}`}
      aria-label={title}
      data-testid={testId}
    >
      <div className="panel-title-row view-panel-head">
        <h2 className="panel-title">{title}</h2>
        <div className="view-tools">
          {tools}
          <button
            className="icon-button save-png"
            title="Save as PNG"
            aria-label={`Save ${title} as PNG`}
            onClick={() => ref.current && savePanel(ref.current, saveAs)}
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path
                d="M8 2v8m0 0L5 7m3 3 3-3M3 12v2h10v-2"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
          </button>
        </div>
      </div>
      {hint && <p className="panel-hint">{hint}</p>}
      {children}
    </section>
  );
}
