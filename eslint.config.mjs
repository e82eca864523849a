// ESLint for the three apps (apps/kyc, apps/backoffice, apps/sdk): `pnpm lint`, run by
// scripts/test-all.sh, fails on any finding or warning. The recommended sets only, no rule
// turned off: a finding is fixed in the code, or disabled on its line with the reason why.
// typescript-eslint parses with the root's typescript 5.9 (the apps build with typescript 7,
// which has no JavaScript API for it yet).
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Generated code and build output.
    ignores: ['apps/*/src/gql/**', '**/dist/**', '**/node_modules/**', '**/*.tsbuildinfo'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['apps/**/*.{ts,tsx,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      // `const { token, ...rest } = x` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Browser code: React and its hooks, and accessibility.
    files: ['apps/*/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended, jsxA11y.flatConfigs.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    // Build configs and the apps' Node scripts (seed data, screenshots, live checks).
    files: ['apps/*/*.ts', 'apps/*/scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
