/// <reference types="node" />
// The teaching sections in every format: the batch heatmap (bands, identifiers, text in each
// cell), one card on demand, backprop's part of each card, frameworks side by side, why BCE,
// and the accessibility of the page (text alternatives, heading order, header scopes).
// Expected losses are worked out here with Math.log, never taken from the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWalkthrough, type WalkthroughLossOptions } from '../../src/core/derivation';
import type { Walkthrough } from '../../src/core/types';
import {
  getMathRenderer,
  heatBand,
  heatLegend,
  renderDerivationCard,
  renderHtmlFragment,
  renderHtmlPage,
  renderLatex,
  renderMarkdown,
} from '../../src/render';
import { fixture } from '../core/derivation/parsed-fixture';

const BATCH_SOURCE = `targets = [[1, 0, 1], [0, 1, 0], [1, 1, 0]]
predictions = [[0.8, 0.3, 0.9], [0.2, 0.6, 0.1], [0.7, 0.55, 0.4]]`;
const LABELS = ['car', 'cat', 'dog'];
const PYTORCH: WalkthroughLossOptions = { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' };

function batch(loss: Partial<WalkthroughLossOptions> = {}, wopts = {}): Walkthrough {
  const r = buildWalkthrough(fixture(BATCH_SOURCE, { shape: [3, 3], labels: LABELS }), { ...PYTORCH, ...loss }, wopts);
  if (!r.ok) assert.fail(r.error.message);
  return r.value;
}

function single(source: string, labels: readonly string[] | null = null): Walkthrough {
  const r = buildWalkthrough(fixture(source, { labels }), PYTORCH);
  if (!r.ok) assert.fail(r.error.message);
  return r.value;
}

function section(html: string, cls: string): string {
  const start = html.indexOf(`<section class="${cls}"`);
  assert.ok(start >= 0, `no section ${cls}`);
  // Sections of the fragment do not nest inside each other except cards, which this is not used for.
  const next = html.indexOf('<section class="lw-', start + 1);
  return html.slice(start, next < 0 ? undefined : next);
}

// By hand: per-element losses of the batch and each sample's mean over its 3 labels.
const L = [
  [-Math.log(0.8), -Math.log(0.7), -Math.log(0.9)],
  [-Math.log(0.8), -Math.log(0.6), -Math.log(0.9)],
  [-Math.log(0.7), -Math.log(0.55), -Math.log(0.6)],
];
const MEANS = L.map((row) => row.reduce((a, b) => a + b, 0) / 3); // 0.228393, 0.279777, 0.488446

test('batch semantics: per-sample means over the last axis and the overall loss, as Keras computes them', () => {
  for (const preset of ['pytorch', 'keras'] as const) {
    const w = batch({ preset });
    assert.deepEqual(
      Array.from(w.result.sampleLosses ?? [], (x) => x.toFixed(6)),
      ['0.228393', '0.279777', '0.488446'],
    );
    MEANS.forEach((m, b) => assert.ok(Math.abs((w.result.sampleLosses?.[b] ?? NaN) - m) < 1e-12, preset));
    assert.ok(Math.abs(w.result.loss - (MEANS[0]! + MEANS[1]! + MEANS[2]!) / 3) < 1e-12);
  }
});

test('the heatmap: one button per element with its position, its number as text and a band class', async () => {
  const math = await getMathRenderer();
  const html = section(renderHtmlFragment(batch(), math), 'lw-batch');
  const cells = [...html.matchAll(/<td class="lw-heat lw-heat-(\d)"><button type="button" class="lw-heat-cell" data-index="(\d),(\d)" data-flat-index="(\d)" aria-label="([^"]*)">([^<]*)<\/button><\/td>/g)];
  assert.equal(cells.length, 9);
  for (const [, band, r, c, flat, label, text] of cells) {
    const loss = L[Number(r)]?.[Number(c)] ?? NaN;
    assert.equal(Number(flat), Number(r) * 3 + Number(c));
    assert.equal(text, loss.toPrecision(3), 'the value is written in the cell');
    // Bands by hand: 0.105 → 2 (0.1 to 0.2), 0.223 and 0.357 → 3 and 4, 0.511 and 0.598 → 4.
    const expected = loss < 0.1 ? 1 : loss < 0.2 ? 2 : loss < 0.35 ? 3 : loss < 0.69 ? 4 : 5;
    assert.equal(Number(band), expected, `band of ${loss}`);
    assert.match(label ?? '', new RegExp(`^${LABELS[Number(c)]}, sample ${Number(r) + 1}: loss ${loss.toPrecision(6)} \\(target [01], prediction 0?\\.\\d+\\)\\.$`));
  }
  for (const m of MEANS) assert.ok(html.includes(`<td class="lw-num">${m.toPrecision(6)}</td>`), `mean ${m}`);
  assert.match(html, /Overall loss L = 0\.332205/);
  assert.match(html, /<th scope="col">car<\/th><th scope="col">cat<\/th><th scope="col">dog<\/th>/);
  assert.equal((html.match(/<th scope="row">Sample \d<\/th>/g) ?? []).length, 3);
  assert.equal((html.match(/class="lw-heat-swatch lw-heat-\d" aria-hidden="true"/g) ?? []).length, 8);
  assert.doesNotMatch(html, /style=/);
});

test('1-D input has no heatmap', async () => {
  const math = await getMathRenderer();
  assert.doesNotMatch(renderHtmlFragment(single('targets = [1, 0]\npredictions = [0.8, 0.3]'), math), /lw-batch|lw-heat/);
});

test('the saved page links each cell to its card where the card exists (no script there)', async () => {
  const math = await getMathRenderer();
  const page = renderHtmlPage(batch({}, { maxDerivations: 4 }), math);
  const links = [...page.matchAll(/<a class="lw-heat-cell" href="#(lw-card-\d+)"/g)].map((m) => m[1]);
  assert.deepEqual(links, ['lw-card-1', 'lw-card-2', 'lw-card-3', 'lw-card-4']);
  for (const id of links) assert.match(page, new RegExp(`<section class="lw-card" id="${id}"`));
  assert.equal((page.match(/<span class="lw-heat-cell" data-index=/g) ?? []).length, 5, 'cells without a card are text');
  assert.doesNotMatch(page, /<button/);
});

test('renderDerivationCard renders any element, beyond maxDerivations too, like the fragment does', async () => {
  const math = await getMathRenderer();
  const w = batch({}, { maxDerivations: 1 });
  const card = renderDerivationCard(w, 4, math);
  assert.ok(card.ok);
  assert.match(card.value, /^<section class="lw-card" id="lw-card-5" data-element="1,1" aria-labelledby="lw-card-5-h"><h3 id="lw-card-5-h">cat \(element \(2, 2\)\)<\/h3>/);
  assert.match(card.value, /<h4 id="lw-card-5-g">How backprop adjusts it<\/h4>/);
  assert.match(card.value, /0\.510826/);
  // The first card is the fragment's own markup, followed by the definitions of its glyphs
  // (the fragment defines them once, at its end).
  const first = renderDerivationCard(w, 0, math);
  assert.ok(first.ok);
  const end = first.value.lastIndexOf('</section>') + '</section>'.length;
  assert.ok(renderHtmlFragment(w, math).includes(first.value.slice(0, end)));
  assert.match(first.value.slice(end), /^<svg class="lw-glyphs"[^>]*><defs>(<path id="MJX-[^"]+" d="[^"]*"><\/path>)+<\/defs><\/svg>$/);
  const bad = renderDerivationCard(w, 9, math);
  assert.ok(!bad.ok);
  assert.match(bad.error.message, /no element 9/);
});

test('every equation has a plain-language text alternative, not its TeX', async () => {
  const math = await getMathRenderer();
  const html = renderHtmlFragment(batch(), math);
  const labels = [...html.matchAll(/<svg aria-label="([^"]*)"/g)].map((m) => m[1] ?? '');
  assert.ok(labels.length > 9 * 7);
  for (const l of labels) {
    assert.doesNotMatch(l, /\\(frac|mathrm|ln|left)/, l);
    assert.ok(l.length > 10, l);
  }
});

test('headings go down one level at a time and every header cell has a scope', async () => {
  const math = await getMathRenderer();
  const page = renderHtmlPage(batch(), math);
  const levels = [...page.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  assert.equal(levels[0], 1);
  for (let i = 1; i < levels.length; i++) assert.ok((levels[i] ?? 0) <= (levels[i - 1] ?? 0) + 1, `h${levels[i - 1]} then h${levels[i]}`);
  assert.ok(levels.includes(4), 'backprop headings are under their cards');
  const ths = [...page.matchAll(/<th[\s>][^>]*>?/g)].map((m) => m[0]);
  assert.ok(ths.length > 20);
  for (const th of ths) assert.match(th, /scope="(col|row)"/, th);
});

test('frameworks side by side: p = 0, y = 1 in HTML, Markdown and LaTeX, the four that differ marked in words', async () => {
  const math = await getMathRenderer();
  const w = single('targets = [1]\npredictions = [0]');
  const html = section(renderHtmlFragment(w, math), 'lw-frameworks');
  assert.equal((html.match(/<tr class="lw-differs">/g) ?? []).length, 4);
  assert.match(html, /<th scope="row">PyTorch<\/th><td>torch\.nn\.BCELoss<\/td><td>float32<\/td><td class="lw-num">100<\/td><td class="lw-num">reference<\/td>/);
  assert.match(html, /<th scope="row">scikit-learn<\/th><td>sklearn\.metrics\.log_loss<\/td><td>float64<\/td><td class="lw-num">36\.0437<\/td><td class="lw-num">differs by 64\.0%<\/td>/);
  assert.match(html, /<dt>Keras 3<\/dt><dd>Clips ŷ to \[1e-7, 1 − 1e-7\]/);
  const md = renderMarkdown(w);
  assert.match(md, /^## The same numbers in each framework$/m);
  assert.match(md, /^\| Keras 2 \(tf\.keras\) \| tf\.keras\.losses\.BinaryCrossentropy \| float32 \| 15\.4249 \| differs by 84\.6% \|$/m);
  assert.match(md, /^- \*\*scikit-learn\*\*: Clips 1 − p and p/m);
  const tex = renderLatex(w);
  assert.match(tex, /\\subsection\*\{The same numbers in each framework\}/);
  assert.match(tex, /scikit-learn & sklearn\.\\allowbreak\{\}metrics\.\\allowbreak\{\}log\\_loss & float64 & 36\.0437 & differs by 64\.0\\% \\\\/);
  assert.match(tex, /\\item\[TensorFlow\.js\]/);
});

test('why BCE and not NLL, and backprop, appear in all three formats with the user\'s labels', async () => {
  const math = await getMathRenderer();
  const w = single('targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]', LABELS);
  const html = renderHtmlFragment(w, math);
  assert.match(section(html, 'lw-why'), /<h2 id="lw-why-h">Why binary cross entropy, not softmax and NLL<\/h2><p>Here “car” and “dog” are both present/);
  assert.equal((html.match(/<section class="lw-backprop"/g) ?? []).length, 3);
  const md = renderMarkdown(w);
  assert.match(md, /^## Why binary cross entropy, not softmax and NLL\n\nHere “car” and “dog” are both present/m);
  assert.equal((md.match(/^#### How backprop adjusts it$/gm) ?? []).length, 3);
  const tex = renderLatex(w);
  assert.match(tex, /\\subsection\*\{Why binary cross entropy, not softmax and NLL\}\n\nHere ``car'' and ``dog'' are both present/);
  assert.equal((tex.match(/\\paragraph\*\{How backprop adjusts it\}/g) ?? []).length, 3);
});

test("'auto' logits: the note that says so is shown up front in every format, not only among the notes", async () => {
  const parsed = fixture('targets = [1, 0]\npredictions = [2, -1]', { inputKind: 'logits' });
  const note = 'Prediction at index 0 is 2, outside [0, 1], so the predictions were read as logits (raw scores before the sigmoid).';
  const r = buildWalkthrough({ ...parsed, notes: [note] }, PYTORCH);
  assert.ok(r.ok);
  const math = await getMathRenderer();
  const html = renderHtmlFragment(r.value, math);
  assert.match(section(html, 'lw-summary'), /<p class="lw-assumption">Prediction at index 0 is 2, outside \[0, 1\], so the predictions were read as logits/);
  assert.doesNotMatch(html.slice(html.indexOf('lw-notes')), /Prediction at index 0 is 2/, 'not said twice');
  assert.match(renderMarkdown(r.value), /^> Prediction at index 0 is 2, outside \\\[0, 1\\\]/m);
  assert.match(renderLatex(r.value), /\\begin\{quote\}Prediction at index 0 is 2, outside \[0, 1\]/);
});

test('batch grid in Markdown and LaTeX: numbers and per-sample means as text', () => {
  const w = batch();
  const md = renderMarkdown(w);
  assert.match(md, /^\| Sample \| car \| cat \| dog \| Sample mean \|$/m);
  assert.match(md, /^\| Sample 3 \| 0\.357 \| 0\.598 \| 0\.511 \| 0\.488446 \|$/m);
  const tex = renderLatex(w);
  assert.match(tex, /Sample 2 & 0\.223 & 0\.511 & 0\.105 & 0\.279777 \\\\/);
});

test('heat bands are fixed in nats, whatever the unit', () => {
  assert.equal(heatBand(0), 0);
  assert.equal(heatBand(0.049), 0);
  assert.equal(heatBand(0.05), 1);
  assert.equal(heatBand(0.69), 5);
  assert.equal(heatBand(2.3), 7);
  assert.equal(heatBand(100), 7);
  assert.equal(heatBand(Infinity), 7);
  assert.equal(heatBand(NaN), 7);
  // 0.3 in log base 10 is 0.3 · ln 10 = 0.69 nats.
  assert.equal(heatBand(0.3, '10'), 5);
  assert.equal(heatBand(0.29, '10'), 4);
  const legend = heatLegend();
  assert.equal(legend.length, 8);
  assert.deepEqual(legend[0], { band: 0, range: 'below 0.05' });
  assert.deepEqual(legend[7], { band: 7, range: '2.3 or more' });
});

test('a very long label is cut in the grid, so its cells stay small', async () => {
  const long = 'x'.repeat(5000);
  const r = buildWalkthrough(fixture('targets = [[1, 0], [0, 1]]\npredictions = [[0.8, 0.3], [0.4, 0.9]]', { shape: [2, 2], labels: [long, 'b'] }), PYTORCH);
  assert.ok(r.ok);
  const math = await getMathRenderer();
  const html = section(renderHtmlFragment(r.value, math), 'lw-batch');
  assert.ok(html.length < 8000, String(html.length));
  assert.match(html, /<th scope="col">x{39}…<\/th>/);
});

test('the fragment defines, once and at its end, every glyph its equations use', async () => {
  const math = await getMathRenderer();
  const html = renderHtmlFragment(batch(), math);
  assert.equal(html.match(/<svg class="lw-glyphs"/g)?.length, 1);
  assert.ok(html.endsWith('</defs></svg></article>'));
  const used = new Set([...html.matchAll(/(?<![\w:])href="#([^"]+)"/g)].map((m) => m[1]));
  const defined = [...html.matchAll(/<path id="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(used.size > 20, String(used.size));
  assert.deepEqual(new Set(defined), used);
  assert.equal(defined.length, used.size, 'no glyph defined twice');
});

test('each backprop section shows the general gradient formula, the same SVG on every card, then its own numbers', async () => {
  const math = await getMathRenderer();
  const w = batch();
  const sections = [...renderHtmlFragment(w, math).matchAll(/<section class="lw-backprop".*?<\/section>/g)].map((m) => m[0]);
  assert.equal(sections.length, w.derivations.length);
  const general = sections.map((s) => /<svg aria-label="The gradients in general[^"]*"[^>]*>.*?<\/svg>/.exec(s)?.[0]);
  assert.ok(general[0]);
  for (const g of general) assert.equal(g, general[0]);
  for (const s of sections) {
    assert.equal(s.match(/<svg /g)?.length, 2, 'general formula, then the numbers');
    const numbersAt = s.search(/<svg aria-label="∂L\/∂ŷ = /);
    assert.ok(numbersAt > s.indexOf('<svg aria-label="The gradients in general'), 'the general formula first, then the numbers');
  }
});
