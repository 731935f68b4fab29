// Softmax cross entropy against its frameworks. Every expected number below was printed by
//   /usr/bin/python3 test/core/softmax/goldens.py
// with the real PyTorch 1.13.1 (Debian python3-torch) and scikit-learn 1.2.1 (python3-sklearn);
// the Keras 3 / tf.keras / TF.js values come from that script's NumPy float32 transcription of
// their source formulas (named in the script), since those frameworks cannot be installed here.
// float32 presets agree to a few ulps (summation order differs), float64 ones to 1e-12.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeSoftmaxLoss } from '../../../src/core/softmax/compute';
import { assertAllRel, assertRel, softmaxLoss } from './helpers';

const F32 = 3e-7;
const F64 = 1e-12;
// TF.js rounds max + ln Σ e^(z − max) to float32 before subtracting z, so its result carries the
// ulps of that larger number (2.4 here against a loss of 0.42): a wider tolerance.
const TFJS = 1.5e-6;
const Z = [
  [2.0, 1.0, 0.1],
  [0.5, 2.5, -1.0],
  [-1.2, 0.3, 3.3],
  [0.0, 0.0, 0.0],
];
const IDX = [0, 2, 1, 2];
const ONEHOT = IDX.map((i) => [0, 1, 2].map((c) => (c === i ? 1 : 0)));
const SOFT = [
  [0.7, 0.2, 0.1],
  [0.1, 0.1, 0.8],
  [0.25, 0.5, 0.25],
  [1 / 3, 1 / 3, 1 / 3],
];
const P = [
  [0.7, 0.2, 0.1],
  [0.1, 0.3, 0.6],
  [0.0, 0.05, 0.95],
  [0.5, 0.3, 0.1],
];
const W = [1.0, 2.0, 0.25];

describe('PyTorch nn.CrossEntropyLoss (float32)', () => {
  it('class indices: mean, sum, none', () => {
    assertRel(softmaxLoss(IDX, Z).loss, 2.056983709335327, F32, 'mean');
    assertRel(softmaxLoss(IDX, Z, { reduction: 'sum' }).loss, 8.227934837341309, F32, 'sum');
    const none = softmaxLoss(IDX, Z, { reduction: 'none' });
    assertAllRel(none.sampleLosses, [0.4170299470424652, 3.6531782150268555, 3.0591139793395996, 1.0986123085021973], F32, 'none');
    assert.ok(Number.isNaN(none.loss));
  });

  it('the softmax itself', () => {
    const r = softmaxLoss(IDX, Z);
    assertAllRel(
      r.probabilities,
      [0.6590011715888977, 0.24243298172950745, 0.09856589138507843, 0.1161145344376564, 0.8579767942428589, 0.025908654555678368, 0.010471333749592304, 0.0469292588531971, 0.9425994157791138, 0.3333333432674408, 0.3333333432674408, 0.3333333432674408],
      F32,
      'softmax',
    );
  });

  it('weighted mean divides by the sum of the picked weights (3.5), not by N', () => {
    const r = softmaxLoss(IDX, Z, { weight: W });
    assertRel(r.loss, 2.206630229949951, F32, 'mean');
    assert.equal(r.reductionDivisor, 3.5);
    assertAllRel(softmaxLoss(IDX, Z, { weight: W, reduction: 'none' }).sampleLosses, [0.4170299470424652, 0.9132945537567139, 6.118227958679199, 0.2746530771255493], F32, 'none');
  });

  it('the same one-hot rows as probability targets divide the weighted sum by N', () => {
    const r = softmaxLoss(ONEHOT, Z, { weight: W });
    assertRel(r.loss, 1.9308013916015625, F32, 'mean');
    assert.equal(r.reductionDivisor, 4);
  });

  it('ignore_index: the ignored sample adds 0 and is not counted', () => {
    const r = softmaxLoss([0, 1, 1, 2], Z, { ignoreIndex: 1 });
    assertRel(r.loss, 0.7578211426734924, F32, 'mean');
    assert.equal(r.ignoredCount, 2);
  });

  it('label smoothing, alone and with weights (smoothing term weighted per class, divided by the picked weights)', () => {
    assertRel(softmaxLoss(IDX, Z, { labelSmoothing: 0.1 }).loss, 2.0269837379455566, F32, 'ls');
    assertRel(softmaxLoss(IDX, Z, { labelSmoothing: 0.1, weight: W }).loss, 2.1904032230377197, F32, 'ls + weight');
    const t = [0, -100, 1, 2];
    assertAllRel(softmaxLoss(t, Z, { labelSmoothing: 0.1, weight: W, reduction: 'none' }).sampleLosses, [0.5030051469802856, 0.0, 5.862808704376221, 0.36620408296585083], F32, 'none');
    assertRel(softmaxLoss(t, Z, { labelSmoothing: 0.1, weight: W }).loss, 2.071390151977539, F32, 'ls + weight + ignore (default -100)');
  });

  it('soft targets, with smoothing and weights', () => {
    assertRel(softmaxLoss(SOFT, Z).loss, 1.9357335567474365, F32, 'mean');
    assertAllRel(softmaxLoss(SOFT, Z, { labelSmoothing: 0.2, weight: W, reduction: 'none' }).sampleLosses, [0.9886835217475891, 1.0061266422271729, 4.074878215789795, 1.1901633739471436], F32, 'none');
  });

  it('probabilities enter as ln p', () => {
    const p = [P[0] as number[], P[1] as number[], [0.2, 0.3, 0.5]];
    assertRel(softmaxLoss([0, 2, 1], p, { input: 'probabilities' }).loss, 0.6904911398887634, F32, 'mean');
  });

  it('gradient of the mean with respect to the logits, with and without weights', () => {
    assertAllRel(
      softmaxLoss(IDX, Z).gradLogits,
      [-0.08524970710277557, 0.06060824543237686, 0.024641474708914757, 0.0290286336094141, 0.21449419856071472, -0.24352283775806427, 0.0026178332045674324, -0.2382676899433136, 0.23564985394477844, 0.0833333283662796, 0.0833333283662796, -0.1666666716337204],
      1e-6,
      'grad',
    );
    assertAllRel(
      softmaxLoss(IDX, Z, { weight: W }).gradLogits,
      [-0.09742823988199234, 0.06926657259464264, 0.028161685913801193, 0.008293895982205868, 0.061284057796001434, -0.06957795470952988, 0.0059836190193891525, -0.5446118712425232, 0.5386282801628113, 0.02380952425301075, 0.02380952425301075, -0.0476190522313118],
      1e-6,
      'weighted grad',
    );
  });

  it('logits of ±1e4 stay finite', () => {
    const r = softmaxLoss([1, 2], [
      [1e4, -1e4, 0],
      [-1e4, -1e4, 1e4],
    ], { reduction: 'none' });
    assertAllRel(r.sampleLosses, [20000, 0], F32, 'big');
  });
});

describe('scikit-learn log_loss (float64)', () => {
  it('class indices with labels=range(C): clip, then renormalise rows (the last sums to 0.9)', () => {
    assertRel(softmaxLoss(IDX, P, { preset: 'sklearn', input: 'probabilities', dtype: 'float64' }).loss, 1.5151143546487333, F64, 'mean');
    assertRel(softmaxLoss(ONEHOT, P, { preset: 'sklearn', input: 'probabilities', dtype: 'float64' }).loss, 1.5151143546487333, F64, 'one-hot');
    assertRel(softmaxLoss(IDX, P, { preset: 'sklearn', input: 'probabilities', dtype: 'float64', reduction: 'sum' }).loss, 6.060457418594933, F64, 'normalize=False');
  });

  it('class weights become sample_weight: a weighted average', () => {
    const r = softmaxLoss(IDX, P, { preset: 'sklearn', input: 'probabilities', dtype: 'float64', weight: W });
    assertRel(r.loss, 2.0071862975206476, F64, 'weighted');
  });

  it('logits go through scipy.special.softmax first', () => {
    assertRel(softmaxLoss(IDX, Z, { preset: 'sklearn', dtype: 'float64' }).loss, 2.0569836018352587, F64, 'logits');
  });

  it('refuses soft targets, as log_loss does', () => {
    const r = computeSoftmaxLoss(Float64Array.from(SOFT.flat()), Float64Array.from(P.flat()), [4, 3], 'distributions', { preset: 'sklearn', reduction: 'mean', input: 'probabilities', dtype: 'float64' });
    assert.equal(r.ok, false);
  });
});

for (const preset of ['keras', 'tf-keras'] as const) {
  describe(`${preset} categorical / sparse_categorical_crossentropy (float32)`, () => {
    it('categorical on probabilities: divided by the row sum, clipped', () => {
      assertAllRel(softmaxLoss(ONEHOT, P, { preset, input: 'probabilities', reduction: 'none' }).sampleLosses, [0.3566749393939972, 0.5108255743980408, 2.995732307434082, 2.1972246170043945], F32, 'none');
      assertRel(softmaxLoss(ONEHOT, P, { preset, input: 'probabilities' }).loss, 1.5151143074035645, F32, 'mean');
      assertRel(softmaxLoss(ONEHOT, P, { preset, input: 'probabilities', labelSmoothing: 0.1 }).loss, 1.6247265338897705, F32, 'ls');
    });

    it('sparse on probabilities: clip, log, then the log-sum-exp renormalises', () => {
      assertAllRel(softmaxLoss(IDX, P, { preset, input: 'probabilities', reduction: 'none' }).sampleLosses, [0.3566749691963196, 0.5108256340026855, 2.995732307434082, 2.1972246170043945], F32, 'none');
    });

    it('from_logits', () => {
      assertAllRel(softmaxLoss(SOFT, Z, { preset, reduction: 'none' }).sampleLosses, [0.8070299625396729, 3.1531782150268555, 2.6841137409210205, 1.0986123085021973], F32, 'soft');
      assertRel(softmaxLoss(IDX, Z, { preset }).loss, 2.056983470916748, F32, 'sparse mean');
    });

    it('class_weight: a weight per sample by its class, still divided by N', () => {
      assertRel(softmaxLoss(IDX, Z, { preset, weight: W }).loss, 1.9308013916015625, F32, 'class weight');
    });

    it('axis=0 reads the classes down the columns', () => {
      const zt = [0, 1, 2].map((c) => Z.map((row) => row[c] as number));
      const st = [0, 1, 2].map((c) => SOFT.map((row) => row[c] as number));
      assertAllRel(softmaxLoss(st, zt, { preset, axis: 0, reduction: 'none' }).sampleLosses, [0.8070299625396729, 3.1531782150268555, 2.6841137409210205, 1.0986123085021973], F32, 'axis 0');
    });
  });
}

describe('TF.js (float32)', () => {
  it('tf.losses.softmaxCrossEntropy on logits: z − logSumExp(z)', () => {
    assertAllRel(softmaxLoss(ONEHOT, Z, { preset: 'tfjs', reduction: 'none' }).sampleLosses, [0.41703009605407715, 3.6531782150268555, 3.0591139793395996, 1.0986123085021973], TFJS, 'none');
    assertRel(softmaxLoss(ONEHOT, Z, { preset: 'tfjs' }).loss, 2.056983709335327, TFJS, 'mean');
    assertRel(softmaxLoss(SOFT, Z, { preset: 'tfjs', labelSmoothing: 0.1 }).loss, 1.9178587198257446, TFJS, 'ls');
  });

  it('tf.metrics.categoricalCrossentropy on probabilities', () => {
    assertAllRel(softmaxLoss(ONEHOT, P, { preset: 'tfjs', input: 'probabilities', reduction: 'none' }).sampleLosses, [0.3566749393939972, 0.5108255743980408, 2.995732307434082, 2.1972246170043945], F32, 'none');
  });

  it('per-sample weights: the mean divides by the number of non-zero weights', () => {
    const r = softmaxLoss(IDX, Z, { preset: 'tfjs', weight: [1, 0, 2] });
    // Weights by class: [1, 2, 0, 2], three non-zero; the per-sample losses are tfjs_logits_none above.
    assert.equal(r.reductionDivisor, 3);
    assertRel(r.loss, (0.41703009605407715 + 2 * 3.6531782150268555 + 2 * 1.0986123085021973) / 3, TFJS, 'mean');
  });
});
