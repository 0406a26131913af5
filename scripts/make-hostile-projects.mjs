// Writes the hostile project corpus under test/fixtures/hostile/projects/ once; the tests only read it.
// Run: node scripts/make-hostile-projects.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../test/fixtures/hostile/projects/', import.meta.url));
const manifest = [];

/** Writes one case and its manifest row; `extra` adds `then` or `warning` to the row. */
function write(file, content, code, via, why, extra = {}) {
  writeFileSync(join(OUT, file), content);
  manifest.push({ file, code, via, why, ...extra });
}

const node = (id, kind, params, y = 0) => ({
  id,
  kind,
  name: kind,
  params,
  position: { x: 0, y },
});
const graph = () => ({
  version: 1,
  nodes: [node('in', 'Input', { shape: [784] }), node('d', 'Dense', { units: 32 }, 100)],
  edges: [{ id: 'e0', source: 'in', target: 'd', targetPort: 'in' }],
});
const draft = (edit = (d) => d) =>
  edit({ name: 'Hostile', graph: graph(), settings: {}, data: {}, procedure: null, runs: [] });
const project = (edit = (p) => p) =>
  edit({
    format: 'autoencoder-studio-project',
    version: 1,
    appVersion: '0.1.0',
    savedAt: '2026-01-01T00:00:00.000Z',
    ...draft(),
    weights: null,
  });
const json = (value) => JSON.stringify(value);
const P = '.aestudio.json';
const open = (name, content, code, why, extra) =>
  write(
    name + P,
    typeof content === 'string' || Buffer.isBuffer(content) ? content : json(content),
    code,
    'open',
    why,
    extra,
  );
const autosave = (name, content, code, why, extra) =>
  write(
    `autosave-${name}.json`,
    typeof content === 'string' || Buffer.isBuffer(content) ? content : json(content),
    code,
    'recover',
    why,
    extra,
  );
const nested = (n) => '['.repeat(n) + ']'.repeat(n);
const floats = (values) => Buffer.from(new Float32Array(values).buffer).toString('base64');
const weights = (tensors, data) => ({ runId: 'r1', tensors, data });
const withWeights = (w) => project((p) => ({ ...p, weights: w }));
const utf16 = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

// --- Project files, opened from the projects folder (browser mode) ---
open('valid', project(), null, 'a small valid project opens');
open('not-json', 'hello, this is not JSON', 'E_PROJECT', 'plain text');
open('empty', '', 'E_PROJECT', 'an empty file');
open('truncated', json(project()).slice(0, 150), 'E_PROJECT', 'cut off in the middle');
open('wrong-format', { format: 'something-else', version: 1 }, 'E_PROJECT', 'another format');
open('no-format', { version: 1, name: 'x' }, 'E_PROJECT', 'no format field');
open(
  'newer-version',
  project((p) => ({ ...p, version: 99 })),
  'E_PROJECT',
  'a newer file',
);
open(
  'version-string',
  project((p) => ({ ...p, version: '1' })),
  'E_PROJECT',
  'version as text',
);
open('top-array', '[]', 'E_PROJECT', 'an array, not an object');
open('top-null', 'null', 'E_PROJECT', 'the file is the JSON value null');
open('top-number', '42', 'E_PROJECT', 'a number');
open('top-string', '"autoencoder-studio-project"', 'E_PROJECT', 'a string');
open('nested-100000', nested(100_000), 'E_PROJECT_TOO_LARGE', '100,000 nested arrays');
open(
  'nested-in-graph',
  json(project()).replace('"graph":{', `"graph":{"deep":${nested(10_000)},`),
  'E_PROJECT_TOO_LARGE',
  'a valid head with a graph nested 10,000 deep',
);
open(
  'nested-objects',
  '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000),
  'E_PROJECT_TOO_LARGE',
  '50,000 nested objects',
);
open(
  'huge-nodes-array',
  project((p) => ({ ...p, graph: { ...p.graph, nodes: new Array(5001).fill(0) } })),
  'E_PROJECT',
  'more nodes than any design may have',
);
open(
  'huge-runs-array',
  project((p) => ({ ...p, runs: new Array(501).fill(0) })),
  'E_PROJECT',
  'more runs than a project keeps',
);
open(
  'huge-epochs-array',
  project((p) => ({
    ...p,
    runs: [
      {
        id: 'r',
        name: 'r',
        startedAt: 'x',
        status: 'completed',
        settings: {},
        epochs: new Array(100_001).fill(0),
      },
    ],
  })),
  'E_PROJECT',
  '100,001 epochs in one run',
);
open(
  'name-number',
  project((p) => ({ ...p, name: 5 })),
  'E_PROJECT',
  'name as a number',
);
open(
  'name-too-long',
  project((p) => ({ ...p, name: 'n'.repeat(300) })),
  'E_PROJECT',
  'a 300-character name',
);
open(
  'settings-string',
  project((p) => ({ ...p, settings: 'fast' })),
  'E_PROJECT',
  'settings as text',
);
open(
  'data-array',
  project((p) => ({ ...p, data: [] })),
  'E_PROJECT',
  'data as an array',
);
open(
  'runs-object',
  project((p) => ({ ...p, runs: {} })),
  'E_PROJECT',
  'runs as an object',
);
open(
  'run-loss-infinite',
  json(
    project((p) => ({
      ...p,
      runs: [
        {
          id: 'r',
          name: 'r',
          startedAt: 'x',
          status: 'completed',
          settings: {},
          epochs: [{ epoch: 1, trainLoss: 7, valLoss: 1, terms: {} }],
        },
      ],
    })),
  ).replace('"trainLoss":7', '"trainLoss":1e999'),
  'E_PROJECT',
  'a loss of 1e999 (infinity once parsed)',
);
open(
  'nan-literal',
  json(project()).replace('"weights":null', '"weights":NaN'),
  'E_PROJECT',
  'a bare NaN is not JSON',
);
open(
  'missing-graph',
  project((p) => ({ ...p, graph: undefined })),
  'E_PROJECT',
  'no graph',
);
open(
  'graph-string',
  project((p) => ({ ...p, graph: 'graph' })),
  'E_PROJECT',
  'graph as text',
);
open(
  'graph-nodes-string',
  project((p) => ({ ...p, graph: { ...p.graph, nodes: 'x' } })),
  'E_PROJECT',
  'nodes as text',
);
open(
  'graph-million-nodes-claim',
  project((p) => ({ ...p, graph: { ...p.graph, nodes: { length: 1_000_000 } } })),
  'E_PROJECT',
  'an object that claims 10^6 nodes',
);
open(
  'graph-newer-version',
  project((p) => ({ ...p, graph: { ...p.graph, version: 7 } })),
  'E_PROJECT',
  'a newer graph version',
);
open(
  'graph-unknown-kind',
  project((p) => ({ ...p, graph: { ...p.graph, nodes: [node('x', 'Teleporter', {})] } })),
  'E_PROJECT',
  'a node kind the app does not know',
);
open(
  'graph-params-object',
  project((p) => ({
    ...p,
    graph: { ...p.graph, nodes: [node('x', 'Dense', { units: { n: 1 } })] },
  })),
  'E_PROJECT',
  'a parameter that is an object',
);
open(
  'graph-position-text',
  project((p) => ({
    ...p,
    graph: { ...p.graph, nodes: [{ ...node('x', 'Dense', {}), position: { x: 'a', y: 'b' } }] },
  })),
  'E_PROJECT',
  'positions as text',
);
open(
  'graph-cycle',
  project((p) => ({
    ...p,
    graph: {
      ...p.graph,
      edges: [...p.graph.edges, { id: 'e1', source: 'd', target: 'in', targetPort: 'in' }],
    },
  })),
  null,
  'a cycle opens: the editor shows E_CYCLE on the canvas',
);
open(
  'graph-duplicate-ids',
  project((p) => ({
    ...p,
    graph: { ...p.graph, nodes: [...p.graph.nodes, node('d', 'Dense', { units: 8 })] },
  })),
  null,
  'duplicate ids open: the editor shows E_DUPLICATE_ID',
);
open(
  'graph-dangling-edge',
  project((p) => ({
    ...p,
    graph: { ...p.graph, edges: [{ id: 'e0', source: 'ghost', target: 'd', targetPort: 'in' }] },
  })),
  null,
  'an edge to a missing node opens: the editor reports it',
);
open(
  'proto-keys',
  json(project()).replace(
    '{',
    '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
  ),
  null,
  '__proto__ and constructor keys do not pollute prototypes',
);
open('utf8-bom', '\uFEFF' + json(project()), null, 'a UTF-8 byte order mark is accepted');
write(
  'utf16-le' + P,
  utf16(json(project())),
  'E_PROJECT',
  'open',
  'UTF-16 text with its byte order mark',
);
write(
  'utf16-no-bom' + P,
  Buffer.from(json(project()), 'utf16le'),
  'E_PROJECT',
  'open',
  'UTF-16 text without a mark',
);
const w2 = [{ name: 'd/kernel', shape: [2] }];
open('weights-nan', withWeights(weights(w2, floats([1, NaN]))), null, 'NaN in stored weights', {
  warning: 'weight "d/kernel"',
});
open(
  'weights-infinity',
  withWeights(weights(w2, floats([Infinity, 1]))),
  null,
  'Infinity in stored weights',
  {
    warning: 'weight "d/kernel"',
  },
);
open('weights-nan-string', withWeights(weights(w2, 'NaN')), null, 'weights data "NaN" as text', {
  warning: 'not in the format',
});
open('weights-base64-garbage', withWeights(weights(w2, '!!!!****')), null, 'weights not base64', {
  warning: 'not in the format',
});
open(
  'weights-shape-mismatch',
  withWeights(weights([{ name: 'd/kernel', shape: [10] }], floats([1, 2]))),
  null,
  'shapes call for 10 numbers, the data holds 2',
  { warning: 'call for 10 numbers' },
);
open(
  'weights-huge-shape',
  withWeights(weights([{ name: 'd/kernel', shape: [1e9, 1e9] }], floats([1]))),
  null,
  'a shape of 10^18 numbers is not allocated',
  { warning: 'the file holds 1' },
);
open(
  'weights-negative-shape',
  withWeights(weights([{ name: 'k', shape: [-1] }], '')),
  'E_PROJECT',
  'a negative dimension',
);
open(
  'weights-data-array',
  withWeights(weights(w2, [1, 2])),
  'E_PROJECT',
  'weights as a number list',
);
open(
  'data-etc-passwd',
  project((p) => ({ ...p, data: { source: 'file', file: { kind: 'csv', path: '/etc/passwd' } } })),
  'E_PATH_NOT_ALLOWED',
  'opens, but the data path is refused before anything reads it',
  { then: 'describe' },
);
open(
  'data-dotdot',
  project((p) => ({
    ...p,
    data: { source: 'file', file: { kind: 'idx', imagesPath: '../../../../../etc/shadow' } },
  })),
  'E_PATH_NOT_ALLOWED',
  'a relative path climbing out of the uploads folder is refused',
  { then: 'describe' },
);

// --- Autosave copies, read at start by project.recover ---
const copy = (edit = (d) => d) => ({
  savedAt: '2026-01-01T00:00:00.000Z',
  path: null,
  project: draft(edit),
});
autosave('valid', copy(), null, 'a valid copy is offered back');
autosave(
  'nested-graph',
  json(copy()).replace('"graph":{', `"graph":{"deep":${nested(100_000)},`),
  'E_PROJECT_TOO_LARGE',
  'a graph nested 100,000 deep',
);
autosave('nested-top', nested(100_000), 'E_PROJECT_TOO_LARGE', '100,000 nested arrays');
autosave('not-json', 'not json at all', 'E_PROJECT', 'plain text');
autosave('empty', '', 'E_PROJECT', 'an empty file');
autosave('truncated', json(copy()).slice(0, 100), 'E_PROJECT', 'cut off in the middle');
autosave('array', '[1,2,3]', 'E_PROJECT', 'an array');
autosave('missing-project', { savedAt: 'x', path: null }, 'E_PROJECT', 'no project');
autosave(
  'graph-string',
  copy((d) => ({ ...d, graph: 'x' })),
  'E_PROJECT',
  'graph as text',
);
autosave(
  'graph-newer',
  copy((d) => ({ ...d, graph: { ...d.graph, version: 9 } })),
  'E_PROJECT',
  'a newer graph version',
);
autosave(
  'graph-unknown-kind',
  copy((d) => ({ ...d, graph: { ...d.graph, nodes: [node('x', 'Warp', {})] } })),
  'E_PROJECT',
  'an unknown node kind',
);
autosave(
  'huge-nodes',
  copy((d) => ({ ...d, graph: { ...d.graph, nodes: new Array(5001).fill(0) } })),
  'E_PROJECT',
  'more nodes than any design',
);
autosave(
  'path-too-long',
  { ...copy(), path: '/x'.repeat(5000) },
  'E_PROJECT',
  'a 10,000-character path',
);
autosave('utf16', utf16(json(copy())), 'E_PROJECT', 'UTF-16 text');
autosave('bom', '\uFEFF' + json(copy()), null, 'a UTF-8 byte order mark is accepted');
autosave(
  'proto-keys',
  json(copy()).replace('{', '{"__proto__":{"polluted":true},'),
  null,
  '__proto__ keys do not pollute prototypes',
);

writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
console.log(`wrote ${manifest.length} cases to ${OUT}`);
