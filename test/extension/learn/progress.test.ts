/// <reference types="mocha" />
// Which Get Started steps a walkthrough completes: any walkthrough the first, logits the
// second, a 2-D input the third, another preset or log base the fourth.
import assert from 'node:assert/strict';
import { explainSource } from '../../../src/extension/walkthrough/explain';
import { ProgressKey, progressOf } from '../../../src/extension/learn/progress';
import type { EffectiveOptions } from '../../../src/extension/walkthrough/explain';

const defaults: EffectiveOptions = { preset: 'pytorch', inputKind: 'auto', reduction: 'mean', logBase: 'e', precision: 6 };
const extent = { maxDerivations: 10, maxTableRows: 100 };

function progress(source: string, options: Partial<EffectiveOptions> = {}): string[] {
  const built = explainSource(source, { ...defaults, ...options }, extent);
  assert.ok(built.ok);
  return progressOf(built.value).sort();
}

describe('Get Started progress', () => {
  it('one sample of probabilities with the default rules: the first step only', () => {
    assert.deepEqual(progress('targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]'), [ProgressKey.explained]);
  });

  it('logits', () => {
    assert.deepEqual(progress('targets = [1, 0, 1]\nlogits = [2, -1, 3]'), [ProgressKey.explained, ProgressKey.explainedLogits].sort());
  });

  it('a batch', () => {
    assert.deepEqual(progress('targets = [[1, 0], [0, 1]]\npredictions = [[0.8, 0.3], [0.4, 0.6]]'), [ProgressKey.explained, ProgressKey.explainedBatch].sort());
  });

  it('another log base or another preset', () => {
    const source = 'targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]';
    const expected = [ProgressKey.explained, ProgressKey.explainedOtherRules].sort();
    assert.deepEqual(progress(source, { logBase: '10' }), expected);
    assert.deepEqual(progress(source, { preset: 'keras' }), expected);
  });
});
