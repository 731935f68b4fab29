/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inputError } from '../../src/core/errors';

test('inputError builds the plain InputError value, leaving out what was not given', () => {
  assert.deepEqual(inputError('syntax', 'Bad.'), { kind: 'input-error', code: 'syntax', message: 'Bad.' });
  const full = inputError('one-array', 'Only one.', { start: 2, end: 5 }, 'Select both.');
  assert.deepEqual(full, { kind: 'input-error', code: 'one-array', message: 'Only one.', range: { start: 2, end: 5 }, suggestion: 'Select both.' });
  assert.ok(!('range' in inputError('syntax', 'x')), 'no undefined keys, so JSON and deepEqual stay clean');
});
