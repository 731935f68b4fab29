// The hover on softmax pairs: it names the loss the targets call for, with softmax CE's value
// (PyTorch 1.13 goldens from test/core/softmax/goldens.py), and BCE hovers stay as they were.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyseHover } from '../../../src/core/hover/analyse';
import { singleHoverMarkdown } from '../../../src/render/hover';

const INDICES = 'y = [0, 2, 1, 2]\nlogits = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [-1.2, 0.3, 3.3], [0.0, 0.0, 0.0]]';
const ONE_HOT = 'targets = [[1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 0, 1]]\nlogits = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [-1.2, 0.3, 3.3], [0.0, 0.0, 0.0]]';

describe('hover: the loss the targets call for', () => {
  it('class indices: BCE has no loss, softmax CE does, and the hover says so with a link', () => {
    const a = analyseHover(INDICES, 5, { inputKind: 'auto' });
    assert.equal(a?.kind, 'single');
    if (a?.kind !== 'single') return;
    assert.equal(a.lossCall?.calls, 'softmax-ce');
    // torch_idx_mean = 2.056983709335327
    assert.ok(Math.abs(a.lossCall!.softmaxLoss - 2.056983709335327) < 1e-6);
    const md = singleHoverMarkdown(a, 6);
    assert.match(md, /Softmax cross entropy fits:/);
    assert.match(md, /class indices/);
    assert.match(md, /CrossEntropyLoss \(mean\) = 2\.05698/);
    assert.match(md, /\]\(command:lossWalkthrough\.explainSoftmaxCrossEntropy\?%5B%22y%20%3D/);
    assert.doesNotMatch(md, /No loss:/);
  });

  it('one-hot N×C pair: BCE is shown, and the hover says softmax CE is the loss these targets call for', () => {
    const a = analyseHover(ONE_HOT, 12, { inputKind: 'auto' });
    assert.equal(a?.kind, 'pair');
    if (a?.kind !== 'pair') return;
    assert.equal(a.lossCall?.calls, 'softmax-ce');
    assert.equal(a.lossCall?.pattern, 'one-hot');
  });

  it('multi-hot N×C pair: BCE is the loss they call for', () => {
    const a = analyseHover('targets = [[1, 0, 1], [0, 1, 0]]\nlogits = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]]', 12, { inputKind: 'auto' });
    assert.equal(a?.kind, 'pair');
    if (a?.kind !== 'pair') return;
    assert.equal(a.lossCall?.calls, 'bce');
  });

  it('a flat BCE pair gets no such line', () => {
    const a = analyseHover('targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]', 12, { inputKind: 'auto' });
    assert.equal(a?.kind, 'pair');
    if (a?.kind !== 'pair') return;
    assert.equal(a.lossCall, undefined);
  });
});
