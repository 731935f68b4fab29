/// <reference types="mocha" />
// Which lines the command reads when nothing is selected. The parser is replaced by a stand-in
// that succeeds once both names are in the text, so each expectation is a line span by hand.
import assert from 'node:assert/strict';
import { locateAroundCursor, searchWindow, type LineSpan } from '../../../src/extension/walkthrough/locateInput';
import type { InputErrorCode, Result } from '../../../src/core/types';

function source(text: string) {
  const lines = text.split('\n');
  return { lineCount: lines.length, lineText: (i: number) => lines[i]! };
}

function fail(code: InputErrorCode): Result<LineSpan> {
  return { ok: false, error: { kind: 'input-error', code, message: code } };
}

/** Succeeds when the span holds both `targets` and `predictions`; `one-array` when only one. */
function standIn(text: string, tried: LineSpan[] = []) {
  const lines = text.split('\n');
  return (span: LineSpan): Result<LineSpan> => {
    tried.push(span);
    const chunk = lines.slice(span.startLine, span.endLine + 1).join('\n');
    const count = Number(chunk.includes('targets')) + Number(chunk.includes('predictions'));
    if (chunk.includes('BAD')) return fail('prediction-out-of-range');
    return count === 2 ? { ok: true, value: span } : fail(count === 1 ? 'one-array' : 'no-arrays');
  };
}

describe('locating the arrays around the cursor', () => {
  it('takes the paragraph the cursor is in', () => {
    const text = 'import x\n\ntargets = [1]\npredictions = [0.5]\n\nprint(x)';
    const found = locateAroundCursor(source(text), 2, standIn(text));
    assert.deepEqual(found.span, { startLine: 2, endLine: 3 });
    assert.equal(found.result.ok, true);
  });

  it('widens to the next paragraph when an array is missing', () => {
    const text = 'targets = [1]\n\npredictions = [0.5]\n\nother = 1';
    const tried: LineSpan[] = [];
    const found = locateAroundCursor(source(text), 0, standIn(text, tried));
    assert.deepEqual(found.span, { startLine: 0, endLine: 2 });
    assert.deepEqual(tried, [{ startLine: 0, endLine: 0 }, { startLine: 0, endLine: 2 }]);
  });

  it('does not widen past an error that more text cannot cure', () => {
    const text = 'targets = [1]\npredictions = [BAD]\n\ntargets = [1]\npredictions = [0.5]';
    const tried: LineSpan[] = [];
    const found = locateAroundCursor(source(text), 1, standIn(text, tried));
    assert.equal(found.result.ok, false);
    assert.deepEqual(tried, [{ startLine: 0, endLine: 1 }]);
  });

  it('from a blank line, starts at the nearest paragraph', () => {
    const text = 'a = 1\n\n\n\ntargets = [1]\npredictions = [0.5]';
    const found = locateAroundCursor(source(text), 3, standIn(text));
    assert.deepEqual(found.span, { startLine: 4, endLine: 5 });
  });

  it('ends when no paragraph holds the arrays, with blank lines between the paragraphs and at the end', () => {
    // Once hung the extension host: widening from a paragraph picked, across a blank line, the
    // same paragraph again.
    for (const text of ['criterion = nn.BCELoss()\n\nloss = criterion(outputs, labels)\n', 'a = 1\n\n\nb = 2\n\n', '\n\nx = 1\n\n']) {
      const lines = text.split('\n');
      for (let cursor = 0; cursor < lines.length; cursor++) {
        const tried: LineSpan[] = [];
        const found = locateAroundCursor(source(text), cursor, standIn(text, tried));
        assert.equal(found.result.ok, false);
        assert.ok(tried.length <= lines.length, `${tried.length} spans tried for ${lines.length} lines`);
        assert.deepEqual(found.span, { startLine: 0, endLine: lines.length - 1 }, 'the whole (small) document was read before giving up');
      }
    }
  });

  it('never reads beyond the window around the cursor', () => {
    // targets on line 0, predictions on line 400: too far apart for a 200-line window.
    const lines = ['targets = [1]', ...Array.from({ length: 399 }, (_, i) => (i % 2 ? '' : `x${i} = 0`)), 'predictions = [0.5]'];
    const text = lines.join('\n');
    const tried: LineSpan[] = [];
    const found = locateAroundCursor(source(text), 0, standIn(text, tried));
    assert.equal(found.result.ok, false);
    for (const span of tried) assert.ok(span.endLine <= 199, `read up to line ${span.endLine}`);
  });

  it('the window is centred on the cursor and stays inside the document', () => {
    assert.deepEqual(searchWindow(1000, 500, 200), { startLine: 400, endLine: 599 });
    assert.deepEqual(searchWindow(1000, 10, 200), { startLine: 0, endLine: 199 });
    assert.deepEqual(searchWindow(1000, 995, 200), { startLine: 800, endLine: 999 });
    assert.deepEqual(searchWindow(5, 2, 200), { startLine: 0, endLine: 4 });
  });
});
