// The LossDocument writers on a real softmax walkthrough: every format carries the same steps,
// user text stays text, and the equations typeset with the real MathJax.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSoftmaxInput } from '../../src/core/softmax/parse';
import { buildSoftmaxWalkthrough, type SoftmaxWalkthrough } from '../../src/core/softmax/walkthrough';
import { getMathRenderer } from '../../src/render';
import { renderDocumentHtmlFragment, renderDocumentHtmlPage, renderDocumentLatex, renderDocumentMarkdown, renderDocumentText } from '../../src/render/document';

const HOSTILE = ['<img src=x onerror=alert(1)>', '</svg><script>alert(1)</script>', String.raw`\def\x{\x}\x`];

function walk(text: string, o: object = {}): SoftmaxWalkthrough {
  const p = parseSoftmaxInput(text);
  if (!p.ok) assert.fail(p.error.message);
  const w = buildSoftmaxWalkthrough(p.value, { preset: 'pytorch', reduction: 'mean', input: p.value.inputKind, dtype: 'float32', ...o });
  if (!w.ok) assert.fail(w.error.message);
  return w.value;
}

const TEXT = `classes = ${JSON.stringify(HOSTILE)}\ny = [0, 2, 1]\nlogits = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [-1.2, 0.3, 3.3]]`;

test('HTML: cards with typeset equations, hostile class names as text only', async () => {
  const math = await getMathRenderer();
  const doc = walk(TEXT).document;
  const html = renderDocumentHtmlFragment(doc, math);
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<img/i);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.equal(html.split('class="lw-card"').length - 1, 3);
  assert.ok(html.includes('<svg'), 'equations are SVG');
  assert.doesNotMatch(html, /merror|data-mjx-error|lw-math-error/, 'every equation typesets');
  // The step's sentence is the equation's text alternative.
  assert.ok(html.includes('is subtracted first'));
  const page = renderDocumentHtmlPage(doc, math, { title: 'Softmax <walkthrough>' });
  assert.match(page, /Content-Security-Policy" content="default-src 'none'/);
  assert.match(page, /<title>Softmax &lt;walkthrough&gt;<\/title>/);
  assert.doesNotMatch(page, /<script/i);
});

test('Markdown: $$ display math per step, escaped prose and tables', () => {
  const md = renderDocumentMarkdown(walk(TEXT).document);
  assert.match(md, /^# Softmax cross entropy walkthrough/);
  assert.ok((md.match(/\$\$/g) ?? []).length >= 2 * 3 * 5, 'every step has its equation');
  assert.doesNotMatch(md, /<img/);
  assert.match(md, /## Which loss fits/);
  assert.match(md, /\| Sample \| Softmax cross entropy \| BCE over the classes \|/);
});

test('text: the plain sentences, the table and the comparison', () => {
  const text = renderDocumentText(walk(TEXT).document);
  assert.match(text, /^Softmax cross entropy \(mean\) = /);
  assert.match(text, /The largest logit, m = 2, is subtracted first/);
  assert.match(text, /Backpropagation|gradient/i);
});

const hasPdflatex = spawnSync('pdflatex', ['--version'], { encoding: 'utf8' }).status === 0;

test('LaTeX: a whole document; compiles with pdflatex where it is installed', (t) => {
  const tex = renderDocumentLatex(walk(TEXT, { weight: [1, 2, 0.5], labelSmoothing: 0.1 }).document);
  assert.match(tex, /^\\documentclass\{article\}/);
  assert.match(tex, /\\begin\{gathered\}/);
  assert.doesNotMatch(tex, /<img/);
  if (!hasPdflatex) {
    t.skip('pdflatex is not installed');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'lw-softmax-latex-'));
  try {
    writeFileSync(join(dir, 'w.tex'), tex);
    const run = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'w.tex'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, readFileSync(join(dir, 'w.log'), 'utf8').split('\n').filter((l) => l.startsWith('!')).join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the page: headings go down one level at a time, every table has a caption and scoped headers, every equation a text alternative', async () => {
  const math = await getMathRenderer();
  // Class indices against logits: the which-loss section with its table, and backprop under every card.
  const page = renderDocumentHtmlPage(walk(TEXT).document, math, { title: 'Softmax' });
  const levels = [...page.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  assert.equal(levels[0], 1);
  for (let i = 1; i < levels.length; i++) assert.ok((levels[i] ?? 0) <= (levels[i - 1] ?? 0) + 1, `h${levels[i - 1]} then h${levels[i]}`);
  assert.ok(levels.includes(4), 'backprop headings are under their cards');
  const tables = page.split('<table').slice(1);
  assert.equal(tables.length, 2, 'the inputs and the comparison');
  for (const t of tables) assert.match(t, /^[^>]*><caption>[^<]+<\/caption>/);
  const ths = [...page.matchAll(/<th[\s>][^>]*>?/g)].map((m) => m[0]);
  assert.ok(ths.length > 10);
  for (const th of ths) assert.match(th, /scope="(col|row)"/, th);
  const labels = [...page.matchAll(/<svg aria-label="([^"]*)"/g)].map((m) => m[1] ?? '');
  assert.ok(labels.length > 3 * 5, `${labels.length} equations with a text alternative`);
  for (const l of labels) {
    assert.doesNotMatch(l, /\\(frac|mathrm|ln|left|operatorname)/, l);
    assert.ok(l.length > 10, l);
  }
  // Every section is named by its heading.
  for (const m of page.matchAll(/<section [^>]*>/g)) assert.match(m[0], /aria-labelledby="[^"]+"/, m[0]);
});
