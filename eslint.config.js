import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The folder tells where code may run (STYLE.md): these rules make a wrong import fail the lint.
const sharedBans = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'src/shared runs everywhere: no electron.' },
    {
      group: ['node:*', 'fs', 'path', 'os', 'child_process'],
      message: 'src/shared: no Node APIs.',
    },
    {
      group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'zustand', 'zustand/*'],
      message: 'src/shared: no React.',
    },
    { group: ['@tensorflow/*'], message: 'src/shared: no tfjs (the compiler emits a spec).' },
  ],
};

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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The renderer talks to the host only through StudioApi.',
            },
            {
              group: ['node:*', 'fs', 'path', 'child_process'],
              message: 'The renderer has no Node APIs.',
            },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer imports only src/shared and itself.',
            },
            {
              group: ['@tensorflow/*'],
              message: 'tfjs runs in the trainer process, not the renderer.',
            },
          ],
        },
      ],
    },
  },
  { files: ['src/shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', sharedBans] } },
  {
    files: [
      'src/main/services/**/*.ts',
      'src/main/web/**/*.ts',
      'src/main/cli/**/*.ts',
      // The Electron shell's policies stay pure so vitest can load them.
      'src/main/electron-policy/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'Only src/main/electron may import electron.',
            },
            { group: ['**/renderer/**'], message: 'Node code does not import the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/renderer/**'], message: 'The preload is a narrow bridge.' },
          ],
        },
      ],
    },
  },
);
