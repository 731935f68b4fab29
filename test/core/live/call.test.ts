/// <reference types="node" />
// recogniseLossCall: which argument is which, and where each option comes from, per framework.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recogniseLossCall, type LossCall } from '../../../src/core/live';

function call(text: string, line: number, language: 'python' | 'javascript' = 'python'): LossCall {
  const found = recogniseLossCall(text, line, language);
  assert.ok(found !== null && !('problem' in found), `no call found: ${JSON.stringify(found)}`);
  return found;
}

test('criterion(outputs, labels) with criterion = nn.BCEWithLogitsLoss(...) earlier: input first, options read from the object at run time', () => {
  const text = [
    'import torch.nn as nn',
    'criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([3.0]))',
    'for x, labels in data:',
    '    outputs = model(x)',
    '    loss = criterion(outputs, labels)',
  ].join('\n');
  const c = call(text, 4);
  assert.equal(c.framework, 'pytorch');
  assert.equal(c.preset, 'pytorch');
  assert.equal(c.inputKind, 'logits');
  assert.equal(c.predictions, 'outputs');
  assert.equal(c.targets, 'labels');
  assert.equal(c.assignedTo, 'loss');
  assert.deepEqual(c.options.posWeight, { kind: 'expression', expression: 'criterion.pos_weight' });
  assert.deepEqual(c.options.reduction, { kind: 'expression', expression: 'criterion.reduction' });
  assert.deepEqual(c.options.weight, { kind: 'expression', expression: 'criterion.weight' });
  assert.equal(c.criterion?.expression, 'criterion');
  assert.equal(c.criterion?.constructor, 'nn.BCEWithLogitsLoss');
  assert.equal(c.criterion?.line, 1);
  assert.equal(c.startLine, 4);
});

test('self.criterion = nn.BCELoss() in __init__, called as self.criterion(p, y): probabilities, no pos_weight read', () => {
  const text = 'class M:\n    def __init__(self):\n        self.criterion = nn.BCELoss(reduction="sum")\n    def step(self, p, y):\n        return self.criterion(p, y)\n';
  const c = call(text, 4);
  assert.equal(c.inputKind, 'probabilities');
  assert.equal(c.predictions, 'p');
  assert.equal(c.targets, 'y');
  assert.equal(c.options.posWeight, undefined);
  assert.deepEqual(c.options.reduction, { kind: 'expression', expression: 'self.criterion.reduction' });
  assert.equal(c.assignedTo, null);
});

test('a name that is not a loss object is not a loss call', () => {
  assert.equal(recogniseLossCall('model = Net()\nout = model(x, y)\n', 1, 'python'), null);
  assert.equal(recogniseLossCall('loss = 3\n', 0, 'python'), null);
});

test('F.binary_cross_entropy, positional and keyword; a statement spanning lines is read whole from any of its lines', () => {
  const positional = call('loss = F.binary_cross_entropy(probs, targets, w, reduction="sum")', 0);
  assert.equal(positional.predictions, 'probs');
  assert.equal(positional.targets, 'targets');
  assert.deepEqual(positional.options.weight, { kind: 'expression', expression: 'w' });
  assert.deepEqual(positional.options.reduction, { kind: 'literal', value: 'sum', text: '"sum"' });

  const text = 'loss = torch.nn.functional.binary_cross_entropy_with_logits(\n    target=y[:, 0],\n    input=logits[0],  # first batch\n    pos_weight=pw,\n)\nprint(loss)';
  for (const line of [0, 1, 2, 3, 4]) {
    const c = call(text, line);
    assert.equal(c.inputKind, 'logits');
    assert.equal(c.targets, 'y[:, 0]');
    assert.equal(c.predictions, 'logits[0]');
    assert.deepEqual(c.options.posWeight, { kind: 'expression', expression: 'pw' });
    assert.equal(c.startLine, 0);
    assert.equal(c.endLine, 4);
  }
  assert.equal(recogniseLossCall(text, 5, 'python'), null);
});

test('commas and brackets inside strings and comments do not split arguments', () => {
  const c = call("loss = F.binary_cross_entropy(p, t, reduction='none')  # (a, b", 0);
  assert.equal(c.targets, 't');
  assert.deepEqual(c.options.reduction, { kind: 'literal', value: 'none', text: "'none'" });
});

test('Keras: y_true first; from_logits and label_smoothing from the call; tf.keras spelling picks the tf-keras preset', () => {
  const f = call('l = keras.losses.binary_crossentropy(y_true, y_pred, from_logits=True, label_smoothing=0.1)', 0);
  assert.equal(f.framework, 'keras');
  assert.equal(f.preset, 'keras');
  assert.equal(f.targets, 'y_true');
  assert.equal(f.predictions, 'y_pred');
  assert.equal(f.inputKind, 'logits');
  assert.deepEqual(f.options.labelSmoothing, { kind: 'literal', value: 0.1, text: '0.1' });

  const obj = call('loss = tf.keras.losses.BinaryCrossentropy(from_logits=False, reduction="sum")(y, p, sample_weight=sw)', 0);
  assert.equal(obj.preset, 'tf-keras');
  assert.equal(obj.inputKind, 'probabilities');
  assert.equal(obj.targets, 'y');
  assert.equal(obj.predictions, 'p');
  assert.deepEqual(obj.options.sampleWeight, { kind: 'expression', expression: 'sw' });
  assert.deepEqual(obj.options.reduction, { kind: 'literal', value: 'sum', text: '"sum"' });

  const named = call('bce = keras.losses.BinaryCrossentropy(True, 0.2)\nvalue = bce(labels, scores)', 1);
  assert.equal(named.inputKind, 'logits');
  assert.equal(named.targets, 'labels');
  assert.deepEqual(named.options.labelSmoothing, { kind: 'literal', value: 0.2, text: '0.2' });

  const runtime = call('l = keras.losses.binary_crossentropy(y, p, from_logits=use_logits)', 0);
  assert.deepEqual(runtime.options.fromLogits, { kind: 'expression', expression: 'use_logits' });
});

test('scikit-learn log_loss: y_true first, sample_weight and normalize', () => {
  const c = call('ll = sklearn.metrics.log_loss(y_test, proba[:, 1], sample_weight=weights, normalize=False)', 0);
  assert.equal(c.framework, 'sklearn');
  assert.equal(c.targets, 'y_test');
  assert.equal(c.predictions, 'proba[:, 1]');
  assert.deepEqual(c.options.sampleWeight, { kind: 'expression', expression: 'weights' });
  assert.deepEqual(c.options.normalize, { kind: 'literal', value: false, text: 'False' });
});

test('TF.js: tf.metrics.binaryCrossentropy and tf.losses.sigmoidCrossEntropy (labels first, logits)', () => {
  const m = call('const loss = tf.metrics.binaryCrossentropy(yTrue, yPred);', 0, 'javascript');
  assert.equal(m.framework, 'tfjs');
  assert.equal(m.targets, 'yTrue');
  assert.equal(m.predictions, 'yPred');
  assert.equal(m.assignedTo, 'loss');
  const s = call('let l = tf.losses.sigmoidCrossEntropy(labels, logits, undefined, 0.1, tf.Reduction.SUM);', 0, 'javascript');
  assert.equal(s.inputKind, 'logits');
  assert.deepEqual(s.options.labelSmoothing, { kind: 'literal', value: 0.1, text: '0.1' });
  assert.deepEqual(s.options.reduction, { kind: 'literal', value: 'sum', text: 'tf.Reduction.SUM' });
  assert.deepEqual(s.options.weight, { kind: 'literal', value: null, text: 'undefined' });
});

test('a call with *args cannot be mapped and says so', () => {
  const found = recogniseLossCall('loss = F.binary_cross_entropy(*pair)', 0, 'python');
  assert.ok(found !== null && 'problem' in found);
  assert.match(found.problem, /\*/);
});
