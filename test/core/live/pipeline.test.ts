/// <reference types="node" />
// From a program's text and its paused state to the walkthrough, with the debug adapter's part
// played by real interpreters: each read's expression is evaluated by python3 (NumPy) or by
// Node's vm and answered as debugpy and js-debug do (a string comes back as its repr, quoted).
// The program computes its own loss with NumPy, independently of the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { runInNewContext } from 'node:vm';
import { buildWalkthrough } from '../../../src/core/derivation';
import {
  assembleLiveInput,
  compareWithProgram,
  parseFetchAnswer,
  planReads,
  provenanceNotes,
  recogniseLossCall,
  unquoteStringLiteral,
  type LossCall,
  type ReadAnswer,
  type ReadKey,
} from '../../../src/core/live';

const LIMIT = 1_000_000;
const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

/** Runs `program`, then evaluates each expression in its globals and prints repr() of the result (or the error). */
function pythonAnswers(program: string, expressions: readonly string[]): ReadAnswer[] {
  const script = `${program}\nimport json as _j, sys as _s\n_out = []\nfor _e in _j.loads(_s.stdin.read()):\n    try:\n        _out.append({'ok': True, 'result': repr(eval(_e))})\n    except Exception as _x:\n        _out.append({'ok': False, 'message': f'{type(_x).__name__}: {_x}'})\nprint(_j.dumps(_out))`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(expressions), maxBuffer: 1 << 28 }).toString()) as ReadAnswer[];
}

function answersFor(call: LossCall, evaluate: (expressions: string[]) => ReadAnswer[], programHasRun = true) {
  const reads = planReads(call, LIMIT, programHasRun);
  const results = evaluate(reads.map((r) => r.evaluate));
  const answers = new Map<ReadKey, ReadAnswer>(reads.map((r, i) => [r.key, results[i]!]));
  return { reads, answers };
}

function recognised(text: string, line: number, language: 'python' | 'javascript'): LossCall {
  const call = recogniseLossCall(text, line, language);
  assert.ok(call !== null && !('problem' in call));
  return call;
}

const TORCH_LIKE = `
import numpy as np
rng = np.random.default_rng(7)
outputs = rng.uniform(0.01, 0.99, size=(4, 3))
labels = (rng.uniform(size=(4, 3)) > 0.5).astype(np.float64)
w = np.array([1.0, 2.0, 0.5])
# What F.binary_cross_entropy(outputs, labels, weight=w) computes, in float64.
loss = np.mean(w * -(labels * np.maximum(np.log(outputs), -100) + (1 - labels) * np.maximum(np.log(1 - outputs), -100)))
`;

test('F.binary_cross_entropy(..., weight=...) on float64 arrays: the walkthrough equals the program\'s loss to float64 precision', { skip: !hasNumpy }, () => {
  const text = `${TORCH_LIKE}\nloss2 = F.binary_cross_entropy(outputs, labels, weight=w)\n`;
  const call = recognised(text, text.split('\n').length - 2, 'python');
  const { reads, answers } = answersFor({ ...call, assignedTo: 'loss' }, (e) => pythonAnswers(TORCH_LIKE, e));
  assert.deepEqual(reads.map((r) => [r.key, r.safe]), [['targets', true], ['predictions', true], ['weight', true], ['program', true]]);
  const input = assembleLiveInput({ ...call, assignedTo: 'loss' }, reads, answers, LIMIT);
  assert.ok(input.ok, JSON.stringify(!input.ok && input.error));
  assert.equal(input.value.dtype, 'float64');
  assert.deepEqual(input.value.shapes.predictions, [4, 3]);
  assert.deepEqual(input.value.weight, [1, 2, 0.5]);
  const built = buildWalkthrough(input.value.parsed, {
    preset: input.value.preset,
    reduction: input.value.reduction,
    logBase: 'e',
    dtype: input.value.dtype,
    ...(input.value.weight ? { weight: input.value.weight } : {}),
  });
  assert.ok(built.ok);
  const program = input.value.program!;
  assert.equal(program.values.length, 1);
  assert.ok(Math.abs(built.value.result.loss - program.values[0]!) <= 1e-14 * program.values[0]!, `${built.value.result.loss} vs ${program.values[0]}`);
  const comparison = compareWithProgram(program, built.value, 6);
  assert.ok(comparison && !comparison.differs);
  assert.match(comparison.line, /^your program: \d\.\d+, this walkthrough: \d\.\d+/);
  const notes = provenanceNotes({ session: 'train', frame: '<module>', place: 'train.py:12' }, call, input.value, 'train.py:12');
  assert.match(notes[0]!, /train.*<module>.*train\.py:12/);
  assert.match(notes[1]!, /Targets: labels \(float64, shape \[4, 3\]\)\. Predictions: outputs \(float64, shape \[4, 3\]\)/);
});

test('a different reduction in the program than the call says: the comparison says they differ and why', { skip: !hasNumpy }, () => {
  const program = `${TORCH_LIKE}\nloss = loss * 12\n`;
  const text = 'loss = F.binary_cross_entropy(outputs, labels, weight=w)';
  const call = recognised(text, 0, 'python');
  const { reads, answers } = answersFor(call, (e) => pythonAnswers(program, e));
  const input = assembleLiveInput(call, reads, answers, LIMIT);
  assert.ok(input.ok);
  const built = buildWalkthrough(input.value.parsed, { preset: 'pytorch', reduction: input.value.reduction, logBase: 'e', dtype: 'float64', weight: input.value.weight! });
  assert.ok(built.ok);
  const comparison = compareWithProgram(input.value.program!, built.value, 6);
  assert.ok(comparison?.differs);
  assert.match(comparison.reason!, /differ beyond float64 rounding/);
});

test('float32 values keep their exact float32 value and dtype; a criterion object\'s reduction is read at run time', { skip: !hasNumpy }, () => {
  const program = `
import numpy as np
class Criterion:
    reduction = 'sum'
    weight = None
    pos_weight = np.array([2.0], dtype=np.float32)
criterion = Criterion()
outputs = np.array([[0.5, -1.25], [3.0, 0.1]], dtype=np.float32)
labels = np.array([[1, 0], [0, 1]], dtype=np.int64)
`;
  const text = 'criterion = nn.BCEWithLogitsLoss(pos_weight=pw)\nloss = criterion(outputs, labels)';
  const call = recognised(text, 1, 'python');
  const { reads, answers } = answersFor(call, (e) => pythonAnswers(program, e), false);
  assert.deepEqual(reads.map((r) => r.key), ['targets', 'predictions', 'weight', 'posWeight', 'reduction']);
  const input = assembleLiveInput(call, reads, answers, LIMIT);
  assert.ok(input.ok, JSON.stringify(!input.ok && input.error));
  assert.equal(input.value.reduction, 'sum');
  assert.equal(input.value.inputKind, 'logits');
  assert.equal(input.value.dtype, 'float32');
  assert.equal(input.value.dtypes.targets, 'int64');
  assert.deepEqual(input.value.posWeight, [2]);
  assert.equal(input.value.weight, undefined);
  assert.equal(input.value.program, null);
  assert.deepEqual(Array.from(input.value.parsed.predictions.values), [0.5, -1.25, 3, Math.fround(0.1)]);
});

test('an array past the limit is refused with its size, and the answer carried no values', { skip: !hasNumpy }, () => {
  const program = 'import numpy as np\np = np.full((1001, 1000), 0.5)\ny = np.ones((1001, 1000))\n';
  const call = recognised('loss = F.binary_cross_entropy(p, y)', 0, 'python');
  const reads = planReads(call, LIMIT, false);
  const [answer] = pythonAnswers(program, [reads[1]!.evaluate]);
  assert.ok(answer?.ok);
  assert.ok(answer.result.length < 100);
  const parsed = parseFetchAnswer(answer.result, 'p', LIMIT);
  assert.ok(!parsed.ok);
  assert.equal(parsed.error.code, 'too-many-numbers');
  assert.match(parsed.error.message, /p holds 1,001,000 numbers \(shape \[1001, 1000\]\)/);
});

test('an expression that fails in the program gives its error, naming the expression', { skip: !hasNumpy }, () => {
  const call = recognised('loss = F.binary_cross_entropy(p, y)', 0, 'python');
  const { reads, answers } = answersFor(call, (e) => pythonAnswers('p = [0.5]', e), false);
  const input = assembleLiveInput(call, reads, answers, LIMIT);
  assert.ok(!input.ok);
  assert.match(input.error.message, /Evaluating y in the paused program failed: NameError/);
});

test('JavaScript: TF.js-style tensors, typed arrays and arrays, evaluated by V8 as js-debug would', () => {
  const context = {
    labels: { dataSync: () => new Float32Array([1, 0, 1, 0]), shape: [4], size: 4, dtype: 'float32' },
    logits: new Float32Array([0.3, -2.5, 1.7, 0.05]),
  };
  const text = "const loss = tf.losses.sigmoidCrossEntropy(labels, logits, undefined, 0, 'sum');";
  const call = recognised(text, 0, 'javascript');
  const { reads, answers } = answersFor(call, (es) => es.map((e) => ({ ok: true, result: JSON.stringify(runInNewContext(e, context)) })), false);
  const input = assembleLiveInput(call, reads, answers, LIMIT);
  assert.ok(input.ok, JSON.stringify(!input.ok && input.error));
  assert.equal(input.value.reduction, 'sum');
  assert.equal(input.value.dtype, 'float32');
  assert.deepEqual(Array.from(input.value.parsed.predictions.values), [0.3, -2.5, 1.7, 0.05].map(Math.fround));
});

test('string literals from debuggers are unquoted exactly', () => {
  assert.equal(unquoteStringLiteral(String.raw`'a\'b\\n\n\x41\u00e9'`), "a'b\\n\nAé");
  assert.equal(unquoteStringLiteral('"LW1|none|END"'), 'LW1|none|END');
  assert.equal(unquoteStringLiteral('LW1|none|END'), 'LW1|none|END');
  assert.equal(unquoteStringLiteral(String.raw`"\U0001F600"`), '😀');
});
