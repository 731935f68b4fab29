/// <reference types="node" />
// Choosing the arrays: errors when there are too few or too many, and which candidate wins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, parseError, parsed, values } from './helpers';

test('no-arrays: nothing that looks like an array selects the whole text', () => {
  const text = 'the loss was 0.2284 yesterday';
  const error = parseError(text);
  assert.equal(error.code, 'no-arrays');
  assert.equal(at(text, error.range), text);
  assert.ok(error.suggestion !== undefined);
  assert.equal(parseError('').code, 'no-arrays');
});

test('no-arrays: only label names selects them and says so', () => {
  const text = 'labels = [car, cat, dog]';
  const error = parseError(text);
  assert.equal(error.code, 'no-arrays');
  assert.equal(at(text, error.range), '[car, cat, dog]');
  assert.match(error.message, /only words/);
});

test('one-array: a single array is selected, with a suggestion to name or select both', () => {
  const text = 'x = 3\ntargets = [1, 0, 1]';
  const error = parseError(text);
  assert.equal(error.code, 'one-array');
  assert.equal(at(text, error.range), '[1, 0, 1]');
  assert.match(error.message, /targets/);
  assert.match(error.suggestion ?? '', /predictions/);

  const unnamed = 'np.array([0.8, 0.3, 0.9])';
  const e2 = parseError(unnamed);
  assert.equal(e2.code, 'one-array');
  assert.equal(at(unnamed, e2.range), unnamed);
  assert.match(e2.suggestion ?? '', /name them|Select both/);
});

test('ambiguous-arrays: three unnamed arrays point at the third', () => {
  const text = 'a = [1, 0]\nb = [0.5, 0.2]\nc = [0.1, 0.1]';
  const error = parseError(text);
  assert.equal(error.code, 'ambiguous-arrays');
  assert.equal(at(text, error.range), '[0.1, 0.1]');
  assert.match(error.message, /3 arrays/);
});

test('ambiguous-arrays: one named array and two unknown ones point at the second unknown one', () => {
  const text = 'targets = [1, 0]\nfoo = [0.5, 0.2]\nbar = [0.1, 0.1]';
  const error = parseError(text);
  assert.equal(error.code, 'ambiguous-arrays');
  assert.equal(at(text, error.range), '[0.1, 0.1]');
});

test('a descriptive name beats a one-letter one; among equals the last assignment wins', () => {
  const p = parsed('y = [0, 0]\ntargets = [1, 0]\npredictions = [0.5, 0.5]\npredictions = [0.8, 0.3]');
  assert.deepEqual(values(p.targets), [1, 0]);
  assert.deepEqual(values(p.predictions), [0.8, 0.3], 'the last assignment, as running the code would leave it');
  assert.ok(p.notes.some((n) => n.includes('y could also be the targets')));
});

test('an unusable array named as a role is reported even when the other role is fine', () => {
  const text = 'targets = [1, 0]\npredictions = [p for p in probs]';
  const error = parseError(text);
  assert.equal(error.code, 'syntax');
  assert.equal(at(text, error.range), 'for');
});

test('arrays named as roles but holding words are a syntax error on that array', () => {
  const text = 'targets = [car, dog]\npredictions = [0.8, 0.3]';
  const error = parseError(text);
  assert.equal(error.code, 'syntax');
  assert.equal(at(text, error.range), '[car, dog]');
  assert.match(error.message, /words/);
});

test('unnamed empty lists in code are ignored, not counted as arrays', () => {
  const p = parsed('results = []\nfor i in range(3): pass\n[1, 0], [0.3, 0.4]\nx = []'.replace('results = []', 'results = [] '));
  assert.deepEqual(values(p.targets), [1, 0]);
});

test('notes about unused arrays are one sentence however many there are', () => {
  const many = Array.from({ length: 50 }, (_, i) => `w${i} = [${i}]`).join('\n');
  const p = parsed(`${many}\ntargets = [1, 0]\npredictions = [0.5, 0.5]`);
  assert.equal(p.notes.length, 1);
  assert.equal(p.notes[0], 'w0, w1, w2 and 47 more were not used: the names do not say whether they hold targets or predictions.');
  const one = parsed('w = [3]\ntargets = [1, 0]\npredictions = [0.5, 0.5]');
  assert.deepEqual(one.notes, ['w was not used: the names do not say whether they hold targets or predictions.']);
});
