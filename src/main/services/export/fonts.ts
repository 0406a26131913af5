import { existsSync } from 'node:fs';

/**
 * Sans-serif font files to embed in a PDF, regular then bold. PDF's built-in Helvetica has no
 * Greek (σ, ρ, β appear in labels), so a real font is embedded where the system has one.
 */
const CANDIDATES: [string, string][] = [
  [
    '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  ],
  [
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  ],
  [
    '/System/Library/Fonts/Supplemental/Arial.ttf',
    '/System/Library/Fonts/Supplemental/Arial Bold.ttf',
  ],
  ['C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'],
];

/** The first regular/bold pair present on this machine, or null (then Helvetica is used). */
export function findSansFonts(): { regular: string; bold: string } | null {
  for (const [regular, bold] of CANDIDATES) {
    if (existsSync(regular) && existsSync(bold)) return { regular, bold };
  }
  return null;
}
