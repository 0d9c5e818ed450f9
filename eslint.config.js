import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import bunkai from './scripts/eslint/module-boundaries.js';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'migrations/**', 'coverage/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through apps/api/src/config.ts (validated once at boot).' },
      ],
    },
  },
  {
    // Features talk through their public index.ts only (apps/api/src/modules/<feature>/index.ts).
    files: ['apps/api/src/modules/**/*.ts'],
    plugins: { bunkai },
    rules: { 'bunkai/module-boundaries': 'error' },
  },
  {
    // The places allowed to read the environment: validated config, test/bench harnesses, scripts.
    files: ['apps/api/src/config.ts', 'apps/api/test/helpers/**', 'packages/db/src/testing/**', 'scripts/**', 'test/**', 'bench/**', '**/*.config.ts', '**/drizzle.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
