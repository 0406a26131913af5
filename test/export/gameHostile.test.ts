/**
 * A game design whose every node has a hostile name (quotes, newlines, triple quotes, a closing
 * script tag): the Keras and PyTorch scripts stay valid Python that defines what it always
 * defines and runs, and the diagram stays one well-formed SVG with no markup of the name's.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphToSvg } from '../../src/shared/diagram';
import { exportKerasScript } from '../../src/shared/export/keras';
import { exportPytorchScript } from '../../src/shared/export/pytorch';
import type { GraphDocument } from '../../src/shared/graph/document';
import { getPreset } from '../../src/shared/presets';
import { runPython, torchPython } from './torchPython';

const HOSTILE =
  'a "b" \'c\'\n"""\nimport os; os.system("x")\n"""</script><script>alert(1)</script>\\';

/** The preset with every node called HOSTILE and a number (names must differ to compile). */
function hostile(id: string): GraphDocument {
  const graph = getPreset(id)!.graph;
  return { ...graph, nodes: graph.nodes.map((n, i) => ({ ...n, name: `${HOSTILE} ${i}` })) };
}

/** Parses the script and lists its top-level definitions: a name that escaped would add some. */
const TOP_LEVEL = `
import ast, sys
tree = ast.parse(open(sys.argv[1]).read())
names = sorted(n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)))
calls = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "system"]
print(",".join(names), len(calls))
`;

describe('a game with hostile node names', () => {
  const python = torchPython();
  const dir = mkdtempSync(join(tmpdir(), 'game-hostile-'));
  writeFileSync(join(dir, 'top.py'), TOP_LEVEL);

  for (const id of ['gan-dense', 'aae']) {
    it(`${id}: the PyTorch and Keras scripts define what the plain ones do, and the PyTorch one runs`, () => {
      const preset = getPreset(id)!;
      const settings = { ...preset.settings, batchSize: 4 };
      for (const [name, exporter] of [
        ['torch', exportPytorchScript],
        ['keras', exportKerasScript],
      ] as const) {
        const plain = exporter(preset.graph, settings, { title: 'plain' });
        const bad = exporter(hostile(id), settings, { title: HOSTILE });
        if (!plain.ok || !bad.ok) throw new Error(`${id} ${name} did not export`);
        writeFileSync(join(dir, `${id}-${name}-plain.py`), plain.value);
        writeFileSync(join(dir, `${id}-${name}.py`), bad.value);
        const a = runPython(python, ['top.py', `${id}-${name}-plain.py`], dir);
        const b = runPython(python, ['top.py', `${id}-${name}.py`], dir);
        expect(b.status, b.stderr).toBe(0);
        expect(b.stdout).toBe(a.stdout);
        expect(b.stdout.trim().endsWith(' 0')).toBe(true);
      }
      const run = runPython(
        python,
        [`${id}-torch.py`, '--max-steps', '1', '--generate', '2', `${id}.npz`],
        dir,
      );
      expect(run.status, run.stderr).toBe(0);
    });

    it(`${id}: the diagram keeps the name as text, with no script element`, () => {
      const svg = graphToSvg(hostile(id), { title: HOSTILE });
      expect(svg).not.toContain('</script>');
      expect(svg).not.toMatch(/<script/i);
      expect(svg).toContain('&lt;/script&gt;');
      // One root element: nothing the name holds closed it early.
      expect(svg.match(/<svg[\s>]/g)).toHaveLength(1);
      expect(svg.trim().endsWith('</svg>')).toBe(true);
      expect(svg).toContain('DISCRIMINATOR');
    });
  }
});
