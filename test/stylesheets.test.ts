import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../src/shared/layers/types';
import { categoryClass } from '../src/renderer/src/styles/categoryColors';

// Read from disk: vitest hands a test an empty string for any imported .css, even with ?raw.
const renderer = fileURLToPath(new URL('../src/renderer/src/', import.meta.url));
const PALETTE_MODULE = 'styles/categoryColors.ts';

function filesUnder(dir: string, keep: (name: string) => boolean): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !keep(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(renderer, path).replaceAll('\\', '/'), readFileSync(path, 'utf8'));
  }
  return files;
}

const stylesheets = filesUnder(renderer, (n) => n.endsWith('.css'));
const sources = filesUnder(renderer, (n) => /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n));
const slugs = CATEGORIES.map((c) => c.toLowerCase());

describe('the renderer stylesheets', () => {
  it('finds the stylesheets it checks (an empty read would pass every check below)', () => {
    expect(stylesheets.get('styles/theme.css')).toContain(':root');
    expect(sources.get(PALETTE_MODULE)).toContain('CATEGORY_COLORS');
  });

  it('has a .cat-* class in categories.css for exactly the palette groups', () => {
    const css = stylesheets.get('styles/categories.css') ?? '';
    const rules = [...css.matchAll(/\.cat-([a-z]+)\s*\{\s*--cat:\s*var\(--cat-([a-z]+)\);?\s*\}/g)];
    expect(rules.map((r) => r[1]).sort()).toEqual([...slugs].sort());
    for (const r of rules) expect(r[2]).toBe(r[1]);
    expect(CATEGORIES.map(categoryClass)).toEqual(slugs.map((s) => `cat-${s}`));
  });

  it('writes a group colour only in the palette module: no stylesheet defines a --cat-* colour', () => {
    const defining = [...stylesheets].filter(([, css]) => /--cat-[a-z]+\s*:/.test(css));
    expect(defining.map(([path]) => path)).toEqual([]);
  });

  it('writes a group colour only in the palette module: no other source maps a group to a colour', () => {
    const pattern = new RegExp(`\\b(${CATEGORIES.join('|')})\\s*:\\s*['"\`]#[0-9a-f]{3,8}`, 'i');
    const mapping = [...sources].filter(
      ([path, text]) => path !== PALETTE_MODULE && pattern.test(text),
    );
    expect(mapping.map(([path]) => path)).toEqual([]);
  });

  it('names only real groups wherever a stylesheet or component reads a --cat-* property', () => {
    const known = new Set(slugs);
    const unknown: string[] = [];
    for (const [path, text] of [...stylesheets, ...sources]) {
      for (const m of text.matchAll(/var\(--cat-([a-z]+)\)/g)) {
        if (!known.has(m[1])) unknown.push(`${path}: --cat-${m[1]}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('imports every stylesheet from a module beside it or from the entry', () => {
    const imported = new Set<string>();
    for (const [path, text] of sources) {
      for (const m of text.matchAll(/^import '(\.{1,2}\/[^']+\.css)';$/gm)) {
        imported.add(join(path, '..', m[1]).replaceAll('\\', '/'));
      }
    }
    expect([...stylesheets.keys()].filter((p) => !imported.has(p))).toEqual([]);
  });

  it('keeps each stylesheet under 500 lines, so one file does not style the whole app', () => {
    const long = [...stylesheets]
      .map(([path, css]) => [path, css.split('\n').length] as const)
      .filter(([, lines]) => lines > 500);
    expect(long).toEqual([]);
  });
});
