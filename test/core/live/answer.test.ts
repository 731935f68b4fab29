/// <reference types="node" />
// Reading a fetch answer: the header, the size cap, the shapes the parser takes, dtype names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWalkthrough } from '../../../src/core/derivation';
import { compareWithProgram, computeDtype, dtypeName, nestedText, parseFetchAnswer } from '../../../src/core/live';
import { parseInput } from '../../../src/core/parse';

test('a 3-D tensor becomes rows of its last axis, values in the same order', () => {
  const answer = parseFetchAnswer("'LW1|torch.float32|2,2,2|8|[1.0, 0.0, 0.5, 0.25, 0.0, 1.0, 0.75, 0.125]|END'", 'y', 100);
  assert.ok(answer.ok && answer.value.kind === 'array');
  const text = nestedText(answer.value);
  assert.equal(text, '[[1.0, 0.0], [0.5, 0.25], [0.0, 1.0], [0.75, 0.125]]');
});

test('an answer cut short (no END marker) is refused with the reason, not parsed', () => {
  const cut = parseFetchAnswer("'LW1|float64|100000|100000|[0.1, 0.2, 0.3", 'p', 1_000_000);
  assert.ok(!cut.ok);
  assert.match(cut.error.message, /cut the values of p short/);
  const other = parseFetchAnswer('<tensor object at 0x7f>', 'p', 10);
  assert.ok(!other.ok);
  assert.match(other.error.message, /did not return the values of p/);
});

test('dtype names and the dtype the walkthrough computes in', () => {
  assert.equal(dtypeName('torch.bfloat16'), 'bfloat16');
  assert.equal(dtypeName("<dtype: 'float32'>"), 'float32');
  assert.equal(dtypeName('Float32Array'), 'Float32Array');
  assert.equal(computeDtype('torch.float64'), 'float64');
  assert.equal(computeDtype('Float64Array'), 'float64');
  assert.equal(computeDtype('list'), 'float64');
  assert.equal(computeDtype('torch.float16'), 'float32');
  assert.equal(computeDtype('Float32Array'), 'float32');
});

test("a program's per-sample vector (Keras binary_crossentropy on a batch) is compared with the per-sample losses", () => {
  const parsed = parseInput('targets = [[1, 0], [0, 1]]\npredictions = [[0.8, 0.3], [0.4, 0.9]]');
  assert.ok(parsed.ok);
  const built = buildWalkthrough(parsed.value, { preset: 'keras', reduction: 'mean', logBase: 'e', dtype: 'float64' });
  assert.ok(built.ok);
  // Keras: mean over the last axis of -[y ln p + (1-y) ln(1-p)], written out here by hand.
  const sample0 = -(Math.log(0.8) + Math.log(0.7)) / 2;
  const sample1 = -(Math.log(0.6) + Math.log(0.9)) / 2;
  const same = compareWithProgram({ values: [sample0, sample1], dtype: 'float64', expression: 'l' }, built.value, 6);
  assert.ok(same && !same.differs, same?.line);
  const other = compareWithProgram({ values: [sample0 * 2, sample1], dtype: 'float64', expression: 'l' }, built.value, 6);
  assert.ok(other?.differs);
  assert.ok(other.reason);
  assert.equal(compareWithProgram({ values: [1, 2, 3], dtype: 'float64', expression: 'l' }, built.value, 6), null, 'three values match no reduction of four elements');
});

test('an answer shortened in the middle, both ends kept, is refused: the count of values tells', () => {
  const middle = parseFetchAnswer("'LW1|float64|6|6|[0.1, 0.2'...'0.5, 0.6]|END'", 'p', 100);
  assert.ok(!middle.ok);
  assert.match(middle.error.message, /cut the values of p short/);
  const empty = parseFetchAnswer("'LW1|float64|0|0|[]|END'", 'p', 100);
  assert.ok(empty.ok);
});
