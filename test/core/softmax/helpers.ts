// Shared by the softmax tests: run the engine, fail with its message, compare to a few ulps.
import assert from 'node:assert/strict';
import { computeSoftmaxLoss } from '../../../src/core/softmax/compute';
import type { SoftmaxOptions, SoftmaxResult, SoftmaxTargetKind } from '../../../src/core/softmax/types';

export function softmaxLoss(targets: readonly number[] | readonly number[][], predictions: readonly number[][], o: Partial<SoftmaxOptions> = {}): SoftmaxResult {
  const kind: SoftmaxTargetKind = Array.isArray(targets[0]) ? 'distributions' : 'indices';
  const flat = Float64Array.from((targets as readonly (number | number[])[]).flat());
  const options: SoftmaxOptions = { preset: 'pytorch', reduction: 'mean', input: 'logits', dtype: 'float32', ...o };
  const r = computeSoftmaxLoss(flat, Float64Array.from(predictions.flat()), [predictions.length, predictions[0]?.length ?? 0], kind, options);
  if (!r.ok) assert.fail(r.error.message);
  return r.value;
}

/** |actual - expected| ≤ rel·|expected| (plus a tiny absolute floor for zeros). */
export function assertRel(actual: number, expected: number, rel: number, what = ''): void {
  const tol = rel * Math.abs(expected) + 1e-12;
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected} (tolerance ${tol})`);
}

export function assertAllRel(actual: ArrayLike<number>, expected: readonly number[], rel: number, what = ''): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) assertRel(actual[i] as number, expected[i] as number, rel, `${what}[${i}]`);
}
