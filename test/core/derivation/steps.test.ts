/// <reference types="node" />
// The TeX and sentences of one element, from ElementDetails written here by hand, so these
// tests pin the wording and the TeX independently of the loss engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeElement, elementSteps, type ElementContext } from '../../../src/core/derivation';
import type { ElementDetail } from '../../../src/core/types';

function detail(over: Partial<ElementDetail>): ElementDetail {
  return {
    index: [0],
    flatIndex: 0,
    label: null,
    rawTarget: 1,
    target: 1,
    prediction: 0.8,
    clippedPrediction: 0.8,
    logit: null,
    active: 'positive',
    logPositive: Math.log(0.8),
    logNegative: null,
    positiveArgument: 0.8,
    negativeArgument: null,
    safeguard: 'none',
    weight: 1,
    posWeight: 1,
    loss: -Math.log(0.8),
    gradPrediction: -1.25,
    gradLogit: -0.2,
    ...over,
  };
}

function context(over: Partial<ElementContext> = {}): ElementContext {
  return {
    options: { preset: 'exact', reduction: 'mean', input: 'probabilities', logBase: 'e', dtype: 'float64' },
    rule: 'unguarded-log',
    precision: 6,
    targetText: '1',
    inputText: '0.8',
    targetTyped: true,
    inputTyped: true,
    reductionDivisor: 1,
    ...over,
  };
}

test('tf.keras clips to [ε, 1 − ε] and adds ε inside the logs: p = 0, y = 1 gives −ln(2e-7) = 15.4249', () => {
  // ln(1e-7 + 1e-7) = ln(2e-7) = −15.424948 (the reference's tf-keras value).
  const d = detail({
    prediction: 0,
    clippedPrediction: 1e-7,
    positiveArgument: 2e-7,
    logPositive: Math.log(2e-7),
    safeguard: 'clip-epsilon-plus-epsilon',
    loss: -Math.log(2e-7),
    gradPrediction: 0,
    gradLogit: 0,
  });
  const steps = elementSteps(d, context({ options: { preset: 'tf-keras', reduction: 'mean', input: 'probabilities', logBase: 'e', dtype: 'float64' }, rule: 'clip-plus-epsilon', inputText: '0' }));
  assert.deepEqual(
    steps.map((s) => s.kind),
    ['formula', 'substitute', 'cancel', 'safeguard', 'log', 'negate', 'result', 'gradient'],
  );
  const safeguard = steps.find((s) => s.kind === 'safeguard');
  assert.match(safeguard?.text ?? '', /clips ŷ to \[ε, 1 − ε\] with ε = 1e-7.*adds ε inside both logs/);
  assert.match(safeguard?.tex ?? '', /= 1 \\times 10\^\{-7\}, \\qquad \\epsilon = 1 \\times 10\^\{-7\}/);
  assert.equal(steps.find((s) => s.kind === 'log')?.tex, String.raw`\ln(2 \times 10^{-7}) = -15.4249`);
  assert.equal(steps.find((s) => s.kind === 'result')?.tex, String.raw`\mathrm{BCE}_{1} = 15.4249`);
  assert.match(steps.find((s) => s.kind === 'gradient')?.text ?? '', /is 0: the clip cuts the gradient/);
});

test('scikit-learn explains its clip of both class probabilities with machine epsilon', () => {
  const eps = 2 ** -52;
  const d = detail({
    prediction: 0,
    clippedPrediction: eps,
    positiveArgument: eps,
    logPositive: Math.log(eps),
    safeguard: 'clip-epsilon',
    loss: -Math.log(eps),
  });
  const steps = elementSteps(d, context({ options: { preset: 'sklearn', reduction: 'mean', input: 'probabilities', logBase: 'e', dtype: 'float64' }, rule: 'two-column-clip', inputText: '0' }));
  const safeguard = steps.find((s) => s.kind === 'safeguard');
  assert.match(safeguard?.text ?? '', /scikit-learn clips both class probabilities, 1 − ŷ and ŷ, .*machine epsilon of float64/);
  // −ln(2^-52) = 52 ln 2 = 36.0437 (the reference's 36.043653).
  assert.equal(steps.find((s) => s.kind === 'result')?.tex, String.raw`\mathrm{BCE}_{1} = 36.0437`);
});

test('the label appears in the result only through TeX escaping, and sentences quote it', () => {
  const d = detail({ label: '50% {off}', index: [1, 2] });
  const steps = elementSteps(d, context());
  const result = steps.find((s) => s.kind === 'result');
  assert.equal(result?.tex, String.raw`\mathrm{BCE}_{2,3} = 0.223144 \qquad (\text{50}\%\text{ }\{\text{off}\})`);
  assert.match(result?.text ?? '', /^The loss for “50% \{off\}” in sample 2 is 0\.223144/);
  assert.equal(describeElement({ index: [4], label: null }), 'element 5');
});

test('a weighted element shows the weight where the sign flips', () => {
  const d = detail({ weight: 3, loss: -3 * Math.log(0.8) });
  const steps = elementSteps(d, context({ options: { preset: 'exact', reduction: 'mean', input: 'probabilities', logBase: 'e', dtype: 'float64', weight: [3] } }));
  // 3 · 0.223144 = 0.669431.
  assert.equal(steps.find((s) => s.kind === 'negate')?.tex, String.raw`\mathrm{BCE}_{1} = -3 \cdot (-0.223144) = 0.669431`);
  assert.equal(steps.find((s) => s.kind === 'cancel')?.tex, String.raw`\mathrm{BCE}_{1} = -3 \left[ 1 \ln(0.8) + 0 \cdot \ln(0.2) \right] = -3 \cdot \ln(0.8)`);
});
