/// <reference types="node" />
// The renderer trims MathJax's SVG (src/render/mathjax-engine.ts, `slim`). These tests hold it to
// drawing exactly what MathJax itself draws: MathJax is run here on its own, untrimmed, and both
// SVGs are reduced to the list of what they paint (each glyph's outline, rule and box, with its
// place on the page after every enclosing transform).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import 'mathjax-full/js/input/tex/base/BaseConfiguration.js';
import 'mathjax-full/js/input/tex/ams/AmsConfiguration.js';
import { buildWalkthrough } from '../../src/core/derivation';
import type { Walkthrough } from '../../src/core/types';
import { getMathRenderer, mathRequests, renderHtmlFragment } from '../../src/render';
import { fixture } from '../core/derivation/parsed-fixture';

const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);
const untrimmed = mathjax.document('', { InputJax: new TeX({ packages: ['base', 'ams'] }), OutputJax: new SVG({ fontCache: 'local' }) });

/** MathJax's own SVG for `tex`, glyphs defined inside it. */
function mathJaxSvg(tex: string, display: boolean): string {
  return adaptor.outerHTML(adaptor.firstChild(untrimmed.convert(tex, { display }) as never) as never);
}

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
}

function parseTransform(text: string): Matrix {
  let m = IDENTITY;
  for (const [, fn, args] of text.matchAll(/(\w+)\(([^)]*)\)/g)) {
    const [a = 0, b] = args!.split(/[\s,]+/).filter(Boolean).map(Number);
    if (fn === 'translate') m = multiply(m, [1, 0, 0, 1, a, b ?? 0]);
    else if (fn === 'scale') m = multiply(m, [a, 0, 0, b ?? a, 0, 0]);
    else throw new Error(`test: transform ${fn} not handled`);
  }
  return m;
}

const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;

/**
 * What an SVG paints, as sorted lines: element, its drawing attributes, the outline a <use>
 * points at, the nested <svg> viewports around it, and its matrix rounded to 1/1000.
 */
function painted(svg: string): string[] {
  const outlines = new Map<string, string>();
  for (const [, attrs] of svg.matchAll(/<path ([^>]*)>/g)) {
    const a = Object.fromEntries([...attrs!.matchAll(ATTRIBUTE)].map((m) => [m[1], m[2]]));
    if (a['id']) outlines.set(a['id'], a['d'] ?? '');
  }
  const marks: string[] = [];
  const stack: { tag: string; matrix: Matrix; viewport: string; inDefs: boolean }[] = [];
  for (const [, close, tag, attrs, selfClose] of svg.matchAll(/<(\/?)([a-zA-Z]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g)) {
    if (close) {
      assert.equal(stack.pop()?.tag, tag, 'test: unbalanced markup');
      continue;
    }
    const parent = stack[stack.length - 1] ?? { matrix: IDENTITY, viewport: '', inDefs: false };
    const a = Object.fromEntries([...attrs!.matchAll(ATTRIBUTE)].map((m) => [m[1]!, m[2]!]));
    const matrix = a['transform'] ? multiply(parent.matrix, parseTransform(a['transform'])) : parent.matrix;
    const inDefs = parent.inDefs || tag === 'defs';
    const nested = tag === 'svg' && stack.length > 0;
    const viewport = nested ? `${parent.viewport}[${Object.entries(a).sort().map(([k, v]) => `${k}=${v}`).join(' ')}]` : parent.viewport;
    if (!inDefs && ['use', 'rect', 'line', 'path', 'text', 'polygon', 'ellipse'].includes(tag!)) {
      const href = a['href'] ?? a['xlink:href'];
      const drawing = Object.entries(a)
        .filter(([k]) => !['transform', 'href', 'xlink:href', 'data-mml-node', 'data-c', 'style'].includes(k))
        .sort()
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      const outline = href ? `outline ${outlines.get(href.slice(1)) ?? `missing ${href}`}` : '';
      marks.push(`${viewport} ${tag} ${drawing} ${outline} @${matrix.map((x) => Math.round(x * 1000) / 1000).join(',')}`);
    }
    if (!selfClose) stack.push({ tag: tag!, matrix, viewport, inDefs });
  }
  assert.equal(stack.length, 0, 'test: unclosed markup');
  return marks.sort();
}

/** Every equation a walkthrough's panel fragment holds. */
async function equationsOf(w: Walkthrough): Promise<{ tex: string; display: boolean }[]> {
  const math = await getMathRenderer();
  return mathRequests((m) => renderHtmlFragment(w, m, { swapButton: true }), math).map((r) => ({ tex: r.tex, display: r.opts.display ?? true }));
}

function walkthrough(source: string, options: Parameters<typeof buildWalkthrough>[1], fixtureOptions: Parameters<typeof fixture>[1] = {}): Walkthrough {
  const r = buildWalkthrough(fixture(source, fixtureOptions), options);
  if (!r.ok) assert.fail(r.error.message);
  return r.value;
}

async function assertDrawsAsMathJax(w: Walkthrough): Promise<number> {
  const math = await getMathRenderer();
  const equations = await equationsOf(w);
  for (const { tex, display } of equations) {
    const ours = math.toSvg(tex, { display });
    assert.deepEqual(painted(ours), painted(mathJaxSvg(tex, display)), tex);
  }
  return equations.length;
}

test("every equation of the article's walkthrough, trimmed, paints what MathJax paints", async () => {
  const w = walkthrough('targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]', { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' }, { labels: ['car', 'cat', 'dog'] });
  assert.ok((await assertDrawsAsMathJax(w)) > 10);
});

test('and of batches, weights, logits and other frameworks (fractions, sums, aligned rows, accents)', async () => {
  const cases: Walkthrough[] = [
    walkthrough('targets = [[1, 0], [0, 1]]\npredictions = [[0.8, 0.3], [0.2, 0.6]]', { preset: 'keras', reduction: 'sum', logBase: '10', dtype: 'float32', labelSmoothing: 0.1 }, { shape: [2, 2] }),
    walkthrough('targets = [1, 0, 1]\npredictions = [2.5, -1, 0]', { preset: 'pytorch-logits', reduction: 'mean', logBase: 'e', dtype: 'float32', posWeight: [2] }, { inputKind: 'logits' }),
    walkthrough('targets = [1, 0]\npredictions = [1, 0]', { preset: 'sklearn', reduction: 'mean', logBase: '2', dtype: 'float64', weight: [0.5, 2] }),
  ];
  for (const w of cases) assert.ok((await assertDrawsAsMathJax(w)) > 5);
});

test('for any targets and predictions, each equation paints what MathJax paints', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 3 }),
      fc.constantFrom('pytorch', 'keras', 'sklearn', 'tfjs', 'exact'),
      async (pairs, preset) => {
        const source = `targets = [${pairs.map(([t]) => t).join(', ')}]\npredictions = [${pairs.map(([, p]) => p).join(', ')}]`;
        await assertDrawsAsMathJax(walkthrough(source, { preset, reduction: 'mean', logBase: 'e', dtype: 'float64' }));
      },
    ),
    { numRuns: 25 },
  );
});

test('trimmed: no MathML kinds but those MathJax styles, no xlink, and fewer elements', async () => {
  const math = await getMathRenderer();
  const tex = String.raw`\mathrm{BCE}_{1} = -\left[ y_{1} \ln(\hat{y}_{1}) + (1 - y_{1}) \ln(1 - \hat{y}_{1}) \right]`;
  const ours = math.toSvg(tex);
  const theirs = mathJaxSvg(tex, true);
  assert.doesNotMatch(ours, /xlink/);
  assert.deepEqual([...ours.matchAll(/data-mml-node="([^"]+)"/g)].filter((m) => !['merror', 'mtable', 'maction'].includes(m[1]!)), []);
  const elements = (svg: string) => svg.match(/<[a-z]/g)?.length ?? 0;
  assert.ok(elements(ours) < 0.8 * elements(theirs), `${elements(ours)} elements against MathJax's ${elements(theirs)}`);
  assert.ok(ours.length < 0.85 * theirs.length, `${ours.length} characters against MathJax's ${theirs.length}`);
});
