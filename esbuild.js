// Builds the two artefacts from one source:
//  - dist/extension.js: one CommonJS bundle that is both `main` (desktop, Node extension host)
//    and `browser` (VS Code for the web, web worker host). It uses no Node API, so one file serves both.
//  - dist/cli.js: the terminal command, for Node.
// MathJax is bundled but only evaluated on first render (dynamic import inside the bundle).
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    format: 'cjs',
    platform: 'neutral',
    mainFields: ['browser', 'module', 'main'],
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
    format: 'cjs',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
];

async function main() {
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
