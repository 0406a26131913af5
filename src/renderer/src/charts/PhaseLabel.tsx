interface Props {
  label: string;
  /** The first phase needs no line: the y axis marks its start. */
  first: boolean;
  /** The phase's start and end on the chart, in pixels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** About the width of one character of the 11 px label font: enough to shorten long labels. */
const CHAR_WIDTH = 6.2;

/** Shortens a label to the room its phase has, with an ellipsis; the tooltip keeps it whole. */
export function fitLabel(label: string, room: number): string {
  const chars = Math.floor(room / CHAR_WIDTH);
  if (label.length <= chars) return label;
  return chars < 2 ? '' : `${label.slice(0, chars - 1)}…`;
}

/** Where a procedure phase starts on the loss chart: a dashed line and the phase's name. */
export function PhaseLabel({ label, first, left, right, top, bottom }: Props) {
  return (
    <g className="loss-phase" data-testid="loss-phase">
      <title>{label}</title>
      {!first && <line className="phase-rule" x1={left} x2={left} y1={top - 14} y2={bottom} />}
      <text
        className="phase-label"
        data-testid="loss-phase-label"
        data-label={label}
        x={left + 5}
        y={top - 6}
      >
        {fitLabel(label, right - left - 8)}
      </text>
    </g>
  );
}
