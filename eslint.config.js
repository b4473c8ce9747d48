// ESLint 10 flat config. Syntax-only rules (no type information) so `eslint .` stays fast; `tsc` does the
// type checking.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CLASSIC_ZOD =
  'Import from "zod/mini": classic zod costs about 92 KB gzip in the host\'s bundle, zod/mini about 5 KB.';

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    'dist/',
    'storybook-static/',
    'test-results/',
    'coverage/',
    'public/mockServiceWorker.js',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      // Strict equality everywhere: `==` leaves a reader to work out which coercions can happen.
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // `configs.recommended` of eslint-plugin-react-hooks is the legacy (eslintrc) shape; the flat ones live under
  // `configs.flat`.
  {
    files: ['**/*.tsx', '**/*.jsx'],
    extends: [reactHooks.configs.flat['recommended-latest']],
  },

  {
    files: ['src/**'],
    rules: {
      // Dev-time warnings to the host developer are fine; anything else is noise in someone else's console.
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: CLASSIC_ZOD },
            { name: 'zod/v4', message: CLASSIC_ZOD },
            { name: 'zod/v3', message: CLASSIC_ZOD },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportAllDeclaration',
          message:
            'List exports by name (`export { a, b } from …`): `export *` hides what the public API is and can leak internals.',
        },
      ],
    },
  },

  // Tests poke at JSON bodies and deliberately malformed input; `any` there is not worth a cast.
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
]);
