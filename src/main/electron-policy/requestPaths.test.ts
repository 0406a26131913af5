import { describe, expect, it } from 'vitest';
import { commands, type CommandName } from '../../shared/contract/commands';
import { importSourcePaths, requestPaths } from './requestPaths';

/** Dotted names of every object key that looks like a filesystem path, in a zod schema. */
function pathFields(schema: unknown, prefix = '', seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return [];
  const walk = (inner: unknown, at = prefix) => pathFields(inner, at, seen);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, value]) => {
        const at = prefix ? `${prefix}.${key}` : key;
        return [...(/path/i.test(key) ? [at] : []), ...walk(value, at)];
      });
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return walk(def.innerType);
    case 'union':
      return [...new Set((def.options as unknown[]).flatMap((o) => walk(o)))];
    case 'array':
      return walk(def.element, `${prefix}[]`);
    case 'pipe':
      return walk(def.in);
    case 'intersection':
      return [...walk(def.left), ...walk(def.right)];
    case 'lazy':
      return walk((def.getter as () => unknown)());
    default:
      return [];
  }
}

const dataFile = ['file.imagesPath', 'file.labelsPath', 'file.path'];

describe('requestPaths', () => {
  it('knows every path field the contract has, so a new one cannot slip past the guard', () => {
    const found = Object.fromEntries(
      (Object.keys(commands) as CommandName[])
        .map((name) => [name, pathFields(commands[name].request).sort()] as const)
        .filter(([, fields]) => fields.length > 0),
    );
    // When this fails, teach requestPaths (and guardPaths' tests) the new field, then update it.
    expect(found).toEqual({
      'data.describe': dataFile.map((f) => `data.${f}`),
      'train.start': dataFile.map((f) => `data.${f}`),
      'model.inspect': dataFile.map((f) => `data.${f}`),
      'export.render': dataFile.map((f) => `data.${f}`),
      'project.save': ['path', ...dataFile.map((f) => `project.data.${f}`)],
      'project.open': ['path'],
      'project.autosave': ['path', ...dataFile.map((f) => `project.data.${f}`)],
      // Carried into the downloaded file as text; the host neither reads nor writes them.
      'project.download': dataFile.map((f) => `project.data.${f}`),
    });
  });

  it('lists the images and labels files of an IDX source, and the path of every other kind', () => {
    expect(importSourcePaths({ kind: 'idx', imagesPath: '/a', labelsPath: '/b' })).toEqual([
      '/a',
      '/b',
    ]);
    expect(importSourcePaths({ kind: 'npy', path: '/n' })).toEqual(['/n']);
    expect(importSourcePaths({ kind: 'csv', path: '/c' })).toEqual(['/c']);
    expect(
      importSourcePaths({ kind: 'imageFolder', path: '/f', width: 8, height: 8, channels: 1 }),
    ).toEqual(['/f']);
    expect(importSourcePaths(null)).toEqual([]);
  });

  it('splits a save request into the project file and the data files it names', () => {
    const request = commands['project.save'].request.parse({
      project: {
        name: 'p',
        graph: {},
        settings: {},
        data: { source: 'file', file: { kind: 'npy', path: '/d.npy', labelsPath: '/l.npy' } },
      },
      path: '/p.aestudio.json',
      weightsOfRun: null,
    });
    expect(requestPaths('project.save', request)).toEqual({
      project: ['/p.aestudio.json'],
      data: ['/d.npy', '/l.npy'],
    });
  });
});
