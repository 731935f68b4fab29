// Bad options and bad numbers come back as clear InputErrors: what, where, what was probably meant.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeLoss } from '../../../src/core/loss/index';
import type { LossOptions } from '../../../src/core/types';
import { BASE_OPTIONS, f64, lossError } from './helpers';

const Y = [1, 0, 1];
const P = [0.8, 0.3, 0.9];

describe('option errors', () => {
  it('an unknown preset, reduction, input, base or dtype names the allowed values', () => {
    const bad: readonly [keyof LossOptions, string, string][] = [
      ['preset', 'torch', "'pytorch'"],
      ['reduction', 'avg', "'mean'"],
      ['input', 'logit', "'logits'"],
      ['logBase', '3', "'10'"],
      ['dtype', 'float16', "'float32'"],
    ];
    for (const [key, value, allowed] of bad) {
      const e = lossError(Y, P, { [key]: value } as Partial<LossOptions>);
      assert.equal(e.code, 'bad-option', key);
      assert.match(e.message, new RegExp(value), key);
      assert.ok(e.message.includes(allowed), `${key}: ${e.message}`);
    }
  });

  it('label smoothing outside [0, 1] or not a number', () => {
    for (const ls of [1.5, -0.1, NaN]) {
      const e = lossError(Y, P, { labelSmoothing: ls });
      assert.equal(e.code, 'bad-option');
      assert.match(e.message, /from 0 to 1/);
    }
    assert.match(lossError(Y, P, { labelSmoothing: 10 }).suggestion ?? '', /0\.1/);
  });

  it('a weight that does not broadcast says which lengths would', () => {
    const e = lossError([1, 0, 1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], { weight: [1, 2] }, [2, 3]);
    assert.equal(e.code, 'bad-option');
    assert.match(e.message, /2 values/);
    assert.match(e.message, /1, 3 \(one per label\) or 6 \(one per element\)/);
  });

  it('negative or non-finite weights', () => {
    assert.match(lossError(Y, P, { weight: [1, -1, 1] }).message, /position 1 is -1/);
    assert.match(lossError(Y, P, { weight: [1, Infinity, 1] }).message, /Infinity/);
  });

  it('pos_weight with probabilities, and with a framework that has none', () => {
    const probs = lossError(Y, P, { posWeight: [2, 2, 2] });
    assert.equal(probs.code, 'bad-option');
    assert.match(probs.message, /only for logits/);
    assert.match(probs.suggestion ?? '', /logits/);
    const keras = lossError(Y, [1, 2, 3], { preset: 'keras', input: 'logits', posWeight: [2, 2, 2] });
    assert.match(keras.message, /Keras 3 has no pos_weight/);
    assert.equal(lossError(Y, [1, 2, 3], { input: 'logits', posWeight: [2, 2] }).code, 'bad-option');
  });

  it('all-zero weights where the mean divides by the weights', () => {
    for (const preset of ['sklearn', 'tfjs'] as const) {
      assert.match(lossError(Y, P, { preset, weight: [0, 0, 0] }).message, /divides by zero/, preset);
    }
  });
});

describe('shape errors', () => {
  it('different numbers of targets and predictions', () => {
    const e = lossError([1, 0, 1], [0.5, 0.5], {}, [3]);
    assert.equal(e.code, 'shape-mismatch');
    assert.match(e.message, /3 targets but 2 predictions/);
  });

  it('a shape that does not fit the numbers, or has three axes', () => {
    assert.equal(lossError(Y, P, {}, [2, 2]).code, 'shape-mismatch');
    assert.equal(lossError(Y, P, {}, [1, 1, 3]).code, 'shape-mismatch');
    assert.equal(lossError(Y, P, {}, [0]).code, 'shape-mismatch');
  });

  it('empty input', () => {
    const r = computeLoss(new Float64Array(0), new Float64Array(0), [0], BASE_OPTIONS);
    assert.ok(!r.ok);
    assert.match(r.error.message, /empty/);
  });

  it('label names that do not match the columns', () => {
    const e = lossError(Y, P, {}, [3], ['car', 'cat']);
    assert.equal(e.code, 'shape-mismatch');
    assert.match(e.message, /2 label names for 3 columns/);
  });
});

describe('value errors', () => {
  it('a probability above 1 says where, and suggests logits', () => {
    const e = lossError([1, 0, 1, 0], [0.5, 0.2, 1.7, 0.1], {}, [2, 2]);
    assert.equal(e.code, 'prediction-out-of-range');
    assert.match(e.message, /\[1, 0\] is 1\.7/);
    assert.match(e.suggestion ?? '', /logits/);
  });

  it('the same numbers are fine as logits', () => {
    assert.ok(computeLoss(f64([1, 0]), f64([1.7, -3]), [2], { ...BASE_OPTIONS, input: 'logits' }).ok);
  });

  it('a target outside [0, 1]', () => {
    const e = lossError([1, 2, 0], P);
    assert.equal(e.code, 'target-out-of-range');
    assert.match(e.message, /\[1\] is 2/);
  });

  it('NaN and infinite values', () => {
    assert.equal(lossError([1, NaN, 0], P).code, 'not-finite');
    assert.equal(lossError(Y, [0.5, NaN, 0.5]).code, 'not-finite');
    const e = lossError(Y, [1, Infinity, 2], { input: 'logits' });
    assert.equal(e.code, 'not-finite');
    assert.match(e.message, /\[1\] is Infinity/);
  });

  it('the first bad value is reported, even in a long input', () => {
    const n = 10_000;
    const targets = new Float64Array(n).fill(1);
    const preds = new Float64Array(n).fill(0.5);
    preds[7_777] = -0.25;
    preds[9_000] = 3;
    const r = computeLoss(targets, preds, [n], BASE_OPTIONS);
    assert.ok(!r.ok);
    assert.match(r.error.message, /\[7777\] is -0\.25/);
  });
});
