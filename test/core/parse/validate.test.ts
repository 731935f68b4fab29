/// <reference types="node" />
// Errors found after the arrays are chosen: empty, NaN/inf, shapes, value ranges. Each checks the
// exact text its range selects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, parseError, parsed } from './helpers';

test('not-finite: every spelling of NaN and infinity, with the element index and its text', () => {
  const cases: [string, string, string][] = [
    ['targets = [1, 0]\npredictions = [nan, 0.5]', 'nan', 'Prediction at index 0 is nan'],
    ['targets = [1, 0]\npredictions = [0.5, np.nan]', 'np.nan', 'Prediction at index 1 is np.nan'],
    ["targets = [1, 0]\npredictions = [0.5, float('inf')]", "float('inf')", "Prediction at index 1 is float('inf')"],
    ['targets = [1, 0]\npredictions = [Infinity, 0.5]', 'Infinity', 'Prediction at index 0 is Infinity'],
    ['targets = [1, 0]\npredictions = [0.5, NaN]', 'NaN', 'Prediction at index 1 is NaN'],
    ['targets = [1, 0]\npredictions = [0.5, -np.inf]', '-np.inf', 'Prediction at index 1 is -np.inf'],
    ['targets = [1, 0]\npredictions = [0.5, -float("inf")]', '-float("inf")', 'Prediction at index 1 is -float("inf")'],
    ['targets = [1, math.nan]\npredictions = [0.5, 0.5]', 'math.nan', 'Target at index 1 is math.nan'],
    ['targets = [1, 0]\npredictions = [0.5, 1e999]', '1e999', 'Prediction at index 1 is 1e999'],
    ['y <- c(1, NA)\np <- c(0.5, 0.5)', 'NA', 'Target at index 1 is NA'],
    ['targets = [[1, 0], [0, 1]]\npredictions = [[0.5, 0.5], [torch.nan, 0.5]]', 'torch.nan', 'Prediction at index [1, 0] is torch.nan'],
  ];
  for (const [text, selected, start] of cases) {
    const error = parseError(text);
    assert.equal(error.code, 'not-finite', text);
    assert.equal(at(text, error.range), selected, text);
    assert.ok(error.message.startsWith(start), `${error.message} / ${start}`);
    assert.ok(error.suggestion !== undefined);
  }
  // Logits may not be infinite either.
  assert.equal(parseError('targets = [1, 0]\nlogits = [inf, 0]').code, 'not-finite');
});

test('shape-mismatch: flat lists point at the values the shorter one lacks, and give both shapes', () => {
  const text = 'targets = [1, 0, 1, 1]\npredictions = [0.8, 0.3]';
  const error = parseError(text);
  assert.equal(error.code, 'shape-mismatch');
  assert.equal(at(text, error.range), '1, 1');
  assert.match(error.message, /\[4\].*\[2\]/);

  const longerPredictions = 'targets = [1, 0]\npredictions = [0.8, 0.3, 0.9]';
  assert.equal(at(longerPredictions, parseError(longerPredictions).range), '0.9');

  const batches = 'targets = [[1, 0], [0, 1]]\npredictions = [[0.8, 0.3, 0.1], [0.1, 0.2, 0.3]]';
  const e2 = parseError(batches);
  assert.equal(e2.code, 'shape-mismatch');
  assert.equal(at(batches, e2.range), '[[0.8, 0.3, 0.1], [0.1, 0.2, 0.3]]');
  assert.match(e2.message, /\[2, 2\].*\[2, 3\]/);

  const rowVsFlat = 'targets = [1, 0]\npredictions = [[0.8, 0.3], [0.1, 0.2]]';
  assert.equal(parseError(rowVsFlat).code, 'shape-mismatch', 'a flat list only matches a single row');
});

test('target-out-of-range: index, value and a suggestion fitting the value', () => {
  const text = 'targets = [1, 2, 0]\npredictions = [0.8, 0.3, 0.9]';
  const error = parseError(text);
  assert.equal(error.code, 'target-out-of-range');
  assert.equal(at(text, error.range), '2');
  assert.equal(error.message, 'Target at index 1 is 2, outside [0, 1].');
  assert.match(error.suggestion ?? '', /class index/);

  const svm = 'targets = [1, -1]\npredictions = [0.8, 0.3]';
  const e2 = parseError(svm);
  assert.equal(at(svm, e2.range), '-1');
  assert.match(e2.suggestion ?? '', /replace -1 with 0/);

  const soft = 'targets = [[0.5, 1.5]]\npredictions = [[0.8, 0.3]]';
  const e3 = parseError(soft);
  assert.equal(e3.message, 'Target at index [0, 1] is 1.5, outside [0, 1].');
  // Soft labels inside [0, 1] are fine.
  assert.equal(parsed('targets = [0.25, 1]\npredictions = [0.8, 0.3]').targets.values[0], 0.25);
});

test('prediction-out-of-range when the kind is probabilities: index, value, and the logits hint', () => {
  const text = 'targets = [1, 0, 1]\npredictions = [0.8, 2.3, 0.9]';
  const error = parseError(text, { inputKind: 'probabilities' });
  assert.equal(error.code, 'prediction-out-of-range');
  assert.equal(at(text, error.range), '2.3');
  assert.equal(error.message, 'Prediction at index 1 is 2.3, outside [0, 1]. A value above 1 usually means these are logits (raw scores before the sigmoid).');
  assert.match(error.suggestion ?? '', /logits/);

  const negative = 'targets = [[1, 0], [0, 1]]\npredictions = [[0.8, 0.3], [-0.5, 0.9]]';
  const e2 = parseError(negative, { inputKind: 'probabilities' });
  assert.equal(at(negative, e2.range), '-0.5');
  assert.match(e2.message, /^Prediction at index \[1, 0\] is -0\.5, outside \[0, 1\]\. A value below 0/);
});

test('an empty array that was asked for is an error on that array', () => {
  const text = 'targets = []\npredictions = []';
  const error = parseError(text);
  assert.equal(error.code, 'no-arrays');
  assert.equal(at(text, error.range), '[]');
  assert.match(error.message, /empty/);
});

test('messages never repeat long user text', () => {
  const long = 'x'.repeat(500);
  const text = `targets = [1, ${long}]\npredictions = [0.5, 0.5]`;
  const error = parseError(text);
  assert.equal(error.code, 'syntax');
  assert.equal(at(text, error.range), long);
  assert.ok(error.message.length < 100, error.message);
  const huge = `targets = [1, 0]\npredictions = [0.5, 0.${'5'.repeat(300)}e999]`;
  const e2 = parseError(huge);
  assert.equal(e2.code, 'not-finite');
  assert.ok(e2.message.length < 100, e2.message);
});

test('long names are cut in messages and notes too', () => {
  const name = `predictions_${'x'.repeat(300)}`;
  const p = parsed(`targets = [1, 0]\n${name} = [0.5, 0.5]`);
  for (const note of p.notes) assert.ok(note.length < 200, note);
  const e = parseError(`targets = [1, 0, 1]\n${name} = [0.5, 0.5]\nother_${'y'.repeat(300)} = [1]`);
  assert.ok(e.message.length < 200, e.message);
});
