import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { StudioClient } from '../../../shared/contract/client';
import type { StudioHandlers } from '../../../shared/contract/dispatch';
import { memoryTransport } from '../../../shared/contract/memory';
import { fail, ok } from '../../../shared/contract/result';
import type { GraphDocument } from '../../../shared/graph/document';
import { getPreset } from '../../../shared/presets';
import { diagramSvg, makeExport, renderPng, type ExportJob } from './makeExport';
import { diagramOptionsOf, initialPictureSettings } from './pictureSettings';

const preset = getPreset('default')!;

const jobOf = (patch: Partial<ExportJob> = {}): ExportJob => ({
  doc: preset.graph,
  choice: 'svg',
  diagram: diagramOptionsOf(initialPictureSettings('Stacked AE'), []),
  title: 'Stacked AE',
  settings: preset.settings,
  procedure: null,
  weightsRunId: 'run-7',
  ...patch,
});

const textOf = (data: Uint8Array) => new TextDecoder().decode(data);

/** A host that answers 'export.render' only, remembering each validated request. */
function recordingHost(
  reply = ok({ files: [{ name: 'x.png', type: 'image/png', data: new Uint8Array([137, 80]) }] }),
) {
  const requests: unknown[] = [];
  const handlers = {
    'export.render': async (request: unknown) => {
      requests.push(request);
      return reply;
    },
  } as unknown as StudioHandlers;
  const client = new StudioClient(memoryTransport(handlers, () => () => {}));
  return { client, requests };
}

describe('making exports', () => {
  it('makes the diagram SVG in the browser: well-formed, titled, carrying the model', async () => {
    const made = await makeExport(jobOf(), null);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.value.map((f) => [f.name, f.type])).toEqual([['Stacked-AE.svg', 'image/svg+xml']]);
    const svg = textOf(made.value[0].data);
    const errors: string[] = [];
    const parsed = new DOMParser({
      onError: (_level, message) => errors.push(message),
    }).parseFromString(svg, 'image/svg+xml');
    expect(errors).toEqual([]);
    expect(parsed.documentElement?.nodeName).toBe('svg');
    expect(svg).toContain('>Stacked AE</text>');
    expect(svg).toContain('autoencoder-studio-graph');
  });

  it('leaves the title out when it is unticked and draws only the selected layers in scope', async () => {
    const settings = {
      ...initialPictureSettings('Stacked AE'),
      showTitle: false,
      scope: 'selection' as const,
    };
    const kept = preset.graph.nodes.slice(0, 2).map((n) => n.id);
    const made = await makeExport(jobOf({ diagram: diagramOptionsOf(settings, kept) }), null);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const svg = textOf(made.value[0].data);
    expect(svg).not.toContain('>Stacked AE</text>');
    const whole = diagramSvg({ doc: preset.graph, diagram: jobOf().diagram });
    expect(svg.length).toBeLessThan(whole.length);
  });

  it('writes the Keras script and both summaries in the browser', async () => {
    const keras = await makeExport(jobOf({ choice: 'keras' }), null);
    const summaryText = await makeExport(jobOf({ choice: 'summary-text' }), null);
    const summaryMd = await makeExport(jobOf({ choice: 'summary-md' }), null);
    expect(keras.ok && keras.value[0].name).toBe('Stacked-AE.py');
    if (keras.ok) expect(textOf(keras.value[0].data)).toContain('keras');
    expect(summaryText.ok && summaryText.value[0].name).toBe('Stacked-AE-summary.txt');
    if (summaryText.ok) expect(textOf(summaryText.value[0].data)).toContain('209,968');
    expect(summaryMd.ok && summaryMd.value[0].name).toBe('Stacked-AE-summary.md');
    if (summaryMd.ok) expect(textOf(summaryMd.value[0].data)).toContain('|');
  });

  it('asks the host for a 2x PNG with the diagram options and no weights', async () => {
    const { client, requests } = recordingHost();
    const made = await makeExport(jobOf({ choice: 'png-2' }), client);
    expect(made.ok).toBe(true);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      format: 'png',
      scale: 2,
      weightsOfRun: null,
      title: 'Stacked AE',
    });
    expect((requests[0] as { diagram: { palette: string } }).diagram.palette).toBe('default');
  });

  it("asks the host for the tfjs model with the latest completed run's weights", async () => {
    const { client, requests } = recordingHost();
    await makeExport(jobOf({ choice: 'tfjs' }), client);
    expect(requests[0]).toMatchObject({ format: 'tfjs', weightsOfRun: 'run-7' });
  });

  it('copies the picture of an SVG choice as a 2x PNG and of a 4x choice at 4x', async () => {
    const { client, requests } = recordingHost();
    expect((await renderPng(jobOf(), client)).ok).toBe(true);
    await renderPng(jobOf({ choice: 'png-4' }), client);
    expect(requests.map((r) => (r as { scale: number }).scale)).toEqual([2, 4]);
  });

  it("passes the host's message on, and says when no host is connected", async () => {
    const { client } = recordingHost(fail('E_INVALID_GRAPH', 'Dense needs 784 values.'));
    const refused = await makeExport(jobOf({ choice: 'pdf' }), client);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe('Dense needs 784 values.');
    const alone = await makeExport(jobOf({ choice: 'pdf' }), null);
    if (!alone.ok) expect(alone.error.message).toContain('E_EXPORT_6');
    expect(alone.ok).toBe(false);
  });

  it('refuses to export a design without layers', async () => {
    const empty: GraphDocument = { ...preset.graph, nodes: [], edges: [] };
    const made = await makeExport(jobOf({ doc: empty }), null);
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.error.message).toContain('E_EXPORT_10');
  });
});
