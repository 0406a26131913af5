import { describe, expect, it } from 'vitest';
import { exportSummary } from '../../src/shared/export/summary';
import { getPreset } from '../../src/shared/presets';
import { hostileNames } from './hostileStrings';

const IMG = '<img src=x onerror=alert(1)>';

/** The summary of the default preset with `name` on every layer and as the title. */
function summaryWith(name: string) {
  const preset = getPreset('default')!;
  const graph = {
    ...preset.graph,
    nodes: preset.graph.nodes.map((n) => ({ ...n, name: name.slice(0, 200) })),
  };
  return exportSummary(graph, name);
}

// An HTML tag, comment, declaration or processing instruction: what Markdown passes through raw.
const RAW_HTML = /<[A-Za-z/!?]/;

// CommonMark ends a line at LF, CR or CR LF.
const linesOf = (markdown: string) => markdown.split(/\r\n|[\r\n]/);
/** Rows of the layer table: each must keep its four cells whatever the name holds. */
const tableRows = (markdown: string) => linesOf(markdown).filter((line) => line.startsWith('| '));
const cellsOf = (row: string) => row.split(/(?<!\\)\|/).length - 2;

describe('summary Markdown with hostile names', () => {
  it('contains no raw HTML tag for <img src=x onerror=alert(1)> as layer name and title', () => {
    const { markdown } = summaryWith(IMG);
    expect(markdown).not.toMatch(RAW_HTML);
    expect(markdown).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
  });

  it('keeps one heading line and four cells per row for 200 hostile names', () => {
    const bad = hostileNames(200).flatMap((name) => {
      const { markdown } = summaryWith(name);
      const problems: string[] = [];
      if (RAW_HTML.test(markdown)) problems.push('raw HTML');
      if (!markdown.startsWith('### Model: ') || linesOf(markdown)[1] !== '')
        problems.push('the heading is broken');
      if (tableRows(markdown).some((row) => cellsOf(row) !== 4)) problems.push('a row is broken');
      return problems.length > 0 ? [`${JSON.stringify(name)}: ${problems.join(', ')}`] : [];
    });
    expect(bad).toEqual([]);
  });
});
