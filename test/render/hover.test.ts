/// <reference types="node" />
// The hover's Markdown. Losses are the golden values of loss-semantics.md rounded to 6 digits
// by hand; lengths are checked against VS Code's 100,000-character limit with hostile input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseHover, type SingleAnalysis } from '../../src/core/hover';
import { buildWalkthrough } from '../../src/core/derivation';
import { parseInput } from '../../src/core/parse';
import type { LogBase, Reduction, Walkthrough } from '../../src/core/types';
import {
  clip,
  commandUri,
  formulaColor,
  HOVER_MARKDOWN_LIMIT,
  hoverFormulaTex,
  hoverFormulaText,
  noticeHoverMarkdown,
  pairHoverMarkdown,
  singleHoverMarkdown,
  svgDataUri,
} from '../../src/render/hover';

const ARTICLE = 'labels = [car, cat, dog]\ntargets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]';
const LINK = { title: 'Open walkthrough', uri: commandUri('lossWalkthrough.explainFromHover', [{ uri: 'file:///a.py', version: 1 }]) };
const IMAGE = { uri: svgDataUri('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), alt: 'Binary cross entropy' };

function walkthrough(text: string, logBase: LogBase = 'e', reduction: Reduction = 'mean'): Walkthrough {
  const parsed = parseInput(text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
  const w = buildWalkthrough(parsed.value, { preset: 'pytorch', reduction, logBase, dtype: 'float64' }, { maxDerivations: 0, maxTableRows: 10 });
  assert.ok(w.ok);
  return w.value;
}

function single(text: string, needle: string): SingleAnalysis {
  const a = analyseHover(text, text.indexOf(needle), { inputKind: 'auto' });
  assert.ok(a?.kind === 'single', `expected a single array at '${needle}'`);
  return a;
}

/** The table rows of a hover, as arrays of cells. */
function rows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| :') && !l.startsWith('| -'))
    .map((l) => l.slice(2, -2).split(' | '));
}

test("the article's pair: the loss 0.228393 with its preset and unit, a row per label, the link", () => {
  const md = pairHoverMarkdown(walkthrough(ARTICLE), IMAGE, LINK);
  assert.match(md, /\*\*Loss L = 0\.228393\.\*\*/);
  assert.match(md, /PyTorch/);
  assert.match(md, /natural log/);
  assert.deepEqual(rows(md), [
    ['label', 'y', 'ŷ', 'loss'],
    ['car', '1', '0.8', '0.223144'],
    ['cat', '0', '0.3', '0.356675'],
    ['dog', '1', '0.9', '0.105361'],
  ]);
  assert.ok(md.startsWith(`![Binary cross entropy](${IMAGE.uri})`), 'the formula image comes first');
  assert.ok(md.endsWith(`[Open walkthrough](${LINK.uri})`));
  assert.doesNotMatch(md, /more/);
});

test('log base 10 gives the tutorial\'s 0.0991898; sum gives 0.685179', () => {
  assert.match(pairHoverMarkdown(walkthrough(ARTICLE, '10'), null, null), /L = 0\.0991898/);
  assert.match(pairHoverMarkdown(walkthrough(ARTICLE, 'e', 'sum'), null, null), /L = 0\.685179/);
});

test('no labels: the index instead; logits: a z column beside the sigmoid', () => {
  const md = pairHoverMarkdown(walkthrough('targets = [1, 0, 1]\nlogits = [2, -1, 3]'), null, null);
  const table = rows(md);
  assert.deepEqual(table[0], ['#', 'y', 'z', 'ŷ', 'loss']);
  // -ln σ(2) = 0.126928 (loss-semantics.md); σ(2) = 0.880797 by hand.
  assert.deepEqual(table[1], ['1', '1', '2', '0.880797', '0.126928']);
});

test('only the first 10 rows, then how many more', () => {
  const n = 25;
  const ys = Array.from({ length: n }, (_, i) => i % 2);
  const ps = Array.from({ length: n }, () => 0.5);
  const md = pairHoverMarkdown(walkthrough(`targets = [${ys.join(', ')}]\npredictions = [${ps.join(', ')}]`), null, null);
  assert.equal(rows(md).length, 1 + 10);
  assert.match(md, /… 15 more/);
});

test('user text is escaped: labels cannot make HTML, links, commands or break the table', () => {
  const hostile = ['<img src=x onerror=alert(1)>', 'a|b`c', '[x](command:evil)'];
  const text = `labels = [${hostile.map((l) => JSON.stringify(l)).join(', ')}]\ntargets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]`;
  const md = pairHoverMarkdown(walkthrough(text), null, null);
  assert.doesNotMatch(md, /<img/);
  assert.doesNotMatch(md, /\[x\]\(command/);
  assert.match(md, /&lt;img src=x onerror=alert\(1\)&gt;/);
  const table = rows(md);
  // An escaped pipe stays in its cell: every row keeps four cells.
  assert.ok(table.every((r) => r.length === 4), JSON.stringify(table));
  assert.equal(table[2]?.[0], 'a\\|b\\`c');
});

test('long labels and long typed numbers are cut to a cell\'s width', () => {
  const label = 'x'.repeat(5000);
  const digits = `0.${'1'.repeat(3000)}`;
  const md = pairHoverMarkdown(walkthrough(`labels = [${label}]\ntargets = [1]\npredictions = [${digits}]`), null, null);
  const table = rows(md);
  assert.equal(table[1]?.[0], `${'x'.repeat(39)}…`);
  assert.ok((table[1]?.[2] ?? '').length <= 40);
});

test('under the 100,000-character limit for hostile and large input', () => {
  // 1,000 labels of 2,000 escapable characters each, 100,000 elements, a formula image of 99,000 characters.
  const labels = Array.from({ length: 1000 }, (_, i) => JSON.stringify(`<&>`.repeat(600) + i));
  const cols = 1000;
  const rowsCount = 100;
  const ys = Array.from({ length: cols * rowsCount }, (_, i) => i % 2);
  const row = (r: number) => `[${ys.slice(r * cols, (r + 1) * cols).map((y) => (y ? '0.75' : '0.25')).join(', ')}]`;
  const text =
    `labels = [${labels.join(', ')}]\n` +
    `targets = [${Array.from({ length: rowsCount }, (_, r) => `[${ys.slice(r * cols, (r + 1) * cols).join(', ')}]`).join(', ')}]\n` +
    `predictions = [${Array.from({ length: rowsCount }, (_, r) => row(r)).join(', ')}]`;
  const w = walkthrough(text);
  assert.equal(w.elementCount, 100_000);
  const bigImage = { uri: `data:image/svg+xml;base64,${'A'.repeat(99_000)}`, alt: '<&>'.repeat(10_000) };
  const md = pairHoverMarkdown(w, bigImage, LINK);
  assert.ok(md.length < HOVER_MARKDOWN_LIMIT, `${md.length} characters`);
  assert.match(md, /… 99,990 more/);
  assert.ok(md.includes(LINK.uri), 'the link survives; the oversized image is what goes');
  assert.ok(!md.includes('A'.repeat(1000)));
  const small = pairHoverMarkdown(w, IMAGE, LINK);
  assert.ok(small.includes(IMAGE.uri) && small.length < HOVER_MARKDOWN_LIMIT);
});

test('an image or link that is not what this module builds is left out, not rendered', () => {
  const w = walkthrough(ARTICLE);
  const md = pairHoverMarkdown(w, { uri: 'data:image/svg+xml;base64,AA==)[x](command:evil', alt: 'x' }, { title: 'Open', uri: 'command:a?x)(y' });
  assert.doesNotMatch(md, /!\[|\]\(/);
  assert.doesNotMatch(pairHoverMarkdown(w, { uri: 'https://example.com/x.svg', alt: 'x' }, null), /example/);
});

test('an array alone: name, count, min, max, what it looks like, how to pair it', () => {
  const md = singleHoverMarkdown(single('y_true = [1, 0, 1, 1]', '1'), 6);
  assert.match(md, /^\*\*y\\_true\*\*: 4 numbers, min 0, max 1: every value is 0 or 1, so these look like targets/);
  assert.match(md, /put the predictions next to it/);
  assert.match(md, /`predictions = \[0\.8, 0\.3, 0\.9\]`/);

  const logits = singleHoverMarkdown(single('scores = [[2, -1.5], [3, 0]]', '-1.5'), 6);
  assert.match(logits, /4 numbers \(2 × 2\), min -1\.5, max 3: some values are outside \\\[0, 1\\\], so these look like logits/);
  assert.match(logits, /put the targets next to it/);

  const unnamed = singleHoverMarkdown(single('x = [0.25, 0.5]', '0.5'), 6);
  assert.match(unnamed, /^\*\*x\*\*: 2 numbers, min 0\.25, max 0\.5: every value is within/);
  assert.match(unnamed, /if these are the predictions/);
  assert.doesNotMatch(unnamed, /No loss/, 'no partner is not a problem to report, only to explain');
});

test('an array whose pair does not fit says why', () => {
  const md = singleHoverMarkdown(single('targets = [1, 0]\npredictions = [0.5, 0.2, 0.1]', '0.2'), 6);
  assert.match(md, /\*\*No loss:\*\* The targets have shape \\\[2\\\] but the predictions have shape \\\[3\\\]/);
});

test('notices are escaped plain sentences', () => {
  assert.equal(noticeHoverMarkdown('Line <b>too</b> long'), '**Loss Walkthrough:** Line &lt;b&gt;too&lt;/b&gt; long');
});

test('the formula: the reduction, the log base and σ for logits, written out', () => {
  assert.equal(
    hoverFormulaTex({ reduction: 'mean', logBase: 'e', input: 'probabilities' }),
    'L = -\\frac{1}{N} \\sum_{i=1}^{N} \\left[ y_i \\ln \\hat{y}_i + (1 - y_i) \\ln (1 - \\hat{y}_i) \\right]',
  );
  assert.equal(
    hoverFormulaTex({ reduction: 'sum', logBase: '10', input: 'logits' }),
    'L = -\\sum_{i=1}^{N} \\left[ y_i \\log_{10} \\hat{y}_i + (1 - y_i) \\log_{10} (1 - \\hat{y}_i) \\right], \\quad \\hat{y}_i = \\sigma(z_i)',
  );
  assert.equal(
    hoverFormulaTex({ reduction: 'none', logBase: '2', input: 'probabilities' }),
    '\\ell_i = -\\left[ y_i \\log_{2} \\hat{y}_i + (1 - y_i) \\log_{2} (1 - \\hat{y}_i) \\right]',
  );
  assert.equal(hoverFormulaText({ reduction: 'mean', logBase: 'e', input: 'probabilities' }), 'Binary cross entropy: L = −(1/N) Σ (y ln(ŷ) + (1 − y) ln(1 − ŷ))');
});

test('one colour per theme kind, dark text on light themes and light text on dark ones', () => {
  const luminance = (hex: string) => parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) + parseInt(hex.slice(5, 7), 16);
  assert.ok(luminance(formulaColor('light')) < 3 * 128);
  assert.ok(luminance(formulaColor('high-contrast-light')) < 3 * 128);
  assert.ok(luminance(formulaColor('dark')) > 3 * 128);
  assert.ok(luminance(formulaColor('high-contrast')) > 3 * 128);
});

test('svgDataUri: base64 of the UTF-8 bytes, so non-ASCII labels survive', () => {
  const svg = '<svg aria-label="ŷ − y">x</svg>';
  const uri = svgDataUri(svg);
  assert.ok(uri.startsWith('data:image/svg+xml;base64,'));
  const bytes = Uint8Array.from(atob(uri.slice('data:image/svg+xml;base64,'.length)), (c) => c.charCodeAt(0));
  assert.equal(new TextDecoder().decode(bytes), svg);
  // 'ŷ' is two UTF-8 bytes (c5 b7), '−' three (e2 88 92).
  assert.equal(bytes.length, svg.length + 1 + 2);
});

test('commandUri: arguments come back from decodeURIComponent + JSON.parse; nothing that ends a link', () => {
  const args = [{ uri: 'file:///a (1).py', spans: [{ startLine: 0, endLine: 2 }], note: "it's *ok*!" }];
  const uri = commandUri('lossWalkthrough.explainFromHover', args);
  assert.ok(uri.startsWith('command:lossWalkthrough.explainFromHover?'));
  assert.doesNotMatch(uri, /[()'\s*!]/);
  assert.deepEqual(JSON.parse(decodeURIComponent(uri.slice(uri.indexOf('?') + 1))), args);
});

test('clip keeps short text and cuts long text on a code point', () => {
  assert.equal(clip('abc', 3), 'abc');
  assert.equal(clip('abcd', 3), 'ab…');
  assert.equal(clip('😀😀😀😀', 3), '😀😀…');
});
