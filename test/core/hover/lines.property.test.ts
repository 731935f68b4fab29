/// <reference types="node" />
// The hover reads its paragraph as lines, without joining them into one string: the analysis,
// and the walkthrough built from it, must be exactly those of the joined text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseHover, type HoverAnalysis } from '../../../src/core/hover';
import { buildWalkthrough } from '../../../src/core/derivation';
import { LineText } from '../../../src/core/parse/text';

const numbers = fc.array(fc.constantFrom('0', '1', '0.25', '0.9', '-0.5', '1e-3', '2', '0.100', 'nan', 'True'), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(', '));
const name = fc.constantFrom('targets', 'y_pred', 'predictions', 'p', 'y', 'labels', 'logits', 'x');
const statement = fc.oneof(
  fc.tuple(name, numbers).map(([n, xs]) => `${n} = [${xs}]`),
  fc.tuple(name, numbers, numbers).map(([n, a, b]) => `${n} = [[${a}], [${b}]]`),
  fc.tuple(numbers, numbers).map(([a, b]) => `loss = bce([${a}], [${b}])`),
  fc.tuple(name, numbers).map(([n, xs]) => `${n} <- c(${xs})`),
  numbers.map((xs) => `[${xs}`),
  numbers.map((xs) => `${xs}]`),
  name.map((n) => `${n} =`),
  fc.constantFrom('', '# a comment ]', '"""doc', "'a\\", '/* x', '*/', 'labels = ["cat", "dog"]', 'bce = BCELoss(from_logits=True)'),
);
const lines = fc.array(statement, { minLength: 1, maxLength: 6 });

function plain(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)));
}

function walkthroughOf(analysis: HoverAnalysis | null): unknown {
  if (analysis?.kind !== 'pair') return null;
  const built = buildWalkthrough(analysis.parsed, { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float32' }, { precision: 6, maxDerivations: 2, maxTableRows: 5 });
  return plain(built);
}

test('a paragraph read as lines gives the analysis and walkthrough of the joined text', () => {
  fc.assert(
    fc.property(lines, fc.nat(), (ls, at) => {
      const joined = ls.join('\n');
      const offset = joined.length === 0 ? 0 : at % joined.length;
      const fromLines = analyseHover(new LineText(ls), offset, { inputKind: 'auto' });
      const fromText = analyseHover(joined, offset, { inputKind: 'auto' });
      assert.deepEqual(plain(fromLines), plain(fromText));
      assert.deepEqual(walkthroughOf(fromLines), walkthroughOf(fromText));
    }),
    { numRuns: 1500 },
  );
});

test('LineText slices as the joined text does, inside a line and across lines', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 5 }), fc.integer({ min: -3, max: 40 }), fc.integer({ min: -3, max: 40 }), (ls, a, b) => {
      const text = new LineText(ls);
      assert.equal(text.slice(a, b), ls.join('\n').slice(a, b));
      assert.equal(text.text, ls.join('\n'));
    }),
    { numRuns: 2000 },
  );
});
