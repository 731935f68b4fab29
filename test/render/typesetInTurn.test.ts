/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWalkthrough } from '../../src/core/derivation';
import type { Walkthrough } from '../../src/core/types';
import { getMathRenderer, mathRequests, renderDerivationCards, renderHtmlFragment, typesetInTurn, type MathOptions, type MathRenderer } from '../../src/render';
import { ARTICLE_LABELS, ARTICLE_SOURCE, fixture } from '../core/derivation/parsed-fixture';

function article(): Walkthrough {
  const r = buildWalkthrough(fixture(ARTICLE_SOURCE, { labels: ARTICLE_LABELS }), { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' });
  if (!r.ok) assert.fail(r.error.message);
  return r.value;
}

/** A renderer with the real one's caching contract (an SVG per TeX and options) that counts what it typesets. */
function countingRenderer(): MathRenderer & { typeset: number } {
  const cache = new Set<string>();
  const renderer = {
    typeset: 0,
    toSvg(tex: string, opts: MathOptions = {}) {
      const key = `S${opts.display ?? true}${opts.color ?? ''}${tex}`;
      if (!cache.has(key)) {
        cache.add(key);
        renderer.typeset++;
      }
      return `<svg>${tex}</svg>`;
    },
    styleSheet: () => '',
    page: () => ({
      toSvg(tex: string, opts: Omit<MathOptions, 'color'> = {}) {
        const key = `P${opts.display ?? true}${tex}`;
        if (!cache.has(key)) {
        cache.add(key);
        renderer.typeset++;
      }
        return `<svg>${tex}</svg>`;
      },
      defs: () => '',
    }),
  };
  return renderer;
}

const writers: [string, (w: Walkthrough, m: MathRenderer) => string][] = [
  ['a derivation card', (w, m) => renderDerivationCards(w.derivations.slice(0, 1), m)],
  ['the panel fragment', (w, m) => renderHtmlFragment(w, m, { swapButton: true })],
];

for (const [name, write] of writers) {
  test(`${name}: typeset in turn, then written, it typesets nothing more`, async () => {
    const w = article();
    const math = countingRenderer();
    const requests = mathRequests((m) => write(w, m), math);
    assert.equal(math.typeset, 0, 'finding the equations typesets none');
    assert.ok(requests.length > 1, 'more than one equation');
    assert.equal(new Set(requests.map((r) => `${r.page}${r.opts.display}${r.tex}`)).size, requests.length, 'each once');
    let pauses = 0;
    assert.equal(await typesetInTurn(requests, math, async () => void pauses++, () => false), true);
    assert.equal(pauses, requests.length, 'a pause before each equation');
    assert.equal(math.typeset, requests.length);
    write(w, math);
    assert.equal(math.typeset, requests.length, 'writing found every equation typeset');
  });
}

test('typesetting in turn stops once the result is no longer wanted', async () => {
  const w = article();
  const math = countingRenderer();
  const requests = mathRequests((m) => renderDerivationCards(w.derivations, m), math);
  let pauses = 0;
  const done = await typesetInTurn(requests, math, async () => void pauses++, () => pauses > 2);
  assert.equal(done, false);
  assert.equal(math.typeset, 2);
});

test('with MathJax: the equations recorded are typeset, and the card written after shows them all', async () => {
  const w = article();
  const math = await getMathRenderer();
  const cards = w.derivations.slice(2, 3);
  const requests = mathRequests((m) => renderDerivationCards(cards, m), math);
  assert.equal(await typesetInTurn(requests, math, async () => undefined, () => false), true);
  const html = renderDerivationCards(cards, math);
  assert.equal(html.split('<svg').length - 1, requests.filter((r) => r.page).length + 1, 'an SVG per equation, and the glyphs');
  assert.doesNotMatch(html, /lw-math-error/);
});
