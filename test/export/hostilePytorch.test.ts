import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeNpy } from '../../src/main/services/export/npz';
import { compileGraph } from '../../src/shared/compiler';
import { exportPytorchScript } from '../../src/shared/export/pytorch';
import type { GraphDocument } from '../../src/shared/graph/document';
import { getPreset } from '../../src/shared/presets';
import { hostileNames } from './hostileStrings';
import { runPython, torchPython } from './torchPython';

// Tied partners, a contractive Dense, sampling, and greedy phase methods: every place a name lands.
const PRESETS = ['tied', 'contractive', 'vae', 'greedy'];
const NAMES = hostileNames(200);

/** A preset's graph with each layer called by the next of `names` (cycling), the Input `input`. */
function renamed(presetId: string, names: string[], inputName: string): GraphDocument {
  const graph = getPreset(presetId)!.graph;
  let i = 0;
  return {
    ...graph,
    nodes: graph.nodes.map((n) => ({
      ...n,
      name: n.kind === 'Input' ? inputName : names[i++ % names.length],
    })),
  };
}

function scriptOf(presetId: string, graph: GraphDocument, title: string): string {
  const preset = getPreset(presetId)!;
  const result = exportPytorchScript(graph, preset.settings, {
    title,
    weightsFile: 'weights.npz',
    procedure: preset.procedure,
  });
  if (!result.ok)
    throw new Error(`${presetId} / ${JSON.stringify(title)}: ${result.error.message}`);
  return result.value;
}

/** The script with `name` as title and as every layer's name ("<name> input" for the Input). */
const scriptWith = (presetId: string, name: string) =>
  scriptOf(presetId, renamed(presetId, [name.slice(0, 200)], `${name.slice(0, 190)} input`), name);

/**
 * Parses each script with Python's ast and prints a hash of its structure up to renaming: string
 * constants and attribute names become placeholders; each function's own names (parameters and
 * locals) are renamed in order of first appearance within it, every other name module-wide, so a
 * layer called `torch` or `sample` that shadows what the script calls changes the structure.
 */
const CHECKER = `
import ast, hashlib, json, sys

def canonical(tree):
    module = {}

    def resolve(name, scopes):
        for scope in reversed(scopes):
            if name in scope:
                return scope[name]
        return module.setdefault(name, "g%d" % len(module))

    def visit(node, scopes):
        if isinstance(node, (ast.FunctionDef, ast.Lambda)):
            if isinstance(node, ast.FunctionDef):
                node.name = resolve(node.name, scopes)
            a = node.args
            params = [p.arg for p in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg] if p]
            stores = [n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)]
            scope = {}
            for name in params + stores:
                scope.setdefault(name, "l%d_%d" % (len(scopes), len(scope)))
            scopes = scopes + [scope]
        elif isinstance(node, ast.ClassDef):
            node.name = resolve(node.name, scopes)
        elif isinstance(node, ast.Name):
            node.id = resolve(node.id, scopes)
        elif isinstance(node, ast.arg):
            node.arg = resolve(node.arg, scopes)
        elif isinstance(node, ast.Attribute):
            node.attr = "A"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = "S"
        for child in ast.iter_child_nodes(node):
            visit(child, scopes)

    visit(tree, [])
    return hashlib.sha256(ast.dump(tree).encode()).hexdigest()

out = []
for path in sys.argv[1:]:
    try:
        with open(path, "rb") as f:
            tree = ast.parse(f.read().decode("utf-8"), filename=path)
        doc = ast.get_docstring(tree, clean=False)
        out.append({"ok": True, "doc": doc, "shape": canonical(tree)})
    except Exception as e:
        out.append({"ok": False, "error": "%s: %s" % (type(e).__name__, e)})
print(json.dumps(out))
`;

interface Parsed {
  ok: boolean;
  error?: string;
  doc?: string;
  shape?: string;
}

let python: string;
let dir: string;

beforeAll(() => {
  python = torchPython();
  dir = mkdtempSync(join(tmpdir(), 'hostile-pytorch-'));
});

function parseAll(scripts: string[]): Parsed[] {
  const files = scripts.map((script, i) => {
    const file = join(dir, `s${i}.py`);
    writeFileSync(file, script, 'utf8');
    return file;
  });
  const run = runPython(python, ['-c', CHECKER, ...files], dir);
  if (run.status !== 0) throw new Error(`The Python checker failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Parsed[];
}

describe('PyTorch export with hostile project titles and layer names', () => {
  const cases = PRESETS.flatMap((preset) => NAMES.map((name) => ({ preset, name })));
  let parsed: Parsed[] = [];
  let plain = new Map<string, Parsed>();

  beforeAll(() => {
    const results = parseAll([
      ...PRESETS.map((p) => scriptWith(p, 'plain')),
      ...cases.map((c) => scriptWith(c.preset, c.name)),
    ]);
    plain = new Map(PRESETS.map((p, i) => [p, results[i]]));
    parsed = results.slice(PRESETS.length);
  }, 300_000);

  it('parses every script into the structure the plain name gives, up to renaming', () => {
    expect(parsed).toHaveLength(PRESETS.length * 200);
    const broken = cases.flatMap((c, i) => {
      const got = parsed[i];
      if (!got.ok) return [`${c.preset} ${JSON.stringify(c.name)}: ${got.error}`];
      return got.shape === plain.get(c.preset)!.shape
        ? []
        : [`${c.preset} ${JSON.stringify(c.name)}`];
    });
    expect(broken).toEqual([]);
  });

  it('keeps the exact title in the docstring, whatever characters it holds', () => {
    const wrong = cases.filter(
      (c, i) => !parsed[i].doc?.startsWith(`\n${c.name}: exported from Autoencoder Studio.`),
    );
    expect(wrong.map((c) => JSON.stringify(c.name))).toEqual([]);
  });
});

describe('PyTorch export with layers named like what the script uses', () => {
  // nn.Module's own methods and attributes, the script's modules, helpers and locals.
  const GROUPS: [string, string[]][] = [
    ['vae', ['forward', 'parameters', 'training', 'weight', 'x', 'terms', 'torch', 'F']],
    ['tied', ['self', 'nn', 'run', 'step', 'load_weights', 'main', 'eval', 'to']],
  ];

  it('predicts and trains in torch with the counts the app shows', () => {
    const x = new Float32Array(8 * 784).map((_, i) => (i % 13) / 13);
    writeFileSync(join(dir, 'x.npy'), encodeNpy(x, [8, 784]));
    for (const [preset, names] of GROUPS) {
      const graph = renamed(preset, names, 'np');
      const script = join(dir, `${preset}.py`);
      writeFileSync(script, scriptOf(preset, graph, names.join(' ')));
      const { totals } = compileGraph(graph).analysis;
      const predict = runPython(python, [script, '--predict', 'x.npy', 'out.npz'], dir);
      expect(predict.stderr).toBe('');
      expect(JSON.parse(predict.stdout.trim().split('\n').at(-1)!)).toEqual({
        params: totals.total,
        trainable: totals.trainable,
      });
      const train = runPython(python, [script, 'x.npy', '--max-steps', '1'], dir);
      expect(train.stderr).toBe('');
      expect(train.stdout).toMatch(/^step 1 loss \d/m);
    }
  }, 300_000);
});
