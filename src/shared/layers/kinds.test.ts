/**
 * The per-kind table, shared side: every descriptor in kinds/ has a cases file beside it, and each
 * of its examples passes the symbolic checks (shape and counts as Keras gives them), the save and
 * reload round trip, the Keras config round trip and its script writers. The tfjs side (shapes,
 * counts and forward pass of the built layer, tfjs model JSON and back) is
 * src/main/services/model/kinds.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { migrateDocument } from '../graph/migrate';
import type { GraphDocument } from '../graph/document';
import { pyCall } from '../export/python';
import { createNode, resolveParams } from '.';
import { descriptorOfClass, LAYER_DESCRIPTORS, NODE_KINDS } from './registry';
import { CASE_FILES, CASES, exampleNode, kerasOf, lookupFor } from './testing/kindTable';

const kindFiles = Object.keys(
  import.meta.glob(['./kinds/*.ts', '!./kinds/*.test.ts', '!./kinds/*.cases.ts']),
);
const fileKind = (path: string) => path.replace(/^.*\/(\w+)\.(cases\.)?ts$/, '$1').toLowerCase();

describe('the per-kind table', () => {
  it('has a cases file for every kind, and a kind for every cases file', () => {
    const kinds = new Set(kindFiles.map(fileKind));
    const cased = new Set(Object.keys(CASE_FILES).map(fileKind));
    expect([...cased].sort()).toEqual([...kinds].sort());
    expect([...CASES.keys()].sort()).toEqual([...NODE_KINDS].sort());
  });

  it('names each descriptor file after its kind', () => {
    expect(kindFiles.map(fileKind).sort()).toEqual(NODE_KINDS.map((k) => k.toLowerCase()).sort());
  });
});

describe.each(NODE_KINDS.map((kind) => [kind, CASES.get(kind)] as const))(
  '%s',
  (kind, kindCase) => {
    if (!kindCase) {
      it('has a cases file', () => {
        expect.fail(`${kind} has no kinds/<kind>.cases.ts: add its examples and reference.`);
      });
      return;
    }
    const d = LAYER_DESCRIPTORS[kind];
    const examples = kindCase.examples.map((e, i) => [i, e] as const);

    it('describes itself: title, explanation, palette colours and defaults its schema accepts', () => {
      expect(d.title.length).toBeGreaterThan(2);
      expect(d.explanation.length).toBeGreaterThan(20);
      for (const c of [d.diagram.colors.default, d.diagram.colors.colorblind])
        expect(c).toMatch(/^#[0-9A-F]{6}$/);
      const defaults = d.paramsSchema.parse({});
      expect(resolveParams(createNode(kind, 'x', { x: 0, y: 0 })).params).toEqual(defaults);
      expect(d.paramsSchema.safeParse(defaults).success).toBe(true);
    });

    it.each(examples)('symbolic %i: gives the shape and counts Keras gives', (_i, example) => {
      const node = exampleNode(kindCase, example);
      const { params, problems } = resolveParams(node);
      expect(problems).toEqual([]);
      const shape = d.inferShape({
        inputs: example.inputs,
        params,
        node,
        label: `${kind} 'layer'`,
        lookup: lookupFor(example),
      });
      expect(shape).toEqual({ ok: true, shape: example.output });
      expect(d.countParams({ inputs: example.inputs, output: example.output, params })).toEqual(
        example.count,
      );
      expect(d.diagram.detail(params).length).toBeGreaterThan(0);
    });

    it.each(examples)('round trip %i: saves and reloads as the same node', (_i, example) => {
      const node = exampleNode(kindCase, example);
      const doc: GraphDocument = { version: 1, nodes: [node], edges: [] };
      const reloaded = migrateDocument(JSON.parse(JSON.stringify(doc)));
      if (!reloaded.ok) throw new Error(reloaded.error.message);
      expect(reloaded.value.nodes[0]).toEqual(node);
    });

    it.each(examples)(
      'round trip %i: its Keras config reads back as the same node',
      (_i, example) => {
        const node = exampleNode(kindCase, example);
        const { params } = resolveParams(node);
        const keras = kerasOf(kindCase, example, params);
        if (keras === null) {
          // Only the ends add no layer: the model's (Output) and the game's (Adversary).
          expect(['Output', 'Adversary']).toContain(kind);
          return;
        }
        const binding = descriptorOfClass(keras.className)?.kerasClass;
        expect(binding, `a kind owns the Keras class ${keras.className}`).toBeDefined();
        const back = binding!.fromKeras(
          { className: keras.className, name: 'layer', config: keras.config, inputs: [] },
          true,
        );
        if (!back.ok) throw new Error(back.message);
        // A Prior is the InputLayer of the network it feeds, so a saved network reads it as Input.
        expect(back.kind).toBe(kind === 'Prior' ? 'Input' : kind);
        if (kind === 'Prior') return;
        const reread = { ...node, params: back.params };
        expect(resolveParams(reread)).toEqual({ params, problems: [] });
      },
    );

    it('writes its Keras and PyTorch calls', () => {
      const example = kindCase.examples[0];
      const { params } = resolveParams(exampleNode(kindCase, example));
      const keras = kerasOf(kindCase, example, params);
      if (keras === null || keras.className === 'InputLayer') return;
      const layer = {
        class_name: keras.className,
        name: 'layer',
        config: { name: 'layer', ...keras.config },
        inbound_nodes: [],
      };
      const binding = descriptorOfClass(keras.className)!.kerasClass!;
      const [callee, args] = binding.python({
        layer,
        objectVar: (name) => `${name}_layer`,
        sourceOf: () => undefined,
      });
      const python = pyCall(callee, [...args, 'name="layer"'], '', 1000);
      if (kindCase.python) expect(python).toBe(kindCase.python);
      const torch = binding.torch({
        layer,
        self: 'self.layer',
        inputs: Object.keys(example.inputs).map((_p, k) => (k === 0 ? 'x' : `x${k}`)),
        inShapes: Object.values(example.inputs),
        outShape: example.output,
        selfOf: (name) => `self.${name}`,
        sourceOf: () => undefined,
      });
      if (!torch.ok) throw new Error(torch.error.message);
      if (kindCase.torch) expect(torch.value.value).toBe(kindCase.torch);
    });
  },
);
