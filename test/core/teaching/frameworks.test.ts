/// <reference types="node" />
// Golden values from /work/shared/reference/loss-semantics.md; the others are worked out here
// from the definitions with Math.log, never taken from the code under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareFrameworks, relativeDifference, type ComparisonOptions } from '../../../src/core/teaching';
import type { FrameworkComparison, FrameworkRow, Preset } from '../../../src/core/types';
import { fixture } from '../derivation/parsed-fixture';

const MEAN: ComparisonOptions = { reduction: 'mean', logBase: 'e' };

function compare(source: string, options: Partial<ComparisonOptions> = {}, inputKind: 'probabilities' | 'logits' = 'probabilities'): FrameworkComparison {
  return compareFrameworks(fixture(source, { inputKind, predictionsName: inputKind === 'logits' ? 'logits' : 'predictions' }), { ...MEAN, ...options });
}

function row(c: FrameworkComparison, preset: Preset): FrameworkRow {
  const r = c.rows.find((x) => x.preset === preset);
  if (!r) assert.fail(`no row for ${preset}`);
  return r;
}

/** Equal to the reference's printed digits: within half a unit of its last digit. */
function close(actual: number, expected: number, digits: number): void {
  const tolerance = 0.5 * 10 ** -digits;
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected} to ${digits} decimals`);
}

test('rows come in a fixed order, each in its framework default dtype', () => {
  const c = compare('targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]');
  assert.deepEqual(
    c.rows.map((r) => [r.preset, r.dtype]),
    [
      ['pytorch', 'float32'],
      ['keras', 'float32'],
      ['tf-keras', 'float32'],
      ['sklearn', 'float64'],
      ['tfjs', 'float32'],
    ],
  );
});

test('p = 0, y = 1: PyTorch 100, Keras 3 16.118096, tf.keras 15.424948, scikit-learn 36.043653, all but PyTorch differ', () => {
  const c = compare('targets = [1]\npredictions = [0]');
  assert.equal(row(c, 'pytorch').loss, 100);
  // Keras 3 in float32: −ln(f32(1e-7)) = 16.1180954; the reference's 16.118096 is the float64 ε.
  close(row(c, 'keras').loss, 16.118096, 5);
  assert.ok(Math.abs(row(c, 'keras').loss - -Math.log(Math.fround(1e-7))) < 2e-6);
  // float32 rounds −ln(2e-7) = 15.4249484 to 15.4249487.
  close(row(c, 'tf-keras').loss, 15.424948, 5);
  close(row(c, 'sklearn').loss, 36.043653, 6);
  // TF.js: logit of the clipped 1e-7 is −16.118096, and softplus(16.118096) ≈ 16.118096.
  close(row(c, 'tfjs').loss, 16.118096, 5);
  assert.deepEqual(
    c.rows.map((r) => r.differs),
    [false, true, true, true, true],
  );
  assert.equal(row(c, 'pytorch').relativeDifference, 0);
  close(row(c, 'sklearn').relativeDifference, (100 - 36.043653) / 100, 6);
  assert.match(row(c, 'keras').explanation.join(' '), /clip/);
  assert.match(row(c, 'keras').explanation.join(' '), /clamp at −100 against a clip at ε/);
  assert.match(row(c, 'pytorch').explanation.join(' '), /Here its clamp changed 1 element\./);
  assert.match(c.summary.join(' '), /Keras 3, Keras 2 \(tf\.keras\), scikit-learn and TensorFlow\.js differ from PyTorch/);
});

test('p = 1, y = 0: Keras 3 in float32 gives 15.942385 (f32(1 − 1e-7) = 1 − 2^-23)', () => {
  const c = compare('targets = [0]\npredictions = [1]');
  close(row(c, 'keras').loss, 15.942385, 6);
  close(row(c, 'keras').loss, -Math.log(2 ** -23), 5);
  assert.equal(row(c, 'pytorch').loss, 100);
});

test('ordinary numbers: all five agree with PyTorch to 1e-6 (0.228393), and the summary says so', () => {
  const c = compare('targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]');
  const expected = -(Math.log(0.8) + Math.log(0.7) + Math.log(0.9)) / 3;
  for (const r of c.rows) {
    assert.equal(r.error, null);
    assert.equal(r.differs, false, r.framework);
    assert.ok(relativeDifference(r.loss, expected) < 1e-6, `${r.framework}: ${r.loss}`);
    assert.equal(r.safeguardedCount, 0);
  }
  assert.match(c.summary.join(' '), /All five frameworks agree with PyTorch to within 1e-6 relative/);
});

test('weights [1, 2, 3]: PyTorch divides by 3 (0.417525), scikit-learn by their sum 6 (0.208762) and is the one that differs', () => {
  const c = compare('targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]', { weight: [1, 2, 3] });
  close(row(c, 'pytorch').loss, 0.417525, 6);
  close(row(c, 'sklearn').loss, 0.208762, 6);
  assert.deepEqual(
    c.rows.filter((r) => r.differs).map((r) => r.preset),
    ['sklearn'],
  );
  assert.match(row(c, 'sklearn').explanation.join(' '), /divides the weighted sum by 6, where PyTorch divides by the element count, 3/);
});

test('logits [2, −1, 3]: every framework gives 0.162926; the call is the logits one, scikit-learn applies σ first', () => {
  const c = compare('targets = [1, 0, 1]\nlogits = [2, -1, 3]', {}, 'logits');
  for (const r of c.rows) close(r.loss, 0.162926, 6);
  assert.equal(row(c, 'pytorch').call, 'torch.nn.BCEWithLogitsLoss');
  assert.equal(row(c, 'sklearn').call, 'sklearn.metrics.log_loss on σ(z)');
  assert.match(row(c, 'sklearn').explanation.join(' '), /σ\(z\) is applied first/);
});

test('pos_weight exists only in PyTorch: the other rows say so instead of a number', () => {
  const c = compare('targets = [1, 0, 1]\nlogits = [2, -1, 3]', { posWeight: [2, 2, 2] }, 'logits');
  close(row(c, 'pytorch').loss, 0.221431, 6);
  for (const preset of ['keras', 'tf-keras', 'sklearn', 'tfjs'] as const) {
    const r = row(c, preset);
    assert.ok(Number.isNaN(r.loss));
    assert.equal(r.differs, false);
    assert.match(r.error ?? '', /pos_weight/);
  }
  assert.match(c.summary.join(' '), /cannot take these options/);
});

test("reduction 'none' compares element by element", () => {
  const c = compare('targets = [1, 0]\npredictions = [0, 0.3]', { reduction: 'none' });
  assert.ok(Number.isNaN(row(c, 'pytorch').loss));
  assert.equal(row(c, 'pytorch').elementLosses?.[0], 100);
  assert.equal(row(c, 'keras').differs, true);
  close(row(c, 'keras').relativeDifference, (100 - 16.118096) / 100, 6);
});

test('relativeDifference: equal infinities are 0 apart, one infinity is infinitely far', () => {
  assert.equal(relativeDifference(Infinity, Infinity), 0);
  assert.equal(relativeDifference(Infinity, 1), Infinity);
  assert.equal(relativeDifference(0, 0), 0);
  assert.equal(relativeDifference(2, 1), 0.5);
});
