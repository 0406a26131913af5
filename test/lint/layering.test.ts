import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules of eslint.config.js, each proved on a line of code that breaks it: a rule
// that silently stopped matching (a moved folder, a renamed pattern) fails here.
const eslint = new ESLint({ cwd: process.cwd() });

/** The messages of the layering rules for `code` linted as if it were the file at `filePath`. */
async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

const use = (name: string) => `export const x = ${name};\n`;
const imports = (from: string) => `import { x } from '${from}';\nexport const y = x;\n`;

describe('the lint rules that keep src/shared runnable everywhere', () => {
  it.each([
    ['src/main', '../../main/services/projects'],
    ['src/renderer', '../../renderer/src/stores/runStore'],
    ['Node', 'node:fs'],
    ['Node', 'path'],
    ['electron', 'electron'],
  ])('refuses an import of %s in src/shared (%s)', async (_what, from) => {
    const errors = await layeringErrors('src/shared/graph/example.ts', imports(from));
    expect(errors).toHaveLength(1);
  });

  it.each(['window', 'document', 'navigator', 'process', 'Buffer', '__dirname'])(
    "refuses the runtime-only global '%s' in src/shared",
    async (name) => {
      const errors = await layeringErrors('src/shared/graph/example.ts', use(name));
      expect(errors).toEqual([expect.stringContaining(`'${name}'`)]);
    },
  );

  it('lets src/shared import its own modules and use globals every runtime has', async () => {
    const code = `import { x } from '../contract/result';\nexport const y = [x, globalThis, console];\n`;
    expect(await layeringErrors('src/shared/graph/example.ts', code)).toEqual([]);
  });
});

describe('the lint rules between main and renderer', () => {
  it('refuses an import of src/main in the renderer', async () => {
    const errors = await layeringErrors(
      'src/renderer/src/panels/Example.tsx',
      imports('../../../main/services/projects'),
    );
    expect(errors).toHaveLength(1);
  });

  it.each(['src/main/electron/example.ts', 'src/main/services/example.ts', 'src/main/index.ts'])(
    'refuses an import of the renderer in %s',
    async (filePath) => {
      const errors = await layeringErrors(filePath, imports('../renderer/src/stores/runStore'));
      expect(errors).toHaveLength(1);
    },
  );
});

describe('the lint rules inside the renderer (components -> actions -> stores)', () => {
  it('refuses a store importing an action or a component', async () => {
    for (const from of ['../editor/actions/clipboard', '../actions/train', '../panels/runStatus']) {
      const errors = await layeringErrors('src/renderer/src/stores/example.ts', imports(from));
      expect(errors, from).toHaveLength(1);
    }
  });

  it('lets a store import other stores and src/shared', async () => {
    const code = `import { x } from './runState';\nimport { y } from '../../../shared/presets';\nexport const z = [x, y];\n`;
    expect(await layeringErrors('src/renderer/src/stores/example.ts', code)).toEqual([]);
  });

  it('refuses a component reaching the host connection instead of calling an action', async () => {
    for (const from of ['../actions/session', '../host', '../project/projectActions']) {
      const errors = await layeringErrors('src/renderer/src/panels/Example.tsx', imports(from));
      expect(errors, from).toHaveLength(1);
    }
    const deps = `import { startTraining } from '../app/training';\nexport const y = startTraining;\n`;
    expect(await layeringErrors('src/renderer/src/views/Example.tsx', deps)).toHaveLength(1);
  });

  it('lets a component call an action module', async () => {
    const code = `import { startTraining } from '../actions/train';\nexport const y = startTraining;\n`;
    expect(await layeringErrors('src/renderer/src/views/Example.tsx', code)).toEqual([]);
  });

  it('lets the action modules reach the host connection', async () => {
    const code = imports('./session');
    expect(await layeringErrors('src/renderer/src/actions/example.ts', code)).toEqual([]);
  });
});
