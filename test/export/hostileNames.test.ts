import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportKerasScript } from '../../src/shared/export/keras';
import { getPreset } from '../../src/shared/presets';
import { hostileNames } from './hostileStrings';

// Presets that use every custom layer and every object variable (tied partner, contractive Dense).
const PRESETS = ['contractive', 'tied', 'vae'];
const NAMES = hostileNames(200);

/**
 * The script of a preset with `name` as the title and as every layer's name. The input gets
 * "<name> input", so that the first layer after it is called exactly `name` (a layer called
 * `super` must not shadow the builtin the custom layers call).
 */
function scriptWith(presetId: string, name: string): string {
  const preset = getPreset(presetId)!;
  const graph = {
    ...preset.graph,
    nodes: preset.graph.nodes.map((n) => ({
      ...n,
      name: n.kind === 'Input' ? `${name.slice(0, 190)} input` : name.slice(0, 200),
    })),
  };
  const result = exportKerasScript(graph, preset.settings, { title: name });
  if (!result.ok) throw new Error(`${presetId} / ${JSON.stringify(name)}: ${result.error.message}`);
  return result.value;
}

/**
 * Parses each script with python3's ast and prints, per file, the module's structure with string
 * constants replaced by a placeholder and module-level names renamed in order of first use (so a
 * layer called `super` or `activation_slope` that shadows something shows up as a different
 * structure), plus the docstring to compare with the title.
 */
const CHECKER = `
import ast, json, sys

def shape(tree):
    # Names the module binds; a function's own parameters and locals are left alone.
    bound = set()
    for s in tree.body:
        if isinstance(s, (ast.FunctionDef, ast.ClassDef)):
            bound.add(s.name)
        elif isinstance(s, (ast.Import, ast.ImportFrom)):
            bound.update((a.asname or a.name).split('.')[0] for a in s.names)
        else:
            bound.update(n.id for n in ast.walk(s) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
    names = {}
    def rename(n):
        return names.setdefault(n, 'n%d' % len(names))
    for s in tree.body:
        if isinstance(s, (ast.FunctionDef, ast.ClassDef)):
            s.name = rename(s.name)
    def visit(node, local):
        if isinstance(node, (ast.FunctionDef, ast.Lambda)):
            a = node.args
            params = [p.arg for p in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg] if p]
            stores = [n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)]
            local = local | set(params) | set(stores)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = 'S'
        elif isinstance(node, ast.Name) and node.id in bound and node.id not in local:
            node.id = rename(node.id)
        for child in ast.iter_child_nodes(node):
            visit(child, local)
    visit(tree, frozenset())
    return ast.dump(tree)

out = []
for path in sys.argv[1:]:
    try:
        with open(path, 'rb') as f:
            source = f.read().decode('utf-8')
        tree = ast.parse(source, filename=path)
        doc = ast.get_docstring(tree, clean=False)
        kinds = [type(s).__name__ for s in tree.body]
        dump = shape(tree)
        # Call names after renaming: the same list for every name unless a call was added.
        calls = sorted({ast.unparse(c.func) for c in ast.walk(tree) if isinstance(c, ast.Call)})
        out.append({'ok': True, 'doc': doc, 'kinds': kinds, 'calls': calls, 'shape': dump})
    except Exception as e:
        out.append({'ok': False, 'error': '%s: %s' % (type(e).__name__, e)})
print(json.dumps(out))
`;

interface Parsed {
  ok: boolean;
  error?: string;
  doc?: string;
  kinds?: string[];
  calls?: string[];
  shape?: string;
}

/** One python3 for all scripts; a missing python3 fails the test with a clear message. */
function parseAll(scripts: string[]): Parsed[] {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-keras-'));
  const files = scripts.map((script, i) => {
    const file = join(dir, `s${i}.py`);
    writeFileSync(file, script, 'utf8');
    return file;
  });
  const run = spawnSync('python3', ['-c', CHECKER, ...files], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (run.error)
    throw new Error(
      `python3 could not be started (${run.error.message}): this test needs python3 on PATH to parse the exported scripts.`,
    );
  if (run.status !== 0) throw new Error(`The python3 checker failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Parsed[];
}

describe('Keras export with hostile project titles and layer names', () => {
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
  });

  it('tests 200 distinct names, each as title and as layer name, in three presets', () => {
    expect(new Set(NAMES).size).toBe(200);
    expect(parsed).toHaveLength(600);
  });

  it('parses every script into exactly the statements and calls the plain name gives', () => {
    const broken = cases.flatMap((c, i) => {
      const got = parsed[i];
      const want = plain.get(c.preset)!;
      if (!got.ok) return [`${c.preset} ${JSON.stringify(c.name)}: ${got.error}`];
      if (
        got.shape !== want.shape ||
        got.kinds!.join() !== want.kinds!.join() ||
        got.calls!.join() !== want.calls!.join()
      )
        return [
          `${c.preset} ${JSON.stringify(c.name)}: ${got.kinds!.join(' ')}; ${got.calls!.join(' ')}`,
        ];
      return [];
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
