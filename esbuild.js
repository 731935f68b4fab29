// Builds the two artefacts from one source:
//  - dist/extension.js: one CommonJS bundle that is both `main` (desktop, Node extension host)
//    and `browser` (VS Code for the web, web worker host). It uses no Node API, so one file serves both.
//  - dist/cli.js: the terminal command, for Node.
// MathJax is bundled but only evaluated on first render (dynamic import inside the bundle).
const esbuild = require('esbuild');
const { readFile } = require('node:fs/promises');
const { realpathSync } = require('node:fs');
const path = require('node:path');

// The real path: esbuild resolves the relative imports inside MathJax's sources to real paths, so
// a path through a symlinked node_modules (a git worktree sharing one, npm link) would bundle a
// second copy of MathJax's core, whose empty handler list then fails every render.
const MATHJAX_TS = realpathSync(path.join(__dirname, 'node_modules', 'mathjax-full', 'ts'));

/**
 * mathjax-full's `js/` is compiled to ES5: classes as functions, and every for-of, spread and
 * destructuring through tslib helpers that allocate. The same package ships its TypeScript
 * sources in `ts/`; compiled here for ES2022 they give the same SVGs from a smaller bundle that
 * converts about a quarter faster (measured with `npm run bench`). MathJax is written for
 * TypeScript's old class-field semantics (a subclass's declared field must not reset what the
 * base constructor set), so its files are compiled with useDefineForClassFields off; ours keep
 * the standard semantics.
 */
function mathjaxFromTypeScript({ onlyFrom } = {}) {
  return {
    name: 'mathjax-from-typescript',
    setup(build) {
      build.onResolve({ filter: /^mathjax-full\/js\// }, (args) => {
        // `onlyFrom`: a folder; imports from elsewhere (a benchmark's naive baseline) keep the published ES5 build.
        if (onlyFrom && !args.importer.startsWith(onlyFrom)) return undefined;
        return { path: path.join(MATHJAX_TS, args.path.slice('mathjax-full/js/'.length).replace(/\.js$/, '.ts')) };
      });
      build.onLoad({ filter: /[\\/]mathjax-full[\\/]ts[\\/].*\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const { code } = await esbuild.transform(source, {
          loader: 'ts',
          target: 'es2022',
          sourcefile: args.path,
          tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
        });
        // Loaded as TypeScript again so that re-exports of types (gone after the transform) are dropped, as TypeScript would.
        return { contents: code, loader: 'ts', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

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
  plugins: [mathjaxFromTypeScript()],
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    format: 'cjs',
    platform: 'neutral',
    mainFields: ['browser', 'module', 'main'],
    // Its `browser` field is a file map, which esbuild applies only to browser builds; the browser
    // file reads no files (we give it the bundle's contents), so it serves the Node host as well.
    alias: { '@vscode/l10n': '@vscode/l10n/dist/browser.js' },
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

module.exports = { builds, mathjaxFromTypeScript };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
