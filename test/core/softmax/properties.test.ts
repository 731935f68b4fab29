// Rules of softmax cross entropy that hold for every input, checked with fast-check.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeSoftmaxLoss } from '../../../src/core/softmax/compute';
import type { SoftmaxOptions, SoftmaxPreset, SoftmaxTargetKind } from '../../../src/core/softmax/types';

const LOGIT_PRESETS: readonly SoftmaxPreset[] = ['pytorch', 'keras', 'tf-keras', 'sklearn', 'tfjs', 'exact'];

const batch = fc.integer({ min: 2, max: 6 }).chain((classes) =>
  fc.record({
    classes: fc.constant(classes),
    logits: fc.array(fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: classes, maxLength: classes }), { minLength: 1, maxLength: 5 }),
    seed: fc.array(fc.nat(classes - 1), { minLength: 5, maxLength: 5 }),
  }),
);

function run(targets: number[], kind: SoftmaxTargetKind, logits: number[][], o: Partial<SoftmaxOptions>) {
  const options: SoftmaxOptions = { preset: 'pytorch', reduction: 'none', input: 'logits', dtype: 'float64', ...o };
  const r = computeSoftmaxLoss(Float64Array.from(targets), Float64Array.from(logits.flat()), [logits.length, logits[0]!.length], kind, options);
  if (!r.ok) assert.fail(r.error.message);
  return r.value;
}

describe('softmax cross entropy properties', () => {
  it('each row of the softmax sums to 1 (every preset, both dtypes, |z| up to 1e4)', () => {
    fc.assert(
      fc.property(batch, fc.constantFrom(...LOGIT_PRESETS), fc.constantFrom('float32' as const, 'float64' as const), (b, preset, dtype) => {
        const idx = b.logits.map((_, n) => b.seed[n] as number);
        const r = run(idx, 'indices', b.logits, { preset, dtype });
        for (let n = 0; n < b.logits.length; n++) {
          let s = 0;
          for (let c = 0; c < b.classes; c++) s += r.probabilities[n * b.classes + c] as number;
          assert.ok(Math.abs(s - 1) < 1e-5, `${preset} ${dtype} row ${n}: ${s}`);
        }
      }),
    );
  });

  it('shifting a row of logits by a constant leaves the loss unchanged', () => {
    fc.assert(
      fc.property(batch, fc.double({ min: -100, max: 100, noNaN: true }), fc.constantFrom(...LOGIT_PRESETS), (b, shift, preset) => {
        const logits = b.logits.map((row) => row.map((z) => z / 100));
        const idx = logits.map((_, n) => b.seed[n] as number);
        const a = run(idx, 'indices', logits, { preset });
        const s = run(idx, 'indices', logits.map((row) => row.map((z) => z + shift)), { preset });
        for (let n = 0; n < logits.length; n++) {
          const x = a.sampleLosses[n] as number;
          const y = s.sampleLosses[n] as number;
          assert.ok(Math.abs(x - y) <= 1e-9 * (1 + Math.abs(shift)) * (1 + x), `${preset} sample ${n}: ${x} vs ${y}`);
        }
      }),
    );
  });

  it('one-hot rows and class indices give the same loss and gradient (no weights)', () => {
    fc.assert(
      fc.property(batch, fc.constantFrom(...LOGIT_PRESETS), fc.constantFrom('float32' as const, 'float64' as const), fc.constantFrom('mean' as const, 'sum' as const), (b, preset, dtype, reduction) => {
        const idx = b.logits.map((_, n) => b.seed[n] as number);
        const oneHot = idx.flatMap((i) => Array.from({ length: b.classes }, (_, c) => (c === i ? 1 : 0)));
        const a = run(idx, 'indices', b.logits, { preset, dtype, reduction });
        const h = run(oneHot, 'distributions', b.logits, { preset, dtype, reduction });
        assert.ok(Math.abs(a.loss - h.loss) <= 1e-6 * (1 + Math.abs(a.loss)), `${preset}: ${a.loss} vs ${h.loss}`);
        for (let i = 0; i < a.gradLogits.length; i++) assert.ok(Math.abs((a.gradLogits[i] as number) - (h.gradLogits[i] as number)) < 1e-9);
      }),
    );
  });

  it('is finite and ≥ 0 everywhere for |z| ≤ 1e4, and so is the gradient', () => {
    fc.assert(
      fc.property(batch, fc.constantFrom(...LOGIT_PRESETS), fc.constantFrom('float32' as const, 'float64' as const), (b, preset, dtype) => {
        const idx = b.logits.map((_, n) => b.seed[n] as number);
        const r = run(idx, 'indices', b.logits, { preset, dtype, reduction: 'mean' });
        assert.ok(Number.isFinite(r.loss) && r.loss >= 0, `${preset} ${dtype}: ${r.loss}`);
        for (const v of r.sampleLosses) assert.ok(Number.isFinite(v) && v >= 0, `${preset} ${dtype}: sample ${v}`);
        for (const g of r.gradLogits) assert.ok(Number.isFinite(g));
      }),
    );
  });

  it('the gradient is the derivative: a central difference of the float64 mean agrees', () => {
    fc.assert(
      fc.property(batch, (b) => {
        const logits = b.logits.map((row) => row.map((z) => z / 1000));
        const idx = logits.map((_, n) => b.seed[n] as number);
        const r = run(idx, 'indices', logits, { preset: 'exact', reduction: 'mean' });
        const h = 1e-6;
        const up = logits.map((row) => [...row]);
        const down = logits.map((row) => [...row]);
        up[0]![0]! += h;
        down[0]![0]! -= h;
        const numeric = (run(idx, 'indices', up, { preset: 'exact', reduction: 'mean' }).loss - run(idx, 'indices', down, { preset: 'exact', reduction: 'mean' }).loss) / (2 * h);
        assert.ok(Math.abs(numeric - (r.gradLogits[0] as number)) < 1e-6, `${numeric} vs ${r.gradLogits[0]}`);
      }),
    );
  });
});
