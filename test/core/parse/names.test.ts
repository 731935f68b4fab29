/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isArrayConstructor, isLabelNamesName, lossArgumentRoles, normalizeName, roleOfNumericName } from '../../../src/core/parse/names';

test('names are compared without case, underscores or hyphens', () => {
  assert.equal(normalizeName('Y_True'), 'ytrue');
  assert.equal(normalizeName('y-pred'), 'ypred');
  assert.deepEqual(roleOfNumericName('yTrue', false), { role: 'targets', strength: 3 });
  assert.deepEqual(roleOfNumericName('Y', false), { role: 'targets', strength: 1 });
  assert.deepEqual(roleOfNumericName('SCORES', false), { role: 'logits', strength: 3 });
  assert.deepEqual(roleOfNumericName('y_score', false), { role: 'predictions', strength: 3 });
  assert.equal(roleOfNumericName('weights', false), null);
});

test('input is a prediction only as a keyword argument (PyTorch), not as a variable', () => {
  assert.equal(roleOfNumericName('input', false), null);
  assert.deepEqual(roleOfNumericName('input', true), { role: 'predictions', strength: 3 });
});

test('label names, constructors and loss argument orders', () => {
  assert.ok(isLabelNamesName('class_names'));
  assert.ok(!isLabelNamesName('target_labels'));
  assert.ok(isArrayConstructor('Tensor'));
  assert.ok(isArrayConstructor('asarray'));
  assert.ok(!isArrayConstructor('print'));
  assert.deepEqual(lossArgumentRoles('binary_cross_entropy'), ['predictions', 'targets']);
  assert.deepEqual(lossArgumentRoles('binary_crossentropy'), ['targets', 'predictions']);
  assert.deepEqual(lossArgumentRoles('BCEWithLogitsLoss'), ['logits', 'targets']);
  assert.equal(lossArgumentRoles('mse_loss'), null);
});
