/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valueRange, withValueRanges } from '../../../src/core/parse/ranges';

test('valueRanges is built on first read, then a plain enumerable data property', () => {
  const positions = { valueStarts: Int32Array.from([0, 5]), valueEnds: Int32Array.from([3, 9]) };
  const target = withValueRanges({ name: 'p' }, positions);
  assert.deepEqual(Object.keys(target), ['name', 'valueRanges']);
  const first = target.valueRanges;
  assert.deepEqual(first, [
    { start: 0, end: 3 },
    { start: 5, end: 9 },
  ]);
  assert.equal(target.valueRanges, first, 'the same array on every read');
  const descriptor = Object.getOwnPropertyDescriptor(target, 'valueRanges');
  assert.ok(descriptor !== undefined && 'value' in descriptor && descriptor.enumerable === true);
  assert.deepEqual(valueRange(positions, 1), { start: 5, end: 9 });
});

test('JSON sees the ranges without anyone having read them first', () => {
  const target = withValueRanges({}, { valueStarts: Int32Array.from([2]), valueEnds: Int32Array.from([4]) });
  assert.equal(JSON.stringify(target), '{"valueRanges":[{"start":2,"end":4}]}');
});

test('a frozen object still answers valueRanges', () => {
  const target = Object.freeze(withValueRanges({}, { valueStarts: Int32Array.from([1]), valueEnds: Int32Array.from([2]) }));
  assert.deepEqual(target.valueRanges, [{ start: 1, end: 2 }]);
  assert.equal(target.valueRanges, target.valueRanges);
});
