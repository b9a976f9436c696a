// @ts-check
/**
 * ESLint with typescript-eslint's recommended rules; formatting is Prettier's alone
 * (eslint-config-prettier turns off the rules that would argue with it).
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.data/**', 'dist/**', '**/generated/**', 'schema/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      // `_` marks a parameter or destructured value that is deliberately unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrors: 'none',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Tests read GraphQL answers whose shape the assertions themselves check; demo data and
    // benches are GraphQL clients too. Typed operations (codegen's typed documents) replace
    // these `any`s as the operations move to them.
    files: [
      '**/*.test.ts',
      'test/**/*.ts',
      '**/test/**/*.ts',
      '**/__tests__/**/*.ts',
      'scripts/demo/**/*.ts',
      '**/bench/**/*.ts',
      'services/*/src/demo/**/*.ts',
    ],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
