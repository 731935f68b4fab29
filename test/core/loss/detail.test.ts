// elementDetail and gradients: the reference formulas, finite differences of the loss itself,
// and the explanation fields of each rule.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { elementDetail, gradients } from '../../../src/core/loss/index';
import type { LossOptions, Preset } from '../../../src/core/types';
import { assertClose, loss, sigmoid } from './helpers';

const Y = [1, 0, 1];
const P = [0.8, 0.3, 0.9];

describe('gradients against the reference formulas', () => {
  it('∂L/∂p_i = (p_i - y_i) / (p_i (1 - p_i)) / N for pytorch, mean', () => {
    const g = gradients(loss(Y, P));
    P.forEach((p, i) => assertClose(g.prediction[i] as number, (p - (Y[i] as number)) / (p * (1 - p)) / 3, 1e-12, `element ${i}`));
  });

  it('∂L/∂z_i = (σ(z_i) - y_i) / N for logits, mean', () => {
    const z = [2, -1, 3];
    for (const preset of ['pytorch', 'keras', 'tfjs', 'exact'] as const) {
      const g = gradients(loss(Y, z, { preset, input: 'logits' }));
      z.forEach((zi, i) => assertClose(g.logit[i] as number, (sigmoid(zi) - (Y[i] as number)) / 3, 1e-12, `${preset} element ${i}`));
    }
  });

  it('for probabilities, ∂L/∂z is ∂L/∂p through the sigmoid: (p - y) / N', () => {
    const g = gradients(loss(Y, P));
    P.forEach((p, i) => assertClose(g.logit[i] as number, (p - (Y[i] as number)) / 3, 1e-12, `element ${i}`));
  });

  it("'sum' drops the 1/N, 'none' too", () => {
    for (const reduction of ['sum', 'none'] as const) {
      const g = gradients(loss(Y, P, { reduction }));
      assertClose(g.prediction[1] as number, 0.3 / (0.3 * 0.7), 1e-12, reduction);
    }
  });

  it('pos_weight: ∂ℓ/∂z = (1 + (pw - 1) y) σ(z) - pw·y', () => {
    const g = gradients(loss([1, 0], [0.5, 0.5], { input: 'logits', posWeight: [3, 3], reduction: 'sum' }));
    assertClose(g.logit[0] as number, 3 * sigmoid(0.5) - 3, 1e-12);
    assertClose(g.logit[1] as number, sigmoid(0.5), 1e-12);
  });

  it('the log base divides the gradient too', () => {
    const g = gradients(loss(Y, P, { logBase: '10' }));
    assertClose(g.prediction[0] as number, (0.8 - 1) / (0.8 * 0.2) / 3 / Math.LN10, 1e-12);
  });

  it('pytorch at p = 0 divides by max(p(1 - p), 1e-12) as its backward does', () => {
    const g = gradients(loss([1], [0], { reduction: 'sum' }));
    assert.equal(g.prediction[0], -1 / 1e-12);
  });

  it('a clip that bites passes no gradient (keras, tfjs, sklearn)', () => {
    for (const preset of ['keras', 'tf-keras', 'tfjs', 'sklearn'] as const) {
      const g = gradients(loss([1, 0], [0, 1], { preset }));
      assert.deepEqual([...g.prediction], [0, 0], preset);
      assert.deepEqual([...g.logit], [0, 0], preset);
    }
  });

  it('no NaN anywhere, even at p = 0, p = 1 and logits ±1000', () => {
    const presets: readonly Preset[] = ['pytorch', 'pytorch-logits', 'keras', 'tf-keras', 'sklearn', 'tfjs', 'exact'];
    for (const preset of presets) {
      for (const [input, preds] of [
        ['probabilities', [0, 1, 0, 1, 0.5]],
        ['logits', [-1000, 1000, 1000, -1000, 0]],
      ] as const) {
        const g = gradients(loss([1, 0, 1, 0, 0.5], preds, { preset, input }));
        for (const v of [...g.prediction, ...g.logit]) assert.ok(!Number.isNaN(v), `${preset} ${input}: NaN gradient`);
      }
    }
  });
});

describe('gradients against finite differences of the loss', () => {
  const h = 1e-6;
  /** Central difference of the reduced loss in prediction i. */
  function numeric(targets: number[], preds: number[], i: number, o: Partial<LossOptions>, shape?: number[]): number {
    const up = [...preds];
    const down = [...preds];
    up[i] = (up[i] as number) + h;
    down[i] = (down[i] as number) - h;
    return (loss(targets, up, o, shape).loss - loss(targets, down, o, shape).loss) / (2 * h);
  }

  const targets = [1, 0, 0.3, 1, 0, 0.7];
  const probs = [0.8, 0.3, 0.6, 0.45, 0.02, 0.9];
  const cases: readonly Partial<LossOptions>[] = [
    { preset: 'pytorch' },
    { preset: 'keras' },
    { preset: 'tf-keras' },
    { preset: 'sklearn', weight: [1, 2, 3] },
    { preset: 'tfjs' },
    { preset: 'exact', logBase: '2' },
    { preset: 'pytorch', weight: [0.5, 2, 1], reduction: 'sum' },
    { preset: 'keras', reduction: 'sum' },
    { preset: 'pytorch', labelSmoothing: 0.2 },
  ];
  for (const o of cases) {
    it(`∂L/∂p for ${JSON.stringify(o)} on a 2×3 batch`, () => {
      const g = gradients(loss(targets, probs, o, [2, 3]));
      probs.forEach((_, i) => assertClose(g.prediction[i] as number, numeric(targets, probs, i, o, [2, 3]), 1e-6, `element ${i}`));
    });
  }

  const logits = [2, -1, 0.4, -3, 0.1, 5];
  const logitCases: readonly Partial<LossOptions>[] = [
    { preset: 'pytorch', input: 'logits', posWeight: [2, 0.5, 1] },
    { preset: 'keras', input: 'logits' },
    { preset: 'sklearn', input: 'logits' },
    { preset: 'tfjs', input: 'logits', weight: [1, 0, 2] },
  ];
  for (const o of logitCases) {
    it(`∂L/∂z for ${JSON.stringify(o)} on a 2×3 batch`, () => {
      const g = gradients(loss(targets, logits, o, [2, 3]));
      logits.forEach((_, i) => assertClose(g.logit[i] as number, numeric(targets, logits, i, o, [2, 3]), 1e-6, `element ${i}`));
    });
  }
});

describe('elementDetail', () => {
  it('explains a probability element: labels, index, active term, logs', () => {
    const r = loss([1, 0, 1, 0, 0.4, 1], [0.8, 0.3, 0.9, 0.6, 0.5, 0.25], {}, [2, 3], ['car', 'cat', 'dog']);
    const d = elementDetail(r, 4);
    assert.deepEqual(d.index, [1, 1]);
    assert.equal(d.label, 'cat');
    assert.equal(d.active, 'both');
    assertClose(d.logPositive as number, Math.log(0.5), 1e-15);
    assertClose(d.logNegative as number, Math.log(0.5), 1e-15);
    assert.equal(d.positiveArgument, 0.5);
    assert.equal(d.negativeArgument, 0.5);
    assert.equal(d.logit, null);
    assert.equal(d.safeguard, 'none');
    assert.equal(d.loss, r.elementLosses[4]);

    const car = elementDetail(r, 0);
    assert.equal(car.active, 'positive');
    assert.equal(car.logNegative, null);
    assert.equal(car.negativeArgument, null);
    assertClose(car.logPositive as number, Math.log(0.8), 1e-15);
    assertClose(car.gradPrediction, (0.8 - 1) / (0.8 * 0.2) / 6, 1e-12);
  });

  it('pytorch clamp: the log is -100, the argument stays 0', () => {
    const d = elementDetail(loss([1], [0]), 0);
    assert.equal(d.safeguard, 'clamp-log-100');
    assert.equal(d.logPositive, -100);
    assert.equal(d.positiveArgument, 0);
    assert.equal(d.loss, 100);
  });

  it('keras clip: clipped prediction 1e-7, safeguard clip-epsilon', () => {
    const d = elementDetail(loss([1], [0], { preset: 'keras' }), 0);
    assert.equal(d.safeguard, 'clip-epsilon');
    assert.equal(d.prediction, 0);
    assert.equal(d.clippedPrediction, 1e-7);
    assertClose(d.logPositive as number, Math.log(1e-7), 1e-15);
  });

  it('tf-keras: the log argument is clip(p) + ε', () => {
    const d = elementDetail(loss([0], [1], { preset: 'tf-keras' }), 0);
    assert.equal(d.safeguard, 'clip-epsilon-plus-epsilon');
    assertClose(d.negativeArgument as number, 2e-7, 1e-8);
  });

  it('logits: prediction is σ(z), logs are ln σ(z) and ln σ(-z), computed without overflow', () => {
    const r = loss([0.25, 1], [2, -1000], { input: 'logits', posWeight: [3, 3] });
    const d = elementDetail(r, 0);
    assert.equal(d.logit, 2);
    assert.equal(d.posWeight, 3);
    assertClose(d.prediction, sigmoid(2), 1e-15);
    assertClose(d.logPositive as number, Math.log(sigmoid(2)), 1e-14);
    assertClose(d.logNegative as number, Math.log(sigmoid(-2)), 1e-14);
    const far = elementDetail(r, 1);
    assert.equal(far.logPositive, -1000);
    assert.equal(far.prediction, 0);
  });

  it('tfjs: the logit is the one TF.js forms from the clipped probability', () => {
    const d = elementDetail(loss([1], [0.8], { preset: 'tfjs' }), 0);
    assertClose(d.logit as number, Math.log(0.8 / 0.2), 1e-14);
    assert.equal(d.prediction, 0.8);
  });

  it('label smoothing: rawTarget as typed, target smoothed', () => {
    const d = elementDetail(loss(Y, P, { labelSmoothing: 0.1 }), 1);
    assert.equal(d.rawTarget, 0);
    assertClose(d.target, 0.05, 1e-15);
    assert.equal(d.active, 'both');
  });

  it('weights are reported per element, broadcast along the last axis', () => {
    const r = loss([1, 0, 1, 0], [0.8, 0.3, 0.9, 0.6], { weight: [2, 0.5] }, [2, 2]);
    assert.equal(elementDetail(r, 3).weight, 0.5);
    assert.equal(elementDetail(r, 2).weight, 2);
    const single = loss([1, 0, 1, 0], [0.8, 0.3, 0.9, 0.6], { weight: [4] }, [2, 2]);
    assert.equal(elementDetail(single, 3).weight, 4);
  });

  it('the element loss recomposed from the explained logs equals the computed one, for every rule', () => {
    const presets: readonly Preset[] = ['pytorch', 'keras', 'tf-keras', 'sklearn', 'tfjs', 'exact'];
    for (const preset of presets) {
      for (const input of ['probabilities', 'logits'] as const) {
        const preds = input === 'logits' ? [1.5, -0.7, 3] : [0.8, 0.3, 0.65];
        const r = loss([1, 0, 0.4], preds, { preset, input, reduction: 'none' });
        for (let i = 0; i < 3; i++) {
          const d = elementDetail(r, i);
          const recomposed = -((d.logPositive ?? 0) * d.target * d.posWeight + (d.logNegative ?? 0) * (1 - d.target));
          assertClose(recomposed * d.weight, d.loss, 1e-12, `${preset} ${input} element ${i}`);
        }
      }
    }
  });

  it('throws an InputError for an index outside the result', () => {
    const r = loss(Y, P);
    assert.throws(() => elementDetail(r, 3), (e: unknown) => (e as { kind?: string }).kind === 'input-error');
    assert.throws(() => elementDetail(r, -1), (e: unknown) => (e as { kind?: string }).kind === 'input-error');
  });
});
