/// <reference types="node" />
// parseInput end to end: every input form the brief accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, pair, parsed, values } from './helpers';

const ARTICLE = { targets: [1, 0, 1], predictions: [0.8, 0.3, 0.9] };

test("the article's example: labels as bare words, targets and predictions", () => {
  const text = 'labels = [car, cat, dog]\ntargets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]';
  const p = parsed(text);
  assert.deepEqual(values(p.targets), [1, 0, 1]);
  assert.deepEqual(values(p.predictions), [0.8, 0.3, 0.9]);
  assert.deepEqual(p.labels, ['car', 'cat', 'dog']);
  assert.deepEqual(p.targets.shape, [3]);
  assert.equal(p.inputKind, 'probabilities');
  assert.equal(p.orderAssumed, false);
  assert.equal(p.targets.name, 'targets');
  assert.equal(p.predictions.name, 'predictions');
  assert.equal(p.source, text);
  assert.equal(at(text, p.targets.range), '[1, 0, 1]');
  assert.equal(at(text, p.predictions.range), '[0.8, 0.3, 0.9]');
  assert.deepEqual(p.predictions.valueRanges.map((r) => at(text, r)), ['0.8', '0.3', '0.9']);
});

test('the article pasted with its prose around the arrays still reads', () => {
  const text = [
    'labels = [car, cat, dog]',
    "Let's assume an image can contain one, some or none of [car, cat, dog]",
    'target_labels = [car, dog]',
    'targets = [1, 0, 1]',
    'predictions = [0.8, 0.3, 0.9]',
  ].join('\n');
  const p = parsed(text);
  assert.deepEqual({ targets: values(p.targets), predictions: values(p.predictions) }, ARTICLE);
  assert.deepEqual(p.labels, ['car', 'cat', 'dog']);
});

test('JSON: an object with named arrays, and bare arrays', () => {
  assert.deepEqual(pair('{"targets": [1, 0, 1], "predictions": [0.8, 0.3, 0.9]}'), ARTICLE);
  assert.deepEqual(pair('{\n  "predictions": [0.8, 0.3, 0.9],\n  "targets":\n    [1, 0, 1]\n}'), ARTICLE);
  assert.deepEqual(pair('[1, 0, 1]\n[0.8, 0.3, 0.9]'), ARTICLE);
});

test('Python lists and tuples, including a one-element tuple', () => {
  assert.deepEqual(pair('targets = (1, 0, 1)\npredictions = (0.8, 0.3, 0.9)'), ARTICLE);
  assert.deepEqual(pair('y = (1,)\np = (0.25,)'), { targets: [1], predictions: [0.25] });
  assert.deepEqual(pair('predictions, targets = [0.8, 0.3, 0.9], [1, 0, 1]'), ARTICLE, 'tuple unpacking names each value');
  assert.equal(parsed('predictions, targets = [0.8, 0.3, 0.9], [1, 0, 1]').orderAssumed, false);
});

test('number spellings: 1, -0.5, .5, 1e-3, 1E+2, 0.5e0, +1', () => {
  const text = 'y = [1, 0, 1, 0, 1, 0, 1]\nz = [1, -0.5, .5, 1e-3, 1E+2, 0.5e0, +1]';
  const p = parsed(text);
  assert.deepEqual(values(p.predictions), [1, -0.5, 0.5, 0.001, 100, 0.5, 1]);
  assert.deepEqual(p.predictions.valueRanges.map((r) => at(text, r)), ['1', '-0.5', '.5', '1e-3', '1E+2', '0.5e0', '+1']);
});

test('True/False/true/false are 1 and 0, and R TRUE/FALSE too', () => {
  assert.deepEqual(pair('targets = [True, False, true, false]\npredictions = [0.9, 0.1, 0.8, 0.2]').targets, [1, 0, 1, 0]);
  assert.deepEqual(pair('y <- c(TRUE, FALSE)\np <- c(0.7, 0.2)').targets, [1, 0]);
});

test('trailing commas, comments and line breaks anywhere', () => {
  const text = `targets = [  # one per label
    1,
    0, // cat
    1, /* dog */
]
predictions = [
  0.8,
  0.3,
  0.9,
]`;
  assert.deepEqual(pair(text), ARTICLE);
  assert.deepEqual(pair('targets = [1,0,1,]; predictions = (0.8,0.3,0.9,)'), ARTICLE);
});

test('strings are skipped correctly: # and [ inside them mean nothing', () => {
  const text = `labels = ["car#1", 'cat [big]', "dog \\" ]"]  # a comment with [ and '
targets = [1, 0, 1]
note = "predictions = [9, 9, 9]"
predictions = [0.8, 0.3, 0.9]`;
  const p = parsed(text);
  assert.deepEqual(values(p.predictions), [0.8, 0.3, 0.9]);
  assert.deepEqual(p.labels, ['car#1', 'cat [big]', 'dog " ]']);
});

test('calls whose first argument is the array; keyword arguments are ignored', () => {
  assert.deepEqual(pair('y = np.array([1, 0, 1])\np = np.array([0.8, 0.3, 0.9], dtype=np.float64)'), ARTICLE);
  assert.deepEqual(pair('y = numpy.asarray([1, 0, 1])\np = numpy.asarray((0.8, 0.3, 0.9))'), ARTICLE);
  assert.deepEqual(pair('targets = torch.tensor([1., 0., 1.], dtype=torch.float32)\npredictions = torch.tensor([0.8, 0.3, 0.9], requires_grad=True)'), ARTICLE);
  assert.deepEqual(pair('targets = torch.Tensor([1, 0, 1])\npredictions = torch.Tensor([0.8, 0.3, 0.9]).cuda()'), ARTICLE);
  assert.deepEqual(pair('y_true = tf.constant([1, 0, 1], dtype=tf.float32)\ny_pred = tf.constant([0.8, 0.3, 0.9])'), ARTICLE);
  assert.deepEqual(pair('targets = jnp.array([1, 0, 1])\npredictions = jnp.array([0.8, 0.3, 0.9])'), ARTICLE);
  assert.deepEqual(pair('targets <- c(1, 0, 1)\npredictions <- c(0.8, 0.3, 0.9)'), ARTICLE);
  const text = 't = torch.tensor(np.array([1, 0, 1]))\npredictions = torch.tensor([0.8, 0.3, 0.9], grad_fn=<SigmoidBackward0>)\ntargets = t';
  const p = parsed(text);
  assert.deepEqual(values(p.targets), [1, 0, 1]);
  assert.equal(at(text, p.targets.range), 'torch.tensor(np.array([1, 0, 1]))', 'the range is the whole call');
});

test('printed forms: numpy without commas, tensor(...) and array(...) reprs', () => {
  assert.deepEqual(pair('targets = [1. 0. 1.]\npredictions = [0.8 0.3 0.9]'), ARTICLE);
  assert.deepEqual(pair('tensor([1., 0., 1.])\ntensor([0.8000, 0.3000, 0.9000], dtype=torch.float64)'), ARTICLE);
  assert.deepEqual(pair('array([1, 0, 1])\narray([0.8, 0.3, 0.9])'), ARTICLE);
  const p = parsed('targets = [[1. 0.]\n [0. 1.]]\npredictions = [[ 0.9 -0.5]\n [ 0.2  3. ]]');
  assert.deepEqual(p.targets.shape, [2, 2]);
  assert.deepEqual(values(p.predictions), [0.9, -0.5, 0.2, 3]);
});

test('every assignment form names an array', () => {
  const forms = [
    'targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]',
    'targets: list = [1, 0, 1]\npredictions: list[float] = [0.8, 0.3, 0.9]',
    'const targets = [1, 0, 1];\nlet predictions = [0.8, 0.3, 0.9];',
    'var targets = [1, 0, 1]; var predictions = [0.8, 0.3, 0.9]',
    'targets <- c(1, 0, 1); predictions <<- c(0.8, 0.3, 0.9)',
    'targets := [1, 0, 1]\npredictions := [0.8, 0.3, 0.9]',
    '{ targets: [1, 0, 1], predictions: [0.8, 0.3, 0.9] }',
    "{'targets': [1, 0, 1], 'predictions': [0.8, 0.3, 0.9]}",
    'loss(targets=[1, 0, 1], predictions=[0.8, 0.3, 0.9])',
    'self.targets = [1, 0, 1]\nself.predictions = [0.8, 0.3, 0.9]',
    'predictions = [0.8, 0.3, 0.9]\ntargets = [1, 0, 1]',
    'export const predictions: number[] = [0.8, 0.3, 0.9], targets: number[] = [1, 0, 1];',
  ];
  for (const text of forms) {
    const p = parsed(text);
    assert.deepEqual({ targets: values(p.targets), predictions: values(p.predictions) }, ARTICLE, text);
    assert.equal(p.orderAssumed, false, text);
  }
});

test('target names and prediction names, matched case-insensitively', () => {
  for (const t of ['targets', 'target', 'y', 'y_true', 'labels', 'truth', 'gt', 'Y_TRUE', 'yTrue', 'ground_truth', 'y_test']) {
    for (const p of ['predictions', 'prediction', 'preds', 'pred', 'y_pred', 'y_hat', 'probs', 'probabilities', 'p', 'outputs', 'yhat', 'y_prob', 'y_proba', 'y_score', 'Y_PRED']) {
      const text = `${p} = [0.8, 0.3, 0.9]\n${t} = [1, 0, 1]`;
      const parsedInput = parsed(text);
      assert.deepEqual(values(parsedInput.targets), [1, 0, 1], text);
      assert.equal(parsedInput.inputKind, 'probabilities', text);
    }
  }
});

test('logits names set the input kind to logits, overriding auto and probabilities, with a note', () => {
  for (const name of ['logits', 'scores', 'z', 'Logits', 'y_logits']) {
    const p = parsed(`targets = [1, 0, 1]\n${name} = [0.8, 0.3, 0.9]`, { inputKind: 'probabilities' });
    assert.equal(p.inputKind, 'logits', name);
    assert.ok(p.notes.some((n) => /logits/.test(n) && n.includes(name)), name);
  }
  const explicit = parsed('targets = [1, 0, 1]\nlogits = [2, -1, 3]', { inputKind: 'logits' });
  assert.equal(explicit.notes.length, 0, 'no note when the user already chose logits');
});

test('label names as strings or bare words, under labels, classes or names', () => {
  for (const text of ['labels = ["car", "cat", "dog"]', "classes = ('car', 'cat', 'dog')", 'names = [car, cat, dog]', 'class_names = ["car", "cat", "dog"]']) {
    const p = parsed(`${text}\ny_true = [1, 0, 1]\ny_pred = [0.8, 0.3, 0.9]`);
    assert.deepEqual(p.labels, ['car', 'cat', 'dog'], text);
  }
  const numericLabels = parsed('labels = [1, 0, 1]\npreds = [0.8, 0.3, 0.9]');
  assert.deepEqual(values(numericLabels.targets), [1, 0, 1], 'numeric labels are the targets');
  assert.equal(numericLabels.labels, null);
});

test('label names that do not match the number of labels are ignored with a note', () => {
  const p = parsed('labels = [car, cat]\ntargets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]');
  assert.equal(p.labels, null);
  assert.ok(p.notes.some((n) => n.includes('2 label names for 3 labels')));
});

test('unknown names are ignored when known ones suffice, with a note', () => {
  const p = parsed('weights = [1, 2, 3]\ntargets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]\nbias = [5]');
  assert.deepEqual(values(p.targets), [1, 0, 1]);
  assert.ok(p.notes.some((n) => n.includes('weights')));
});

test('one known name and one unknown: the unknown array fills the other role, with a note', () => {
  const p = parsed('targets = [1, 0, 1]\nmodel_out = [0.8, 0.3, 0.9]');
  assert.deepEqual(values(p.predictions), [0.8, 0.3, 0.9]);
  assert.ok(p.notes.some((n) => n.includes('model_out') && n.includes('predictions')));
});

test('no names, values that do not tell: two arrays are targets then predictions, and the note says the order decided', () => {
  const p = parsed('[0.2, 0.6, 0.4], [0.8, 0.3, 0.9]');
  assert.equal(p.orderAssumed, true);
  assert.deepEqual(values(p.targets), [0.2, 0.6, 0.4]);
  assert.ok(p.notes.some((n) => /by the order rule, the first array was taken as the targets/.test(n)));
  assert.equal(p.targets.name, null);
});

test('no names, one array all 0/1: the values decide and the note says so, not the order', () => {
  const p = parsed('[1, 0, 1], [0.8, 0.3, 0.9]');
  assert.equal(p.orderAssumed, false);
  assert.deepEqual(values(p.targets), [1, 0, 1]);
  assert.ok(p.notes.some((n) => /values decided: \[1, 0, 1\] holds only 0s and 1s/.test(n)));
  assert.equal(p.notes.some((n) => /order rule/.test(n)), false);
});

test('2-D arrays are batch × labels', () => {
  const text = 'y = [[1, 0, 1], [0, 1, 0]]\np = [[0.8, 0.3, 0.9], [0.2, 0.6, 0.1]]\nlabels = [car, cat, dog]';
  const p = parsed(text);
  assert.deepEqual(p.targets.shape, [2, 3]);
  assert.deepEqual(p.predictions.shape, [2, 3]);
  assert.deepEqual(values(p.predictions), [0.8, 0.3, 0.9, 0.2, 0.6, 0.1]);
  assert.deepEqual(p.labels, ['car', 'cat', 'dog']);
  assert.deepEqual(p.predictions.valueRanges.map((r) => at(text, r)), ['0.8', '0.3', '0.9', '0.2', '0.6', '0.1']);
  assert.deepEqual(parsed('y = ((1, 0), (0, 1))\np = [(0.5, 0.5), (0.1, 0.9)]').targets.shape, [2, 2]);
});

test('a flat list against a single row is read as one sample, with a note', () => {
  const p = parsed('targets = [1, 0, 1]\npredictions = [[0.8, 0.3, 0.9]]');
  assert.deepEqual(p.targets.shape, [1, 3]);
  assert.deepEqual(p.predictions.shape, [1, 3]);
  assert.ok(p.notes.some((n) => n.includes('one sample of 3 labels')));
  assert.deepEqual(parsed('targets = [[1, 0, 1]]\npredictions = [0.8, 0.3, 0.9]').predictions.shape, [1, 3]);
});

test('auto: a prediction outside [0, 1] makes the input logits, with a note naming it', () => {
  const p = parsed('targets = [1, 0, 1]\npredictions = [2, -1, 3]');
  assert.equal(p.inputKind, 'logits');
  assert.ok(p.notes.some((n) => n.startsWith('Prediction at index 0 is 2, outside [0, 1]')));
  assert.equal(parsed('targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]', { inputKind: 'logits' }).inputKind, 'logits');
});

test('a Jupyter cell with imports, prompts, a loss call and its output', () => {
  const text = `In [1]: import torch
   ...: import torch.nn as nn
   ...:
   ...: targets = torch.tensor([1., 0., 1.])
   ...: predictions = torch.tensor([0.8, 0.3, 0.9])
   ...: loss = nn.BCELoss()(predictions, targets)
   ...: print(f"loss = {loss.item():.4f}")  # 0.2284
loss = 0.2284
Out[1]: tensor(0.2284)`;
  const p = parsed(text);
  assert.deepEqual({ targets: values(p.targets), predictions: values(p.predictions) }, ARTICLE);
  assert.equal(at(text, p.targets.range), 'torch.tensor([1., 0., 1.])');
  assert.equal(p.orderAssumed, false);
});

test('a Jupyter notebook cell as stored in .ipynb JSON (source lines as strings) is not mistaken for data', () => {
  const text = '{"cell_type": "code", "source": ["targets = [1, 0, 1]\\n", "preds = [0.8, 0.3, 0.9]"]}';
  // The arrays are inside strings, so there is nothing to read: the words array is reported.
  const result = parsedOrError(text);
  assert.equal(result, 'no-arrays');
});

function parsedOrError(text: string): string {
  try {
    parsed(text);
    return 'ok';
  } catch {
    return 'no-arrays';
  }
}

test('a Keras call with keyword arguments', () => {
  const text = 'keras.losses.binary_crossentropy(y_true=[[1, 0, 1]], y_pred=[[0.8, 0.3, 0.9]])';
  const p = parsed(text);
  assert.deepEqual(values(p.targets), [1, 0, 1]);
  assert.deepEqual(p.targets.shape, [1, 3]);
  assert.equal(p.targets.name, 'y_true');
  assert.equal(p.predictions.name, 'y_pred');
});

test('positional arguments of known loss functions follow each framework\'s order', () => {
  const torch = parsed('F.binary_cross_entropy(torch.tensor([0.8, 0.3, 0.9]), torch.tensor([1., 0., 1.]))');
  assert.deepEqual(values(torch.targets), [1, 0, 1], 'PyTorch: input first, target second');
  assert.equal(torch.orderAssumed, false);
  assert.deepEqual(pair('nn.BCELoss()([0.8, 0.3, 0.9], [1, 0, 1])'), ARTICLE);
  assert.deepEqual(pair('log_loss([1, 0, 1], [0.8, 0.3, 0.9])'), ARTICLE, 'scikit-learn: y_true first');
  assert.deepEqual(pair('tf.keras.losses.binary_crossentropy([1, 0, 1], [0.8, 0.3, 0.9])'), ARTICLE);
  const withLogits = parsed('nn.BCEWithLogitsLoss()(torch.tensor([0.8, 0.3, 0.9]), torch.tensor([1., 0., 1.]))');
  assert.equal(withLogits.inputKind, 'logits');
  assert.deepEqual(values(withLogits.targets), [1, 0, 1]);
  const fromLogits = parsed('keras.losses.BinaryCrossentropy(from_logits=True)([1, 0, 1], [0.8, 0.3, 0.9])');
  assert.equal(fromLogits.inputKind, 'logits');
  const fromLogitsAfter = parsed('keras.losses.binary_crossentropy(y_true=[1, 0, 1], y_pred=[0.8, 0.3, 0.9], from_logits=True)');
  assert.equal(fromLogitsAfter.inputKind, 'logits', 'from_logits=True after the arrays still counts');
  const tfLogits = parsed('tf.nn.sigmoid_cross_entropy_with_logits(labels=[1., 0., 1.], logits=[0.8, 0.3, 0.9])');
  assert.equal(tfLogits.inputKind, 'logits');
  assert.deepEqual(values(tfLogits.targets), [1, 0, 1]);
  assert.deepEqual(pair('F.binary_cross_entropy(input=[0.8, 0.3, 0.9], target=[1, 0, 1])'), ARTICLE);
});

test('float32 values written as np.float32(...) keep float32 rounding', () => {
  const p = parsed('targets = [1, 0]\npredictions = [np.float32(0.1), 0.5]');
  assert.equal(p.predictions.values[0], Math.fround(0.1));
});

test('the source is kept and every range indexes into it (UTF-16 offsets)', () => {
  const text = '# 🐱 cat first\nlabels = ["🐱", "ñandú"]\ny = [1, 0]\np = [0.25, 0.75]';
  const p = parsed(text);
  assert.equal(p.source, text);
  assert.deepEqual(p.labels, ['🐱', 'ñandú']);
  assert.equal(at(text, p.predictions.range), '[0.25, 0.75]');
  assert.deepEqual(p.targets.valueRanges.map((r) => at(text, r)), ['1', '0']);
});

test('values are Float64Array and the result survives JSON and structured cloning', () => {
  const p = parsed('targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]');
  assert.ok(p.targets.values instanceof Float64Array);
  const json = JSON.parse(JSON.stringify(p)) as { predictions: { valueRanges: { start: number; end: number }[] } };
  assert.deepEqual(json.predictions.valueRanges[2], { start: 45, end: 48 });
  const clone = structuredClone(p);
  assert.deepEqual(clone.predictions.valueRanges, p.predictions.valueRanges);
  assert.deepEqual(Array.from(clone.predictions.values), [0.8, 0.3, 0.9]);
});

test('Markdown: fenced code and inline code are read, the fences ignored', () => {
  assert.deepEqual(pair('```python\ntargets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]\n```'), ARTICLE);
  assert.deepEqual(pair('We pass `targets = [1, 0, 1]` and `predictions = [0.8, 0.3, 0.9]`.'), ARTICLE);
});

test('dict(...) and other calls pass keyword names through', () => {
  assert.deepEqual(pair('batch = dict(targets=[1, 0, 1], preds=[0.8, 0.3, 0.9])'), ARTICLE);
});

test('printed tf.Tensor values: shape=(3,) describes the data and is not taken for an array of it', () => {
  const text = [
    '<tf.Tensor: shape=(3,), dtype=float32, numpy=array([1., 0., 1.], dtype=float32)>',
    '<tf.Tensor: shape=(3,), dtype=float32, numpy=array([0.8, 0.3, 0.9], dtype=float32)>',
  ].join('\n');
  const p = parsed(text);
  assert.deepEqual({ targets: values(p.targets), predictions: values(p.predictions) }, ARTICLE);
  // The targets are all 0/1, so the values decide the roles, not the order they were printed in.
  assert.equal(p.orderAssumed, false);
});
