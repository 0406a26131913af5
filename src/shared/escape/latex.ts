/**
 * LaTeX text from untrusted strings: every special character becomes its text command, control
 * characters and line breaks become spaces, so a name can neither run a command nor end a group.
 */
const LATEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '%': '\\%',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '"': "''",
  '[': '{[}',
  ']': '{]}',
};

// C0/C1 controls, line and paragraph separators: a line break would end a TikZ option or a comment.
// eslint-disable-next-line no-control-regex
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

// pdflatex typesets only what its fonts hold: the symbols the app's labels use become math, any
// other character beyond ASCII and the accented Latin letters a question mark (the document must compile).
const SYMBOLS: Record<string, string> = {
  '×': '\\ensuremath{\\times}',
  '÷': '\\ensuremath{\\div}',
  '·': '\\ensuremath{\\cdot}',
  '→': '\\ensuremath{\\rightarrow}',
  '…': '\\ldots{}',
  '−': '\\ensuremath{-}',
  α: '\\ensuremath{\\alpha}',
  β: '\\ensuremath{\\beta}',
  λ: '\\ensuremath{\\lambda}',
  μ: '\\ensuremath{\\mu}',
  ρ: '\\ensuremath{\\rho}',
  σ: '\\ensuremath{\\sigma}',
};

/** Text for LaTeX (a node label, a caption): no command, group, math or comment can start from it. */
export const latexText = (text: string): string =>
  text
    .replace(BREAKS, ' ')
    .replace(/[\\{}$&#%_^~<>|"[\]]/g, (c) => LATEX_ESCAPES[c])
    .replace(/[^\u0020-\u007e\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]/gu, (c) => SYMBOLS[c] ?? '?');

/** A TikZ node name from any string: letters and digits only, never empty. */
export const tikzName = (text: string, index: number): string =>
  `n${index}${text.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`;
