/// <reference types="node" />
// Backprop's numbers against the formulas of /work/shared/reference/loss-semantics.md, worked out
// here by hand from σ(z) = 1/(1 + e^−z), never from the engine:
//   ∂L/∂z_i = w_i (σ(z_i) − y_i) / N      ∂L/∂p_i = w_i (p_i − y_i) / (p_i (1 − p_i)) / N
// (N = element count for 'mean', 1 for 'sum'). These are what PyTorch autograd returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWalkthrough, derivationFor, type WalkthroughLossOptions } from '../../../src/core/derivation';
import type { DType, LabelDerivation, Walkthrough } from '../../../src/core/types';
import { ARTICLE_LABELS, ARTICLE_SOURCE, fixture } from './parsed-fixture';

const LOGITS_SOURCE = 'targets = [1, 0, 1]\nlogits = [2, -1, 3]\n';
const Y = [1, 0, 1];
const Z = [2, -1, 3];
const P = [0.8, 0.3, 0.9];
const sigma = (z: number): number => 1 / (1 + Math.exp(-z));

function walk(logits: boolean, loss: Partial<WalkthroughLossOptions> = {}, wopts = {}): Walkthrough {
  const parsed = logits
    ? fixture(LOGITS_SOURCE, { inputKind: 'logits', predictionsName: 'logits' })
    : fixture(ARTICLE_SOURCE, { labels: ARTICLE_LABELS });
  const r = buildWalkthrough(parsed, { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64', ...loss }, wopts);
  if (!r.ok) assert.fail(r.error.message);
  return r.value;
}

function near(actual: number, expected: number, relative: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${what}: ${actual} is not ${expected}`);
}

function gradientTex(d: LabelDerivation | undefined): string {
  const s = d?.steps.find((x) => x.kind === 'gradient');
  if (!s) assert.fail('no gradient step');
  return s.tex;
}

const cases: ReadonlyArray<{ name: string; dtype: DType; tolerance: number }> = [
  { name: 'float64', dtype: 'float64', tolerance: 1e-12 },
  // PyTorch's default dtype: autograd's float32 numbers agree to float32 precision.
  { name: 'float32', dtype: 'float32', tolerance: 1e-6 },
];

for (const { name, dtype, tolerance } of cases) {
  test(`probabilities [0.8, 0.3, 0.9], mean (${name}): ∂L/∂z = (p − y)/3, ∂L/∂p = (p − y)/(p(1 − p))/3`, () => {
    const w = walk(false, { dtype });
    // By hand: −0.2/3, 0.3/3, −0.1/3 and −0.2/(0.16·3), 0.3/(0.21·3), −0.1/(0.09·3).
    const dz = [-0.0666666666666667, 0.1, -0.0333333333333333];
    const dp = [-0.416666666666667, 0.476190476190476, -0.370370370370370];
    w.derivations.forEach((d, i) => {
      near(d.detail.gradLogit, dz[i] ?? NaN, Math.max(tolerance, 1e-14), `∂L/∂z_${i + 1}`);
      near(d.detail.gradPrediction, dp[i] ?? NaN, Math.max(tolerance, 1e-14), `∂L/∂p_${i + 1}`);
      near(d.detail.gradLogit, ((P[i] ?? NaN) - (Y[i] ?? NaN)) / 3, Math.max(tolerance, 1e-14), 'formula');
    });
  });

  test(`logits [2, −1, 3], mean (${name}): ∂L/∂z = (σ(z) − y)/3`, () => {
    const w = walk(true, { dtype });
    // σ(2) = 0.880797, σ(−1) = 0.268941, σ(3) = 0.952574.
    const dz = [-0.0397343073, 0.0896471405, -0.0158086244];
    w.derivations.forEach((d, i) => {
      const s = sigma(Z[i] ?? NaN);
      const y = Y[i] ?? NaN;
      near(d.detail.gradLogit, (s - y) / 3, tolerance, `∂L/∂z_${i + 1}`);
      near(d.detail.gradLogit, dz[i] ?? NaN, Math.max(tolerance, 1e-8), `∂L/∂z_${i + 1} written out`);
      near(d.detail.gradPrediction, (s - y) / (s * (1 - s)) / 3, tolerance * 10, `∂L/∂p_${i + 1}`);
    });
  });
}

test('logits, sum with weights [1, 2, 3]: ∂L/∂z = w(σ(z) − y), nothing divided', () => {
  const w = walk(true, { reduction: 'sum', weight: [1, 2, 3] });
  const expected = [1 * (sigma(2) - 1), 2 * sigma(-1), 3 * (sigma(3) - 1)];
  // −0.119203, 0.537883, −0.142278
  w.derivations.forEach((d, i) => near(d.detail.gradLogit, expected[i] ?? NaN, 1e-12, `∂L/∂z_${i + 1}`));
  assert.match(gradientTex(w.derivations[1]), /w_\{2\}\\left\(\\sigma\(z_\{2\}\) - y_\{2\}\\right\) = 2 \\cdot \(0\.268941 - 0\) = 0\.537883 \\end\{aligned\}$/);
  assert.match(w.derivations[1]?.steps.at(-1)?.text ?? '', /times the weight 2, with nothing to divide by since the losses are summed/);
});

test('logits, mean with weights [1, 2, 3]: ∂L/∂z = w(σ(z) − y)/3 (PyTorch divides by the count, not the weights)', () => {
  const w = walk(true, { weight: [1, 2, 3] });
  const expected = [(sigma(2) - 1) / 3, (2 * sigma(-1)) / 3, (3 * (sigma(3) - 1)) / 3];
  w.derivations.forEach((d, i) => near(d.detail.gradLogit, expected[i] ?? NaN, 1e-12, `∂L/∂z_${i + 1}`));
  assert.match(gradientTex(w.derivations[2]), /= \\frac\{3 \\cdot \(0\.952574 - 1\)\}\{3\} = -0\.0474259 \\end\{aligned\}$/);
});

test('probabilities, sum: ∂L/∂p = (p − y)/(p(1 − p)) with the user\'s digits and 1 − p exact', () => {
  const w = walk(false, { reduction: 'sum' });
  near(w.derivations[1]?.detail.gradPrediction ?? NaN, 0.3 / 0.21, 1e-12, '∂L/∂p_2');
  assert.match(gradientTex(w.derivations[1]), /\\frac\{0\.3 - 0\}\{0\.3 \\cdot 0\.7\} = 1\.42857 \\\\/);
  assert.match(gradientTex(w.derivations[1]), /\\frac\{\\partial L\}\{\\partial z_\{2\}\} &= \\hat\{y\}_\{2\} - y_\{2\} = 0\.3 - 0 = 0\.3 \\end\{aligned\}$/);
});

test('pos_weight 2: ∂L/∂z = ((1 + (pw − 1)y)σ(z) − pw·y)/N, worked out', () => {
  const w = walk(true, { posWeight: [2, 2, 2] });
  const expected = [(2 * sigma(2) - 2) / 3, sigma(-1) / 3, (2 * sigma(3) - 2) / 3];
  w.derivations.forEach((d, i) => near(d.detail.gradLogit, expected[i] ?? NaN, 1e-12, `∂L/∂z_${i + 1}`));
  assert.match(gradientTex(w.derivations[0]), /= \\frac\{2 \\cdot 0\.880797 - 2 \\cdot 1\}\{3\} = -0\.0794686/);
  assert.match(w.derivations[0]?.steps.at(-1)?.text ?? '', /\(1 \+ \(p_w − 1\)·y\)·σ\(z\) − p_w·y/);
});

test('the words say which way the logit is pushed and how hard', () => {
  const w = walk(true);
  const text = (i: number): string => w.derivations[i]?.steps.at(-1)?.text ?? '';
  assert.match(text(0), /negative, so a gradient-descent step raises z, pushing ŷ up towards 1, gently/);
  assert.match(text(1), /positive, so a gradient-descent step lowers z, pushing ŷ down towards 0, moderately/);
  assert.match(text(0), /divided by N = 3 because the loss is a mean/);
});

test('a clipped prediction shows the gradient value without a formula it would not satisfy', () => {
  const r = buildWalkthrough(fixture('targets = [1]\npredictions = [0]'), { preset: 'keras', reduction: 'mean', logBase: 'e', dtype: 'float32' });
  assert.ok(r.ok);
  const tex = gradientTex(r.value.derivations[0]);
  assert.doesNotMatch(tex, /\\frac\{\\hat/);
  assert.match(r.value.derivations[0]?.steps.at(-1)?.text ?? '', /the clip cuts the gradient/);
});

test('derivationFor gives any element the steps the walkthrough would have built, beyond maxDerivations', () => {
  const source = 'targets = [[1, 0, 1], [0, 1, 0]]\npredictions = [[0.8, 0.3, 0.9], [0.2, 0.6, 0.1]]';
  const parsed = fixture(source, { shape: [2, 3], labels: ARTICLE_LABELS });
  const loss: WalkthroughLossOptions = { preset: 'keras', reduction: 'mean', logBase: 'e', dtype: 'float32', weight: [1, 2, 3] };
  const full = buildWalkthrough(parsed, loss);
  const capped = buildWalkthrough(parsed, loss, { maxDerivations: 1 });
  assert.ok(full.ok && capped.ok);
  assert.equal(capped.value.derivations.length, 1);
  for (let i = 0; i < 6; i++) {
    const one = derivationFor(capped.value, i);
    assert.ok(one.ok);
    assert.deepEqual(one.value, full.value.derivations[i]);
  }
  const e = derivationFor(capped.value, 4);
  assert.ok(e.ok);
  assert.deepEqual(e.value.detail.index, [1, 1]);
  assert.equal(e.value.detail.label, 'cat');
  for (const bad of [-1, 6, 1.5, NaN]) {
    const r = derivationFor(capped.value, bad);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'bad-option');
    assert.match(r.error.message, /the input has 6/);
  }
});

test("the gradient step splits into one general formula shared by every card and this element's numbers", () => {
  const r = buildWalkthrough(fixture('targets = [0, 1]\npredictions = [0.22, 0.9]'), { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' });
  assert.ok(r.ok);
  const [first, second] = r.value.derivations.map((d) => d.steps.find((s) => s.kind === 'gradient'));
  assert.ok(first?.split && second?.split);
  const general = String.raw`\begin{aligned} \frac{\partial L}{\partial \hat{y}} &= \frac{\hat{y} - y}{\hat{y}(1 - \hat{y}) \, N} \\ \frac{\partial L}{\partial z} &= \frac{\hat{y} - y}{N} \end{aligned}`;
  assert.equal(first.split.general, general);
  assert.equal(second.split.general, general);
  assert.equal(first.split.generalText, 'The gradients in general, the same for every element: ∂L/∂ŷ = (ŷ − y) / (ŷ(1 − ŷ)·N) and ∂L/∂z = (ŷ − y) / N.');
  // By hand: (0.22 − 0) / (0.22 · 0.78 · 2) = 1 / 1.56 = 0.641026; (0.22 − 0) / 2 = 0.11.
  assert.equal(
    first.split.numbers,
    String.raw`\begin{aligned} \frac{\partial L}{\partial \hat{y}_{1}} &= \frac{0.22 - 0}{0.22 \cdot 0.78 \cdot 2} = 0.641026 \\ \frac{\partial L}{\partial z_{1}} &= \frac{0.22 - 0}{2} = 0.11 \end{aligned}`,
  );
  // The whole step still reads both in one equation, for the Markdown and LaTeX writers.
  assert.equal(
    first.tex,
    String.raw`\begin{aligned} \frac{\partial L}{\partial \hat{y}_{1}} &= \frac{\hat{y}_{1} - y_{1}}{\hat{y}_{1}(1 - \hat{y}_{1}) \, N} = \frac{0.22 - 0}{0.22 \cdot 0.78 \cdot 2} = 0.641026 \\ \frac{\partial L}{\partial z_{1}} &= \frac{\hat{y}_{1} - y_{1}}{N} = \frac{0.22 - 0}{2} = 0.11 \end{aligned}`,
  );
});

test('a gradient with no formula shown (a clip acting) is not split', () => {
  const r = buildWalkthrough(fixture('targets = [1]\npredictions = [0]'), { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' });
  assert.ok(r.ok);
  const g = r.value.derivations[0]?.steps.find((s) => s.kind === 'gradient');
  assert.ok(g);
  assert.equal(g.split, undefined);
});
