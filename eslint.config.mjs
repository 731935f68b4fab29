// Lint rules that keep the layers honest: core and render never import vscode or Node APIs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeOnly = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'util', 'buffer', 'process', 'worker_threads'];
const nodeOnlyPatterns = nodeOnly.flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', '.vscode-test*/**', 'test-results/**', 'media/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/render/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['vscode', ...nodeOnlyPatterns].map((name) => ({ name, message: 'core and render run in a web worker too: no vscode, no Node-only API.' })) }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', 'document', 'window'],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'scripts/**', 'bench/**', 'test/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly' } },
  },
);
