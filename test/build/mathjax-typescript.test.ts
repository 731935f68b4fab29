/// <reference types="node" />
// esbuild.js bundles MathJax from its TypeScript sources (mathjax-full/ts) instead of the
// published ES5 build (mathjax-full/js), for speed. The unit suites run the ES5 build through
// tsx, so this is the check that the shipped build draws exactly the same thing: the same
// pages, rendered by both builds, must be byte for byte equal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const { builds, mathjaxFromTypeScript } = require('../../esbuild.js') as {
  builds: readonly import('esbuild').BuildOptions[];
  mathjaxFromTypeScript: () => import('esbuild').Plugin;
};
const ROOT = resolve(import.meta.dirname, '..', '..');

// Pages that between them use every construct the walkthrough writes: clamps and clips, logits
// and σ, weights and pos_weight, smoothing, other log bases, float32, a batch, soft labels, a
// long sum, a label full of TeX and HTML, and equations that are not valid TeX.
const ENTRY = `
import { createMathRenderer } from './src/render/mathjax-engine';
import { renderHtmlFragment } from './src/render/html';
import { buildWalkthrough } from './src/core/derivation';
import { parseInput } from './src/core/parse';

const CASES = [
  ['labels = [car, cat, dog]\\ntargets = [1, 0, 1]\\npredictions = [0.8, 0.3, 0.7]', { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' }],
  ['y = [1, 0, 1, 0]\\np = [0, 1, 1e-9, 0.5]', { preset: 'pytorch', reduction: 'sum', logBase: '10', dtype: 'float32' }],
  ['y = [1, 0, 1, 0]\\np = [0, 1, 1e-9, 0.5]', { preset: 'keras', reduction: 'mean', logBase: 'e', dtype: 'float32' }],
  ['y = [1, 0, 1, 0]\\np = [0, 1, 1e-9, 0.5]', { preset: 'tf-keras', reduction: 'mean', logBase: '2', dtype: 'float32' }],
  ['y = [1, 0, 1, 0]\\np = [0, 1, 1e-9, 0.5]', { preset: 'sklearn', reduction: 'mean', logBase: 'e', dtype: 'float64' }],
  ['y = [1, 0, 1]\\nlogits = [2.5, -40, 0.1]', { preset: 'tfjs', reduction: 'mean', logBase: 'e', dtype: 'float32' }],
  ['y = [1, 0, 1]\\nlogits = [2.5, -40, 0.1]', { preset: 'pytorch-logits', reduction: 'mean', logBase: 'e', dtype: 'float64', weight: [1, 2, 0.5], posWeight: [3, 1, 2] }],
  ['y = [[1, 0], [0.3, 1]]\\np = [[0.9, 0.2], [0.4, 0.6]]', { preset: 'exact', reduction: 'mean', logBase: 'e', dtype: 'float64', labelSmoothing: 0.1 }],
  ['y = [' + Array(30).fill(1).join(', ') + ']\\np = [' + Array.from({ length: 30 }, (_, i) => (i + 1) / 32).join(', ') + ']', { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' }],
  ['labels = ["\\\\\\\\def\\\\\\\\x{\\\\\\\\x}\\\\\\\\x", "</svg><script>alert(1)</script>", "$$ \\\\\\\\href{javascript:x}{y} {"]\\ny = [1, 0, 1]\\np = [0.6, 0.1, 0.99]', { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' }],
];

export function render() {
  const math = createMathRenderer();
  const out = [math.styleSheet()];
  for (const [text, loss] of CASES) {
    const parsed = parseInput(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const w = buildWalkthrough(parsed.value, loss);
    if (!w.ok) throw new Error(w.error.message);
    out.push(renderHtmlFragment(w.value, math));
  }
  for (const tex of ['\\\\frac{1}{2', '\\\\undefinedmacro{x}', '\\\\hat{y}_{1} = 0.8']) {
    out.push(math.toSvg(tex), math.toSvg(tex, { color: '#1e90ff', display: false }));
  }
  return out;
}
`;

async function bundle(dir: string, name: string, fromTypeScript: boolean): Promise<() => string[]> {
  const outfile = join(dir, `${name}.cjs`);
  await build({
    stdin: { contents: ENTRY, loader: 'ts', resolveDir: ROOT, sourcefile: 'mathjax-builds-entry.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    outfile,
    logLevel: 'error',
    plugins: fromTypeScript ? [mathjaxFromTypeScript()] : [],
  });
  return (require(outfile) as { render: () => string[] }).render;
}

test('MathJax built from its TypeScript sources draws every page exactly as the published ES5 build does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lw-mathjax-builds-'));
  try {
    const published = (await bundle(dir, 'published', false))();
    const fromSources = (await bundle(dir, 'from-sources', true))();
    assert.equal(fromSources.length, published.length);
    // Not vacuous: the pages hold equations, and the invalid TeX became error SVGs.
    assert.ok(published.slice(1, 11).every((page) => (page.match(/<svg /g)?.length ?? 0) > 5));
    assert.ok(published.some((s) => s.includes('lw-math-error')));
    for (let i = 0; i < published.length; i++) assert.equal(fromSources[i], published[i], `output ${i} differs`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('both shipped bundles take MathJax from its TypeScript sources, not from the ES5 build', async () => {
  for (const options of builds) {
    const result = await build({ ...options, absWorkingDir: ROOT, write: false, metafile: true, minify: false, sourcemap: false, logLevel: 'error' });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((p) => p.includes('mathjax-full/ts/')), `${String(options.outfile)}: MathJax's TypeScript sources are bundled`);
    assert.deepEqual(inputs.filter((p) => p.includes('mathjax-full/js/')), [], `${String(options.outfile)}: no file of the ES5 build`);
  }
});
