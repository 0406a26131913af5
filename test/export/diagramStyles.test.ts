import { DOMParser } from '@xmldom/xmldom';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { svgToPng } from '../../src/main/services/export/diagramFiles';
import { graphToSvg } from '../../src/shared/diagram';
import { graphToTikz } from '../../src/shared/diagram/styles/tikz';
import type { GraphDocument } from '../../src/shared/graph/document';
import { getPreset } from '../../src/shared/presets';
import { HANDPICKED } from './hostileStrings';

const parseXml = (svg: string) => {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(svg, 'image/svg+xml');
  return { doc, errors };
};

const digit = {
  height: 28,
  width: 28,
  values: Array.from({ length: 784 }, (_, i) =>
    Math.hypot((i % 28) - 14, Math.floor(i / 28) - 14) < 9 &&
    Math.hypot((i % 28) - 14, Math.floor(i / 28) - 14) > 5
      ? 1
      : 0,
  ),
};

/** A design whose every layer name is hostile. */
function hostile(doc: GraphDocument): GraphDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n, i) => ({
      ...n,
      name: HANDPICKED[(i * 7) % HANDPICKED.length] + '</text>&<',
    })),
  };
}

const CASES = [
  ['boxes', 'conv-upsampling'],
  ['neurons', 'shallow'],
  ['neurons', 'latent2d'],
  ['lenet', 'conv-upsampling'],
  ['lenet', 'conv-transpose'],
] as const;

describe('diagram styles', () => {
  mkdirSync('e2e/output', { recursive: true });
  for (const [style, id] of CASES) {
    it(`draws ${id} in the ${style} style as valid XML that resvg renders, with sample pictures`, () => {
      const preset = getPreset(id)!;
      const svg = graphToSvg(preset.graph, {
        style,
        title: `${id} (${style})`,
        samples: { input: digit, output: digit },
      });
      expect(parseXml(svg).errors).toEqual([]);
      const png = svgToPng(svg, 1);
      expect(png.ok).toBe(true);
      if (png.ok) {
        writeFileSync(`e2e/output/style-${style}-${id}.png`, png.value);
        const img = PNG.sync.read(Buffer.from(png.value));
        expect(img.width).toBeGreaterThan(100);
      }
    });

    it(`escapes hostile layer names in the ${style} style (${id})`, () => {
      const svg = graphToSvg(hostile(getPreset(id)!.graph), { style, title: '<script>&"' });
      expect(parseXml(svg).errors).toEqual([]);
      expect(svg).not.toContain('<script>');
    });
  }

  it('leaves the background out of a transparent picture, so its PNG has clear pixels', () => {
    for (const style of ['boxes', 'neurons', 'lenet'] as const) {
      const svg = graphToSvg(getPreset('shallow')!.graph, { style, transparent: true });
      const png = svgToPng(svg, 1);
      expect(png.ok).toBe(true);
      if (!png.ok) continue;
      const img = PNG.sync.read(Buffer.from(png.value));
      expect(img.data[3]).toBe(0);
    }
  });
});

const pdflatex = spawnSync('pdflatex', ['--version']).status === 0;

describe('TikZ export', () => {
  it('writes a standalone TikZ document with every hostile name escaped', () => {
    const tex = graphToTikz(hostile(getPreset('conv-upsampling')!.graph), {
      title: '\\input{/etc/passwd} $x$ 50%',
    });
    expect(tex).toContain('\\documentclass[tikz');
    expect(tex).not.toContain('\\input{/etc/passwd}');
    // Every non-command line: no bare special character outside what we wrote.
    for (const line of tex.split('\n'))
      expect(line.startsWith('%') || /^\\|^\s*$/.test(line)).toBe(true);
  });

  it.skipIf(!pdflatex)(
    pdflatex
      ? 'compiles with pdflatex'
      : 'compiles with pdflatex — skipped: pdflatex is not installed on this machine',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'tikz-'));
      for (const id of ['conv-upsampling', 'vae']) {
        writeFileSync(
          join(dir, `${id}.tex`),
          graphToTikz(hostile(getPreset(id)!.graph), { title: 'A & B' }),
        );
        const run = spawnSync(
          'pdflatex',
          ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', `${id}.tex`],
          { cwd: dir, encoding: 'utf8' },
        );
        expect(run.status, run.stdout.slice(-2000)).toBe(0);
      }
    },
  );
});
