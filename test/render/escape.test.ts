/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, escapeMarkdown, escapeTex } from '../../src/render/escape';

test('escapeHtml escapes text and attribute specials', () => {
  assert.equal(escapeHtml(`<img src=x onerror="alert('1')">&`), '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
  assert.equal(escapeHtml('car'), 'car');
});

test('escapeTex keeps plain names in \\text and turns every TeX special into a printing macro', () => {
  assert.equal(escapeTex('car'), String.raw`\text{car}`);
  assert.equal(escapeTex(String.raw`\def\x{\x}\x`), String.raw`\backslash{}\text{def}\backslash{}\text{x}\{\backslash{}\text{x}\}\backslash{}\text{x}`);
  assert.equal(escapeTex('$$'), String.raw`\$\$`);
  assert.equal(escapeTex('}{'), String.raw`\}\{`);
  assert.equal(escapeTex('a_b^c~%#&'), String.raw`\text{a}\_\text{b}\hat{}\text{c}\sim{}\%\#\&`);
  assert.equal(escapeTex('<x>'), String.raw`\lt{}\text{x}\gt{}`);
  assert.equal(escapeTex('a\nb'), String.raw`\text{a b}`);
  assert.equal(escapeTex(''), '');
});

test('escapeTex shortens very long names (the table keeps them whole)', () => {
  const out = escapeTex('x'.repeat(500));
  assert.equal(out, `\\text{${'x'.repeat(59)}…}`);
});

test('escapeMarkdown leaves no raw HTML, emphasis, link, code or math syntax', () => {
  assert.equal(escapeMarkdown('<script>'), '&lt;script&gt;');
  assert.equal(escapeMarkdown('*a* _b_ `c` [d](e) $f$ |'), String.raw`\*a\* \_b\_ \`c\` \[d\](e) \$f\$ \|`);
  assert.equal(escapeMarkdown('0.5 - x'), '0.5 - x', 'plain numbers stay readable');
  assert.equal(escapeMarkdown('1. item'), String.raw`1\. item`);
  assert.equal(escapeMarkdown('- item'), String.raw`\- item`);
  assert.equal(escapeMarkdown('-0.5'), '-0.5');
  assert.equal(escapeMarkdown('&amp;'), '&amp;amp;');
  assert.equal(escapeMarkdown('a\nb'), 'a b');
  assert.equal(escapeMarkdown('car'), 'car');
});
