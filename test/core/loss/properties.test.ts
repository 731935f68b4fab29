// Properties that must hold for every input, checked with fast-check.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeLoss, elementDetail, elementLossAt } from '../../../src/core/loss/index';
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

describe('element losses read one at a time', () => {
  // elementLossAt and elementDetail rebuild one element; the array is the loop's own. They must
  // agree to the bit for every rule, dtype, unit, weighting, smoothing and shape.
  const hardOrSoft = fc.oneof(fc.constantFrom(0, 1), unit);
  const setting = fc.record({
    preset: fc.constantFrom(...PRESETS),
    dtype: fc.constantFrom<DType>('float64', 'float32'),
    logBase: fc.constantFrom<LogBase>('e', '2', '10'),
    logits: fc.boolean(),
    reduction: fc.constantFrom('mean' as const, 'sum' as const, 'none' as const),
    weighting: fc.constantFrom('none', 'one', 'per-column', 'per-element'),
    posWeighted: fc.boolean(),
    smoothing: fc.constantFrom(0, 0.1, 1),
    rows: fc.integer({ min: 1, max: 3 }),
    columns: fc.integer({ min: 1, max: 4 }),
  });
  const weightValue = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5, noNaN: true }));

  it('give the same bits as elementLosses', () => {
    fc.assert(
      fc.property(setting, fc.array(fc.tuple(hardOrSoft, unit, fc.double({ min: -40, max: 40, noNaN: true }), weightValue, weightValue), { minLength: 12, maxLength: 12 }), (s, values) => {
        const count = s.rows * s.columns;
        const cells = values.slice(0, count);
        const targets = cells.map((c) => c[0]);
        const predictions = cells.map((c) => (s.logits ? c[2] : c[1]));
        const weightsOf = (k: 3 | 4): number[] | undefined => {
          if (s.weighting === 'none') return undefined;
          const length = s.weighting === 'one' ? 1 : s.weighting === 'per-column' ? s.columns : count;
          return cells.slice(0, length).map((c) => c[k]);
        };
        const rule = s.logits && (s.preset === 'pytorch' || s.preset === 'pytorch-logits' || s.preset === 'exact');
        const weight = weightsOf(3);
        const posWeight = rule && s.posWeighted ? weightsOf(4) : undefined;
        const shape = s.rows > 1 ? [s.rows, s.columns] : [s.columns];
        const computed = computeLoss(Float64Array.from(targets), Float64Array.from(predictions), shape, {
          ...BASE_OPTIONS,
          preset: s.preset,
          dtype: s.dtype,
          logBase: s.logBase,
          input: s.logits ? 'logits' : 'probabilities',
          reduction: s.reduction,
          ...(weight !== undefined ? { weight } : {}),
          ...(posWeight !== undefined ? { posWeight } : {}),
          ...(s.smoothing !== 0 ? { labelSmoothing: s.smoothing } : {}),
        });
        // Options a framework refuses (all weights 0 with a weighted mean) are not this property's business.
        if (!computed.ok) return;
        const r = computed.value;
        // Read one element first, so that the array cannot have been built for it.
        const first = elementLossAt(r, count - 1);
        const all = r.elementLosses;
        assert.equal(all.length, count);
        assert.ok(Object.is(first, all[count - 1]), `last element: ${first} vs ${all[count - 1]}`);
        for (let i = 0; i < count; i++) {
          const one = elementLossAt(r, i);
          assert.ok(Object.is(one, all[i]), `element ${i}: ${one} vs ${all[i]}`);
          const detail = elementDetail(r, i).loss;
          assert.ok(Object.is(detail, all[i]), `detail ${i}: ${detail} vs ${all[i]}`);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('elementLosses is built once and kept: every read is the same array', () => {
    const r = run([1, 0, 0.5], [0.8, 0.3, 0.5], { reduction: 'none' });
    assert.equal(r.elementLosses, r.elementLosses);
    assert.equal({ ...r }.elementLosses, r.elementLosses);
  });
});

describe('inputs longer than one span of the loop', () => {
  // The loop runs in spans of a few thousand elements; the sums must come out as one loop over
  // all elements in row-major order would give them, wherever the spans break.
  function data(count: number, seed: number): { targets: number[]; predictions: number[] } {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
    const targets: number[] = [];
    const predictions: number[] = [];
    for (let i = 0; i < count; i++) {
      targets.push(next() < 0.5 ? 0 : 1);
      predictions.push(0.001 + 0.998 * next());
    }
    return { targets, predictions };
  }

  for (const shape of [[10_007], [2, 9_001], [4_001, 3], [3, 5_000]]) {
    it(`shape [${shape.join(', ')}]: the mean is the row-major sum over N, each sample's mean its row's`, () => {
      const count = shape.reduce((a, b) => a * b, 1);
      const { targets, predictions } = data(count, count);
      const computed = computeLoss(Float64Array.from(targets), Float64Array.from(predictions), shape, BASE_OPTIONS);
      if (!computed.ok) assert.fail(computed.error.message);
      const r = computed.value;
      const losses = r.elementLosses;
      // Each element against the formula (within a few ulp: the engine takes ln(1 - p) its own way).
      for (let i = 0; i < count; i++) {
        const p = predictions[i] as number;
        const expected = targets[i] === 1 ? -Math.log(p) : -Math.log1p(-p);
        assert.ok(Math.abs((losses[i] as number) - expected) <= 4 * Number.EPSILON * expected, `element ${i}`);
      }
      const columns = shape[shape.length - 1] as number;
      let total = 0;
      const means: number[] = [];
      for (let row = 0; row < count / columns; row++) {
        let rowSum = 0;
        for (let col = 0; col < columns; col++) rowSum += losses[row * columns + col] as number;
        total += rowSum;
        means.push(rowSum / columns);
      }
      assert.equal(r.loss, total / count);
      if (shape.length === 2) assert.deepEqual([...(r.sampleLosses ?? [])], means);
    });
  }
});
