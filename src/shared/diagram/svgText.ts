/** Small helpers to write SVG as text: no DOM in src/shared, so every string goes through escape/xml. */
import { xmlAttr, xmlText } from '../escape/xml';

/** Rounds a coordinate so the file stays small and stable across runs (golden-friendly). */
export const num = (v: number): string => String(Math.round(v * 100) / 100);

type Attrs = Record<string, string | number | null | undefined>;

const attrText = (attrs: Attrs): string =>
  Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : xmlAttr(v as string)}"`)
    .join('');

/** One element; children are already-written SVG text. */
export const el = (name: string, attrs: Attrs, ...children: string[]): string =>
  children.length === 0
    ? `<${name}${attrText(attrs)}/>`
    : `<${name}${attrText(attrs)}>${children.join('')}</${name}>`;

/** A text element whose content is escaped. */
export const text = (content: string, attrs: Attrs): string =>
  `<text${attrText(attrs)}>${xmlText(content)}</text>`;

/** Points of a polygon or polyline. */
export const points = (pts: readonly (readonly [number, number])[]): string =>
  pts.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');

/**
 * The width a line of text takes, estimated from Helvetica/Arial character widths (em units).
 * The layout needs it without a DOM; it errs a little wide so labels never collide.
 */
export function textWidth(content: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of content) {
    if ("il.,:;|!'’ ".includes(ch)) em += 0.3;
    else if ('fjtrI()[]'.includes(ch)) em += 0.36;
    else if ('mwMW'.includes(ch)) em += 0.86;
    else if (ch >= 'A' && ch <= 'Z') em += 0.68;
    else if (ch === '×' || ch === '·' || ch === '→') em += 0.6;
    else em += 0.56;
  }
  return em * fontSize * (bold ? 1.07 : 1);
}
