// The softmax walkthrough as data: the steps carry the numbers of the result, in order, and the
// caps say what they left out.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { softmaxCrossEntropyLoss, bceLoss, LOSS_IDS } from '../../../src/core/losses';
import { parseSoftmaxInput } from '../../../src/core/softmax/parse';
import { buildSoftmaxWalkthrough } from '../../../src/core/softmax/walkthrough';

const TEXT = 'classes = ["cat", "dog", "bird"]\ny = [0, 2, 1, 2]\nlogits = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [-1.2, 0.3, 3.3], [0.0, 0.0, 0.0]]';

function walk(text = TEXT, o = {}, w = {}) {
  const parsed = parseSoftmaxInput(text);
  if (!parsed.ok) assert.fail(parsed.error.message);
  const r = buildSoftmaxWalkthrough(parsed.value, { preset: 'pytorch', reduction: 'mean', input: parsed.value.inputKind, dtype: 'float32', ...o }, w);
  if (!r.ok) assert.fail(r.error.message);
  return r.value;
}

describe('softmax walkthrough', () => {
  it('a card per sample: formula, softmax with the max subtracted, log-softmax, the picked term, result, gradient', () => {
    const d = walk().document;
    const card = d.cards[0]!;
    assert.deepEqual(card.steps.map((s) => s.kind), ['formula', 'softmax', 'log-softmax', 'pick', 'result']);
    const softmax = card.steps[1]!;
    // torch.softmax([2.0, 1.0, 0.1]) = [0.6590011715888977, 0.24243298172950745, 0.09856589138507843] (goldens.py)
    assert.match(softmax.text, /m = 2\b/);
    assert.match(softmax.text, /cancels/);
    assert.match(softmax.text, /0\.659001, 0\.242433, 0\.0985659/);
    assert.match(softmax.tex, /e\^\{z - m\}/);
    assert.match(card.steps[3]!.text, /class cat/);
    // torch_idx_none[0] = 0.4170299470424652
    assert.match(card.steps[4]!.text, /0\.417030/);
    assert.equal(card.gradient.length, 1);
    // 4 × torch_idx_grad[0] = (-0.340999, 0.242433, 0.0985659)
    assert.match(card.gradient[0]!.text, /\(-0\.340999, 0\.242433, 0\.0985659\)/);
    assert.match(card.gradient[0]!.text, /negative gradient/);
  });

  it('the mean, its divisor and the answer (torch_idx_mean 2.056983709335327)', () => {
    const d = walk().document;
    assert.match(d.summary[0]!, /2\.05698/);
    assert.match(d.reduction[0]!.text, /divided by the number of samples, 4/);
  });

  it('weighted: the divisor is the sum of the picked weights', () => {
    const d = walk(TEXT, { weight: [1, 2, 0.25] }).document;
    assert.match(d.reduction[0]!.text, /sum of the weights of the target classes, 3\.5/);
  });

  it('soft targets sum over every class with a non-zero target', () => {
    const d = walk('targets = [[0.7, 0.2, 0.1]]\nlogits = [[2.0, 1.0, 0.1]]').document;
    assert.match(d.cards[0]!.steps[3]!.text, /0\.7 × \(-0\.417030\) \+ 0\.2 × \(-1\.41703\) \+ 0\.1 × \(-2\.31703\)/);
  });

  it('says which loss the targets call for, next to BCE', () => {
    const d = walk().document;
    const s = d.sections.find((x) => x.id === 'which-loss')!;
    assert.match(s.paragraphs[0]!, /class indices/);
    assert.equal(s.table!.rows.length, 5);
  });

  it('caps the cards and says so', () => {
    const d = walk(TEXT, {}, { maxDerivations: 2 }).document;
    assert.equal(d.cards.length, 2);
    assert.match(d.omitted.join(' '), /first 2 of 4/);
  });

  it('wide rows are elided in equations after 8 classes', () => {
    const z = Array.from({ length: 12 }, (_, i) => i / 10);
    const d = walk(`y = [3]\nz = [${JSON.stringify(z)}]`).document;
    assert.match(d.cards[0]!.steps[1]!.tex, /\\ldots/);
  });
});

describe('the loss interface', () => {
  it('both losses are peers behind one interface', () => {
    assert.deepEqual(LOSS_IDS, ['bce', 'softmax-ce']);
    for (const def of [bceLoss, softmaxCrossEntropyLoss]) {
      assert.equal(typeof def.parse, 'function');
      assert.ok(def.presetIds.includes(def.defaultPreset));
    }
  });

  it('softmax through the interface: parse, walkthrough, JSON', () => {
    const parsed = softmaxCrossEntropyLoss.parse(TEXT);
    if (!parsed.ok) assert.fail(parsed.error.message);
    const w = softmaxCrossEntropyLoss.walkthrough(parsed.value, { weight: [1, 2, 0.25] });
    if (!w.ok) assert.fail(w.error.message);
    const json = softmaxCrossEntropyLoss.report(w.value);
    // torch_idx_weight_mean = 2.206630229949951 (goldens.py)
    assert.ok(Math.abs((json.loss as number) - 2.206630229949951) < 1e-6);
    assert.deepEqual(json.shape, [4, 3]);
    assert.equal(json.probabilities.length, 4);
    assert.equal(json.gradLogits[0]!.length, 3);
    assert.equal(json.sampleLosses.length, 4);
    assert.equal(json.elements.length, 12);
  });

  it('BCE through the interface gives what it gave before', () => {
    const parsed = bceLoss.parse('targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]');
    if (!parsed.ok) assert.fail(parsed.error.message);
    const w = bceLoss.walkthrough(parsed.value, {});
    if (!w.ok) assert.fail(w.error.message);
    // loss-semantics.md golden: mean 0.22839300
    assert.ok(Math.abs((bceLoss.report(w.value).loss as number) - 0.228393) < 1e-6);
  });

  it('each loss refuses the other one’s options with a message', () => {
    const p = bceLoss.parse('targets = [1, 0]\npredictions = [0.8, 0.3]');
    if (!p.ok) assert.fail(p.error.message);
    const r = bceLoss.walkthrough(p.value, { ignoreIndex: 1 });
    assert.equal(r.ok, false);
    const s = softmaxCrossEntropyLoss.parse(TEXT);
    if (!s.ok) assert.fail(s.error.message);
    assert.equal(softmaxCrossEntropyLoss.walkthrough(s.value, { posWeight: [1, 2, 3] }).ok, false);
    assert.equal(softmaxCrossEntropyLoss.walkthrough(s.value, { preset: 'keras', ignoreIndex: 1 }).ok, false);
  });
});
