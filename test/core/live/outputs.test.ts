/// <reference types="node" />
// Notebook output text → parser input: the printouts numpy, torch and TensorFlow write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readableOutputText } from '../../../src/core/live';
import { parseInput } from '../../../src/core/parse';

const read = (text: string) => {
  const parsed = parseInput(readableOutputText(text));
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.error));
  return [Array.from(parsed.value.targets.values), Array.from(parsed.value.predictions.values)];
};

test("Jupyter's repr of TensorFlow values is unwrapped to the NumPy array inside", () => {
  const text = '(<tf.Tensor: shape=(3,), dtype=float32, numpy=array([1., 0., 1.], dtype=float32)>,\n <tf.Tensor: shape=(3,), dtype=float32, numpy=array([0.8, 0.3, 0.9], dtype=float32)>)';
  assert.equal(parseInput(text).ok, false, 'the parser alone does not read this repr; the test would prove nothing');
  assert.deepEqual(read(text), [[1, 0, 1], [0.8, 0.3, 0.9]]);
  const variable = "<tf.Variable 'y:0' shape=(2,) dtype=float32, numpy=array([1., 0.], dtype=float32)>\n<tf.Variable 'p:0' shape=(2,) dtype=float32, numpy=array([0.25, 0.5], dtype=float32)>";
  assert.deepEqual(read(variable), [[1, 0], [0.25, 0.5]]);
});

test('printouts the parser reads as they are pass through unchanged', () => {
  assert.deepEqual(read('(array([1., 0.]), array([0.25, 0.5]))'), [[1, 0], [0.25, 0.5]]);
  for (const text of ['tensor([1., 0., 1.]) tensor([0.8000, 0.3000, 0.9000])', '(1, 2)', 'tf.Tensor([1. 0. 1.], shape=(3,), dtype=float32) tf.Tensor([0.8 0.3 0.9], shape=(3,), dtype=float32)', 'a < b > c']) {
    assert.equal(readableOutputText(text), text);
  }
  assert.deepEqual(read('targets: [1. 0. 1.]\narray([0.8, 0.3, 0.9], dtype=float32)'), [[1, 0, 1], [0.8, 0.3, 0.9]]);
});

test("a printout numpy or torch shortened with '...' gets the message about printing in full", () => {
  const parsed = parseInput(readableOutputText('tensor([1., 0., 1.,  ..., 0., 1., 1.]) tensor([0.8000, 0.3000, 0.9000,  ..., 0.2000, 0.7000, 0.6000])'));
  assert.ok(!parsed.ok);
  assert.match(parsed.error.message, /shortened it when printing/);
  assert.match(parsed.error.suggestion ?? '', /Print the full array/);
});
