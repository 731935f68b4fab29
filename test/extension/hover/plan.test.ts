/// <reference types="mocha" />
// What a hover shows at a position, decided without vscode. Pure: runs in the workbench and in
// Node (mocha through tsx). Losses are golden values from loss-semantics.md.
import assert from 'node:assert/strict';
import { hoverWalkthrough, pairAsSingle, planHover, type HoverPlan, type HoverRequest } from '../../../src/extension/hover/plan';
import type { EffectiveOptions } from '../../../src/extension/walkthrough/explain';
import { inputError } from '../../../src/core/errors';

const PYTORCH: EffectiveOptions = { preset: 'pytorch', inputKind: 'auto', reduction: 'mean', logBase: 'e', precision: 6 };
const ARTICLE = '# The article\nlabels = [car, cat, dog]\ntargets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]\n';

function plan(text: string, line: number, needle: string, request: Partial<HoverRequest> = {}): HoverPlan | null {
  const all = text.split('\n');
  const character = (all[line] ?? '').indexOf(needle);
  assert.ok(character >= 0, `fixture: '${needle}' not on line ${line}`);
  return planHover({ lineCount: all.length, lineText: (i) => all[i] ?? '' }, { line, character, wholeCell: false, inputKind: 'auto', ...request });
}

function loss(p: HoverPlan | null): number {
  assert.equal(p?.kind, 'pair');
  if (p?.kind !== 'pair') return NaN;
  const w = hoverWalkthrough(p, PYTORCH);
  assert.ok(w.ok);
  return w.value.result.loss;
}

describe('hover: what it shows where', () => {
  it("on the article's targets: the pair, its range in the document, the paragraph it read", () => {
    const p = plan(ARTICLE, 2, '0,');
    assert.equal(loss(p).toFixed(6), '0.228393');
    assert.ok(p?.kind === 'pair');
    assert.equal(p.analysis.side, 'targets');
    assert.deepEqual(p.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 19 } });
    assert.deepEqual(p.source.spans, [{ startLine: 0, endLine: 3 }]);
  });

  it("builds none of the walkthrough's sections the hover does not show, and a table of 10 rows", () => {
    const targets = Array.from({ length: 12 }, (_, i) => String(i % 2));
    const predictions = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? '0.2' : '0.7'));
    const p = plan(`targets = [${targets.join(', ')}]\npredictions = [${predictions.join(', ')}]`, 1, '0.7');
    assert.ok(p?.kind === 'pair');
    const w = hoverWalkthrough(p, PYTORCH);
    assert.ok(w.ok);
    assert.equal(w.value.elementCount, 12);
    assert.equal(w.value.table.length, 10);
    assert.deepEqual(w.value.derivations, []);
    assert.equal(w.value.frameworks, undefined);
    assert.equal(w.value.whyBce, undefined);
  });

  it('nothing on a comment, on a name, on the label words, on a blank line', () => {
    assert.equal(plan(ARTICLE, 0, 'article'), null);
    assert.equal(plan(ARTICLE, 2, 'targets'), null);
    assert.equal(plan(ARTICLE, 1, 'cat'), null);
    assert.equal(plan(ARTICLE, 4, ''), null);
  });

  it('a named partner one paragraph away is found; the source holds both paragraphs', () => {
    const text = 'targets = [1, 0, 1]\n\n# what the model said\n\npredictions = [0.8, 0.3, 0.9]';
    const p = plan(text, 4, '0.3');
    assert.equal(loss(p).toFixed(6), '0.228393');
    assert.ok(p?.kind === 'pair');
    assert.equal(p.analysis.side, 'predictions');
    assert.deepEqual(p.source.spans, [
      { startLine: 0, endLine: 0 },
      { startLine: 4, endLine: 4 },
    ]);
    assert.deepEqual(p.range.start, { line: 4, character: 14 });
  });

  it('unnamed arrays in different paragraphs are not paired', () => {
    const p = plan('a = [1, 0, 1]\n\nb = [0.8, 0.3, 0.9]', 0, '0');
    assert.equal(p?.kind, 'single');
  });

  it('a notebook cell is one unit, blank lines and all', () => {
    const cell = 'a = [1, 0, 1]\n\nb = [0.8, 0.3, 0.9]';
    assert.equal(loss(plan(cell, 2, '0.3', { wholeCell: true })).toFixed(6), '0.228393');
  });

  it('a 100,000-number array on one line is read; its pair gives the loss', () => {
    const n = 100_000;
    const targets = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? '1' : '0')).join(', ');
    // Every element: y = 1 with p = 0.8, or y = 0 with p = 0.2: each loss is −ln 0.8 = 0.22314355
    // (PyTorch computes in float32, so 6 digits).
    const predictions = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? '0.8' : '0.2')).join(', ');
    const text = `targets = [${targets}]\npredictions = [${predictions}]`;
    const p = plan(text, 1, '0.2');
    assert.equal(loss(p).toFixed(6), '0.223144');
    assert.ok(p?.kind === 'pair');
    assert.equal(p.analysis.parsed.predictions.values.length, n);
  });

  it('a line too long to read: a notice inside brackets, nothing outside them', () => {
    const limits = { linesAround: 50, maxLineChars: 1000, maxWindowChars: 10_000 };
    const line = `targets = [${Array.from({ length: 400 }, () => '1').join(', ')}]`;
    const inside = plan(line, 0, '1', { limits });
    assert.equal(inside?.kind, 'notice');
    assert.match(inside?.kind === 'notice' ? inside.message : '', /too long to preview \(1,210 characters; a hover reads lines of up to 1,000\)/);
    assert.equal(plan(line, 0, 'targets', { limits }), null);
  });

  it('an array that runs past the lines a hover reads: a notice saying so', () => {
    const text = ['predictions = [', ...Array.from({ length: 120 }, () => '  0.5,'), ']', 'targets = [1]'].join('\n');
    const p = plan(text, 100, '0.5');
    assert.equal(p?.kind, 'notice');
    assert.match(p?.kind === 'notice' ? p.message : '', /runs past the 50 lines/);
  });

  it('more numbers than the parser takes: its message, not a freeze', function () {
    this.timeout(60_000);
    const half = Array.from({ length: 550_000 }, () => '0').join(',');
    const text = `t = [${half},\n${half}]`;
    const p = plan(text, 0, '0');
    assert.equal(p?.kind, 'notice');
    assert.match(p?.kind === 'notice' ? p.message : '', /1,000,000|1000000/);
  });

  it('a pair the preset refuses is shown as the hovered array alone, with the reason', () => {
    const p = plan(ARTICLE, 3, '0.3');
    assert.ok(p?.kind === 'pair');
    const single = pairAsSingle(p, { ok: false, error: inputError('bad-option', 'Refused.', undefined, 'Try another preset.') });
    assert.equal(single?.analysis.summary.count, 3);
    assert.equal(single?.analysis.summary.max, 0.9);
    assert.deepEqual(single?.analysis.problem, { code: 'bad-option', message: 'Refused.', suggestion: 'Try another preset.' });
    assert.equal(pairAsSingle(p, hoverWalkthrough(p, PYTORCH)), null);
  });
});
