/// <reference types="node" />
// Logit input: σ first, the stable form for a large |z|, and 'auto' saying it read logits.
// Expected numbers are worked out by hand in the comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWalkthrough } from '../../../src/core/derivation';
import { parseInput } from '../../../src/core/parse';
import type { Walkthrough } from '../../../src/core/types';

function walk(text: string, inputKind: 'auto' | 'logits' = 'auto'): Walkthrough {
  const parsed = parseInput(text, { inputKind });
  if (!parsed.ok) assert.fail(parsed.error.message);
  const w = buildWalkthrough(parsed.value, { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' });
  if (!w.ok) assert.fail(w.error.message);
  return w.value;
}

test("auto: predictions outside [0, 1] are read as logits, with a note that says which value and why", () => {
  const w = walk('targets = [1, 0, 1]\npredictions = [2, -1, 3]');
  assert.equal(w.parsed.inputKind, 'logits');
  assert.ok(w.notes.some((n) => /Prediction at index 0 is 2, outside \[0, 1\], so the predictions were read as logits/.test(n)), w.notes.join('\n'));
  // σ(2) = 1/(1 + e^−2) = 0.880797; the loss −ln σ(2) = 0.126928 (reference).
  const first = w.derivations[0];
  assert.equal(first?.steps[0]?.kind, 'sigmoid');
  assert.match(first?.steps[0]?.tex ?? '', /\\frac\{1\}\{1 \+ e\^\{-2\}\} = 0\.880797$/);
  assert.match(first?.steps[0]?.text ?? '', /z = 2; the sigmoid σ\(z\) = 1\/\(1 \+ e\^−z\) turns it into a probability: ŷ = 0\.880797/);
  assert.equal(w.result.elementLosses[0]?.toFixed(6), '0.126928');
  // Ordinary logits need no stable-form step.
  assert.ok(!w.derivations.some((d) => d.steps.some((s) => s.kind === 'safeguard')));
});

test('z = 1000 with y = 0: 1 − σ(z) rounds to 0, so the stable form max(z, 0) − zy + ln(1 + e^−|z|) = 1000 is written out', () => {
  const w = walk('targets = [0]\nlogits = [1000]', 'logits');
  const steps = w.derivations[0]?.steps ?? [];
  assert.deepEqual(steps.slice(0, 2).map((s) => s.kind), ['sigmoid', 'safeguard']);
  const stable = steps[1];
  assert.match(stable?.tex ?? '', /\\max\(z_\{1\}, 0\) - z_\{1\} y_\{1\} \+ \\ln\\left\(1 \+ e\^\{-\|z_\{1\}\|\}\\right\)/);
  assert.match(stable?.tex ?? '', /= 1000 - 0 \+ 0 = 1000 \\end\{aligned\}$/);
  assert.match(stable?.text ?? '', /1 − σ\(z\) .* rounds to 0/);
  assert.match(stable?.text ?? '', /max\(z, 0\) − z·y \+ ln\(1 \+ e\^−\|z\|\)/);
  assert.equal(w.result.loss, 1000);
});

test('z = −800 with y = 1: e^800 would overflow; the stable form gives 800', () => {
  const w = walk('targets = [1]\nlogits = [-800]', 'logits');
  const stable = w.derivations[0]?.steps.find((s) => s.kind === 'safeguard');
  // max(−800, 0) − (−800)(1) + ln(1 + e^−800) = 0 + 800 + 0.
  assert.match(stable?.tex ?? '', /= 0 - \(-800\) \+ 0 = 800 \\end\{aligned\}$/);
  assert.match(stable?.text ?? '', /e\^−z = e\^800, which overflows/);
});

test('with pos_weight the stable form is PyTorch’s (1 − y)z + (1 + (pw − 1)y)(max(−z, 0) + ln(1 + e^−|z|))', () => {
  const parsed = parseInput('targets = [1]\nlogits = [-20]', { inputKind: 'logits' });
  assert.ok(parsed.ok);
  const w = buildWalkthrough(parsed.value, { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64', posWeight: [3] });
  assert.ok(w.ok);
  const stable = w.value.derivations[0]?.steps.find((s) => s.kind === 'safeguard');
  // (1 − 1)(−20) + 3·(20 + ln(1 + e^−20)) = 3·(20 + 2.06115e-9) = 60.
  assert.match(stable?.tex ?? '', /= 0 \\cdot \(-20\) \+ 3 \\left\( 20 \+ 2\.06115 \\times 10\^\{-9\} \\right\) = 60 \\end\{aligned\}$/);
  assert.ok(Math.abs(w.value.result.loss - 60) < 1e-7);
});

test('z = 40 with y = 0: 1 − ŷ is written as σ(−40) = 4.24835e-18, not as a rounded ln(0)', () => {
  const w = walk('targets = [0]\nlogits = [40]', 'logits');
  const cancel = w.derivations[0]?.steps.find((s) => s.kind === 'cancel');
  // σ(−40) = 1/(1 + e^40) = 4.24835e-18.
  assert.match(cancel?.tex ?? '', /= -\\ln\(4\.24835 \\times 10\^\{-18\}\)$/);
  assert.doesNotMatch(cancel?.tex ?? '', /\\ln\(0\)/);
});
