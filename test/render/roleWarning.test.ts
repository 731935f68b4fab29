/// <reference types="node" />
// A pair that looks swapped: every writer shows the parser's warning up front, the panel's
// fragment adds a swap button (and, after a swap, a button to undo it), a saved page does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWalkthrough } from '../../src/core/derivation';
import { parseInput } from '../../src/core/parse';
import { toJsonReport } from '../../src/core/report';
import type { ParseOptions, Walkthrough } from '../../src/core/types';
import { getMathRenderer, renderHtmlFragment, renderHtmlPage, renderLatex, renderMarkdown } from '../../src/render';
import { pairHoverMarkdown } from '../../src/render/hover';
import { renderText } from '../../src/render/text';

const LOOKS_SWAPPED = 'targets = [0.8, 0.3, 0.9]\npredictions = [1, 0, 1]';
const ARTICLE = 'targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]';
const WARNING = 'The targets and the predictions look swapped';

function walkthrough(text: string, options?: ParseOptions): Walkthrough {
  const parsed = parseInput(text, options);
  if (!parsed.ok) assert.fail(parsed.error.message);
  const w = buildWalkthrough(parsed.value, { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' }, { compareFrameworks: false });
  if (!w.ok) assert.fail(w.error.message);
  return w.value;
}

test('every writer shows the warning before the table, marked as a warning', async () => {
  const w = walkthrough(LOOKS_SWAPPED);
  const math = await getMathRenderer();
  const html = renderHtmlFragment(w, math);
  const markdown = renderMarkdown(w);
  const latex = renderLatex(w);
  const text = renderText(w);
  const hover = pairHoverMarkdown(w, null, null);
  for (const [name, out, marker, table] of [
    ['html', html, '<div class="lw-warning" role="alert"><p><strong>Warning:</strong> The targets', 'lw-inputs'],
    ['markdown', markdown, '> **Warning:** The targets', '| \\#'],
    ['latex', latex, '\\begin{quote}\\textbf{Warning:} The targets', '\\begin{longtable}'],
    ['text', text, '\nWarning: The targets', 'Target y'],
    ['hover', hover, '**Warning:** The targets', '| #'],
  ] as const) {
    const at = out.indexOf(marker);
    assert.ok(at >= 0, `${name} has the warning: ${out.slice(0, 600)}`);
    const tableAt = out.indexOf(table);
    assert.ok(tableAt >= 0 && at < tableAt, `${name}: the warning comes before the table`);
  }
  assert.match(html, /0\.228393 instead of 20/);
  assert.deepEqual(toJsonReport(w).warnings, [w.parsed.roleWarning?.message]);
  // The notes at the end do not repeat it.
  assert.equal(markdown.split(WARNING).length - 1, 1);
});

test('without a warning, no writer says one', async () => {
  const w = walkthrough(ARTICLE);
  const math = await getMathRenderer();
  for (const out of [renderHtmlFragment(w, math, { swapButton: true }), renderMarkdown(w), renderLatex(w), renderText(w), pairHoverMarkdown(w, null, null)]) {
    assert.doesNotMatch(out, /Warning:|look swapped|lw-swap/);
  }
  assert.equal(toJsonReport(w).warnings, undefined);
});

test('the panel fragment has the swap button under the warning; a saved page has none', async () => {
  const math = await getMathRenderer();
  const w = walkthrough(LOOKS_SWAPPED);
  const panel = renderHtmlFragment(w, math, { swapButton: true });
  const warning = panel.slice(panel.indexOf('<div class="lw-warning"'), panel.indexOf('</div>', panel.indexOf('<div class="lw-warning"')));
  assert.match(warning, /<button type="button" class="lw-swap" data-message="swapRoles">Swap targets and predictions<\/button>/);
  assert.doesNotMatch(renderHtmlPage(w, math), /data-message="swapRoles"/);
  assert.match(renderHtmlPage(w, math), /look swapped/);
});

test('after a swap without a warning, the panel offers to undo it', async () => {
  const math = await getMathRenderer();
  const swapped = walkthrough(LOOKS_SWAPPED, { swapRoles: true });
  assert.equal(swapped.parsed.rolesSwapped, true);
  const panel = renderHtmlFragment(swapped, math, { swapButton: true });
  assert.doesNotMatch(panel, /lw-warning/);
  assert.match(panel, /<p class="lw-swap-row"><button type="button" class="lw-swap" data-message="swapRoles">Undo the swap<\/button><\/p>/);
  assert.match(panel, /swapped, as asked/);
});
