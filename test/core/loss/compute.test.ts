// computeLoss against the golden values of /work/shared/reference/loss-semantics.md and against
// textbook formulas written out here, preset by preset.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Preset } from '../../../src/core/types';
import { assertClose, assertDigits, loss, sigmoid, softplus, textbook } from './helpers';

const ALL_PRESETS: readonly Preset[] = ['pytorch', 'pytorch-logits', 'keras', 'tf-keras', 'sklearn', 'tfjs', 'exact'];
const Y = [1, 0, 1];
const P = [0.8, 0.3, 0.9];

describe('golden values: targets [1, 0, 1], predictions [0.8, 0.3, 0.9]', () => {
  for (const preset of ALL_PRESETS.filter((p) => p !== 'tf-keras')) {
    it(`${preset}: ln per element, mean and sum`, () => {
      const mean = loss(Y, P, { preset });
      assertDigits(mean.elementLosses[0] as number, '0.22314355', 'car');
      assertDigits(mean.elementLosses[1] as number, '0.35667494', 'cat');
      assertDigits(mean.elementLosses[2] as number, '0.10536052', 'dog');
      assertDigits(mean.loss, '0.22839300', 'mean');
      const sum = loss(Y, P, { preset, reduction: 'sum' });
      // Keras sums per-sample means; a 1-D input is one sample, so its 'sum' is the mean.
      assertDigits(sum.loss, preset === 'keras' ? '0.22839300' : '0.68517901', 'sum');
    });
  }

  it('tf-keras adds ε inside the logs, so it differs from the others only after the 6th digit', () => {
    const r = loss(Y, P, { preset: 'tf-keras' });
    const eps = 1e-7;
    const expected = [
      -Math.log(0.8 + eps),
      -Math.log(1 - 0.3 + eps),
      -Math.log(0.9 + eps),
    ];
    expected.forEach((e, i) => assertClose(r.elementLosses[i] as number, e, 1e-12, `element ${i}`));
    assertDigits(r.loss, '0.228393');
  });

  it('base 10 gives the article numbers exactly: car 0.096910013, cat 0.15490196', () => {
    const r = loss(Y, P, { logBase: '10' });
    assertDigits(r.elementLosses[0] as number, '0.096910013', 'car');
    assertDigits(r.elementLosses[1] as number, '0.15490196', 'cat');
    assertDigits(r.elementLosses[2] as number, '0.045757491', 'dog');
    assertDigits(r.loss, '0.09918982', 'mean');
  });

  it('base 2 mean is 0.32950145', () => {
    assertDigits(loss(Y, P, { logBase: '2' }).loss, '0.32950145');
  });
});

describe('golden values: more cases', () => {
  it('p = 0, y = 1: pytorch 100, keras 16.118096 (float64), tf-keras 15.424948, sklearn 36.043653', () => {
    assert.equal(loss([1], [0], { preset: 'pytorch' }).loss, 100);
    assertDigits(loss([1], [0], { preset: 'keras', dtype: 'float64' }).loss, '16.118096');
    assertDigits(loss([1], [0], { preset: 'tf-keras', dtype: 'float64' }).loss, '15.424948');
    assertDigits(loss([1], [0], { preset: 'sklearn', dtype: 'float64' }).loss, '36.043653');
  });

  it('p = 1, y = 0 in float32 Keras is 15.942385 because f32(1 - 1e-7) = 1 - 2^-23', () => {
    assertDigits(loss([0], [1], { preset: 'keras', dtype: 'float32' }).loss, '15.942385');
  });

  it('pytorch mean of [0, 0.3, 0.9] against [1, 0, 1] is 33.487345', () => {
    assertDigits(loss(Y, [0, 0.3, 0.9]).loss, '33.487345');
  });

  it('logits [2, -1, 3]: per element and mean, without and with pos_weight 2', () => {
    for (const preset of ['pytorch', 'pytorch-logits'] as const) {
      const r = loss(Y, [2, -1, 3], { preset, input: 'logits' });
      ['0.126928', '0.313262', '0.048587'].forEach((e, i) => assertDigits(r.elementLosses[i] as number, e, `element ${i}`));
      assertDigits(r.loss, '0.162926');
      const w = loss(Y, [2, -1, 3], { preset, input: 'logits', posWeight: [2, 2, 2] });
      ['0.253856', '0.313262', '0.097175'].forEach((e, i) => assertDigits(w.elementLosses[i] as number, e, `pos_weight element ${i}`));
      assertDigits(w.loss, '0.221431');
    }
  });

  it('logits [2, -1, 3] give the same per-element values for every preset that takes logits natively', () => {
    for (const preset of ['keras', 'tf-keras', 'tfjs', 'exact'] as const) {
      const r = loss(Y, [2, -1, 3], { preset, input: 'logits' });
      assertDigits(r.loss, '0.162926', preset);
    }
  });

  it('label smoothing 0.1 makes the targets [0.95, 0.05, 0.95] and the mean 0.302240', () => {
    const r = loss(Y, P, { labelSmoothing: 0.1 });
    assertDigits(r.loss, '0.302240');
    const expected = (textbook(0.95, 0.8) + textbook(0.05, 0.3) + textbook(0.95, 0.9)) / 3;
    assertClose(r.loss, expected, 1e-12);
  });

  it('weights [1, 2, 3]: pytorch divides by 3 (0.417525), sklearn by the sum of weights (0.208762)', () => {
    assertDigits(loss(Y, P, { weight: [1, 2, 3] }).loss, '0.417525');
    assertDigits(loss(Y, P, { preset: 'sklearn', weight: [1, 2, 3] }).loss, '0.208762');
  });

  it('-ln σ(1.5) = 0.2014 (PyTorch documentation example)', () => {
    assertDigits(loss([1], [1.5], { input: 'logits' }).loss, '0.2014');
  });
});

describe('each preset at the edges: p = 0 and p = 1', () => {
  const LN2 = Math.LN2;
  // [preset, y=1 p=0, y=0 p=1] in float64, each from the preset's rule written by hand.
  const cases: readonly [Preset, number, number][] = [
    ['pytorch', 100, 100],
    ['pytorch-logits', 100, 100],
    ['keras', -Math.log(1e-7), -Math.log(1 - (1 - 1e-7))],
    ['tf-keras', -Math.log(2e-7), -Math.log(1 - (1 - 1e-7) + 1e-7)],
    ['sklearn', 52 * LN2, 52 * LN2],
    ['tfjs', -Math.log(1e-7 / (1 - 1e-7)) + Math.log1p(1e-7 / (1 - 1e-7)), -Math.log(1e-7 / (1 - 1e-7)) + Math.log1p(1e-7 / (1 - 1e-7))],
    ['exact', Infinity, Infinity],
  ];
  for (const [preset, missAtZero, missAtOne] of cases) {
    it(`${preset}: a confident miss costs ${missAtZero.toPrecision(8)}, a confident hit 0 or next to it`, () => {
      const r = loss([1, 0, 1, 0], [0, 1, 1, 0], { preset, reduction: 'none' });
      assertClose(r.elementLosses[0] as number, missAtZero, 1e-9, 'y=1, p=0');
      assertClose(r.elementLosses[1] as number, missAtOne, 1e-9, 'y=0, p=1');
      for (const i of [2, 3]) {
        const hit = r.elementLosses[i] as number;
        assert.ok(hit >= 0 && hit < 1.1e-7, `confident hit ${i} should cost about nothing, got ${hit}`);
      }
      assert.ok(!r.elementLosses.some(Number.isNaN), 'no NaN');
    });
  }

  it('exact: 0·ln 0 counts as 0, so a hit at p = 0 or 1 is exactly 0', () => {
    const r = loss([1, 0], [1, 0], { preset: 'exact', reduction: 'none' });
    assert.deepEqual([...r.elementLosses], [0, 0]);
  });

  it('exact: an infinite element makes the mean infinite, not NaN', () => {
    assert.equal(loss([1, 0], [0, 0.5], { preset: 'exact' }).loss, Infinity);
  });

  it('counts the elements a safeguard changed', () => {
    assert.equal(loss([1, 0, 1], [0, 1, 0.5]).safeguardedCount, 2);
    assert.equal(loss([1, 0, 1], [0, 1, 0.5], { preset: 'keras' }).safeguardedCount, 2);
    assert.equal(loss([1, 0, 1], [0, 1, 0.5], { preset: 'exact' }).safeguardedCount, 0);
    // A clamp on a term whose coefficient is 0 changes nothing, so it is not counted.
    assert.equal(loss([0, 1], [0, 1]).safeguardedCount, 0);
  });
});

describe('soft targets', () => {
  const y = 0.3;
  const p = 0.6;
  it('every probability preset agrees with the textbook formula where nothing is clipped', () => {
    for (const preset of ['pytorch', 'pytorch-logits', 'keras', 'sklearn', 'tfjs', 'exact'] as const) {
      assertClose(loss([y], [p], { preset }).loss, textbook(y, p), 1e-12, preset);
    }
  });

  it('tf-keras puts ε inside both logs', () => {
    const eps = 1e-7;
    assertClose(loss([y], [p], { preset: 'tf-keras' }).loss, -(y * Math.log(p + eps) + (1 - y) * Math.log(1 - p + eps)), 1e-12);
  });

  it('soft target with logits: (1 - y)·z + softplus(-z)', () => {
    for (const z of [-4, 0.5, 7]) {
      assertClose(loss([y], [z], { input: 'logits' }).loss, (1 - y) * z + softplus(-z), 1e-12, `z=${z}`);
    }
  });

  it('a tiny p keeps its digits: y = 0, p = 1e-10 costs 1.00000000005e-10, not log(1 - p) rounded', () => {
    for (const preset of ['pytorch', 'exact'] as const) {
      // -ln(1 - 1e-10) = 1e-10 + 5e-21 + ...; fl(1 - 1e-10) alone would be off in the 7th digit.
      assertClose(loss([0], [1e-10], { preset }).loss, 1.00000000005e-10, 1e-15, preset);
    }
  });

  it('a soft target with p = 0 is still finite under pytorch: both clamps apply', () => {
    assertClose(loss([0.5], [0]).loss, 0.5 * 100, 1e-12);
  });
});

describe('logits ±1000', () => {
  for (const preset of ALL_PRESETS) {
    it(`${preset}: finite, no NaN, and the confident miss costs the logit (sklearn: its clip)`, () => {
      const r = loss([0, 1, 1, 0, 0.5], [1000, -1000, 1000, -1000, 1000], { preset, input: 'logits', reduction: 'none' });
      for (const v of r.elementLosses) assert.ok(Number.isFinite(v), `${preset}: got ${v}`);
      if (preset === 'sklearn') {
        // expit(±1000) is exactly 1 or 0, clipped to 1 - eps or eps.
        assertClose(r.elementLosses[0] as number, 52 * Math.LN2, 1e-12);
      } else {
        assert.equal(r.elementLosses[0], 1000);
        assert.equal(r.elementLosses[1], 1000);
        assert.equal(r.elementLosses[2], 0);
        assert.equal(r.elementLosses[3], 0);
        assert.equal(r.elementLosses[4], 500);
      }
    });
  }

  it('pos_weight scales only the positive term, also at -1000', () => {
    const r = loss([1, 0], [-1000, 1000], { input: 'logits', posWeight: [3, 3], reduction: 'none' });
    assert.deepEqual([...r.elementLosses], [3000, 1000]);
  });

  it('sklearn with logits applies σ first: the same as giving σ(z) as probabilities', () => {
    const z = [2, -1, 3];
    const viaLogits = loss(Y, z, { preset: 'sklearn', input: 'logits' }).loss;
    const expected = (textbook(1, sigmoid(2)) + textbook(0, sigmoid(-1)) + textbook(1, sigmoid(3))) / 3;
    assertClose(viaLogits, expected, 1e-12);
  });
});

describe('float32', () => {
  const isF32 = (x: number) => Math.fround(x) === x;

  it('every element loss and the reduced loss are float32 numbers in nats', () => {
    for (const preset of ALL_PRESETS) {
      for (const input of ['probabilities', 'logits'] as const) {
        const preds = input === 'logits' ? [2.5, -1.25, 0.3] : P;
        const r = loss([1, 0, 0.4], preds, { preset, input, dtype: 'float32' });
        r.elementLosses.forEach((v, i) => assert.ok(isF32(v), `${preset} ${input} element ${i}: ${v} is not a float32`));
        assert.ok(isF32(r.loss), `${preset} ${input} loss ${r.loss}`);
      }
    }
  });

  it('stays within float32 precision of the float64 value where no clip bites', () => {
    for (const preset of ALL_PRESETS) {
      const r = loss(Y, P, { preset, dtype: 'float32' });
      assertClose(r.loss, preset === 'tf-keras' ? 0.2283928773 : 0.228393003636923, 3e-7, preset);
    }
  });

  it('float32 ε: sklearn clips to 2^-23, so a confident miss costs 23·ln 2', () => {
    assertClose(loss([1], [0], { preset: 'sklearn', dtype: 'float32' }).loss, Math.fround(23 * Math.LN2), 1e-7);
  });

  it('float32 TF.js: the clip to 1 - 2^-23 and back through the logit gives 23·ln 2 for p = 1, y = 0', () => {
    assertClose(loss([0], [1], { preset: 'tfjs', dtype: 'float32' }).loss, 23 * Math.LN2, 1e-7);
  });

  it('float32 rounds the inputs first: p = 0.1 is f32(0.1), so the loss is -ln(f32(0.1)) rounded', () => {
    // -ln(0.100000001490116) = 2.302585078; in float64 the loss would be 2.302585093.
    const r = loss([1], [0.1], { dtype: 'float32' });
    assertClose(r.loss, Math.fround(-Math.log(0.10000000149011612)), 0);
    assert.notEqual(r.loss, loss([1], [0.1]).loss);
  });

  it('float64 Keras at p = 1, y = 0 is 16.118096 instead', () => {
    assertDigits(loss([0], [1], { preset: 'keras', dtype: 'float64' }).loss, '16.118096');
  });
});

describe('weights and pos_weight', () => {
  it('weight broadcast along the last axis equals the same weight given per element', () => {
    const broadcast = loss([1, 0, 1, 0], [0.8, 0.3, 0.9, 0.6], { weight: [2, 0.5] }, [2, 2]);
    const full = loss([1, 0, 1, 0], [0.8, 0.3, 0.9, 0.6], { weight: [2, 0.5, 2, 0.5] }, [2, 2]);
    assert.deepEqual([...broadcast.elementLosses], [...full.elementLosses]);
    const expected = (2 * textbook(1, 0.8) + 0.5 * textbook(0, 0.3) + 2 * textbook(1, 0.9) + 0.5 * textbook(0, 0.6)) / 4;
    assertClose(broadcast.loss, expected, 1e-12);
  });

  it('keras: weights multiply elements, then per-sample means, then the batch mean divides by the sample count', () => {
    const r = loss([1, 0, 1, 0], [0.8, 0.3, 0.9, 0.6], { preset: 'keras', weight: [3, 3, 1, 1] }, [2, 2]);
    const s0 = (3 * textbook(1, 0.8) + 3 * textbook(0, 0.3)) / 2;
    const s1 = (textbook(1, 0.9) + textbook(0, 0.6)) / 2;
    assertClose(r.loss, (s0 + s1) / 2, 1e-12);
  });

  it('tfjs with weights divides by the number of non-zero weights', () => {
    const r = loss(Y, P, { preset: 'tfjs', weight: [2, 0, 1] });
    assertClose(r.loss, (2 * textbook(1, 0.8) + textbook(1, 0.9)) / 2, 1e-12);
    assert.equal(r.reductionDivisor, 2);
  });

  it('a weight of 0 removes the element from the sum but not from the PyTorch count', () => {
    const r = loss(Y, P, { weight: [1, 0, 1] });
    assertClose(r.loss, (textbook(1, 0.8) + textbook(1, 0.9)) / 3, 1e-12);
  });

  it('pos_weight per label along the last axis', () => {
    const r = loss([1, 1, 0, 1], [0.5, -2, 1, 3], { input: 'logits', posWeight: [2, 4], reduction: 'none' }, [2, 2]);
    const expected = [2 * softplus(-0.5), 4 * softplus(2), 1 + softplus(-1), 4 * softplus(-3)];
    expected.forEach((e, i) => assertClose(r.elementLosses[i] as number, e, 1e-12, `element ${i}`));
  });

  it('a single weight or pos_weight broadcasts to every element, as in PyTorch', () => {
    const one = loss(Y, [2, -1, 3], { input: 'logits', posWeight: [2], weight: [0.5] }, [3]);
    const each = loss(Y, [2, -1, 3], { input: 'logits', posWeight: [2, 2, 2], weight: [0.5, 0.5, 0.5] }, [3]);
    assert.deepEqual([...one.elementLosses], [...each.elementLosses]);
    assertDigits(one.loss * 2, '0.221431');
    const twoD = loss([1, 0, 1, 0], [0.8, 0.3, 0.9, 0.6], { weight: [3] }, [2, 2]);
    assertClose(twoD.loss, (3 * (textbook(1, 0.8) + textbook(0, 0.3) + textbook(1, 0.9) + textbook(0, 0.6))) / 4, 1e-12);
  });

  it('pos_weight 1 is the same as no pos_weight', () => {
    const a = loss(Y, [2, -1, 3], { input: 'logits', posWeight: [1, 1, 1] });
    const b = loss(Y, [2, -1, 3], { input: 'logits' });
    assert.equal(a.loss, b.loss);
  });
});

describe('reductions and 2-D input', () => {
  const targets = [1, 0, 1, 0, 0, 1];
  const preds = [0.8, 0.3, 0.9, 0.2, 0.6, 0.4];
  const row0 = (textbook(1, 0.8) + textbook(0, 0.3) + textbook(1, 0.9)) / 3;
  const row1 = (textbook(0, 0.2) + textbook(0, 0.6) + textbook(1, 0.4)) / 3;

  it('sample losses are per-row means, for every preset', () => {
    for (const preset of ['pytorch', 'keras', 'sklearn', 'tfjs', 'exact'] as const) {
      const r = loss(targets, preds, { preset }, [2, 3]);
      assert.ok(r.sampleLosses !== null);
      assertClose(r.sampleLosses[0] as number, row0, 1e-12, `${preset} row 0`);
      assertClose(r.sampleLosses[1] as number, row1, 1e-12, `${preset} row 1`);
      assertClose(r.loss, (row0 + row1) / 2, 1e-12, `${preset} mean`);
    }
  });

  it('1-D input has no sample losses', () => {
    assert.equal(loss(Y, P).sampleLosses, null);
  });

  it("pytorch 'sum' adds the elements; keras 'sum' adds the per-sample means", () => {
    assertClose(loss(targets, preds, { reduction: 'sum' }, [2, 3]).loss, 3 * (row0 + row1), 1e-12);
    assertClose(loss(targets, preds, { preset: 'keras', reduction: 'sum' }, [2, 3]).loss, row0 + row1, 1e-12);
  });

  it("'none' leaves the loss NaN and the elements as the answer", () => {
    const r = loss(targets, preds, { reduction: 'none' }, [2, 3]);
    assert.ok(Number.isNaN(r.loss));
    assertClose(r.elementLosses[4] as number, -Math.log(0.4), 1e-12);
    assert.equal(r.reductionDivisor, 1);
  });

  it('sample losses follow the log base', () => {
    const r = loss(targets, preds, { logBase: '2' }, [2, 3]);
    assertClose(r.sampleLosses?.[1] as number, row1 / Math.LN2, 1e-12);
  });
});

describe('what the result keeps', () => {
  it('keeps the inputs, labels, rule and divisor', () => {
    const r = loss(Y, [2, -1, 3], { input: 'logits' }, [3], ['car', 'cat', 'dog']);
    assert.equal(r.rule, 'logits');
    assert.deepEqual(r.labels, ['car', 'cat', 'dog']);
    assert.deepEqual([...r.predictions], [2, -1, 3]);
    assert.deepEqual([...r.targets], Y);
    assert.equal(r.reductionDivisor, 3);
  });

  it('resolves the rule a user of each framework gets', () => {
    assert.equal(loss(Y, P, { preset: 'pytorch-logits' }).rule, 'clamped-log');
    assert.equal(loss(Y, P, { preset: 'keras', input: 'logits' }).rule, 'tf-logits');
    assert.equal(loss(Y, P, { preset: 'tfjs' }).rule, 'clip-to-logit');
    assert.equal(loss(Y, P, { preset: 'sklearn', input: 'logits' }).rule, 'sigmoid-two-column-clip');
    assert.equal(loss(Y, P, { preset: 'exact' }).rule, 'unguarded-log');
  });
});
