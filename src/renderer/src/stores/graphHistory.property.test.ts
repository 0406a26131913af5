import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  graphDocumentSchema,
  NODE_KINDS,
  type GraphDocument,
} from '../../../shared/graph/document';
import { createGraphStore, type GraphStore } from './graphStore';

/** What the history should hold: the documents to go back and forward to. */
interface Model {
  past: GraphDocument[];
  future: GraphDocument[];
  lastKey: string | null;
}

interface Real {
  store: GraphStore;
}

type Cmd = fc.Command<Model, Real>;

const doc = (r: Real) => r.store.getState().doc;

/** Records a step in the model as the store should: edits of one field in a row are one step. */
function expectStep(m: Model, before: GraphDocument, after: GraphDocument, key: string | null) {
  if (after === before) return;
  if (key !== null && key === m.lastKey && m.future.length === 0) return;
  m.past.push(before);
  m.future = [];
  m.lastKey = key;
}

function check(r: Real) {
  expect(graphDocumentSchema.safeParse(doc(r)).success).toBe(true);
}

class Add implements Cmd {
  constructor(
    readonly kind: (typeof NODE_KINDS)[number],
    readonly x: number,
  ) {}
  check = () => true;
  run(m: Model, r: Real) {
    const before = doc(r);
    r.store.getState().addNode(this.kind, { x: this.x, y: 0 });
    expectStep(m, before, doc(r), null);
    check(r);
  }
  toString = () => `add(${this.kind})`;
}

class Connect implements Cmd {
  constructor(
    readonly a: number,
    readonly b: number,
    readonly port: string,
  ) {}
  check = () => true;
  run(m: Model, r: Real) {
    const nodes = doc(r).nodes;
    if (nodes.length < 2) return;
    const before = doc(r);
    r.store
      .getState()
      .connect(nodes[this.a % nodes.length].id, nodes[this.b % nodes.length].id, this.port);
    expectStep(m, before, doc(r), null);
    check(r);
  }
  toString = () => `connect(${this.a}, ${this.b}, ${this.port})`;
}

class Delete implements Cmd {
  constructor(readonly i: number) {}
  check = () => true;
  run(m: Model, r: Real) {
    const nodes = doc(r).nodes;
    if (nodes.length === 0) return;
    const before = doc(r);
    r.store.getState().remove([nodes[this.i % nodes.length].id], []);
    expectStep(m, before, doc(r), null);
    check(r);
  }
  toString = () => `delete(${this.i})`;
}

class Edit implements Cmd {
  constructor(
    readonly i: number,
    readonly units: number,
  ) {}
  check = () => true;
  run(m: Model, r: Real) {
    const nodes = doc(r).nodes;
    if (nodes.length === 0) return;
    const id = nodes[this.i % nodes.length].id;
    const before = doc(r);
    r.store.getState().setParam(id, 'units', this.units);
    expectStep(m, before, doc(r), `param:${id}:units`);
    check(r);
  }
  toString = () => `edit(${this.i}, ${this.units})`;
}

class Undo implements Cmd {
  check = () => true;
  run(m: Model, r: Real) {
    const before = doc(r);
    r.store.getState().undo();
    const expected = m.past.pop();
    if (expected) {
      m.future.unshift(before);
      expect(doc(r)).toEqual(expected);
    } else expect(doc(r)).toBe(before);
    m.lastKey = null;
    check(r);
  }
  toString = () => 'undo';
}

class Redo implements Cmd {
  check = () => true;
  run(m: Model, r: Real) {
    const before = doc(r);
    r.store.getState().redo();
    const expected = m.future.shift();
    if (expected) {
      m.past.push(before);
      expect(doc(r)).toEqual(expected);
    } else expect(doc(r)).toBe(before);
    m.lastKey = null;
    check(r);
  }
  toString = () => 'redo';
}

const commands = [
  fc
    .tuple(fc.constantFrom(...NODE_KINDS), fc.integer({ min: 0, max: 2000 }))
    .map(([k, x]) => new Add(k, x)),
  fc
    .tuple(fc.nat(50), fc.nat(50), fc.constantFrom('in', 'mean', 'logVar', 'bogus'))
    .map(([a, b, p]) => new Connect(a, b, p)),
  fc.nat(50).map((i) => new Delete(i)),
  fc.tuple(fc.nat(50), fc.integer({ min: -5, max: 2000 })).map(([i, u]) => new Edit(i, u)),
  fc.constant(new Undo()),
  fc.constant(new Redo()),
];

describe('undo and redo of editor actions (model-based)', () => {
  it('keep the document valid for the schema, and undo always restores the state before the action', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 60 }), fc.boolean(), (cmds, empty) => {
        const store = createGraphStore();
        if (empty) store.getState().loadDocument({ version: 1, nodes: [], edges: [] }, 'Empty');
        fc.modelRun(
          () => ({ model: { past: [], future: [], lastKey: null }, real: { store } }),
          cmds,
        );
        // Undoing everything gets back to where the run started.
        while (store.getState().history.past.length > 0) store.getState().undo();
        const start = empty ? 0 : 6;
        expect(store.getState().doc.nodes).toHaveLength(start);
      }),
      { numRuns: 150 },
    );
  });
});
