/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describePosition, elementLabel, formatShape, lineColumn, quoteText } from '../../../src/core/parse/text';

test('quoted user text is cut to about 40 characters, on one line', () => {
  assert.equal(quoteText('short'), 'short');
  assert.equal(quoteText('a\n  b'), 'a b');
  const long = quoteText('x'.repeat(100));
  assert.equal(long.length, 40);
  assert.ok(long.endsWith('…'));
  // A surrogate pair is never split.
  const emoji = quoteText('x'.repeat(37) + '🐱🐱🐱');
  assert.ok(!/[\ud800-\udbff]…$/.test(emoji), emoji);
});

test('line and column are 1-based', () => {
  const text = 'ab\ncd\n\nef';
  assert.deepEqual(lineColumn(text, 0), { line: 1, column: 1 });
  assert.deepEqual(lineColumn(text, 4), { line: 2, column: 2 });
  assert.deepEqual(lineColumn(text, 7), { line: 4, column: 1 });
  assert.deepEqual(lineColumn(text, 8), { line: 4, column: 2 });
  assert.equal(describePosition(text, 3), 'line 2, column 1');
});

test('element labels: a plain index for 1-D, [row, col] for 2-D', () => {
  assert.equal(elementLabel('Prediction', [3], 1), 'Prediction at index 1');
  assert.equal(elementLabel('Target', [2, 3], 4), 'Target at index [1, 1]');
  assert.equal(formatShape([2, 3]), '[2, 3]');
});
