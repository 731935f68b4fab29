// Which loss the targets call for, and BCE over the classes next to softmax CE.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareWithBce, whichLossFits } from '../../../src/core/softmax/fit';
import { softmaxLoss } from './helpers';

describe('whichLossFits', () => {
  it('class indices call for softmax CE', () => {
    assert.equal(whichLossFits(Float64Array.from([2, 0, 1]), 'indices', 3).calls, 'softmax-ce');
  });
  it('one 1 per row: softmax CE (one-hot)', () => {
    const f = whichLossFits(Float64Array.from([0, 1, 0, 1, 0, 0]), 'distributions', 3);
    assert.deepEqual([f.calls, f.pattern], ['softmax-ce', 'one-hot']);
  });
  it('several 1s in a row: multi-label BCE, naming the row', () => {
    const f = whichLossFits(Float64Array.from([0, 1, 0, 1, 0, 1]), 'distributions', 3);
    assert.deepEqual([f.calls, f.pattern, f.row], ['bce', 'multi-hot', 1]);
    assert.match(f.sentence, /Row 1/);
  });
  it('soft rows that sum to 1: softmax CE; soft rows that do not: BCE', () => {
    assert.equal(whichLossFits(Float64Array.from([0.7, 0.2, 0.1]), 'distributions', 3).pattern, 'soft-distribution');
    assert.equal(whichLossFits(Float64Array.from([0.7, 0.9, 0.1]), 'distributions', 3).pattern, 'independent-soft');
  });
});

describe('compareWithBce', () => {
  it('BCE over the classes with logits is PyTorch BCEWithLogitsLoss on the one-hot targets', () => {
    // torch.nn.BCEWithLogitsLoss()(torch.tensor([[2.0, 1.0, 0.1]]), torch.tensor([[1., 0., 0.]])) = 0.5414 (float64: textbook below)
    const r = softmaxLoss([0], [[2.0, 1.0, 0.1]], { dtype: 'float64' });
    const c = compareWithBce(r);
    if (!c.ok) assert.fail(c.error.message);
    const softplus = (x: number) => Math.log1p(Math.exp(x));
    const expected = (softplus(-2.0) + softplus(1.0) + softplus(0.1)) / 3;
    assert.ok(Math.abs(c.value.bceLoss - expected) < 1e-6, `${c.value.bceLoss} vs ${expected}`);
    assert.equal(c.value.fit.calls, 'softmax-ce');
    assert.ok(Math.abs(c.value.softmaxLoss - (-Math.log(Math.exp(2) / (Math.exp(2) + Math.exp(1) + Math.exp(0.1))))) < 1e-12);
  });
});

describe('bceSourceFor', () => {
  it('writes the one-vs-rest BCE input that BCE parses to the same loss as the comparison', async () => {
    const { bceSourceFor } = await import('../../../src/core/softmax/fit');
    const { bceLoss } = await import('../../../src/core/losses');
    const r = softmaxLoss([0, 2], [
      [2.0, 1.0, 0.1],
      [0.5, 2.5, -1.0],
    ]);
    const c = compareWithBce(r);
    if (!c.ok) assert.fail(c.error.message);
    const text = bceSourceFor(r);
    assert.match(text, /^targets = \[\[1, 0, 0\], \[0, 0, 1\]\]\nlogits = /);
    const parsed = bceLoss.parse(text);
    if (!parsed.ok) assert.fail(parsed.error.message);
    const w = bceLoss.walkthrough(parsed.value, {});
    if (!w.ok) assert.fail(w.error.message);
    assert.equal(w.value.result.loss, c.value.bceLoss);
  });
});
