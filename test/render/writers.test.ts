/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWalkthrough } from '../../src/core/derivation';
import type { Walkthrough } from '../../src/core/types';
import { getMathRenderer, renderHtmlFragment, renderHtmlPage, renderHtmlPreview, renderLatex, renderMarkdown } from '../../src/render';
import { ARTICLE_LABELS, ARTICLE_SOURCE, fixture } from '../core/derivation/parsed-fixture';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</svg><script>alert(1)</script>',
  String.raw`\def\x{\x}\x`,
  '$$',
  '}{',
  String.raw`\href{javascript:alert(1)}{x}`,
];

function walkthrough(source: string, labels: readonly string[] | null, opts: { shape?: number[] } = {}): Walkthrough {
  const r = buildWalkthrough(fixture(source, { labels, ...opts }), { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' });
  if (!r.ok) assert.fail(r.error.message);
  return r.value;
}

const article = (): Walkthrough => walkthrough(ARTICLE_SOURCE, ARTICLE_LABELS);
const hostile = (): Walkthrough =>
  walkthrough('targets = [1, 0, 1, 0, 0.5, 1]\npredictions = [0.8, 0.3, 0.9, 0, 0.5, 0.6]', HOSTILE);

function count(haystack: string, needle: string | RegExp): number {
  return haystack.split(needle).length - 1;
}

/** The hostile labels are present as text but never as markup. */
function assertNoLiveHtml(html: string): void {
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<img/i);
  assert.doesNotMatch(html, /<iframe|href\s*=\s*"?\s*javascript:/i);
  // With attribute values blanked, no tag may carry an event attribute.
  const tags = html.replace(/"[^"]*"/g, '""');
  assert.doesNotMatch(tags, /<[^>]*\son[a-z]+\s*=/i, 'no event attribute');
  assert.ok(count(html, /onerror=/g) > 0, 'the hostile label is there, as text');
}

test('the HTML fragment has one card per label, a table with header scopes, and every equation rendered', async () => {
  const math = await getMathRenderer();
  const html = renderHtmlFragment(article(), math);
  assert.equal(count(html, 'class="lw-card"'), 3);
  const inputs = html.slice(html.indexOf('<section class="lw-inputs"'), html.indexOf('</section>', html.indexOf('<section class="lw-inputs"')));
  assert.equal(count(inputs, '<th scope="col"'), 5);
  assert.equal(count(inputs, '<th scope="row"'), 3);
  assert.match(html, /<section class="lw-inputs"/);
  assert.ok(count(html, '<svg') >= 3 * 7 + 3, 'every step has its equation');
  assert.doesNotMatch(html, /style=/);
  assert.doesNotMatch(html, /<script/);
  assert.doesNotMatch(html, /lw-math-error|merror/);
  assert.match(html, /0\.228393/);
  // Class names are all ours or MathJax's own container.
  for (const m of html.matchAll(/\sclass="([^"]*)"/g)) {
    for (const c of (m[1] ?? '').split(/\s+/)) assert.ok(c.startsWith('lw-') || c === 'MathJax', c);
  }
});

test('hostile label names appear in the HTML only as escaped text, and every equation still renders', async () => {
  const math = await getMathRenderer();
  const html = renderHtmlFragment(hostile(), math);
  assertNoLiveHtml(html);
  assert.doesNotMatch(html, /lw-math-error|merror/);
  assert.doesNotMatch(html, /style=/);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(html, /&lt;\/svg&gt;&lt;script&gt;/);
  assert.equal(count(html, 'class="lw-card"'), 6);
});

test("the preview (a new panel's first page) is the fragment's summary, table and heatmap, byte for byte, with no equation", async () => {
  const math = await getMathRenderer();
  const batch = walkthrough('targets = [[1, 0, 1], [0, 1, 0]]\npredictions = [[0.8, 0.3, 0.9], [0.2, 0.6, 0.1]]', null, { shape: [2, 3] });
  for (const [what, w] of [['article', article()], ['hostile labels', hostile()], ['batch', batch]] as const) {
    for (const swapButton of [false, true]) {
      const preview = renderHtmlPreview(w, { swapButton });
      const fragment = renderHtmlFragment(w, math, { swapButton });
      assert.ok(preview.endsWith('</article>'), what);
      const body = preview.slice(0, -'</article>'.length);
      assert.ok(fragment.startsWith(body), `${what}: the fragment starts with the preview`);
      assert.ok(fragment.length > body.length, what);
      assert.doesNotMatch(preview, /<svg|mjx-container/, `${what}: no equation`);
      assert.match(preview, /class="lw-answer">Loss L = /, what);
      if (what === 'hostile labels') assertNoLiveHtml(preview);
    }
  }
  assert.match(renderHtmlPreview(batch), /lw-heat-cell/, 'the batch heatmap is in the preview');
});

test('the standalone page inlines its CSS and MathJax CSS, and loads nothing', async () => {
  const math = await getMathRenderer();
  const css = '.lw-card { border: 1px solid; } </style><script>x</script>';
  const page = renderHtmlPage(hostile(), math, { title: '<b>t</b>', css });
  assert.match(page, /^<!DOCTYPE html>/);
  assert.match(page, /<title>&lt;b&gt;t&lt;\/b&gt;<\/title>/);
  assert.match(page, /\.lw-card \{ border: 1px solid; \}/);
  assert.match(page, /mjx-container\[jax="SVG"\]/);
  assert.equal(count(page, '</style>'), 1, 'the stylesheet cannot close its element');
  assertNoLiveHtml(page);
  assert.doesNotMatch(page.replace(/"[^"]*"/g, '""'), /<[^>]*\ssrc\s*=/i, 'nothing is loaded');
  for (const m of page.matchAll(/href="([^"]*)"/g)) assert.ok(m[1]?.startsWith('#'), m[1]);
});

test('Markdown uses $$ display math and escapes labels everywhere', () => {
  const md = renderMarkdown(article());
  assert.match(md, /^\$\$$/m);
  assert.equal(count(md, /^\$\$$/gm) % 2, 0);
  assert.match(md, /\| \\# \| Label \| Target y \| Prediction ŷ \| Loss \|/);
  assert.match(md, /\| 1 \| car \| 1 \| 0\.8 \| 0\.223144 \|/);

  const bad = renderMarkdown(hostile());
  assert.doesNotMatch(bad, /<script|<img|<\/svg/i);
  assert.doesNotMatch(bad, /(?<!\\)\\href/, 'a backslash before href is itself escaped');
  assert.doesNotMatch(bad, /(?<!\\)\\def/);
  // Math blocks: opened and closed on their own lines, nothing in them that ends them early.
  const blocks = bad.split(/^\$\$$/m);
  for (let i = 1; i < blocks.length; i += 2) {
    const body = blocks[i] ?? '';
    assert.doesNotMatch(body, /\$\$|<|>|\n\s*\n/);
  }
});

test('LaTeX is a complete amsmath document with labels escaped', () => {
  const tex = renderLatex(article());
  assert.match(tex, /^\\documentclass\{article\}/);
  assert.match(tex, /\\usepackage\{amsmath\}/);
  assert.match(tex, /\\begin\{document\}[\s\S]*\\end\{document\}\n$/);
  assert.match(tex, /\\\[\n\\mathrm\{BCE\} = -\\left\[ y \\ln/);

  const bad = renderLatex(hostile());
  assert.doesNotMatch(bad, /\\href|\\def\\|\\def\b/);
  assert.doesNotMatch(bad, /<script|<img/);
  assert.match(bad, /\\textless\{\}img src=x onerror=alert\(1\)\\textgreater\{\}/);
  // Braces balance once escaped braces are set aside.
  const bare = bad.replace(/\\[{}]/g, '');
  assert.equal(count(bare, '{'), count(bare, '}'));
});

test('capped walkthroughs say what was left out, in every format', async () => {
  const r = buildWalkthrough(fixture(ARTICLE_SOURCE, { labels: ARTICLE_LABELS }), { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' }, { maxDerivations: 1 });
  assert.ok(r.ok);
  const math = await getMathRenderer();
  assert.equal(count(renderHtmlFragment(r.value, math), 'class="lw-card"'), 1);
  assert.match(renderHtmlPage(r.value, math), /derivations are shown for 1 of 3 elements/);
  assert.match(renderMarkdown(r.value), /derivations are shown for 1 of 3 elements/);
  assert.match(renderLatex(r.value), /derivations are shown for 1 of 3 elements/);
});

test('a batch with long rows renders its broken sums without MathJax errors', async () => {
  const n = 12;
  const ys = Array.from({ length: 2 * n }, (_, i) => i % 2);
  const ps = Array.from({ length: 2 * n }, (_, i) => ((i % 9) + 1) / 10);
  const w = walkthrough(
    `targets = [[${ys.slice(0, n).join(', ')}], [${ys.slice(n).join(', ')}]]\npredictions = [[${ps.slice(0, n).join(', ')}], [${ps.slice(n).join(', ')}]]`,
    null,
    { shape: [2, n] },
  );
  const math = await getMathRenderer();
  const html = renderHtmlFragment(w, math);
  assert.doesNotMatch(html, /lw-math-error|merror/);
  assert.ok(w.reductionSteps.some((s) => s.tex.includes('\\begin{aligned}')));
});
