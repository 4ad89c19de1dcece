// ESLint over src/: typescript-eslint's recommended rules and React's rules of hooks, with
// exhaustive effect dependencies. Run with `npm run lint` (make frontend-test runs it too).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'wailsjs/', 'e2e/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // An error, not a warning: a missing dependency is a stale value waiting to happen.
      'react-hooks/exhaustive-deps': 'error',
      // `const { [key]: _drop, ...rest } = o` is how the code leaves a key out of an object.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
);
