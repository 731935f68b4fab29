/// <reference types="node" />
// Expected values come from /work/shared/reference/loss-semantics.md (golden values) or are
// worked out here with Math.log from the definition, never from the code under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWalkthrough, type WalkthroughLossOptions } from '../../../src/core/derivation';
import type { DerivationStep, LabelDerivation, Walkthrough } from '../../../src/core/types';
import { ARTICLE_LABELS, ARTICLE_SOURCE, fixture } from './parsed-fixture';

const PYTORCH: WalkthroughLossOptions = { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' };

function walk(source: string, loss: Partial<WalkthroughLossOptions> = {}, opts: Parameters<typeof fixture>[1] = {}, wopts = {}): Walkthrough {
  const r = buildWalkthrough(fixture(source, opts), { ...PYTORCH, ...loss }, wopts);
  if (!r.ok) assert.fail(r.error.message);
  return r.value;
}

function step(d: LabelDerivation | undefined, kind: DerivationStep['kind']): DerivationStep {
  const s = d?.steps.find((x) => x.kind === kind);
  if (!s) assert.fail(`no ${kind} step`);
  return s;
}

function kinds(d: LabelDerivation | undefined): string[] {
  return (d?.steps ?? []).map((s) => s.kind);
}

const article = (loss: Partial<WalkthroughLossOptions> = {}, wopts = {}): Walkthrough => walk(ARTICLE_SOURCE, loss, { labels: ARTICLE_LABELS }, wopts);

test("the article's example: one derivation per label, in the article's order of steps", () => {
  const w = article();
  assert.equal(w.derivations.length, 3);
  assert.equal(w.elementCount, 3);
  assert.deepEqual(kinds(w.derivations[0]), ['formula', 'substitute', 'cancel', 'log', 'negate', 'result', 'gradient']);
  assert.equal(
    step(w.derivations[0], 'formula').tex,
    // The same general formula on every card (typeset once); the card's heading names the label.
    String.raw`\mathrm{BCE} = -\left[ y \ln(\hat{y}) + (1 - y) \ln(1 - \hat{y}) \right]`,
  );
  assert.deepEqual(
    w.derivations.map((d) => d.detail.label),
    ['car', 'cat', 'dog'],
  );
});

test('the substitution keeps the numbers as typed, and 1 − ŷ is exact', () => {
  const w = article();
  const car = step(w.derivations[0], 'substitute').tex;
  assert.equal(car, String.raw`\mathrm{BCE}_{1} = -\left[ 1 \ln(0.8) + (1 - 1) \ln(1 - 0.8) \right]`);
  assert.doesNotMatch(car, /0\.800000/);
  assert.match(step(w.derivations[1], 'cancel').tex, /\\ln\(0\.7\)/);
  assert.doesNotMatch(step(w.derivations[1], 'cancel').tex, /0\.7000/);
  // Digits typed as `.5` are written 0.5.
  const half = walk('targets = [1]\npredictions = [.5]');
  assert.match(step(half.derivations[0], 'substitute').tex, /\\ln\(0\.5\)/);
});

test('target 1 cancels the right-hand term, target 0 the left-hand one', () => {
  const w = article();
  const [car, cat, dog] = w.derivations;
  assert.equal(car?.detail.active, 'positive');
  assert.match(step(car, 'cancel').tex, /0 \\cdot \\ln\(0\.2\) \\right\] = -\\ln\(0\.8\)$/);
  assert.match(step(car, 'cancel').text, /right-hand term drops out/);
  assert.match(step(cat, 'cancel').tex, /0 \\cdot \\ln\(0\.3\) \+ 1 \\cdot \\ln\(0\.7\) \\right\] = -\\ln\(0\.7\)$/);
  assert.match(step(cat, 'cancel').text, /left-hand term drops out/);
  assert.match(step(dog, 'cancel').tex, /= -\\ln\(0\.9\)$/);
});

test('per-label results and the mean match the golden values (ln)', () => {
  const w = article();
  const results = w.derivations.map((d) => step(d, 'result').tex);
  assert.match(results[0] ?? '', /= 0\.223144 \\qquad \(\\text\{car\}\)$/);
  assert.match(results[1] ?? '', /= 0\.356675 \\qquad \(\\text\{cat\}\)$/);
  assert.match(results[2] ?? '', /= 0\.105361 \\qquad \(\\text\{dog\}\)$/);
  assert.equal(step(w.derivations[0], 'log').tex, String.raw`\ln(0.8) = -0.223144`);
  assert.equal(step(w.derivations[0], 'negate').tex, String.raw`\mathrm{BCE}_{1} = -(-0.223144) = 0.223144`);
  const last = w.reductionSteps[w.reductionSteps.length - 1];
  assert.equal(last?.tex, 'L = 0.228393');
  const sum = w.reductionSteps.find((s) => s.kind === 'average');
  assert.equal(sum?.tex, String.raw`L = \frac{1}{3}\left( 0.223144 + 0.356675 + 0.105361 \right)`);
  assert.deepEqual(
    w.table.map((r) => [r.label, r.target, r.prediction, r.loss]),
    [
      ['car', '1', '0.8', '0.223144'],
      ['cat', '0', '0.3', '0.356675'],
      ['dog', '1', '0.9', '0.105361'],
    ],
  );
});

test('PyTorch in float32 (its default) gives the same six digits', () => {
  const w = article({ dtype: 'float32' });
  assert.match(step(w.derivations[0], 'result').tex, /= 0\.223144 /);
  assert.match(step(w.derivations[0], 'substitute').tex, /\\ln\(0\.8\)/);
  assert.match(step(w.derivations[1], 'log').tex, /\\ln\(0\.7\)/, 'the float32 argument 1 − p is still written as the exact 0.7');
  assert.equal(w.reductionSteps.at(-1)?.tex, 'L = 0.228393');
});

test('base 10 adds a base-change step and gives the tutorial numbers', () => {
  const w = article({ logBase: '10' });
  const car = w.derivations[0];
  assert.deepEqual(kinds(car), ['formula', 'substitute', 'cancel', 'log', 'negate', 'base-change', 'result', 'gradient']);
  assert.equal(step(car, 'base-change').tex, String.raw`\mathrm{BCE}_{1} = \frac{0.223144}{\ln 10} = 0.0969100`);
  assert.match(step(car, 'result').tex, /= 0\.0969100 /);
  assert.equal(w.reductionSteps.at(-1)?.tex, 'L = 0.0991898');
  assert.ok(!w.notes.some((n) => n.includes('A tutorial that shows 0.0969')), 'the ln note is for base e only');
});

test('base e: one note says frameworks use ln and 0.0969 is base 10', () => {
  const w = article();
  const notes = w.notes.filter((n) => /natural log/.test(n) && n.includes('0.0969'));
  assert.equal(notes.length, 1);
});

test('logits: the sigmoid step comes first, with its value; golden per-element losses and mean', () => {
  const w = walk('targets = [1, 0, 1]\nlogits = [2, -1, 3]', { preset: 'pytorch-logits' }, { inputKind: 'logits', predictionsName: 'logits' });
  const first = w.derivations[0];
  assert.equal(first?.steps[0]?.kind, 'sigmoid');
  // σ(2) = 1 / (1 + e^-2) = 0.880797 (by hand: e^-2 = 0.135335).
  assert.match(first?.steps[0]?.tex ?? '', /\\sigma\(z_\{1\}\) = \\frac\{1\}\{1 \+ e\^\{-z_\{1\}\}\} = \\frac\{1\}\{1 \+ e\^\{-2\}\} = 0\.880797$/);
  assert.match(w.derivations[1]?.steps[0]?.tex ?? '', /e\^\{1\}\} = 0\.268941$/);
  assert.match(step(first, 'result').tex, /= 0\.126928$/);
  assert.match(step(w.derivations[1], 'result').tex, /= 0\.313262$/);
  assert.match(step(w.derivations[2], 'result').tex, /= 0\.048587\d$/);
  assert.equal(w.reductionSteps.at(-1)?.tex, 'L = 0.162926');
  assert.deepEqual(
    w.table.map((r) => [r.logit, r.prediction]),
    [
      ['2', '0.880797'],
      ['-1', '0.268941'],
      ['3', '0.952574'],
    ],
  );
});

test('pos_weight multiplies the positive term, and is shown', () => {
  const parsed = fixture('targets = [1, 0, 1]\nlogits = [2, -1, 3]', { inputKind: 'logits', predictionsName: 'logits' });
  const r = buildWalkthrough(parsed, { ...PYTORCH, preset: 'pytorch-logits', posWeight: [2, 2, 2] });
  assert.ok(r.ok);
  const w = r.value;
  assert.match(step(w.derivations[0], 'formula').tex, /p_\{w\} y \\ln/);
  assert.match(step(w.derivations[0], 'substitute').tex, /2 \\cdot 1 \\ln\(0\.880797\)/);
  assert.match(step(w.derivations[0], 'result').tex, /= 0\.253856$/);
  assert.match(step(w.derivations[1], 'result').tex, /= 0\.313262$/);
  // 2 · ln(1 + e^-3) = 2 · 0.0485874 (the reference rounds it to 0.097175).
  assert.match(step(w.derivations[2], 'result').tex, /= 0\.0971747$/);
  assert.equal(w.reductionSteps.at(-1)?.tex, 'L = 0.221431');
});

test('soft labels keep both terms', () => {
  const w = walk('targets = [0.7]\npredictions = [0.8]');
  const d = w.derivations[0];
  assert.equal(d?.detail.active, 'both');
  assert.match(step(d, 'cancel').text, /soft label/);
  assert.equal(step(d, 'cancel').tex, String.raw`\mathrm{BCE}_{1} = -\left[ 0.7 \ln(0.8) + 0.3 \ln(0.2) \right]`);
  // -[0.7 ln 0.8 + 0.3 ln 0.2], by hand.
  const expected = -(0.7 * Math.log(0.8) + 0.3 * Math.log(0.2));
  assert.match(step(d, 'result').tex, new RegExp(`= ${expected.toPrecision(6).replace('.', '\\.')}$`));
  assert.match(step(d, 'log').tex, /\\ln\(0\.8\) = -0\.223144, \\qquad \\ln\(0\.2\) = -1\.60944/);
});

test('label smoothing 0.1 turns the targets into 0.95 / 0.05 and gives the golden mean', () => {
  const w = article({ labelSmoothing: 0.1 });
  assert.equal(w.derivations[0]?.detail.active, 'both');
  assert.match(step(w.derivations[0], 'substitute').tex, /0\.95 \\ln\(0\.8\)/);
  assert.match(step(w.derivations[0], 'substitute').text, /Label smoothing 0\.1 has moved the target from 1 to/);
  assert.equal(w.reductionSteps.at(-1)?.tex, 'L = 0.302240');
});

test('PyTorch clamps ln(0) at −100: a safeguard step, loss 100, golden mean', () => {
  const w = walk('targets = [1, 0, 1]\npredictions = [0, 0.3, 0.9]');
  const d = w.derivations[0];
  assert.deepEqual(kinds(d), ['formula', 'substitute', 'cancel', 'safeguard', 'log', 'negate', 'result', 'gradient']);
  assert.match(step(d, 'safeguard').text, /PyTorch clamps each log at -100/);
  assert.match(step(d, 'safeguard').tex, /\\max\\left\(\\ln\(0\), -100\\right\) = \\max\\left\(-\\infty, -100\\right\) = -100/);
  assert.equal(d?.detail.loss, 100);
  assert.match(step(d, 'result').tex, /^\\mathrm\{BCE\}_\{1\} = 100$/);
  assert.equal(w.reductionSteps.at(-1)?.tex, 'L = 33.4873');
  assert.equal(w.table[0]?.loss, '100');
  assert.ok(!w.derivations[1]?.steps.some((s) => s.kind === 'safeguard'), 'no safeguard where nothing was clamped');
});

test('Keras clips ŷ to [ε, 1 − ε]: p = 1, y = 0 in float32 gives 15.9424', () => {
  const w = walk('targets = [0]\npredictions = [1]', { preset: 'keras', dtype: 'float32' });
  const d = w.derivations[0];
  assert.match(step(d, 'safeguard').text, /Keras 3 clips ŷ to \[ε, 1 − ε\] with ε = 1e-7/);
  // 15.942385 in the reference table.
  assert.match(step(d, 'result').tex, /= 15\.9424$/);
});

test('element weights: PyTorch divides by the count, scikit-learn by the sum of weights', () => {
  const torch = buildWalkthrough(fixture(ARTICLE_SOURCE, { labels: ARTICLE_LABELS }), { ...PYTORCH, weight: [1, 2, 3] });
  assert.ok(torch.ok);
  assert.equal(torch.value.reductionSteps.at(-1)?.tex, 'L = 0.417525');
  // The weight is applied where the sign flips: 2 · 0.356675 = 0.713350.
  assert.match(step(torch.value.derivations[1], 'negate').tex, /= -2 \\cdot \(-0\.356675\) = 0\.713350$/);
  assert.match(step(torch.value.derivations[1], 'formula').tex, /= -w\\left\[/);
  const sk = buildWalkthrough(fixture(ARTICLE_SOURCE, { labels: ARTICLE_LABELS }), { ...PYTORCH, preset: 'sklearn', weight: [1, 2, 3] });
  assert.ok(sk.ok);
  assert.equal(sk.value.reductionSteps.at(-1)?.tex, 'L = 0.208762');
  assert.match(sk.value.reductionSteps[0]?.tex ?? '', /D = 6/);
});

test('the gradient step gives ∂L/∂z = (ŷ − y)/N and says which way the logit moves', () => {
  const w = article();
  const g = step(w.derivations[0], 'gradient');
  // (0.8 − 1) / 3 = −0.0666667; ∂L/∂ŷ = −1/(0.8 · 3) = −0.416667.
  assert.match(g.tex, /\\frac\{0\.8 - 1\}\{3\} = -0\.0666667 \\end\{aligned\}$/);
  assert.match(g.tex, /\\frac\{\\partial L\}\{\\partial \\hat\{y\}_\{1\}\} &= .* = -0\.416667 \\\\/);
  assert.match(g.text, /raises z/);
  assert.match(step(w.derivations[1], 'gradient').text, /lowers z/);
});

test('maxDerivations caps the derivations, the table keeps every row', () => {
  const w = article({}, { maxDerivations: 2 });
  assert.equal(w.derivations.length, 2);
  assert.equal(w.table.length, 3);
  assert.equal(w.elementCount, 3);
  const none = article({}, { maxDerivations: 0, maxTableRows: 1 });
  assert.equal(none.derivations.length, 0);
  assert.equal(none.table.length, 1);
  assert.equal(none.reductionSteps.at(-1)?.tex, 'L = 0.228393', 'the loss still covers every element');
});

test('a long sum shows the first three and last two terms and points to the table', () => {
  const ps = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05];
  const w = walk(`targets = [${ps.map(() => 1).join(', ')}]\npredictions = [${ps.join(', ')}]`);
  const sum = w.reductionSteps.find((s) => s.kind === 'average');
  const terms = ps.map((p) => (-Math.log(p)).toPrecision(6));
  for (const t of [terms[0], terms[1], terms[2], terms[8], terms[9]]) assert.ok(sum?.tex.includes(t ?? '?'), `${t} in ${sum?.tex}`);
  for (const t of [terms[3], terms[7]]) assert.ok(!sum?.tex.includes(t ?? '?'), `${t} not written out`);
  assert.match(sum?.tex ?? '', /\\cdots/);
  assert.match(sum?.text ?? '', /full list is in the table/);
  const mean = ps.reduce((a, p) => a - Math.log(p), 0) / ps.length;
  assert.equal(w.reductionSteps.at(-1)?.tex, `L = ${mean.toPrecision(6)}`);
});

test('a batch: per-sample means first, then the batch, as Keras does', () => {
  const w = walk('targets = [[1, 0], [0, 1]]\npredictions = [[0.8, 0.3], [0.4, 0.9]]', { preset: 'keras' }, { shape: [2, 2], labels: ['a', 'b'] });
  const s1 = (-Math.log(0.8) - Math.log(0.7)) / 2;
  const s2 = (-Math.log(0.6) - Math.log(0.9)) / 2;
  const averages = w.reductionSteps.filter((s) => s.kind === 'average');
  assert.equal(averages.length, 3);
  assert.match(averages[0]?.tex ?? '', new RegExp(`^\\\\bar\\{L\\}_\\{1\\} = \\\\frac\\{1\\}\\{2\\}.* = ${s1.toPrecision(6)}$`));
  assert.match(averages[1]?.tex ?? '', new RegExp(` = ${s2.toPrecision(6)}$`));
  assert.equal(w.reductionSteps.at(-1)?.tex, `L = ${((s1 + s2) / 2).toPrecision(6)}`);
  assert.match(w.reductionSteps[0]?.text ?? '', /Keras 3 does exactly this/);
  const torch = walk('targets = [[1, 0], [0, 1]]\npredictions = [[0.8, 0.3], [0.4, 0.9]]', {}, { shape: [2, 2] });
  assert.match(torch.reductionSteps[0]?.text ?? '', /PyTorch averages all 4 losses at once/);
  assert.equal(torch.reductionSteps.at(-1)?.tex, `L = ${((s1 + s2) / 2).toPrecision(6)}`);
  assert.equal(w.derivations[3]?.steps.find((s) => s.kind === 'substitute')?.tex.startsWith(String.raw`\mathrm{BCE}_{2,2} = `), true);
  assert.deepEqual(w.table[3]?.index, [1, 1]);
  assert.equal(w.table[3]?.label, 'b');
});

test("reduction 'none' says the answer is the table", () => {
  const w = article({ reduction: 'none' });
  assert.equal(w.reductionSteps.length, 1);
  assert.match(w.reductionSteps[0]?.text ?? '', /no single number/);
});

test('bad walkthrough options are reported, not thrown', () => {
  const r = buildWalkthrough(fixture(ARTICLE_SOURCE), PYTORCH, { precision: 0 });
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error.code, 'bad-option');
    assert.match(r.error.message, /precision/);
  }
  const m = buildWalkthrough(fixture(ARTICLE_SOURCE), PYTORCH, { maxDerivations: -1 });
  assert.equal(m.ok, false);
});

test('hostile label names reach the TeX only escaped', () => {
  const labels = ['\\def\\x{\\x}\\x', '}{', '\\href{javascript:alert(1)}{x}'];
  const w = walk(ARTICLE_SOURCE, {}, { labels });
  for (const d of w.derivations) {
    const tex = step(d, 'result').tex;
    assert.doesNotMatch(tex, /\\def|\\href|\\x\b/);
  }
  assert.match(step(w.derivations[1], 'result').tex, /\(\\\}\\\{\)$/);
});

test("with the real parser: the article's text gives the same walkthrough, digits as typed", async () => {
  const { parseInput } = await import('../../../src/core/parse');
  const parsed = parseInput('labels = [car, cat, dog]\ntargets = [1, 0, 1]\npredictions = [0.80, .3, 0.9]\n');
  if (!parsed.ok) assert.fail(parsed.error.message);
  const r = buildWalkthrough(parsed.value, PYTORCH);
  if (!r.ok) assert.fail(r.error.message);
  assert.deepEqual(r.value.derivations.map((d) => d.detail.label), ['car', 'cat', 'dog']);
  assert.equal(step(r.value.derivations[0], 'substitute').tex, String.raw`\mathrm{BCE}_{1} = -\left[ 1 \ln(0.80) + (1 - 1) \ln(1 - 0.80) \right]`);
  assert.match(step(r.value.derivations[1], 'substitute').tex, /\\ln\(0\.3\)/);
  assert.equal(r.value.table[1]?.prediction, '0.3');
  assert.equal(r.value.reductionSteps.at(-1)?.tex, 'L = 0.228393');
});

test('with the real parser: a batch example gives per-sample means for Keras', async () => {
  const { parseInput } = await import('../../../src/core/parse');
  const parsed = parseInput('targets = [[1, 0, 1], [0, 1, 0]]\npredictions = [[0.8, 0.3, 0.9], [0.2, 0.6, 0.1]]');
  if (!parsed.ok) assert.fail(parsed.error.message);
  const r = buildWalkthrough(parsed.value, { preset: 'keras', reduction: 'mean', logBase: 'e', dtype: 'float64' });
  if (!r.ok) assert.fail(r.error.message);
  const s2 = -(Math.log(0.8) + Math.log(0.6) + Math.log(0.9)) / 3;
  const s1 = -(Math.log(0.8) + Math.log(0.7) + Math.log(0.9)) / 3;
  const averages = r.value.reductionSteps.filter((s) => s.kind === 'average');
  assert.match(averages[1]?.tex ?? '', new RegExp(`= ${s2.toPrecision(6)}$`));
  assert.equal(r.value.reductionSteps.at(-1)?.tex, `L = ${((s1 + s2) / 2).toPrecision(6)}`);
});

test('an extreme logit: the log is taken from z, never written as ln(0)', () => {
  // y = 0, z = 1000: PyTorch gives exactly 1000 (reference), although σ(1000) rounds to 1.
  const w = walk('targets = [0]\nlogits = [1000]', { preset: 'pytorch-logits' }, { inputKind: 'logits', predictionsName: 'logits' });
  const log = step(w.derivations[0], 'log');
  assert.equal(log.tex, String.raw`\ln(\sigma(-1000)) = -1000`);
  assert.doesNotMatch(log.text, /ln\(0\)/);
  assert.match(step(w.derivations[0], 'result').tex, /= 1000$/);
});

test('a blank label is treated as no label', () => {
  const w = walk('targets = [1]\npredictions = [0.8]', {}, { labels: ['  '] });
  assert.equal(step(w.derivations[0], 'result').tex, String.raw`\mathrm{BCE}_{1} = 0.223144`);
  assert.match(step(w.derivations[0], 'formula').text, /^The loss for element 1 /);
});

test('the frameworks are compared by default up to 200,000 elements, beyond that only when asked, with a note', () => {
  const n = 200_001;
  const values = new Float64Array(n).fill(0.5);
  const arr = { values, shape: [n], range: { start: 0, end: 0 }, valueRanges: [], name: null };
  const parsed = { source: '', targets: arr, predictions: arr, inputKind: 'probabilities' as const, labels: null, orderAssumed: false, notes: [] };
  const loss: WalkthroughLossOptions = { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' };
  const big = buildWalkthrough(parsed, loss, { maxDerivations: 0, maxTableRows: 0 });
  assert.ok(big.ok);
  assert.equal(big.value.frameworks, undefined);
  assert.ok(big.value.notes.some((x) => /not compared side by side for more than 200,000 elements/.test(x)));
  const asked = buildWalkthrough(parsed, loss, { maxDerivations: 0, maxTableRows: 0, compareFrameworks: true });
  assert.ok(asked.ok);
  assert.equal(asked.value.frameworks?.rows.length, 5);
  const small = buildWalkthrough(fixture(ARTICLE_SOURCE), loss);
  assert.ok(small.ok);
  assert.equal(small.value.frameworks?.rows.length, 5);
  const off = buildWalkthrough(fixture(ARTICLE_SOURCE), loss, { compareFrameworks: false });
  assert.ok(off.ok);
  assert.equal(off.value.frameworks, undefined);
  assert.ok(!off.value.notes.some((x) => /side by side/.test(x)));
});

test('explain: false leaves out the why-BCE section and nothing else', () => {
  const loss: WalkthroughLossOptions = { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float32' };
  const full = buildWalkthrough(fixture(ARTICLE_SOURCE), loss, { maxDerivations: 1, maxTableRows: 2 });
  const lean = buildWalkthrough(fixture(ARTICLE_SOURCE), loss, { maxDerivations: 1, maxTableRows: 2, explain: false });
  assert.ok(full.ok && lean.ok);
  assert.ok((full.value.whyBce?.length ?? 0) > 0);
  assert.equal(lean.value.whyBce, undefined);
  const { whyBce: _dropped, ...rest } = full.value;
  assert.deepEqual(lean.value, rest);
});
