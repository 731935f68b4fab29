// parseSoftmaxInput: the shared array finder, then softmax's own reading of shapes and values.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSoftmaxInput } from '../../../src/core/softmax/parse';

function ok(text: string, o = {}) {
  const r = parseSoftmaxInput(text, o);
  if (!r.ok) assert.fail(r.error.message);
  return r.value;
}

function err(text: string, o = {}) {
  const r = parseSoftmaxInput(text, o);
  assert.equal(r.ok, false, 'expected an error');
  return (r as { ok: false; error: { code: string; message: string; range?: { start: number; end: number }; suggestion?: string } }).error;
}

describe('parseSoftmaxInput', () => {
  it('class indices against N×C logits', () => {
    const v = ok('y = [2, 0, 1]\nlogits = [[0.1, 0.2, 3.0], [2.0, 0.1, -1], [0.3, 1.5, 0.2]]');
    assert.equal(v.targetKind, 'indices');
    assert.equal(v.inputKind, 'logits');
    assert.equal(v.samples, 3);
    assert.equal(v.classes, 3);
    assert.deepEqual(Array.from(v.targets.values), [2, 0, 1]);
  });

  it('one-hot rows against probabilities that sum to 1 are probabilities', () => {
    const v = ok('targets = [[0, 1, 0], [1, 0, 0]]\npredictions = [[0.2, 0.7, 0.1], [0.6, 0.3, 0.1]]');
    assert.equal(v.targetKind, 'distributions');
    assert.equal(v.inputKind, 'probabilities');
  });

  it('values in [0, 1] whose rows do not sum to 1 are read as logits, with a note', () => {
    const v = ok('targets = [2, 0]\npredictions = [[0.2, 0.5, 0.1], [0.6, 0.3, 0.1]]');
    assert.equal(v.inputKind, 'logits');
    assert.match(v.notes.join(' '), /row 0 does not sum to 1/);
  });

  it('an N×1 column of indices is squeezed, with a note', () => {
    const v = ok('y_true = [[1], [0]]\ny_pred = [[0.2, 0.8], [0.9, 0.1]]');
    assert.equal(v.targetKind, 'indices');
    assert.deepEqual(v.targets.shape, [2]);
    assert.match(v.notes.join(' '), /N×1/);
  });

  it('one flat sample: a one-hot row against one flat row of logits', () => {
    const v = ok('target = [0, 0, 1]\nlogits = [1.0, 2.0, 3.0]');
    assert.equal(v.targetKind, 'distributions');
    assert.deepEqual(v.targets.shape, [1, 3]);
    assert.deepEqual(v.predictions.shape, [1, 3]);
  });

  it('PyTorch argument order: F.cross_entropy(input, target)', () => {
    const v = ok('F.cross_entropy(torch.tensor([[1.0, 2.0], [0.5, -1.0]]), torch.tensor([1, 0]))');
    assert.equal(v.targetKind, 'indices');
    assert.deepEqual(Array.from(v.targets.values), [1, 0]);
  });

  it('an index equal to C points at the value and says indices count from 0', () => {
    const text = 'y = [3, 0]\nz = [[1, 2, 3], [0, 1, 2]]';
    const e = err(text);
    assert.equal(e.code, 'target-out-of-range');
    assert.equal(text.slice(e.range!.start, e.range!.end), '3');
    assert.match(e.suggestion ?? '', /count from 0/);
  });

  it('ignore_index is allowed among the indices when given', () => {
    const v = ok('y = [-100, 1]\nz = [[1, 2], [0, 1]]', { ignoreIndex: -100 });
    assert.deepEqual(Array.from(v.targets.values), [-100, 1]);
    assert.equal(err('y = [-100, 1]\nz = [[1, 2], [0, 1]]').code, 'target-out-of-range');
  });

  it('class indices against a single flat row is an error that says what is wrong', () => {
    const e = err('y = [2, 0, 1]\np = [0.1, 0.2, 0.7]');
    assert.equal(e.code, 'shape-mismatch');
    assert.match(e.message, /class indices/);
  });

  it('mismatched rows are a shape error, never a crash', () => {
    assert.equal(err('y = [0, 1, 1]\nz = [[1, 2], [0, 1]]').code, 'shape-mismatch');
  });

  it('a single class is refused: its softmax is always 1', () => {
    assert.equal(err('y = [[1], [1]]\nz = [[0.3], [0.2]]', {}).code, 'shape-mismatch');
  });

  it('NaN in the predictions is reported with its place', () => {
    const e = err('y = [0]\nz = [[1, NaN]]');
    assert.equal(e.code, 'not-finite');
  });

  it('class names from labels = [...] with words', () => {
    const v = ok('classes = ["cat", "dog", "bird"]\ny = [2, 0]\nz = [[1, 2, 3], [0, 1, 2]]');
    assert.deepEqual(v.labels, ['cat', 'dog', 'bird']);
  });
});
