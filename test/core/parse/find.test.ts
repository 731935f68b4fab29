/// <reference types="node" />
// findArrays: one array alone (for a hover), with its name, role and range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findArrays, parseInput } from '../../../src/core/parse';
import { at } from './helpers';

test('a single array is reported with its name, role and range where parseInput says one-array', () => {
  const text = 'y_pred = torch.tensor([0.8, 0.3, 0.9], dtype=torch.float32)';
  const single = parseInput(text);
  assert.ok(!single.ok && single.error.code === 'one-array');
  const found = findArrays(text);
  assert.ok(found.ok);
  assert.equal(found.value.length, 1);
  const array = found.value[0];
  assert.ok(array !== undefined);
  assert.equal(array.name, 'y_pred');
  assert.equal(array.role, 'predictions');
  assert.equal(array.roleStrength, 3);
  assert.equal(array.content, 'numbers');
  assert.equal(array.problem, null);
  assert.equal(at(text, array.range), text.slice(0, text.length).replace('y_pred = ', ''));
  assert.deepEqual(Array.from(array.values), [0.8, 0.3, 0.9]);
  assert.deepEqual(array.valueRanges.map((r) => at(text, r)), ['0.8', '0.3', '0.9']);
  assert.deepEqual(Array.from(array.valueStarts), [23, 28, 33]);
});

test('every array, in order, with label words and problems kept on the array', () => {
  const text = 'labels = [car, cat, dog]\ntargets = [[1, 0, 1], [0, 1]]\nz = [1, 2]';
  const found = findArrays(text);
  assert.ok(found.ok);
  assert.deepEqual(
    found.value.map((a) => [a.name, a.role, a.content, a.problem?.code ?? null]),
    [
      ['labels', 'labels', 'words', null],
      ['targets', 'targets', 'numbers', 'ragged'],
      ['z', 'logits', 'numbers', null],
    ],
  );
  assert.deepEqual(found.value[0]?.words, ['car', 'cat', 'dog']);
});

test('roles from a known call carry their reason', () => {
  const found = findArrays('F.binary_cross_entropy([0.8, 0.3], [1, 0])');
  assert.ok(found.ok);
  assert.deepEqual(
    found.value.map((a) => [a.role, a.roleStrength, a.roleReason]),
    [
      ['predictions', 2, 'the first argument of binary_cross_entropy'],
      ['targets', 2, 'the second argument of binary_cross_entropy'],
    ],
  );
});

test('findArrays fails only for text-wide problems', () => {
  const unbalanced = findArrays('[1, 2');
  assert.ok(!unbalanced.ok && unbalanced.error.code === 'unbalanced-brackets');
  const limit = findArrays('[1, 2, 3]', { maxNumbers: 2 });
  assert.ok(!limit.ok && limit.error.code === 'too-many-numbers');
  const empty = findArrays('no arrays here');
  assert.ok(empty.ok && empty.value.length === 0);
});

test('several long arrays in one text each keep their own numbers and positions', () => {
  // Lengths around the scanner's buffer sizes (1024, 2048, 4096): some arrays fill a grown buffer, some do not.
  const lengths = [1500, 3000, 700, 2049, 5];
  const lines = lengths.map((n, a) => `a${a} = [${Array.from({ length: n }, (_, i) => String(a * 10_000 + i)).join(', ')}]`);
  const text = lines.join('\n');
  const found = findArrays(text);
  assert.ok(found.ok);
  assert.equal(found.value.length, lengths.length);
  lengths.forEach((n, a) => {
    const array = found.value[a];
    assert.ok(array);
    assert.equal(array.values.length, n);
    assert.equal(array.values[0], a * 10_000);
    assert.equal(array.values[n - 1], a * 10_000 + n - 1);
    const last = array.valueRanges[n - 1];
    assert.ok(last);
    assert.equal(text.slice(last.start, last.end), String(a * 10_000 + n - 1));
  });
});
