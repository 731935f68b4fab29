/// <reference types="node" />
// The renderer parses an equation's shape once and fills in its numbers (tex-numbers.ts and
// mathjax-engine.ts). That is only a speed-up if it draws exactly what MathJax draws from the
// TeX itself: the properties below compare the two renderers byte for byte, on whole
// walkthrough pages and on random TeX built from the pieces the walkthrough uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildWalkthrough } from '../../src/core/derivation';
import { parseInput } from '../../src/core/parse';
import type { Preset } from '../../src/core/types';
import { createMathRenderer } from '../../src/render/mathjax-engine';
import { renderHtmlFragment } from '../../src/render/html';
import { numberTemplate } from '../../src/render/tex-numbers';

test('numbers are taken out in order and replaced by 0', () => {
  assert.deepEqual(numberTemplate(String.raw`\mathrm{BCE}_{2} = -\left[ 1 \ln(0.38) + (1 - 1) \ln(1 - .38) \right]`), {
    template: String.raw`\mathrm{BCE}_{0} = -\left[ 0 \ln(0) + (0 - 0) \ln(0 - 0) \right]`,
    numbers: ['2', '1', '0.38', '1', '1', '1', '.38'],
  });
  assert.deepEqual(numberTemplate(String.raw`\frac{3.}{20} \cdot 10^{-5}`), { template: String.raw`\frac{0}{0} \cdot 0^{-0}`, numbers: ['3.', '20', '10', '5'] });
});

test('digits in text, names and environments stay as they are', () => {
  assert.deepEqual(numberTemplate(String.raw`L = 0.5 \qquad (\text{label 2 {x} \} 3})`), {
    template: String.raw`L = 0 \qquad (\text{label 2 {x} \} 3})`,
    numbers: ['0.5'],
  });
  assert.equal(numberTemplate(String.raw`\begin{aligned} a &= 1 \\ b &= 2 \end{aligned}`)?.template, String.raw`\begin{aligned} a &= 0 \\ b &= 0 \end{aligned}`);
  assert.equal(numberTemplate(String.raw`\left. x \right.5`)?.template, String.raw`\left. x \right.0`);
});

test('TeX where a digit may not be a number of its own is refused', () => {
  for (const tex of [
    String.raw`\frac12`, // one digit per argument
    String.raw`\frac{}7.4e-323`, // the second argument unbraced: `7` alone (found by the random test below)
    String.raw`\dfrac{1} 2.5`,
    String.raw`\frac{1`, // an unclosed argument
    'x_23', // one token as the subscript
    'x^ .5',
    String.raw`a \\[2pt] b`, // a dimension
    String.raw`1{,}000`, // one number to MathJax
    String.raw`\hspace{2em} 1`, // a command not known here
    String.raw`\text{3`, // an unclosed argument
    '1 % comment 2',
    String.raw`\text 3`,
    'x = y', // nothing to take out
  ]) {
    assert.equal(numberTemplate(tex), null, tex);
  }
});

const shared = createMathRenderer();
const direct = createMathRenderer({ reuseParsedShapes: false });

const PRESETS: Preset[] = ['pytorch', 'pytorch-logits', 'keras', 'tf-keras', 'sklearn', 'tfjs', 'exact'];
const probability = fc.oneof(fc.constantFrom(0, 1, 0.5, 1e-9, 1 - 1e-9), fc.double({ min: 0, max: 1, noNaN: true }));

test('whole pages: parsed shapes draw every equation exactly as parsing each one does', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(0, 1, 0.25), probability), { minLength: 1, maxLength: 6 }),
      fc.constantFrom(...PRESETS),
      fc.constantFrom('e' as const, '2' as const, '10' as const),
      fc.constantFrom('float64' as const, 'float32' as const),
      fc.constantFrom('mean' as const, 'sum' as const, 'none' as const),
      fc.array(fc.string({ maxLength: 6 }), { maxLength: 6 }),
      (pairs, preset, logBase, dtype, reduction, labels) => {
        const logits = preset === 'pytorch-logits';
        const values = pairs.map(([, p]) => (logits ? (p - 0.5) * 40 : p));
        const named = labels.length === pairs.length ? `labels = ${JSON.stringify(labels)}\n` : '';
        const parsed = parseInput(`${named}y = [${pairs.map(([t]) => t).join(', ')}]\n${logits ? 'logits' : 'p'} = [${values.join(', ')}]`);
        if (!parsed.ok) return;
        const w = buildWalkthrough(parsed.value, { preset, reduction, logBase, dtype });
        if (!w.ok) return;
        assert.equal(renderHtmlFragment(w.value, shared), renderHtmlFragment(w.value, direct));
      },
    ),
    { numRuns: 40 },
  );
});

// Random TeX from the walkthrough's own pieces, numbers anywhere, valid or not.
const piece = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => String(x)),
  fc.constantFrom('0', '1', '.5', '3.', '20', '1e-7', '0.0100503'),
  fc.constantFrom(
    String.raw`\ln(`, ')', '(', ' = ', ' + ', ' - ', String.raw` \cdot `, String.raw`\hat{y}_{`, '}', '{', '_{', '^{', String.raw`\frac{`, '}{',
    String.raw`\left[ `, String.raw` \right]`, String.raw`\left(`, String.raw`\right)`, String.raw`\mathrm{BCE}`, String.raw` \qquad `,
    String.raw`\text{label 1}`, String.raw`\max\left(`, String.raw`\sigma(`, String.raw` \\ `, ' &= ', String.raw`\begin{aligned} `,
    String.raw` \end{aligned}`, String.raw`\sum_{i=1}^{N}`, String.raw`\Bigl(`, String.raw`\Bigr)`, String.raw`\cdots`, 'x_', '^', '.', ',', '{,}',
  ),
);

test('random TeX: parsed shapes give the same SVG, or the same error, as parsing each equation', () => {
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), fc.boolean(), (parts, display) => {
      const tex = parts.join('');
      assert.equal(shared.toSvg(tex, { display }), direct.toSvg(tex, { display }), tex);
      const a = shared.page();
      const b = direct.page();
      assert.equal(a.toSvg(tex, { display }), b.toSvg(tex, { display }), tex);
      assert.equal(a.defs(), b.defs());
    }),
    { numRuns: 300 },
  );
});
