/// <reference types="node" />
// Properties of the side-by-side comparison for any valid input, checked with fast-check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareFrameworks, RELATIVE_TOLERANCE } from '../../../src/core/teaching';
import type { ParsedArray, ParsedInput, Reduction } from '../../../src/core/types';

function array(values: number[], shape: number[]): ParsedArray {
  return { values: Float64Array.from(values), shape, range: { start: 0, end: 0 }, valueRanges: [], name: null };
}

function parsed(targets: number[], predictions: number[], columns: number, logits: boolean): ParsedInput {
  const shape = targets.length === columns ? [columns] : [targets.length / columns, columns];
  return {
    source: '',
    targets: array(targets, shape),
    predictions: array(predictions, shape),
    inputKind: logits ? 'logits' : 'probabilities',
    labels: null,
    orderAssumed: false,
    notes: [],
  };
}

const input = fc
  .record({
    columns: fc.integer({ min: 1, max: 4 }),
    rows: fc.integer({ min: 1, max: 3 }),
    logits: fc.boolean(),
    reduction: fc.constantFrom<Reduction>('mean', 'sum', 'none'),
    weighted: fc.boolean(),
  })
  .chain((shape) => {
    const n = shape.columns * shape.rows;
    const prediction = shape.logits ? fc.double({ min: -60, max: 60, noNaN: true }) : fc.double({ min: 0, max: 1, noNaN: true });
    return fc.record({
      shape: fc.constant(shape),
      targets: fc.array(fc.constantFrom(0, 1, 0.5), { minLength: n, maxLength: n }),
      predictions: fc.array(prediction, { minLength: n, maxLength: n }),
      weight: fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: shape.columns, maxLength: shape.columns }),
    });
  });

test('five rows, PyTorch first at difference 0, "differs" exactly when beyond 1e-6, and a reason for every difference', () => {
  fc.assert(
    fc.property(input, ({ shape, targets, predictions, weight }) => {
      const c = compareFrameworks(parsed(targets, predictions, shape.columns, shape.logits), {
        reduction: shape.reduction,
        logBase: 'e',
        ...(shape.weighted ? { weight } : {}),
      });
      assert.deepEqual(
        c.rows.map((r) => r.preset),
        ['pytorch', 'keras', 'tf-keras', 'sklearn', 'tfjs'],
      );
      const [torch] = c.rows;
      assert.equal(torch?.error, null);
      assert.equal(torch?.relativeDifference, 0);
      for (const r of c.rows) {
        assert.equal(r.error, null, r.error ?? '');
        assert.equal(r.differs, r.relativeDifference > RELATIVE_TOLERANCE);
        assert.ok(r.relativeDifference >= 0);
        // Rule, dtype, then why it differs or that it agrees (weights add the averaging sentence).
        assert.ok(r.explanation.length >= 3, r.explanation.join(' | '));
        if (r.preset !== 'pytorch') {
          const last = r.explanation.at(-1) ?? '';
          assert.ok(r.differs ? !/^Agrees/.test(last) : /^Agrees/.test(last), `${r.framework}: ${last}`);
        }
      }
      assert.ok(c.summary.length >= 1);
    }),
    { numRuns: 150 },
  );
});
