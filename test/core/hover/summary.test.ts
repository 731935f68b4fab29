/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summariseValues } from '../../../src/core/hover';

const summary = (values: number[], shape: number[] = [values.length]) => summariseValues(Float64Array.from(values), shape);

test('0/1 values look like targets, values in [0, 1] like probabilities, others like logits', () => {
  assert.equal(summary([1, 0, 1]).looksLike, 'zero-one');
  assert.equal(summary([0.8, 0.3, 1]).looksLike, 'probabilities');
  assert.equal(summary([0, 1, 0.5]).looksLike, 'probabilities');
  assert.equal(summary([2, -1, 3]).looksLike, 'logits');
  assert.equal(summary([0.5, 1.0000001]).looksLike, 'logits');
  assert.equal(summary([-0.0001, 0.5]).looksLike, 'logits');
});

test('min and max over the finite values; NaN and infinities are counted apart', () => {
  const s = summary([0.5, NaN, -Infinity, 0.25, Infinity, 0.75]);
  assert.equal(s.min, 0.25);
  assert.equal(s.max, 0.75);
  assert.equal(s.nonFinite, 3);
  assert.equal(s.count, 6);
  assert.equal(s.looksLike, 'probabilities');
});

test('empty or nothing finite: unknown, min and max NaN', () => {
  for (const values of [[], [NaN, Infinity]]) {
    const s = summary(values);
    assert.equal(s.looksLike, 'unknown');
    assert.ok(Number.isNaN(s.min) && Number.isNaN(s.max));
  }
});

test('the shape is kept as given', () => {
  assert.deepEqual(summary([1, 0, 0, 1], [2, 2]).shape, [2, 2]);
});
