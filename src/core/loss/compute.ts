// computeLoss: one pass over the elements with the rule chosen once outside the loop, then the
// framework's reduction. No object is allocated per element; details are rebuilt on demand
// (see detail.ts) from the inputs the result keeps, and so is the array of every element's loss:
// the reduction needs only sums, and most readers (hover, the walkthrough's rows) read a few
// elements through `elementLossAt`.
import type { LossOptions, LossResult, Result } from '../types';
import { runElements, type LoopOutput } from './kernels';
import { averagingOf, checkValues, planLoss, type Averaging, type LossPlan } from './plan';
import { lossNotes } from './notes';

function sumOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum;
}

/** The weights broadcast over all elements: their sum, or how many are non-zero. */
function broadcastWeightStat(plan: LossPlan, nonZero: boolean): number {
  const weight = plan.weight;
  if (weight === null) return plan.count;
  let stat = 0;
  for (let i = 0; i < weight.length; i++) {
    const w = weight[i] as number;
    stat += nonZero ? (w !== 0 ? 1 : 0) : w;
  }
  return weight.length === plan.count ? stat : stat * plan.rows;
}

/**
 * The reduced loss in nats and what the weighted sum is divided by to give it. Sums are taken in
 * float64 and rounded once for float32: the frameworks' float32 reductions (pairwise or cascade
 * summation) agree with that to within an ulp or so, and no loop order can be matched for all.
 */
function reduce(
  options: LossOptions,
  plan: LossPlan,
  loop: LoopOutput,
  averaging: Averaging,
): { readonly loss: number; readonly divisor: number } {
  const round = options.dtype === 'float32' ? Math.fround : (x: number) => x;
  if (options.reduction === 'none') return { loss: NaN, divisor: 1 };
  if (averaging === 'per-sample') {
    const sampleTotal = round(sumOf(loop.rowMeans));
    if (options.reduction === 'sum') return { loss: sampleTotal, divisor: plan.columns };
    return { loss: round(sampleTotal / plan.rows), divisor: plan.count };
  }
  const total = round(loop.total);
  if (options.reduction === 'sum') return { loss: total, divisor: 1 };
  let divisor = plan.count;
  if (averaging === 'weight-sum') divisor = broadcastWeightStat(plan, false);
  else if (averaging === 'nonzero-weights') divisor = broadcastWeightStat(plan, true);
  return { loss: round(total / divisor), divisor };
}

/**
 * The loss of `predictions` (probabilities or logits per `options.input`) against `targets`,
 * under the preset's rule. `shape` is [n] or [batch, n]; `labels` names the n columns.
 * Bad options or values come back as an InputError, never thrown. The result keeps `targets` and
 * `predictions` by reference: do not change them afterwards. `elementLosses` is computed on its
 * first read (a second pass, then kept); `elementLossAt` gives one element without it.
 */
export function computeLoss(
  targets: Float64Array,
  predictions: Float64Array,
  shape: readonly number[],
  options: LossOptions,
  labels?: readonly string[] | null,
): Result<LossResult> {
  const planned = planLoss(targets, predictions, shape, options, labels);
  if (!planned.ok) return planned;
  const plan = planned.value;
  const loop = runElements(targets, predictions, plan, options.dtype, options.input, false);
  if (loop.invalidAt >= 0) {
    const checked = checkValues(targets, predictions, shape, options.input);
    if (!checked.ok) return checked;
  }
  const averaging = averagingOf(options.preset, plan.weight !== null);
  const reduced = reduce(options, plan, loop, averaging);

  let sampleLosses: Float64Array | null = null;
  if (plan.twoD) {
    sampleLosses = new Float64Array(plan.rows);
    for (let b = 0; b < plan.rows; b++) sampleLosses[b] = (loop.rowMeans[b] as number) / plan.lnBase;
  }

  // The same loop again, storing: the same kernels on the same inputs give the same bits.
  let elementLosses: Float64Array | null = null;
  return {
    ok: true,
    value: {
      options,
      shape: [...shape],
      get elementLosses(): Float64Array {
        elementLosses ??= runElements(targets, predictions, plan, options.dtype, options.input, true).elementLosses as Float64Array;
        return elementLosses;
      },
      sampleLosses,
      loss: reduced.loss / plan.lnBase,
      safeguardedCount: loop.safeguarded,
      notes: lossNotes({
        options,
        plan,
        averaging,
        targets,
        safeguarded: loop.safeguarded,
        infinite: loop.infinite,
        divisor: reduced.divisor,
      }),
      rule: plan.rule,
      targets,
      predictions,
      labels: labels ?? null,
      reductionDivisor: reduced.divisor,
    },
  };
}
