// The sentences that come with a result name the rule, the safeguard, the unit and the dtype.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loss } from './helpers';

const Y = [1, 0, 1];
const P = [0.8, 0.3, 0.9];
const has = (notes: readonly string[], pattern: RegExp) =>
  assert.ok(notes.some((n) => pattern.test(n)), `no note matches ${pattern}:\n${notes.join('\n')}`);
const lacks = (notes: readonly string[], pattern: RegExp) =>
  assert.ok(!notes.some((n) => pattern.test(n)), `a note matches ${pattern}:\n${notes.join('\n')}`);

describe('loss notes', () => {
  it('name the framework call and its safeguard', () => {
    has(loss(Y, P).notes, /torch\.nn\.BCELoss.*-100/);
    has(loss(Y, P, { preset: 'keras' }).notes, /clipped to \[ε, 1 - ε\]/);
    has(loss(Y, P, { preset: 'sklearn' }).notes, /machine epsilon/);
  });

  it('say which call a PyTorch user makes when preset and input disagree', () => {
    has(loss(Y, [2, -1, 3], { input: 'logits' }).notes, /BCEWithLogitsLoss/);
    has(loss(Y, P, { preset: 'pytorch-logits' }).notes, /BCELoss/);
    has(loss(Y, [2, -1, 3], { preset: 'sklearn', input: 'logits' }).notes, /expit/);
  });

  it('count the elements a safeguard changed, and only then', () => {
    has(loss([1, 0], [0, 1]).notes, /2 of 2 elements were changed by the clamp/);
    has(loss([1, 1], [0, 0.5], { preset: 'keras' }).notes, /1 of 2 elements was clipped/);
    lacks(loss(Y, P).notes, /clamp:/);
  });

  it('explain an infinite exact loss', () => {
    has(loss([1], [0], { preset: 'exact' }).notes, /infinite.*ln 0/);
  });

  it('give the unit and ln b for base 2 and 10, nothing for base e', () => {
    has(loss(Y, P, { logBase: '10' }).notes, /divided by ln 10 = 2\.302585/);
    has(loss(Y, P, { logBase: '2' }).notes, /bits.*ln 2 = 0\.6931472/);
    lacks(loss(Y, P).notes, /divided by ln/);
  });

  it('say when the dtype is not the framework default', () => {
    has(loss(Y, P, { preset: 'keras', dtype: 'float32' }).notes, /float32, as Keras 3 does by default/);
    has(loss(Y, P, { preset: 'keras', dtype: 'float64' }).notes, /computes in float32 by default/);
    has(loss(Y, P, { preset: 'tfjs', dtype: 'float64' }).notes, /float32 only/);
    lacks(loss(Y, P, { preset: 'sklearn', dtype: 'float64' }).notes, /float/);
  });

  it('give the label smoothing rule and whose rule it is', () => {
    has(loss(Y, P, { labelSmoothing: 0.1 }).notes, /Keras's rule; PyTorch has no such option.*1 becomes 0\.95 and 0 becomes 0\.05/);
    lacks(loss(Y, P, { preset: 'keras', labelSmoothing: 0.1 }).notes, /no such option/);
  });

  it('explain Keras sums and how weights map', () => {
    has(loss([1, 0, 1, 0], [0.8, 0.3, 0.9, 0.6], { preset: 'keras', reduction: 'sum' }, [2, 2]).notes, /adds the 2 per-sample means/);
    has(loss(Y, P, { preset: 'keras', weight: [1, 2, 3] }).notes, /sample_weight/);
    has(loss(Y, P, { preset: 'tfjs', weight: [1, 0, 3] }).notes, /non-zero weights, 2/);
  });

  it('warn what scikit-learn itself would refuse', () => {
    has(loss([1, 0.5], [0.8, 0.3], { preset: 'sklearn' }).notes, /rejects soft targets/);
    has(loss([1, 1], [0.8, 0.3], { preset: 'sklearn' }).notes, /labels=\[0, 1\]/);
    lacks(loss(Y, P, { preset: 'sklearn' }).notes, /labels=|soft/);
  });
});
