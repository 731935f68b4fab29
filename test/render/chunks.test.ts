/// <reference types="node" />
// Each writer streams: given an extent past what the walkthrough built, it derives the further
// elements and rows as it reaches them, and writes exactly what it would have written had the
// walkthrough built them all. Checked on 1-D input, a labelled batch and logits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWalkthrough } from '../../src/core/derivation';
import { parseInput } from '../../src/core/parse';
import type { Walkthrough, WalkthroughOptions } from '../../src/core/types';
import { getMathRenderer, htmlFragmentChunks, htmlPageChunks, latexChunks, markdownChunks, renderHtmlFragment, renderHtmlPage, renderLatex, renderMarkdown } from '../../src/render';
import { joinChunks } from '../../src/render/chunks';
import { renderText, textChunks } from '../../src/render/text';

const INPUTS: Record<string, string> = {
  '1-D': `targets = [${Array.from({ length: 12 }, (_, i) => i % 2).join(', ')}]\npredictions = [${Array.from({ length: 12 }, (_, i) => (i + 1) / 13).join(', ')}]`,
  batch: 'labels = [cat, dog, car]\ntargets = [[1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 1]]\npredictions = [[0.8, 0.3, 0.9], [0.2, 0.7, 0.4], [0.6, 0.9, 0.1], [0.3, 0.2, 0.99]]',
  logits: 'targets = [1, 0, 1, 0, 1, 0, 1]\nlogits = [2.5, -1, 0.3, 4, -3, 0, 1.5]',
};

function walkthrough(text: string, options: WalkthroughOptions): Walkthrough {
  const parsed = parseInput(text);
  if (!parsed.ok) assert.fail(parsed.error.message);
  const w = buildWalkthrough(parsed.value, { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' }, options);
  if (!w.ok) assert.fail(w.error.message);
  return w.value;
}

for (const [name, text] of Object.entries(INPUTS)) {
  test(`${name}: every writer, streamed past the built caps, writes what a walkthrough built that far gives`, async () => {
    const math = await getMathRenderer();
    const lean = walkthrough(text, { maxDerivations: 1, maxTableRows: 2 });
    for (const extent of [
      { derivations: 4, tableRows: 5 },
      { derivations: lean.elementCount, tableRows: lean.elementCount },
      { derivations: 0, tableRows: 0 },
    ]) {
      const built = walkthrough(text, { maxDerivations: extent.derivations, maxTableRows: extent.tableRows });
      const what = `${name}, ${extent.derivations} derivations, ${extent.tableRows} rows`;
      assert.equal(joinChunks(textChunks(lean, { extent })), renderText(built), `text: ${what}`);
      assert.equal(joinChunks(markdownChunks(lean, { extent })), renderMarkdown(built), `markdown: ${what}`);
      assert.equal(joinChunks(latexChunks(lean, { extent })), renderLatex(built), `latex: ${what}`);
      assert.equal(joinChunks(htmlFragmentChunks(lean, math, { extent })), renderHtmlFragment(built, math), `html fragment: ${what}`);
      assert.equal(joinChunks(htmlPageChunks(lean, math, { extent, title: 't' })), renderHtmlPage(built, math, { title: 't' }), `html page: ${what}`);
    }
  });
}

test('an extent past the element count is the element count', () => {
  const w = walkthrough(INPUTS['1-D']!, { maxDerivations: 0, maxTableRows: 0 });
  const all = joinChunks(markdownChunks(w, { extent: { derivations: Infinity, tableRows: Infinity } }));
  assert.equal(all, renderMarkdown(walkthrough(INPUTS['1-D']!, {})));
  assert.doesNotMatch(all, /shown for|The table shows the first/);
});

test('the text writer leaves no blank line or trailing space at the end, and ends with one newline', () => {
  const w = walkthrough(INPUTS.batch!, {});
  const text = joinChunks(textChunks(w));
  assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
  assert.equal(text, `${text.trimEnd()}\n`);
});
