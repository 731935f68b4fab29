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

/** A deterministic generator, so a long batch is described by a few drawn numbers. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Longer than one span of a few thousand samples, so a pass that summed in chunks, or a lazily
// built array that differed from the sums the loss was reduced from, would show in the bits.
const longBatch = fc.record({
  samples: fc.integer({ min: 4097, max: 12_000 }),
  classes: fc.integer({ min: 2, max: 6 }),
  seed: fc.nat(),
  scale: fc.constantFrom(1, 30, 1000),
  weighted: fc.boolean(),
  ignoreSome: fc.boolean(),
  preset: fc.constantFrom(...LOGIT_PRESETS),
  dtype: fc.constantFrom('float32' as const, 'float64' as const),
  reduction: fc.constantFrom('mean' as const, 'sum' as const),
});

function longInput(b: { samples: number; classes: number; seed: number; scale: number; ignoreSome: boolean; preset: SoftmaxPreset }) {
  const rand = lcg(b.seed);
  // Only PyTorch and exact have ignore_index (-100 by default).
  const ignore = b.ignoreSome && (b.preset === 'pytorch' || b.preset === 'exact');
  const targets = Float64Array.from({ length: b.samples }, () => (ignore && rand() < 0.1 ? -100 : Math.floor(rand() * b.classes)));
  // Magnitudes spread over decades, so the order of the sums matters to their last bits.
  const logits = Float64Array.from({ length: b.samples * b.classes }, () => (rand() - 0.5) * b.scale * 10 ** Math.floor(rand() * 3));
  return { targets, logits };
}

describe('softmax cross entropy reduction over long inputs', () => {
  it('the loss is the in-order sum of sampleLosses, divided by the in-order sum of sampleWeights, to the bit', () => {
    fc.assert(
      fc.property(longBatch, (b) => {
        const { targets, logits } = longInput(b);
        const weight = b.weighted ? Array.from({ length: b.classes }, (_, c) => 0.25 + ((c * 7 + b.seed) % 5) / 3) : undefined;
        const options: SoftmaxOptions = { preset: b.preset, reduction: b.reduction, input: 'logits', dtype: b.dtype, ...(weight !== undefined ? { weight } : {}) };
        const computed = computeSoftmaxLoss(targets, logits, [b.samples, b.classes], 'indices', options);
        if (!computed.ok) assert.fail(computed.error.message);
        const r = computed.value;
        const round = b.dtype === 'float32' ? Math.fround : (x: number) => x;
        let total = 0;
        for (const x of r.sampleLosses) total += x;
        total = round(total);
        let divisor = 1;
        if (b.reduction === 'mean') {
          if (r.averaging === 'picked-weights' || r.averaging === 'weight-sum') {
            divisor = 0;
            for (const w of r.sampleWeights) divisor += w;
            divisor = round(divisor);
          } else if (r.averaging === 'nonzero-weights') {
            divisor = r.sampleWeights.filter((w) => w !== 0).length;
          } else divisor = b.samples;
        }
        const what = `${b.preset} ${b.dtype} ${b.reduction} ${b.samples}×${b.classes}`;
        assert.equal(r.reductionDivisor, divisor, `${what}: divisor`);
        assert.ok(Object.is(r.loss, b.reduction === 'sum' ? total : round(total / divisor)), `${what}: ${r.loss} vs ${b.reduction === 'sum' ? total : round(total / divisor)}`);
      }),
      { numRuns: 40 },
    );
  });

  it('sampleLosses and sampleWeights built on first read match the per-class pass to the bit, whatever is read first', () => {
    fc.assert(
      fc.property(longBatch, fc.boolean(), fc.constantFrom('e' as const, '2' as const, '10' as const), (b, lossesFirst, logBase) => {
        const { targets, logits } = longInput(b);
        const weight = b.weighted ? Array.from({ length: b.classes }, (_, c) => 0.25 + ((c * 7 + b.seed) % 5) / 3) : undefined;
        const options: SoftmaxOptions = { preset: b.preset, reduction: 'none', input: 'logits', dtype: 'float64', logBase, ...(weight !== undefined ? { weight } : {}) };
        const computed = computeSoftmaxLoss(targets, logits, [b.samples, b.classes], 'indices', options);
        if (!computed.ok) assert.fail(computed.error.message);
        const r = computed.value;
        const first = lossesFirst ? r.sampleLosses : r.logProbabilities;
        assert.ok(first.length > 0);
        const lnBase = { e: 1, '2': Math.LN2, '10': Math.LN10 }[logBase];
        const ignore = b.preset === 'pytorch' || b.preset === 'exact' ? -100 : undefined;
        const inside = b.preset === 'pytorch' || b.preset === 'exact';
        for (let n = 0; n < b.samples; n++) {
          const y = targets[n] as number;
          if (y === ignore) {
            assert.ok(Object.is(r.sampleLosses[n], 0) && Object.is(r.sampleWeights[n], 0), `ignored sample ${n}`);
            continue;
          }
          const w = weight === undefined ? 1 : (weight[y] as number);
          assert.ok(Object.is(r.sampleWeights[n], w), `${b.preset} sample ${n}: weight ${r.sampleWeights[n]} vs ${w}`);
          // −w·ln p_y from the per-class arrays (in nats), in the chosen base.
          const expected = (inside || weight === undefined ? 0 - w * (r.logProbabilities[n * b.classes + y] as number) : w * (0 - (r.logProbabilities[n * b.classes + y] as number))) / lnBase;
          assert.ok(Object.is(r.sampleLosses[n], expected), `${b.preset} ${logBase} sample ${n}: ${r.sampleLosses[n]} vs ${expected}`);
        }
        // Read twice, the same array; and JSON sees it as a plain property.
        assert.equal(r.sampleLosses, r.sampleLosses);
        assert.ok(Object.keys(r).includes('sampleLosses') && Object.keys(r).includes('sampleWeights'));
      }),
      { numRuns: 25 },
    );
  });
});
