/// <reference types="node" />
// Which array is the target when names say nothing (the values decide), the warning for a pair
// that looks swapped, and the swap a user can ask for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeLoss } from '../../../src/core/loss';
import { analyseHover } from '../../../src/core/hover/analyse';
import { classOf } from '../../../src/core/parse/roles';
import type { LossOptions, ParsedInput } from '../../../src/core/types';
import { parseError, parsed, values } from './helpers';

const PYTORCH: LossOptions = { preset: 'pytorch', reduction: 'mean', input: 'probabilities', logBase: 'e', dtype: 'float64' };

function loss(p: ParsedInput, options: LossOptions = PYTORCH): number {
  const r = computeLoss(p.targets.values, p.predictions.values, p.predictions.shape, { ...options, input: p.inputKind });
  if (!r.ok) assert.fail(r.error.message);
  return r.value.loss;
}

/** The example: -(ln 0.8 + ln 0.7 + ln 0.9) / 3, worked by hand. */
const ARTICLE_LOSS = -(Math.log(0.8) + Math.log(0.7) + Math.log(0.9)) / 3;

/** Ways an unnamed array is written or printed. */
const PRINTS: readonly [string, (xs: string) => string][] = [
  ['a list', (xs) => `[${xs}]`],
  // The trailing comma makes a one-element tuple a tuple, as in Python.
  ['a tuple', (xs) => `(${xs},)`],
  ['a printed PyTorch tensor', (xs) => `tensor([${xs}], device='cuda:0')`],
  ['a printed NumPy array', (xs) => `array([${xs}])`],
  ['np.array', (xs) => `np.array([${xs}])`],
];

test('an unnamed pair, one array all 0/1: that one is the target in either order and in every print style', () => {
  for (const [style, print] of PRINTS) {
    for (const [first, second] of [
      ['1., 0., 1.', '0.8, 0.3, 0.9'],
      ['0.8, 0.3, 0.9', '1., 0., 1.'],
    ] as const) {
      for (const separator of ['\n', ', ', '\n\n# and\n']) {
        const text = `${print(first)}${separator}${print(second)}`;
        const p = parsed(text);
        assert.deepEqual(values(p.targets), [1, 0, 1], `${style}: ${text}`);
        assert.deepEqual(values(p.predictions), [0.8, 0.3, 0.9], `${style}: ${text}`);
        assert.equal(p.orderAssumed, false, text);
        assert.equal(p.roleWarning, undefined, text);
        assert.ok(p.notes.some((n) => n.startsWith('No names were given, so the values decided:') && n.includes('only 0s and 1s')), `${text}: ${p.notes.join(' | ')}`);
        assert.ok(Math.abs(loss(p) - ARTICLE_LOSS) < 1e-12, text);
      }
    }
  }
});

test('the issue example: predictions written first give 0.228393, not 20', () => {
  const p = parsed('a = [0.8, 0.3, 0.9]\nb = [1, 0, 1]\n');
  assert.deepEqual(values(p.targets), [1, 0, 1]);
  assert.equal(p.targets.name, 'b');
  assert.equal(loss(p).toPrecision(6), '0.228393');
});

test('an unnamed pair with both arrays all 0/1, or neither: the order rule, said so, in either order', () => {
  for (const [a, b, rule] of [
    ['[1, 0, 1]', '[0, 0, 1]', /both arrays hold only 0s and 1s.*by the order rule/],
    ['[0.2, 0.6, 0.4]', '[0.8, 0.3, 0.9]', /neither array holds only 0s and 1s.*by the order rule/],
  ] as const) {
    for (const [first, second] of [
      [a, b],
      [b, a],
    ]) {
      const text = `${first}\n${second}`;
      const p = parsed(text);
      assert.equal(p.targets.range.start, 0, `${text}: the first array is the targets`);
      assert.equal(p.orderAssumed, true, text);
      assert.ok(p.notes.some((n) => rule.test(n)), `${text}: ${p.notes.join(' | ')}`);
    }
  }
});

test('an unnamed pair with soft targets written first and all-0/1 predictions second is read the other way round', () => {
  // Without the values rule this pair would be read by order and give 20 (a 0 where a 1 belongs costs 100).
  const p = parsed('[0.8, 0.3, 0.9]\n[1, 0, 1]');
  assert.deepEqual(values(p.targets), [1, 0, 1]);
  assert.equal(p.roleWarning, undefined);
});

test('class indices beside probabilities are the targets in either order, so the error speaks of class indices', () => {
  for (const text of ['[2, 0, 1]\n[0.8, 0.3, 0.9]', '[0.8, 0.3, 0.9]\n[2, 0, 1]']) {
    const e = parseError(text);
    assert.equal(e.code, 'target-out-of-range', text);
    assert.match(e.suggestion ?? '', /class index/, text);
  }
});

test('all 0/1 beats class indices: [2, 0, 3] beside [1, 0, 1] is read as logits, in either order', () => {
  for (const text of ['[2, 0, 3]\n[1, 0, 1]', '[1, 0, 1]\n[2, 0, 3]']) {
    const p = parsed(text);
    assert.deepEqual(values(p.targets), [1, 0, 1], text);
    assert.equal(p.inputKind, 'logits', text);
    assert.ok(p.notes.some((n) => /values decided/.test(n)), text);
  }
});

test('a batch: the all-0/1 matrix is the target in either order, numpy print or nested lists', () => {
  const targets = '[[1, 0, 1], [0, 1, 0]]';
  const predictions = '[[0.8, 0.3, 0.9], [0.2, 0.6, 0.1]]';
  const numpyTargets = 'array([[1., 0., 1.],\n       [0., 1., 0.]])';
  const numpyPredictions = 'array([[0.8, 0.3, 0.9],\n       [0.2, 0.6, 0.1]])';
  for (const [t, p] of [
    [targets, predictions],
    [numpyTargets, numpyPredictions],
  ]) {
    for (const text of [`${t}\n${p}`, `${p}\n${t}`]) {
      const r = parsed(text);
      assert.deepEqual(r.targets.shape, [2, 3], text);
      assert.deepEqual(values(r.targets), [1, 0, 1, 0, 1, 0], text);
      assert.deepEqual(values(r.predictions), [0.8, 0.3, 0.9, 0.2, 0.6, 0.1], text);
      assert.equal(r.orderAssumed, false, text);
    }
  }
  // A flat list against one row of the same length: still one sample, still decided by the values.
  const oneRow = parsed('[[0.8, 0.3, 0.9]]\n[1, 0, 1]');
  assert.deepEqual(values(oneRow.targets), [1, 0, 1]);
  assert.deepEqual(oneRow.targets.shape, [1, 3]);
});

test('names decide even when the values contradict them: the roles are kept and a warning with both losses is given', () => {
  for (const text of [
    'targets = [0.8, 0.3, 0.9]\npredictions = [1, 0, 1]',
    'y_pred = [1, 0, 1]\ny_true = [0.8, 0.3, 0.9]',
    '{"targets": [0.8, 0.3, 0.9], "predictions": [1, 0, 1]}',
    // PyTorch's order is (input, target): the call forces the roles.
    'F.binary_cross_entropy(torch.tensor([1., 0., 1.]), torch.tensor([0.8, 0.3, 0.9]))',
    // One named array and one unnamed: the name forces both.
    'targets = [0.8, 0.3, 0.9]\n[1, 0, 1]',
  ]) {
    const p = parsed(text);
    assert.deepEqual(values(p.targets), [0.8, 0.3, 0.9], text);
    assert.deepEqual(values(p.predictions), [1, 0, 1], text);
    const w = p.roleWarning;
    assert.ok(w !== undefined, `${text}: a warning`);
    // By hand: 100·0.2, 100·0.3, 100·0.1 (each log clamped at -100 as BCELoss does), mean 20.
    assert.ok(Math.abs(w.loss - 20) < 1e-9, `${text}: ${w.loss}`);
    assert.ok(Math.abs(w.swappedLoss - ARTICLE_LOSS) < 1e-12, `${text}: ${w.swappedLoss}`);
    assert.match(w.message, /look swapped/);
    assert.match(w.message, /0\.228393 instead of 20/);
    // The loss the walkthrough computes under PyTorch is the one the warning quotes.
    assert.ok(Math.abs(loss(p) - w.loss) < 1e-9, text);
  }
});

test('a named batch with contradicting values gets the warning too', () => {
  const p = parsed('targets = [[0.8, 0.3], [0.9, 0.6]]\npredictions = [[1, 0], [1, 1]]');
  assert.deepEqual(p.targets.shape, [2, 2]);
  assert.ok(p.roleWarning !== undefined);
  assert.ok(p.roleWarning.swappedLoss < p.roleWarning.loss);
});

test('no warning when a condition is missing', () => {
  for (const [text, why] of [
    ['targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]', 'the targets are not soft'],
    ['targets = [0.8, 0.3, 0.9]\npredictions = [0.9, 0.1, 0.7]', 'the predictions are not all 0/1'],
    ['targets = [0.8, 0.3, 0.9]\nlogits = [1, 0, 1]', 'logits of 0 and 1 are ordinary scores'],
    ['targets = [1e-50]\npredictions = [1]', 'the swap gives no lower loss: both clamp at 100'],
    ['targets = [1, 0]\npredictions = [1, 1]', 'both all 0/1'],
  ] as const) {
    const p = parsed(text);
    assert.equal(p.roleWarning, undefined, `${why}: ${text}`);
  }
  assert.equal(parsed('targets = [0.8, 0.3, 0.9]\npredictions = [1, 0, 1]', { inputKind: 'logits' }).roleWarning, undefined, 'logits asked for');
});

test('swapRoles exchanges the decided roles, says so in place of the rule, and marks the result', () => {
  const named = parsed('targets = [0.8, 0.3, 0.9]\npredictions = [1, 0, 1]', { swapRoles: true });
  assert.deepEqual(values(named.targets), [1, 0, 1]);
  assert.equal(named.targets.name, 'predictions');
  assert.equal(named.rolesSwapped, true);
  assert.equal(named.roleWarning, undefined);
  assert.ok(named.notes.some((n) => /swapped, as asked: predictions is used as the targets and targets as the predictions/.test(n)), named.notes.join(' | '));
  assert.ok(Math.abs(loss(named) - ARTICLE_LOSS) < 1e-12);

  // Swapping a pair the values decided gives the pair that looks swapped: the warning offers the way back.
  const unnamed = parsed('[0.8, 0.3, 0.9]\n[1, 0, 1]', { swapRoles: true });
  assert.deepEqual(values(unnamed.targets), [0.8, 0.3, 0.9]);
  assert.equal(unnamed.rolesSwapped, true);
  assert.ok(unnamed.roleWarning !== undefined);
  assert.equal(unnamed.notes.some((n) => /values decided/.test(n)), false, 'the rule note gives way to the swap note');

  // A call's argument order is swapped as well, and its "read as" notes no longer claim the old roles.
  const call = parsed('F.binary_cross_entropy(torch.tensor([1., 0., 1.]), torch.tensor([0.8, 0.3, 0.9]))', { swapRoles: true });
  assert.deepEqual(values(call.targets), [1, 0, 1]);
  assert.equal(call.notes.some((n) => /was read as the/.test(n)), false, call.notes.join(' | '));

  assert.equal(parsed('targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]').rolesSwapped, undefined);
});

test('the hover pairs arrays by the same rule', () => {
  const text = "tensor([0.8, 0.3, 0.9], device='cuda:0')\ntensor([1., 0., 1.], device='cuda:0')";
  const a = analyseHover(text, text.indexOf('0.8'), { inputKind: 'auto' });
  assert.ok(a !== null && a.kind === 'pair');
  assert.equal(a.side, 'predictions');
  assert.deepEqual(values(a.parsed.targets), [1, 0, 1]);
  const named = 'targets = [0.8, 0.3, 0.9]\npredictions = [1, 0, 1]';
  const b = analyseHover(named, named.indexOf('0.8'), { inputKind: 'auto' });
  assert.ok(b !== null && b.kind === 'pair');
  assert.ok(b.parsed.roleWarning !== undefined, 'the hover has the warning to show');
});

test('classOf: 0/1, whole numbers from 0 up, anything else', () => {
  assert.equal(classOf(Float64Array.from([1, 0, 1, -0])), 'binary');
  assert.equal(classOf(Float64Array.from([2, 0, 1])), 'indices');
  assert.equal(classOf(Float64Array.from([2, 0, 0.5])), 'other');
  assert.equal(classOf(Float64Array.from([-1, 0, 1])), 'other');
  assert.equal(classOf(Float64Array.from([NaN, 1])), 'other');
  assert.equal(classOf(Float64Array.from([Infinity])), 'other');
  assert.equal(classOf(new Float64Array(0)), 'unknown');
});

// ---- Properties -----------------------------------------------------------------------------

/** Doubles in [0, 1] without -0. */
const unit = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0);
const strictlyBetween = fc.double({ min: Number.EPSILON, max: 1 - Number.EPSILON, noNaN: true });

/** A binary array and a soft one of the same shape (at least one value strictly between 0 and 1). */
const unnamedPair = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), fc.boolean())
  .chain(([rows, columns, batch]) => {
    const n = batch ? rows * columns : columns;
    return fc.record({
      shape: fc.constant(batch ? [rows, columns] : [columns]),
      binary: fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }),
      soft: fc.tuple(fc.array(unit, { minLength: n, maxLength: n }), fc.nat({ max: n - 1 }), strictlyBetween).map(([xs, at, v]) => {
        const out = [...xs];
        out[at] = v;
        return out;
      }),
      print: fc.constantFrom(...PRINTS.map(([, p]) => p)),
      separator: fc.constantFrom('\n', ', ', '\n\n'),
    });
  });

function printArray(values: readonly number[], shape: readonly number[], print: (xs: string) => string): string {
  if (shape.length === 1) return print(values.map(String).join(', '));
  const columns = shape[1] as number;
  const rows: string[] = [];
  for (let i = 0; i < values.length; i += columns) rows.push(`[${values.slice(i, i + columns).map(String).join(', ')}]`);
  return print(rows.join(', '));
}

test('property: for an unnamed pair with exactly one binary array, the loss does not depend on the written order', () => {
  fc.assert(
    fc.property(unnamedPair, ({ shape, binary, soft, print, separator }) => {
      const b = printArray(binary, shape, print);
      const s = printArray(soft, shape, print);
      const first = parsed(`${b}${separator}${s}`);
      const second = parsed(`${s}${separator}${b}`);
      for (const p of [first, second]) {
        assert.deepEqual(values(p.targets), binary);
        assert.deepEqual(values(p.predictions), soft);
        assert.equal(p.roleWarning, undefined);
      }
      for (const preset of ['pytorch', 'keras', 'sklearn', 'exact'] as const) {
        const options: LossOptions = { ...PYTORCH, preset };
        assert.equal(loss(first, options), loss(second, options), preset);
      }
    }),
    { numRuns: 200 },
  );
});

test('property: a named pair that looks swapped keeps its roles, and the swap it offers gives the quoted loss under PyTorch', () => {
  fc.assert(
    fc.property(unnamedPair, ({ shape, binary, soft, print }) => {
      const text = `targets = ${printArray(soft, shape, print)}\npredictions = ${printArray(binary, shape, print)}`;
      const p = parsed(text);
      assert.deepEqual(values(p.targets), soft);
      const w = p.roleWarning;
      if (w === undefined) {
        // Owed only when the swap is lower; it can tie when every soft target sits within e^-100 of 0 or 1.
        assert.ok(!(loss(parsed(text, { swapRoles: true })) < loss(p) - 1e-9), text);
        return;
      }
      assert.ok(w.swappedLoss < w.loss);
      const swapped = parsed(text, { swapRoles: true });
      assert.deepEqual(values(swapped.targets), binary);
      assert.equal(swapped.roleWarning, undefined);
      assert.ok(Math.abs(loss(p) - w.loss) <= 1e-9 * Math.max(1, w.loss), `${loss(p)} vs ${w.loss}`);
      assert.ok(Math.abs(loss(swapped) - w.swappedLoss) <= 1e-9 * Math.max(1, w.swappedLoss), `${loss(swapped)} vs ${w.swappedLoss}`);
    }),
    { numRuns: 200 },
  );
});
