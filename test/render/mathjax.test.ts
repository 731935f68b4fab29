/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getMathRenderer } from '../../src/render/mathjax';

const GENERAL = String.raw`\mathrm{BCE}_{1} = -\left[ y_{1} \ln(\hat{y}_{1}) + (1 - y_{1}) \ln(1 - \hat{y}_{1}) \right]`;

test('the general BCE formula renders to a self-contained SVG that follows the text colour', async () => {
  const math = await getMathRenderer();
  const svg = math.toSvg(GENERAL);
  assert.ok(svg.startsWith('<svg'), svg.slice(0, 40));
  assert.match(svg, /currentColor/);
  assert.match(svg, /<defs>.*<path id="MJX-/s, 'glyphs are defined inside the SVG itself');
  assert.doesNotMatch(svg, /style=/);
  assert.doesNotMatch(svg, /merror|lw-math-error/);
  assert.match(svg, /role="img"/);
  assert.match(svg, /aria-label="\\mathrm\{BCE\}_\{1\} = -\\left\[ y_\{1\}/);
});

test('the renderer is created once and the cache returns the identical string', async () => {
  const [a, b] = await Promise.all([getMathRenderer(), getMathRenderer()]);
  assert.equal(a, b);
  const first = a.toSvg(GENERAL);
  assert.equal(a.toSvg(GENERAL), first);
  // A different equation is a different SVG (the cache key is the TeX).
  assert.notEqual(a.toSvg(String.raw`\ln(0.8)`), first);
});

test('a colour is written into the SVG in place of currentColor', async () => {
  const math = await getMathRenderer();
  const svg = math.toSvg(String.raw`\hat{y}_{1} = 0.8`, { color: '#1e90ff' });
  assert.match(svg, /fill="#1e90ff"/);
  assert.match(svg, /stroke="#1e90ff"/);
  assert.doesNotMatch(svg, /currentColor/);
});

test('a colour that is not a colour is ignored rather than written into the markup', async () => {
  const math = await getMathRenderer();
  const svg = math.toSvg('x', { color: '"><script>alert(1)</script>' });
  assert.doesNotMatch(svg, /<script/);
  assert.match(svg, /currentColor/);
});

test('invalid TeX does not throw: it gives escaped error markup', async () => {
  const math = await getMathRenderer();
  const svg = math.toSvg(String.raw`\frac{1}{<b>`);
  assert.match(svg, /class="lw-math-error"/);
  assert.match(svg, /Missing close brace/);
  assert.doesNotMatch(svg, /<b>/);
  assert.match(math.toSvg(String.raw`\undefinedmacro`), /Undefined control sequence/);
});

test('the text alternative can be given, and is escaped', async () => {
  const math = await getMathRenderer();
  const svg = math.toSvg('x', { label: 'a "quoted" <label>' });
  assert.match(svg, /aria-label="a &quot;quoted&quot; &lt;label&gt;"/);
});

test("a text alternative holding $& or $' is written as it is, not as a replacement pattern", async () => {
  const math = await getMathRenderer();
  const written: readonly (readonly [string, string])[] = [["$'", '$&#39;'], ['$&', '$&amp;'], ['$`', '$`'], ['$$', '$$']];
  for (const [label, attribute] of written) {
    const svg = math.toSvg('y', { label });
    assert.ok(svg.startsWith(`<svg aria-label="${attribute}" `), svg.slice(0, 80));
    assert.equal(svg.match(/<svg\b/g)?.length, 1, 'one svg element');
  }
});

test('the stylesheet is MathJax CSS for SVG output', async () => {
  const math = await getMathRenderer();
  const css = math.styleSheet();
  assert.match(css, /mjx-container\[jax="SVG"\]/);
  assert.ok(css.length > 1000 && css.length < 10000, String(css.length));
});

/** Ids referenced by `<use>` and ids of defined paths, in a piece of markup. */
function glyphRefs(html: string): { used: Set<string>; defined: string[] } {
  return {
    used: new Set([...html.matchAll(/(?<![\w:])href="#([^"]+)"/g)].map((m) => m[1] ?? '')),
    defined: [...html.matchAll(/<path id="([^"]+)"/g)].map((m) => m[1] ?? ''),
  };
}

test('a page references its glyphs and defines each one once, only those it uses', async () => {
  const math = await getMathRenderer();
  const page = math.page();
  const a = page.toSvg(GENERAL, { label: 'the general formula' });
  const b = page.toSvg(String.raw`\ln(0.8) = -0.223144`);
  for (const svg of [a, b]) {
    assert.doesNotMatch(svg, /<defs>|<path id=/, 'no glyph definitions inside the equation');
    assert.doesNotMatch(svg, /style=/);
    assert.match(svg, /<use href="#MJX-TEX-/);
  }
  assert.ok(a.startsWith('<svg aria-label="the general formula" '));
  const defs = page.defs();
  assert.match(defs, /^<svg class="lw-glyphs" [^>]*display="none"[^>]*><defs>.*<\/defs><\/svg>$/s);
  const { used, defined } = glyphRefs(a + b + defs);
  assert.deepEqual([...defined].sort(), [...used].sort(), 'every glyph used is defined, and nothing else');
  assert.equal(new Set(defined).size, defined.length, 'each glyph once');
  // "−0.223144" uses the digit 2, which the general formula does not.
  const onlyA = math.page();
  onlyA.toSvg(GENERAL);
  assert.ok(glyphRefs(onlyA.defs()).defined.length < defined.length, 'a page defines what it used, not what others used');
  assert.equal(math.page().defs(), '', 'a page with no equation needs no definitions');
});

test('a page equation and a standalone one draw the same glyph with the same path', async () => {
  const math = await getMathRenderer();
  const page = math.page();
  page.toSvg('y');
  const standalone = math.toSvg('y');
  const pathOf = (html: string) => /<path id="[^"]*TEX-I-1D466" d="([^"]+)"/.exec(html)?.[1];
  assert.ok(pathOf(standalone));
  assert.equal(pathOf(page.defs()), pathOf(standalone));
});

test('invalid TeX on a page gives the same error markup and no definitions', async () => {
  const math = await getMathRenderer();
  const page = math.page();
  assert.match(page.toSvg(String.raw`\frac{1}{`), /class="lw-math-error"/);
  assert.equal(page.defs(), '');
});
