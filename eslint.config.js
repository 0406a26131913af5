import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The folder tells where code may run (STYLE.md): these rules make a wrong import fail the lint.
// In a flat config the last matching `no-restricted-imports` wins, so each folder's rule below
// lists every ban that applies to it (the pattern groups are shared).
const ban = {
  electron: (message) => ({ group: ['electron', 'electron/*'], message }),
  main: (message) => ({ group: ['**/main', '**/main/**'], message }),
  renderer: (message) => ({ group: ['**/renderer', '**/renderer/**'], message }),
  preload: (message) => ({ group: ['**/preload', '**/preload/**'], message }),
  node: (message) => ({
    group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'url'],
    message,
  }),
  tfjs: (message) => ({ group: ['@tensorflow/*'], message }),
};

const sharedBans = {
  patterns: [
    ban.electron('src/shared runs everywhere: no electron.'),
    ban.node('src/shared runs everywhere: no Node APIs.'),
    {
      group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'zustand', 'zustand/*'],
      message: 'src/shared: no React.',
    },
    ban.tfjs('src/shared: no tfjs (the compiler emits a spec).'),
    ban.main('src/shared is imported by main and renderer; it imports neither.'),
    ban.renderer('src/shared is imported by main and renderer; it imports neither.'),
    ban.preload('src/shared is imported by the preload; it does not import it.'),
  ],
};

// Globals of one runtime only: src/shared runs in Node, the browser and the trainer alike.
const runtimeOnly = (name, runtime) => ({
  name,
  message: `src/shared runs everywhere: '${name}' exists only in ${runtime}. Pass what you need in.`,
});
const sharedGlobals = [
  ...['window', 'document', 'navigator', 'localStorage', 'location', 'HTMLElement', 'self'].map(
    (name) => runtimeOnly(name, 'the browser'),
  ),
  ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'].map(
    (name) => runtimeOnly(name, 'Node'),
  ),
];

const rendererBans = [
  ban.electron('The renderer talks to the host only through StudioApi.'),
  ban.node('The renderer has no Node APIs.'),
  ban.main('The renderer imports only src/shared and itself.'),
  ban.preload('The renderer imports only src/shared and itself.'),
  ban.tfjs('tfjs runs in the trainer process, not the renderer.'),
];

// Components -> actions -> stores/host client. The wiring (main.tsx, app/, actions/, the project
// lifecycle hook) and the export dialog's dependency bundle (exportSource.ts) may reach it.
const componentBans = [
  {
    group: ['**/actions/session', '**/app/studio', '**/host', '**/host/*'],
    message: 'Components call an action module (src/renderer/src/actions), not the host client.',
  },
  {
    group: ['**/project/deps', '**/project/projectActions', '**/project/transferActions'],
    allowTypeImports: true,
    message: 'Components call ../actions/project, which binds the project actions to the app.',
  },
  {
    group: ['**/actions/project'],
    importNames: ['projectDeps'],
    message: 'Components call the bound project actions, not their dependencies.',
  },
  {
    group: ['**/app/training'],
    importNames: ['startTraining', 'continueTraining', 'stopTraining', 'togglePause'],
    message: 'Components call ../actions/train, which brings the host and the stores.',
  },
];
const rendererWiring = [
  'src/renderer/src/main.tsx',
  'src/renderer/src/app/**',
  'src/renderer/src/actions/**',
  'src/renderer/src/host/**',
  'src/renderer/src/stores/**',
  'src/renderer/src/export/exportSource.ts',
  // Binds autosave, recovery and the window's shortcuts once, as startStudio binds the host.
  'src/renderer/src/project/useProjectLifecycle.ts',
  // The logic the bound project actions call: each other's helpers.
  'src/renderer/src/project/projectActions.ts',
  'src/renderer/src/project/transferActions.ts',
];

// Stores hold state and pure reducers: they import each other and src/shared, never an action,
// a component or the host ("../x" from stores/ is another renderer folder; "../../../" is shared).
const storeBans = [
  {
    regex: '^\\.\\./(?!\\.\\./)',
    message:
      'A store imports only other stores and src/shared: actions and components import stores, not the reverse.',
  },
];

const mainBans = [ban.renderer('Node code does not import the renderer.')];
const mainNodeBans = [
  ban.electron('Only src/main/electron (and src/main/index.ts) may import electron.'),
  ...mainBans,
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'e2e/output/**', 'bench/output/**', 'demo-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [...rendererBans, ...componentBans] }],
    },
  },
  {
    files: rendererWiring.map((f) => (f.endsWith('**') ? `${f}/*.{ts,tsx}` : f)),
    rules: { 'no-restricted-imports': ['error', { patterns: rendererBans }] },
  },
  {
    files: ['src/renderer/src/stores/**/*.ts'],
    ignores: ['src/renderer/src/stores/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...rendererBans, ...storeBans] }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', sharedBans],
      'no-restricted-globals': ['error', ...sharedGlobals],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: mainBans }] },
  },
  {
    files: [
      'src/main/services/**/*.ts',
      'src/main/web/**/*.ts',
      'src/main/cli/**/*.ts',
      // The Electron shell's policies stay pure so vitest can load them.
      'src/main/electron-policy/**/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: mainNodeBans }] },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ban.main('The preload is a narrow bridge.'),
            ban.renderer('The preload is a narrow bridge.'),
          ],
        },
      ],
    },
  },
);
