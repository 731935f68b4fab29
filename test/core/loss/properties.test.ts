// Properties that must hold for every input, checked with fast-check.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeLoss } from '../../../src/core/loss/index';
import type { DType, LogBase, Preset } from '../../../src/core/types';
import { BASE_OPTIONS, sigmoid } from './helpers';

const PRESETS: readonly Preset[] = ['pytorch', 'pytorch-logits', 'keras', 'tf-keras', 'sklearn', 'tfjs', 'exact'];
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const pairs = fc.array(fc.tuple(unit, unit), { minLength: 1, maxLength: 12 });

function run(targets: number[], preds: number[], o: Partial<typeof BASE_OPTIONS>) {
  const r = computeLoss(Float64Array.from(targets), Float64Array.from(preds), [targets.length], { ...BASE_OPTIONS, ...o });
  if (!r.ok) assert.fail(r.error.message);
  return r.value;
}

describe('loss properties', () => {
  it('is ≥ 0 (never NaN) for targets and predictions in [0, 1], every preset and dtype', () => {
    fc.assert(
      fc.property(pairs, fc.constantFrom(...PRESETS), fc.constantFrom<DType>('float64', 'float32'), (ps, preset, dtype) => {
        const r = run(
          ps.map((p) => p[0]),
          ps.map((p) => p[1]),
          { preset, dtype, reduction: 'none' },
        );
        for (const v of r.elementLosses) assert.ok(v >= 0, `${preset} ${dtype}: ${v}`);
        const mean = run(
          ps.map((p) => p[0]),
          ps.map((p) => p[1]),
          { preset, dtype },
        ).loss;
        assert.ok(mean >= 0, `${preset} ${dtype} mean: ${mean}`);
      }),
      { numRuns: 400 },
    );
  });

  it('pytorch on σ(z) equals pytorch-logits on z within 1e-9 for |z| ≤ 15', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(unit, fc.double({ min: -15, max: 15, noNaN: true })), { minLength: 1, maxLength: 8 }),
        (ps) => {
          const y = ps.map((p) => p[0]);
          const z = ps.map((p) => p[1]);
          const viaProbabilities = run(y, z.map(sigmoid), { preset: 'pytorch', reduction: 'none' });
          const viaLogits = run(y, z, { preset: 'pytorch-logits', input: 'logits', reduction: 'none' });
          viaLogits.elementLosses.forEach((v, i) => {
            assert.ok(Math.abs(v - (viaProbabilities.elementLosses[i] as number)) <= 1e-9, `z=${z[i]} y=${y[i]}`);
          });
        },
      ),
    );
  });

  it('and for |z| < 30 within 1e-9 plus the error of rounding σ(z) to a double', () => {
    // 1 - σ(z) loses absolute precision 2^-53 when z > 0; ln then amplifies it by 1/(1 - σ(z)) ≈ e^z.
    fc.assert(
      fc.property(unit, fc.double({ min: -29.999, max: 29.999, noNaN: true }), (y, z) => {
        const a = run([y], [sigmoid(z)], { preset: 'pytorch' }).loss;
        const b = run([y], [z], { preset: 'pytorch-logits', input: 'logits' }).loss;
        assert.ok(Math.abs(a - b) <= 1e-9 + 2 ** -52 * Math.exp(Math.abs(z)), `z=${z} y=${y}: ${a} vs ${b}`);
      }),
    );
  });

  it('a change of log base is exactly a division by ln b', () => {
    fc.assert(
      fc.property(pairs, fc.constantFrom(...PRESETS), fc.constantFrom<LogBase>('2', '10'), (ps, preset, base) => {
        const y = ps.map((p) => p[0]);
        const p = ps.map((q) => q[1]);
        const nats = run(y, p, { preset });
        const other = run(y, p, { preset, logBase: base });
        const ln = base === '2' ? Math.LN2 : Math.LN10;
        assert.equal(other.loss, nats.loss / ln);
        other.elementLosses.forEach((v, i) => assert.equal(v, (nats.elementLosses[i] as number) / ln));
      }),
    );
  });

  it("pytorch: 'mean' is 'sum' / N, so sum = mean × N", () => {
    fc.assert(
      fc.property(pairs, fc.constantFrom<DType>('float64', 'float32'), (ps, dtype) => {
        const y = ps.map((p) => p[0]);
        const p = ps.map((q) => q[1]);
        const mean = run(y, p, { dtype }).loss;
        const sum = run(y, p, { dtype, reduction: 'sum' }).loss;
        const n = ps.length;
        const round = dtype === 'float32' ? Math.fround : (x: number) => x;
        assert.equal(mean, round(sum / n));
        assert.ok(Math.abs(sum - mean * n) <= 1e-6 * Math.max(1, sum), `${sum} vs ${mean} × ${n}`);
      }),
    );
  });

  it('-ln p and -ln(1 - p) are within a few ulp of log and log1p, even for p near 0 where 1 - p rounds', () => {
    const interior = fc.oneof(
      fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true, maxExcluded: true }),
      fc.double({ min: 1e-300, max: 1e-6, noNaN: true }),
    );
    fc.assert(
      fc.property(interior, fc.constantFrom(0, 1, 0.5), fc.constantFrom<Preset>('pytorch', 'exact'), (p, y, preset) => {
        const pos = -Math.log(p);
        const neg = -Math.log1p(-p);
        if (preset === 'pytorch' && Math.max(y === 0 ? 0 : pos, y === 1 ? 0 : neg) > 100) return;
        const expected = y === 1 ? pos : y === 0 ? neg : 0.5 * pos + 0.5 * neg;
        const got = run([y], [p], { preset }).loss;
        const ulps = y === 0.5 ? 4 : 2;
        assert.ok(Math.abs(got - expected) <= ulps * Number.EPSILON * Math.abs(expected), `y=${y} p=${p}: ${got} vs ${expected}`);
      }),
      { numRuns: 500 },
    );
  });

  it('the element losses do not depend on the reduction', () => {
    fc.assert(
      fc.property(pairs, fc.constantFrom(...PRESETS), (ps, preset) => {
        const y = ps.map((p) => p[0]);
        const p = ps.map((q) => q[1]);
        const a = run(y, p, { preset, reduction: 'none' }).elementLosses;
        const b = run(y, p, { preset, reduction: 'sum' }).elementLosses;
        assert.deepEqual([...a], [...b]);
      }),
    );
  });
});
