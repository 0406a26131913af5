import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../shared/presets';
import { ExportButton } from './ExportButton';
import { ExportDialog } from './ExportDialog';
import type { ExportSource } from './exportSource';
import { ImportModelButton } from './ImportModelButton';

const preset = getPreset('default')!;
const source: ExportSource = {
  doc: preset.graph,
  title: 'Stacked AE',
  selectedIds: [],
  settings: preset.settings,
  procedure: null,
  weightsRunId: null,
  client: null,
};

const render = (props: Partial<Parameters<typeof ExportDialog>[0]> = {}) =>
  renderToStaticMarkup(createElement(ExportDialog, { source, onClose: () => {}, ...props }));

describe('the export dialog as first drawn', () => {
  it('shows the format, the live diagram preview and the download, copy and close buttons', () => {
    const html = render();
    for (const id of ['export-format', 'export-download', 'export-copy', 'export-close']) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).toMatch(
      /<img[^>]*src="data:image\/svg\+xml;charset=utf-8,%3Csvg[^"]*"[^>]*data-testid="export-preview"/,
    );
    // Every layer of the design can be relabelled, recoloured or hidden.
    expect(html.match(/aria-label="Hide /g)).toHaveLength(preset.graph.nodes.length);
  });

  it('offers "selected layers only" only when layers are selected', () => {
    expect(render()).toMatch(/data-testid="export-scope-selection" disabled=""/);
    const withSelection = render({
      source: { ...source, selectedIds: [preset.graph.nodes[0].id] },
    });
    expect(withSelection).not.toMatch(/data-testid="export-scope-selection" disabled=""/);
    expect(withSelection).toContain('Selected layers only (1)');
  });

  it('shows the Keras script instead of the picture, and cannot copy it as an image', () => {
    const html = render({ initialChoice: 'keras' });
    expect(html).toContain('data-testid="export-text-preview"');
    expect(html).not.toContain('data-testid="export-preview"');
    expect(html).toMatch(/data-testid="export-copy" disabled=""/);
  });

  it('warns that a tfjs export without a completed run is untrained', () => {
    expect(render({ initialChoice: 'tfjs' })).toContain('untrained');
    const trained = render({ initialChoice: 'tfjs', source: { ...source, weightsRunId: 'r1' } });
    expect(trained).toContain('latest completed training run');
  });
});

describe('the export and import buttons', () => {
  it('render with the test ids the app and its e2e tests use', () => {
    expect(renderToStaticMarkup(createElement(ExportButton, { source: () => source }))).toContain(
      'data-testid="export-open"',
    );
    const importer = renderToStaticMarkup(createElement(ImportModelButton, { onGraph: () => {} }));
    expect(importer).toMatch(/<input[^>]*type="file"[^>]*accept=".json,.svg,.bin"[^>]*multiple/);
    expect(importer).toContain('data-testid="import-model"');
  });
});
