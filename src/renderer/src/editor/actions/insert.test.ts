import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../../shared/compiler';
import type { GraphDocument, NodeKind } from '../../../../shared/graph/document';
import { createNode } from '../../../../shared/layers';
import { getPreset } from '../../../../shared/presets';
import { insertAfter } from './insert';

const preset = (id: string): GraphDocument => getPreset(id)!.graph;
const node = (kind: NodeKind, id: string) => createNode(kind, id, { x: 0, y: 0 }, id);
const links = (doc: GraphDocument) =>
  doc.edges.map((e) => `${e.source}->${e.target}:${e.targetPort}`);

describe('quick-add after the selected layer', () => {
  it('inserts the new layer between the selected one and the layer it fed', () => {
    const doc = insertAfter(preset('conv-upsampling'), node('Dropout', 'drop'), 'conv1');
    expect(links(doc)).toContain('conv1->drop:in');
    expect(links(doc)).toContain('drop->pool1:in');
    expect(links(doc)).not.toContain('conv1->pool1:in');
    expect(doc.edges.length).toBe(preset('conv-upsampling').edges.length + 1);
    // Still one chain, and a trainable one: a dropout keeps the shape.
    expect(analyzeGraph(doc).valid).toBe(true);
  });

  it('connects after the last layer of a chain that goes nowhere yet', () => {
    const start: GraphDocument = { version: 1, nodes: [node('Input', 'in')], edges: [] };
    const doc = insertAfter(start, node('Dense', 'd'), 'in');
    expect(links(doc)).toEqual(['in->d:in']);
  });

  it('reroutes every layer that read from the selected one: a branch keeps both arms', () => {
    const doc = insertAfter(preset('vae'), node('Activation', 'act'), 'enc2');
    expect(links(doc).filter((l) => l.startsWith('enc2->'))).toEqual(['enc2->act:in']);
    expect(links(doc)).toEqual(expect.arrayContaining(['act->mean:in', 'act->logVar:in']));
  });

  it('goes in before an Output, which gives nothing on', () => {
    const doc = insertAfter(preset('default'), node('Dropout', 'drop'), 'output');
    expect(links(doc)).toEqual(expect.arrayContaining(['dec2->drop:in', 'drop->output:in']));
  });

  it('adds an Input loose, and an Output at the end without taking over the successors', () => {
    expect(insertAfter(preset('default'), node('Input', 'x'), 'enc1').edges).toEqual(
      preset('default').edges,
    );
    const doc = insertAfter(preset('default'), node('Output', 'out2'), 'enc1');
    expect(links(doc)).toEqual(expect.arrayContaining(['enc1->out2:in', 'enc1->enc2:in']));
  });
});
