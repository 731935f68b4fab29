/// <reference types="node" />
// Whatever a label contains, each format's escaping keeps it data: it cannot open a tag, a
// macro, a group, math mode or an HTML entity of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeHtml, escapeLatexText, escapeMarkdown, escapeTex, getMathRenderer } from '../../src/render';

// Strings rich in the characters that matter, plus arbitrary Unicode.
const hostileChar = fc.constantFrom(...'\\{}$&#^_%~<>"\'`*[]()|!-=.:/ \n\t'.split(''), '\\href', '\\def', '$$', '</svg>', '<script>', 'javascript:', '\u2028');
const label = fc.oneof(
  fc.array(fc.oneof(hostileChar, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 20 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** The macros escapeTex may emit; anything else after a backslash would be user-controlled. */
const TEX_MACROS = new Set(['text', 'backslash', 'hat', 'sim', 'lt', 'gt', '{', '}', '$', '&', '#', '_', '%']);

function texGroupsBalance(tex: string): boolean {
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

test('escapeTex: only known macros, balanced groups, no math shift, nothing HTML-like', () => {
  fc.assert(
    fc.property(label, (s) => {
      const tex = escapeTex(s);
      for (const m of tex.matchAll(/\\([a-zA-Z]+|.)/g)) assert.ok(TEX_MACROS.has(m[1] ?? ''), `macro \\${m[1]} from ${JSON.stringify(s)}`);
      assert.ok(texGroupsBalance(tex), tex);
      const outsideEscapes = tex.replace(/\\./g, '');
      assert.doesNotMatch(outsideEscapes, /[$#%&^_~<>\n\r\u2028]/);
      // Inside \text{...} MathJax and LaTeX treat only $ { } \ specially; none is left unescaped.
      for (const m of tex.matchAll(/\\text\{([^{}]*)\}/g)) assert.doesNotMatch(m[1] ?? '', /[\\$]/);
    }),
    { numRuns: 500 },
  );
});

test('escapeHtml: no tag, attribute quote or stray entity can be formed', () => {
  fc.assert(
    fc.property(label, (s) => {
      const html = escapeHtml(s);
      assert.doesNotMatch(html, /[<>"']/);
      assert.doesNotMatch(html, /&(?!(amp|lt|gt|quot|#39);)/);
    }),
    { numRuns: 500 },
  );
});

test('escapeMarkdown: no raw HTML and every Markdown special is backslash-escaped', () => {
  fc.assert(
    fc.property(label, (s) => {
      const md = escapeMarkdown(s);
      assert.doesNotMatch(md, /[<>\n\r\u2028]/);
      assert.doesNotMatch(md, /&(?!(amp|lt|gt);)/);
      // Remove escaped pairs; no special may remain bare.
      assert.doesNotMatch(md.replace(/\\./g, ''), /[\\`*_{}[\]#|~$^]/);
      assert.doesNotMatch(md, /^\s*([-+=]|\d+[.)])(\s|$)/, 'no list, rule or heading underline');
    }),
    { numRuns: 500 },
  );
});

test('escapeLatexText: only text-mode macros, balanced groups, no math shift', () => {
  const allowed = new Set(['textbackslash', 'textasciicircum', 'textasciitilde', 'textless', 'textgreater', 'ensuremath', 'ldots', 'sigma', 'varepsilon', 'partial', 'approx', 'infty', 'cdot', 'times', 'hat', '{', '}', '$', '&', '#', '_', '%']);
  fc.assert(
    fc.property(label, (s) => {
      const tex = escapeLatexText(s);
      for (const m of tex.matchAll(/\\([a-zA-Z]+|.)/g)) assert.ok(allowed.has(m[1] ?? ''), `macro \\${m[1]}`);
      assert.ok(texGroupsBalance(tex), tex);
      assert.doesNotMatch(tex.replace(/\\./g, ''), /[$#%&^_~\n\r]/);
    }),
    { numRuns: 500 },
  );
});

test('MathJax renders any escaped label without an error and without live markup', async () => {
  const math = await getMathRenderer();
  fc.assert(
    fc.property(label, (s) => {
      const svg = math.toSvg(String.raw`\mathrm{BCE}_{1} = 0.2 \qquad (${escapeTex(s)})`);
      assert.doesNotMatch(svg, /lw-math-error|merror/, JSON.stringify(s));
      assert.doesNotMatch(svg, /<script|<img|<foreignObject|style=/i);
      assert.ok(svg.startsWith('<svg') && svg.endsWith('</svg>'));
    }),
    { numRuns: 60 },
  );
});

test('whole documents: random labels stay data in HTML, Markdown and LaTeX', async () => {
  const { buildWalkthrough } = await import('../../src/core/derivation');
  const { renderHtmlFragment, renderMarkdown, renderLatex } = await import('../../src/render');
  const { fixture } = await import('../core/derivation/parsed-fixture');
  const math = await getMathRenderer();
  fc.assert(
    fc.property(fc.array(label, { minLength: 3, maxLength: 3 }), (labels) => {
      const r = buildWalkthrough(fixture('targets = [1, 0, 0.5]\npredictions = [0.8, 0.3, 0.6]', { labels }), {
        preset: 'pytorch',
        reduction: 'mean',
        logBase: 'e',
        dtype: 'float64',
      });
      if (!r.ok) assert.fail(r.error.message);
      const html = renderHtmlFragment(r.value, math);
      const tags = html.replace(/"[^"]*"/g, '""');
      assert.doesNotMatch(tags, /<(script|img|iframe|object|embed|foreignObject|style)\b/i);
      assert.doesNotMatch(tags, /<[^>]*\s(on[a-z]+|style|src)\s*=/i);
      assert.doesNotMatch(html, /lw-math-error|merror/);
      assert.equal((html.match(/class="lw-card"/g) ?? []).length, 3);

      const md = renderMarkdown(r.value);
      assert.doesNotMatch(md, /<[a-zA-Z/!?]/, 'no raw HTML in the Markdown');
      const blocks = md.split(/^\$\$$/m);
      assert.equal(blocks.length % 2, 1, 'math blocks are closed');
      for (let i = 1; i < blocks.length; i += 2) assert.ok(texGroupsBalance(blocks[i] ?? ''), blocks[i]);

      const latex = renderLatex(r.value);
      const body = latex.slice(latex.indexOf('\\begin{document}'));
      assert.ok(texGroupsBalance(body));
      assert.doesNotMatch(body, /\\(href|def|input|include|write|immediate|catcode|url)\b/);
    }),
    { numRuns: 25 },
  );
});
