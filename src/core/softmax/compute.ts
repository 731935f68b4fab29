// computeSoftmaxLoss: one pass over the rows, the rule chosen once outside the loop, each row's
// logs computed in the order the framework's own kernel computes them, then the framework's
// reduction. float32 is emulated as for BCE (../loss/kernels.ts): Math.fround after every
// arithmetic operation and every exp/log. A term whose target coefficient is exactly 0 is
// skipped, as the frameworks' 0·(finite log) is 0 and the textbook reads 0·ln 0 as 0.
import * as l10n from '@vscode/l10n';
import { inputError } from '../errors';
import type { Result } from '../types';
import { SOFTMAX_PRESETS } from './presets';
import type { SoftmaxAveraging, SoftmaxOptions, SoftmaxPreset, SoftmaxResult, SoftmaxRule, SoftmaxTargetKind } from './types';

const LN_BASE = { e: 1, '2': Math.LN2, '10': Math.LN10 } as const;

export function resolveSoftmaxRule(preset: SoftmaxPreset, input: 'logits' | 'probabilities', targetKind: SoftmaxTargetKind, labelSmoothing = 0): SoftmaxRule {
  const logits = input === 'logits';
  switch (preset) {
    case 'pytorch':
      return 'torch-log-softmax';
    case 'keras':
    case 'tf-keras':
      if (logits) return 'tf-xent-logits';
      // sparse_categorical_crossentropy has no label_smoothing: smoothing means one-hot targets and the categorical loss.
      return targetKind === 'indices' && labelSmoothing === 0 ? 'keras-sparse-clip-log' : 'keras-renormalise-clip';
    case 'sklearn':
      return logits ? 'sklearn-softmax' : 'sklearn-clip-renormalise';
    case 'tfjs':
      return logits ? 'tfjs-logits' : 'tfjs-renormalise-clip';
    case 'exact':
      return logits ? 'exact-log-softmax' : 'exact-log';
  }
}

export function softmaxAveraging(preset: SoftmaxPreset, targetKind: SoftmaxTargetKind, input: 'logits' | 'probabilities', weighted: boolean): SoftmaxAveraging {
  if (preset === 'pytorch' || preset === 'exact') return targetKind === 'indices' ? 'picked-weights' : 'count';
  if (!weighted) return 'count';
  if (preset === 'sklearn') return 'weight-sum';
  if (preset === 'tfjs' && input === 'logits') return 'nonzero-weights';
  return 'count';
}

function bad(message: string, suggestion?: string): Result<never> {
  return { ok: false, error: inputError('bad-option', message, undefined, suggestion) };
}

function checkOptions(o: SoftmaxOptions, classes: number, targetKind: SoftmaxTargetKind): Result<null> {
  const info = SOFTMAX_PRESETS[o.preset];
  if (info === undefined) return bad(l10n.t`Unknown preset ${String(o.preset).slice(0, 40)}: choose pytorch, keras, tf-keras, sklearn, tfjs or exact.`);
  if (o.reduction !== 'mean' && o.reduction !== 'sum' && o.reduction !== 'none') return bad(l10n.t('The reduction must be mean, sum or none.'));
  if (o.dtype !== 'float32' && o.dtype !== 'float64') return bad(l10n.t('The dtype must be float32 or float64.'));
  const ls = o.labelSmoothing ?? 0;
  if (!(ls >= 0 && ls <= 1)) return bad(l10n.t`Label smoothing must be between 0 and 1, not ${ls}.`);
  if (ls !== 0 && !info.labelSmoothing) return bad(l10n.t`${info.displayName} has no label smoothing for softmax cross entropy.`, l10n.t('Smooth the targets yourself, or choose PyTorch, Keras or TF.js.'));
  if (o.weight !== undefined) {
    if (o.weight.length !== classes) {
      return bad(l10n.t`There are ${o.weight.length} class weights for ${classes} classes: give one weight per class.`);
    }
    for (let c = 0; c < classes; c++) {
      const w = o.weight[c] as number;
      if (!(Number.isFinite(w) && w >= 0)) return bad(l10n.t`Class weight ${c} is ${w}: weights must be finite and not negative.`);
    }
    if (o.preset === 'tfjs' && o.input === 'probabilities') {
      return bad(l10n.t('tf.metrics.categoricalCrossentropy takes no weights.'), l10n.t('Give logits to use tf.losses.softmaxCrossEntropy, whose weights are per sample.'));
    }
  }
  if (o.ignoreIndex !== undefined) {
    if (!Number.isInteger(o.ignoreIndex)) return bad(l10n.t`ignore_index must be a whole number, not ${o.ignoreIndex}.`);
    if (!info.ignoreIndex) return bad(l10n.t`${info.displayName} has no ignore_index; only PyTorch does.`, l10n.t('Remove the ignored samples, or choose the PyTorch preset.'));
    if (targetKind !== 'indices') return bad(l10n.t('ignore_index applies to class-index targets only, not to distributions.'));
  }
  const axis = o.axis ?? -1;
  if (axis !== -1 && axis !== 0 && axis !== 1) return bad(l10n.t('The axis must be -1, 0 or 1.'));
  if (axis === 0 && targetKind === 'indices') return bad(l10n.t('With class indices the classes lie along the last axis (Keras supports only axis=-1 there).'));
  return { ok: true, value: null };
}

function transpose(values: Float64Array, rows: number, columns: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) out[c * rows + r] = values[r * columns + c] as number;
  return out;
}

/** PyTorch's ignore_index defaults to -100; the other presets have none. */
export function ignoreIndexOf(o: SoftmaxOptions): number | undefined {
  return o.ignoreIndex ?? (o.preset === 'pytorch' || o.preset === 'exact' ? -100 : undefined);
}

function checkValues(targets: Float64Array, predictions: Float64Array, samples: number, classes: number, kind: SoftmaxTargetKind, o: SoftmaxOptions, skipPredictions = false): Result<null> {
  const probabilities = o.input === 'probabilities';
  for (let i = 0; !skipPredictions && i < predictions.length; i++) {
    const x = predictions[i] as number;
    if (!Number.isFinite(x) || (probabilities && !(x >= 0 && x <= 1))) {
      const where = `[${Math.floor(i / classes)}, ${i % classes}]`;
      return {
        ok: false,
        error: inputError(
          probabilities ? 'prediction-out-of-range' : 'not-finite',
          probabilities ? l10n.t`Prediction ${where} is ${x}, not a probability in [0, 1].` : l10n.t`Logit ${where} is ${x}, not a finite number.`,
          undefined,
          probabilities ? l10n.t('If these are logits, set the input kind to logits.') : undefined,
        ),
      };
    }
  }
  if (kind === 'indices') {
    if (targets.length !== samples) return { ok: false, error: inputError('shape-mismatch', l10n.t`There are ${targets.length} class indices for ${samples} samples.`) };
    for (let i = 0; i < samples; i++) {
      const y = targets[i] as number;
      if (y === ignoreIndexOf(o)) continue;
      if (!(Number.isInteger(y) && y >= 0 && y < classes)) {
        return {
          ok: false,
          error: inputError('target-out-of-range', l10n.t`Target ${i} is ${y}, not a class index from 0 to ${classes - 1}.`, undefined, l10n.t('Class indices count from 0; with C classes the largest is C - 1.')),
        };
      }
    }
  } else {
    if (targets.length !== samples * classes) return { ok: false, error: inputError('shape-mismatch', l10n.t('The targets and the predictions have different shapes.')) };
    for (let i = 0; i < targets.length; i++) {
      const y = targets[i] as number;
      if (!(y >= 0 && y <= 1)) {
        const where = `[${Math.floor(i / classes)}, ${i % classes}]`;
        return { ok: false, error: inputError('target-out-of-range', l10n.t`Target ${where} is ${y}, outside [0, 1].`, undefined, l10n.t('Each row of targets is a distribution over the classes: one-hot, or soft values that sum to 1.')) };
      }
    }
    if (o.preset === 'sklearn') {
      for (let i = 0; i < targets.length; i++) {
        const y = targets[i] as number;
        if (y !== 0 && y !== 1) {
          return bad(l10n.t('scikit-learn’s log_loss takes class labels or one-hot rows, not soft targets.'), l10n.t('Choose another preset for soft targets.'));
        }
      }
    }
  }
  return { ok: true, value: null };
}

/** The class a sample belongs to, for presets whose weights are per sample (Keras's class_weight): its index, or its largest target. */
function classOf(targets: Float64Array, row: number, classes: number, kind: SoftmaxTargetKind): number {
  if (kind === 'indices') return targets[row] as number;
  let best = 0;
  for (let c = 1; c < classes; c++) if ((targets[row * classes + c] as number) > (targets[row * classes + best] as number)) best = c;
  return best;
}

/**
 * Softmax cross entropy of `predictions` (N×C logits or probabilities, per `options.input`)
 * against class indices (length N) or distributions (N×C). `shape` is the predictions' [rows,
 * columns] as given; with axis 0 the classes run down the columns. Bad options or values come
 * back as an InputError, never thrown.
 */
export function computeSoftmaxLoss(
  targetsGiven: Float64Array,
  predictionsGiven: Float64Array,
  shape: readonly number[],
  targetKind: SoftmaxTargetKind,
  options: SoftmaxOptions,
  labels?: readonly string[] | null,
): Result<SoftmaxResult> {
  if (shape.length !== 2 || (shape[1] as number) < 1 || (shape[0] as number) < 1) {
    return { ok: false, error: inputError('shape-mismatch', l10n.t('Softmax cross entropy needs predictions with one row per sample and one column per class (N×C).')) };
  }
  const axis = options.axis ?? -1;
  const transposed = axis === 0;
  const samples = (transposed ? shape[1] : shape[0]) as number;
  const classes = (transposed ? shape[0] : shape[1]) as number;
  const checked = checkOptions(options, classes, targetKind);
  if (!checked.ok) return checked;
  if (classes < 2) {
    return { ok: false, error: inputError('shape-mismatch', l10n.t('Softmax over a single class is always 1, so the loss is always 0: give at least two classes.'), undefined, l10n.t('For one probability per sample, use binary cross entropy.')) };
  }
  const predictions = transposed ? transpose(predictionsGiven, classes, samples) : predictionsGiven;
  const targets = transposed && targetKind === 'distributions' ? transpose(targetsGiven, classes, samples) : targetsGiven;
  const f32Option = options.dtype === 'float32';
  // The float64 logits path checks its logits after the loop, from the losses (see below).
  const checkLater = !f32Option && options.input === 'logits' && targetKind === 'indices';
  const values = checkValues(targets, predictions, samples, classes, targetKind, options, checkLater);
  if (!values.ok) return values;

  const f32 = options.dtype === 'float32';
  const r = f32 ? Math.fround : (x: number) => x;
  const rule = resolveSoftmaxRule(options.preset, options.input, targetKind, options.labelSmoothing ?? 0);
  const info = SOFTMAX_PRESETS[options.preset];
  const eps = info.epsilon === null ? 0 : info.epsilon[options.dtype];
  const low = eps;
  const high = rule === 'sklearn-clip-renormalise' || rule === 'sklearn-softmax' ? 1 - eps : r(1 - eps);
  const smoothing = options.labelSmoothing ?? 0;
  const keep = r(1 - smoothing);
  const spread = r(smoothing / classes);
  const weight = options.weight === undefined ? null : Float64Array.from(options.weight, (w) => r(w));
  const inside = weight !== null && info.classWeightInside;
  const ignore = ignoreIndexOf(options);
  const count = samples * classes;

  const hard = targetKind === 'indices';
  // The common case (float64 logits, class indices, no smoothing) has loops of its own: the loss
  // alone first, in the time of a bare loop, and the per-class arrays (softmax, its log, ∂L/∂z)
  // only when someone reads them, with the same numbers as the general loop below.
  const fast = !f32 && options.input === 'logits' && hard && smoothing === 0 && (rule === 'torch-log-softmax' || rule === 'exact-log-softmax' || rule === 'tf-xent-logits');
  const allocate = (): Outputs => ({
    smoothed: new Float64Array(count),
    probabilities: new Float64Array(count),
    logProbabilities: new Float64Array(count),
    sampleLosses: new Float64Array(samples),
    sampleWeights: new Float64Array(samples),
    grad: new Float64Array(count),
  });
  const row = new Float64Array(classes);
  /** Every per-class array and the sample losses; returns what it clipped and ignored. */
  const fill = (out: Outputs): { safeguarded: number; ignored: number } => {
  if (fast) return { safeguarded: 0, ignored: hardLogitsFloat64(targets, predictions, samples, classes, weight, ignore, out) };
  const { smoothed, probabilities, logProbabilities, sampleLosses, sampleWeights, grad } = out;
  let safeguarded = 0;
  let ignored = 0;
  for (let n = 0, base = 0; n < samples; n++, base += classes) {
    // The target distribution, smoothed as the framework smooths.
    const index = hard ? (targets[n] as number) : -1;
    const isIgnored = hard && index === ignore;
    for (let c = 0; c < classes; c++) {
      let y = hard ? (c === index ? 1 : 0) : r(targets[base + c] as number);
      if (smoothing !== 0) y = r(r(y * keep) + spread);
      smoothed[base + c] = isIgnored ? 0 : y;
    }
    for (let c = 0; c < classes; c++) row[c] = r(predictions[base + c] as number);

    // The logs of the probabilities, as each framework's kernel computes them.
    switch (rule) {
      case 'torch-log-softmax':
      case 'exact-log-softmax':
      case 'tf-xent-logits':
      case 'keras-sparse-clip-log':
      case 'tfjs-logits': {
        if (rule === 'torch-log-softmax' && options.input === 'probabilities') for (let c = 0; c < classes; c++) row[c] = r(Math.log(row[c] as number));
        if (rule === 'keras-sparse-clip-log') {
          for (let c = 0; c < classes; c++) {
            let p = row[c] as number;
            if (p < low || p > high) {
              p = p < low ? low : high;
              safeguarded++;
            }
            row[c] = r(Math.log(p));
          }
        }
        let m = -Infinity;
        for (let c = 0; c < classes; c++) if ((row[c] as number) > m) m = row[c] as number;
        if (m === -Infinity) m = 0;
        let s = 0;
        for (let c = 0; c < classes; c++) {
          const e = r(Math.exp(r((row[c] as number) - m)));
          probabilities[base + c] = e;
          s = r(s + e);
        }
        const logSum = r(Math.log(s));
        if (rule === 'tfjs-logits') {
          const lse = r(m + logSum);
          for (let c = 0; c < classes; c++) logProbabilities[base + c] = r((row[c] as number) - lse);
        } else {
          // TF's kernel keeps L - (z - max) as the loss term; its negation is the same number.
          for (let c = 0; c < classes; c++) logProbabilities[base + c] = r(r((row[c] as number) - m) - logSum);
        }
        for (let c = 0; c < classes; c++) probabilities[base + c] = (probabilities[base + c] as number) / s;
        break;
      }
      case 'exact-log':
        for (let c = 0; c < classes; c++) {
          const p = row[c] as number;
          probabilities[base + c] = p;
          logProbabilities[base + c] = Math.log(p);
        }
        break;
      case 'keras-renormalise-clip':
      case 'tfjs-renormalise-clip': {
        let s = 0;
        for (let c = 0; c < classes; c++) s = r(s + (row[c] as number));
        for (let c = 0; c < classes; c++) {
          let q = r((row[c] as number) / s);
          if (q < low || q > high || Number.isNaN(q)) {
            q = q > high ? high : low;
            safeguarded++;
          }
          probabilities[base + c] = q;
          logProbabilities[base + c] = r(Math.log(q));
        }
        break;
      }
      case 'sklearn-softmax':
      case 'sklearn-clip-renormalise': {
        if (rule === 'sklearn-softmax') {
          let m = -Infinity;
          for (let c = 0; c < classes; c++) if ((row[c] as number) > m) m = row[c] as number;
          let s = 0;
          for (let c = 0; c < classes; c++) {
            const e = r(Math.exp(r((row[c] as number) - m)));
            row[c] = e;
            s = r(s + e);
          }
          for (let c = 0; c < classes; c++) row[c] = r((row[c] as number) / s);
        }
        let s = 0;
        for (let c = 0; c < classes; c++) {
          let q = row[c] as number;
          if (q < low || q > high) {
            q = q < low ? low : high;
            safeguarded++;
          }
          row[c] = q;
          s = r(s + q);
        }
        for (let c = 0; c < classes; c++) {
          const q = r((row[c] as number) / s);
          probabilities[base + c] = q;
          logProbabilities[base + c] = r(Math.log(q));
        }
        break;
      }
    }

    // −Σ_c a_c ln p_c with a_c = w_c y_c (class weights inside: PyTorch, exact) or y_c.
    let loss = 0;
    let mass = 0;
    if (!isIgnored) {
      for (let c = 0; c < classes; c++) {
        const y = smoothed[base + c] as number;
        if (y === 0) continue;
        const a = inside ? r(y * (weight![c] as number)) : y;
        mass += a;
        loss = r(loss + r(a * (logProbabilities[base + c] as number)));
      }
      loss = 0 - loss;
    } else {
      ignored++;
    }
    let sampleWeight: number;
    if (isIgnored) sampleWeight = 0;
    else if (weight === null) sampleWeight = 1;
    else if (inside) sampleWeight = hard ? (weight[index] as number) : 1;
    else sampleWeight = weight[classOf(targets, n, classes, targetKind)] as number;
    if (weight !== null && !inside) loss = r(loss * sampleWeight);
    sampleLosses[n] = loss;
    sampleWeights[n] = sampleWeight;
    // ∂loss_n/∂z_c = (Σ a) p_c − a_c, times the per-sample weight where the weight is outside.
    const outer = weight !== null && !inside ? sampleWeight : 1;
    for (let c = 0; c < classes; c++) {
      const y = smoothed[base + c] as number;
      const a = inside && y !== 0 ? y * (weight![c] as number) : y;
      grad[base + c] = isIgnored ? 0 : outer * (mass * (probabilities[base + c] as number) - a);
    }
  }
  return { safeguarded, ignored };
  };

  let eager: Outputs | null = null;
  let safeguarded = 0;
  let ignored = 0;
  let total = 0;
  // The sum of the sample weights, in sample order, as the 'picked-weights' and 'weight-sum' means divide.
  let weightSum = 0;
  if (fast) {
    // Sums only: the per-sample arrays are built when first read (see perSample below).
    ({ total, weightSum, ignored } = hardLogitsSumsFloat64(targets, predictions, samples, classes, weight, ignore));
  } else {
    if (checkLater) {
      const checked = checkValues(targets, predictions, samples, classes, targetKind, options);
      if (!checked.ok) return checked;
    }
    eager = allocate();
    ({ safeguarded, ignored } = fill(eager));
    const { sampleLosses, sampleWeights } = eager;
    for (let n = 0; n < samples; n++) total += sampleLosses[n] as number;
    for (let n = 0; n < samples; n++) weightSum += sampleWeights[n] as number;
  }

  const weighted = weight !== null;
  // A NaN or infinite logit makes its sample's loss NaN or infinite, so a finite total means every
  // logit was finite; otherwise the full check finds and words the first bad one.
  if (fast && !Number.isFinite(total)) {
    const checked = checkValues(targets, predictions, samples, classes, targetKind, options);
    if (!checked.ok) return checked;
  }
  const averaging = softmaxAveraging(options.preset, targetKind, options.input, weighted);
  total = r(total);
  let divisor = 1;
  let loss = NaN;
  if (options.reduction === 'sum') loss = total;
  else if (options.reduction === 'mean') {
    divisor = samples;
    if (averaging === 'picked-weights' || averaging === 'weight-sum') {
      divisor = r(weightSum);
    } else if (averaging === 'nonzero-weights') {
      // Not on the fast path (TF.js only), so the weights are there.
      const sampleWeights = eager!.sampleWeights;
      divisor = 0;
      for (let n = 0; n < samples; n++) if ((sampleWeights[n] as number) !== 0) divisor++;
    }
    loss = r(total / divisor);
  }
  const lnBase = LN_BASE[options.logBase ?? 'e'];
  const gradScale = options.reduction === 'none' ? 1 : 1 / divisor;
  const scaleGradient = (out: Outputs): Outputs => {
    const grad = out.grad;
    for (let i = 0; i < count; i++) grad[i] = ((grad[i] as number) * gradScale) / lnBase;
    return out;
  };
  let detail: Outputs | null = eager === null ? null : scaleGradient(eager);
  const details = (): Outputs => (detail ??= scaleGradient(((out) => (fill(out), out))(allocate())));
  let perSampleArrays: { losses: Float64Array; weights: Float64Array } | null = null;
  /** sampleLosses (in the chosen base) and sampleWeights: the general loop's, or on the fast path built on first read. */
  const perSample = (): { losses: Float64Array; weights: Float64Array } => {
    if (perSampleArrays !== null) return perSampleArrays;
    let losses: Float64Array;
    let weights: Float64Array;
    if (eager !== null) {
      losses = eager.sampleLosses;
      weights = eager.sampleWeights;
    } else {
      losses = new Float64Array(samples);
      weights = new Float64Array(samples);
      hardLogitsLossFloat64(targets, predictions, samples, classes, weight, ignore, losses, weights);
    }
    if (lnBase !== 1) for (let n = 0; n < samples; n++) losses[n] = (losses[n] as number) / lnBase;
    return (perSampleArrays = { losses, weights });
  };
  if (eager !== null) perSample();

  const value = {
    options,
    shape: [samples, classes] as [number, number],
    targetKind,
    rule,
    targets,
    predictions,
    // Replaced by getters below; named here so they keep their place in the JSON.
    sampleLosses: null,
    sampleWeights: null,
    loss: loss / lnBase,
    reductionDivisor: divisor,
    averaging,
    safeguardedCount: safeguarded,
    ignoredCount: ignored,
    labels: labels ?? null,
    notes: softmaxNotes(options, rule, averaging, targetKind, safeguarded, ignored, samples, divisor),
  };
  // Enumerable getters, so JSON and structured cloning see the arrays as plain properties.
  Object.defineProperties(value, {
    sampleLosses: { enumerable: true, get: () => perSample().losses },
    sampleWeights: { enumerable: true, get: () => perSample().weights },
    smoothedTargets: { enumerable: true, get: () => details().smoothed },
    probabilities: { enumerable: true, get: () => details().probabilities },
    logProbabilities: { enumerable: true, get: () => details().logProbabilities },
    gradLogits: { enumerable: true, get: () => details().grad },
  });
  return { ok: true, value: value as unknown as SoftmaxResult };
}

interface Outputs {
  readonly smoothed: Float64Array;
  readonly probabilities: Float64Array;
  readonly logProbabilities: Float64Array;
  readonly sampleLosses: Float64Array;
  readonly sampleWeights: Float64Array;
  readonly grad: Float64Array;
}

/**
 * log_softmax and NLL for float64 logits and class indices: one exp per element and one log per
 * row, as the frameworks' kernels do; w·(p − y) for the gradient, w being the target's weight
 * (inside the loss for PyTorch, per sample for the others: in float64 the same numbers).
 * Returns how many samples were ignored.
 */
function hardLogitsFloat64(targets: Float64Array, z: Float64Array, samples: number, classes: number, weight: Float64Array | null, ignore: number | undefined, out: Outputs): number {
  const { smoothed, probabilities, logProbabilities, sampleLosses, sampleWeights, grad } = out;
  let ignored = 0;
  for (let n = 0, base = 0; n < samples; n++, base += classes) {
    const index = targets[n] as number;
    let m = -Infinity;
    for (let c = 0; c < classes; c++) {
      const v = z[base + c] as number;
      if (v > m) m = v;
    }
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const e = Math.exp((z[base + c] as number) - m);
      probabilities[base + c] = e;
      sum += e;
    }
    const logSum = Math.log(sum);
    if (index === ignore) {
      ignored++;
      for (let c = 0; c < classes; c++) {
        probabilities[base + c] = (probabilities[base + c] as number) / sum;
        logProbabilities[base + c] = (z[base + c] as number) - m - logSum;
      }
      continue;
    }
    const w = weight === null ? 1 : (weight[index] as number);
    for (let c = 0; c < classes; c++) {
      const p = (probabilities[base + c] as number) / sum;
      probabilities[base + c] = p;
      logProbabilities[base + c] = (z[base + c] as number) - m - logSum;
      grad[base + c] = w * p;
    }
    smoothed[base + index] = 1;
    grad[base + index] = (grad[base + index] as number) - w;
    sampleLosses[n] = 0 - w * (logProbabilities[base + index] as number);
    sampleWeights[n] = w;
  }
  return ignored;
}

/**
 * Sample n's loss as `hardLogitsFloat64` computes it, one expression: -w·((z_y − max) − ln Σ e^(z − max)).
 * The sums and the stored sample losses both take it from here, so they hold the same bits.
 */
function hardLogitsSampleLoss(z: Float64Array, base: number, classes: number, index: number, w: number): number {
  let m = -Infinity;
  for (let c = 0; c < classes; c++) {
    const v = z[base + c] as number;
    if (v > m) m = v;
  }
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += Math.exp((z[base + c] as number) - m);
  return 0 - w * ((z[base + index] as number) - m - Math.log(sum));
}

/** The sample losses and weights of `hardLogitsFloat64` alone (in nats), stored; an ignored sample keeps 0 and 0. Returns how many were ignored. */
function hardLogitsLossFloat64(targets: Float64Array, z: Float64Array, samples: number, classes: number, weight: Float64Array | null, ignore: number | undefined, sampleLosses: Float64Array, sampleWeights: Float64Array): number {
  let ignored = 0;
  for (let n = 0, base = 0; n < samples; n++, base += classes) {
    const index = targets[n] as number;
    if (index === ignore) {
      ignored++;
      continue;
    }
    const w = weight === null ? 1 : (weight[index] as number);
    sampleLosses[n] = hardLogitsSampleLoss(z, base, classes, index, w);
    sampleWeights[n] = w;
  }
  return ignored;
}

/** What the reduction needs of the sample losses and weights. */
interface HardLogitsSums {
  /** Σ sample losses in sample order, as a sum over the stored sampleLosses runs. */
  readonly total: number;
  /** Σ sample weights in sample order. */
  readonly weightSum: number;
  readonly ignored: number;
}

/**
 * The sums of `hardLogitsLossFloat64`'s sample losses and weights, in sample order, without
 * storing them: on this VM first touching two fresh arrays of N doubles cost more than the loop.
 */
function hardLogitsSumsFloat64(targets: Float64Array, z: Float64Array, samples: number, classes: number, weight: Float64Array | null, ignore: number | undefined): HardLogitsSums {
  let total = 0;
  let weightSum = 0;
  let ignored = 0;
  // An ignored sample is skipped where the sums over the stored arrays add its +0 loss and +0
  // weight: the same bits, as x + (+0) is x unless x is −0, and neither sum is ever −0 (they
  // start at +0, +0 + (−0) is +0, and a sample loss 0 − w·x is +0 when w·x is ±0).
  for (let n = 0, base = 0; n < samples; n++, base += classes) {
    const index = targets[n] as number;
    if (index === ignore) {
      ignored++;
      continue;
    }
    const w = weight === null ? 1 : (weight[index] as number);
    total += hardLogitsSampleLoss(z, base, classes, index, w);
    weightSum += w;
  }
  return { total, weightSum, ignored };
}

function softmaxNotes(
  o: SoftmaxOptions,
  rule: SoftmaxRule,
  averaging: SoftmaxAveraging,
  kind: SoftmaxTargetKind,
  safeguarded: number,
  ignored: number,
  samples: number,
  divisor: number,
): string[] {
  const info = SOFTMAX_PRESETS[o.preset];
  const notes: string[] = [info.safeguard];
  if (o.dtype === 'float32') notes.push(l10n.t('Computed in float32, as the framework does by default: every step is rounded to single precision.'));
  if (rule === 'torch-log-softmax' && o.input === 'probabilities') notes.push(l10n.t('PyTorch’s CrossEntropyLoss takes logits; probabilities enter as their logs, ln p, which log_softmax leaves unchanged when a row sums to 1.'));
  if (o.input === 'probabilities') notes.push(l10n.t('With probabilities the gradient is given with respect to the logits z = ln p that would produce them, ignoring any clip.'));
  if (safeguarded > 0) notes.push(safeguarded === 1 ? l10n.t('1 probability was clipped.') : l10n.t`${safeguarded} probabilities were clipped.`);
  if (ignored > 0) notes.push(l10n.t`${ignored} of ${samples} samples have the ignore_index target: their loss is 0 and they are not counted in the mean.`);
  if (o.reduction === 'mean') {
    switch (averaging) {
      case 'picked-weights':
        notes.push(o.weight !== undefined ? l10n.t`The mean divides by the sum of the weights of the target classes (${divisor}), not by the number of samples.` : l10n.t`The mean divides by the number of samples that are not ignored (${divisor}).`);
        break;
      case 'weight-sum':
        notes.push(l10n.t`Each sample weighs the weight of its class (as sample_weight); the mean is the weighted average, dividing by the sum of those weights (${divisor}).`);
        break;
      case 'nonzero-weights':
        notes.push(l10n.t`Each sample weighs the weight of its class; the mean divides by the number of non-zero weights (${divisor}).`);
        break;
      default:
        notes.push(
          o.weight !== undefined
            ? info.classWeightInside
              ? l10n.t('With probability targets PyTorch’s weighted mean divides by the number of samples, not by a sum of weights.')
              : l10n.t('Each sample weighs the weight of its class (as class_weight in fit does), and the mean still divides by the number of samples.')
            : l10n.t`The mean divides by the number of samples (${samples}).`,
        );
    }
  }
  if (o.preset === 'keras' || o.preset === 'tf-keras') {
    if (kind === 'indices' && (o.labelSmoothing ?? 0) !== 0) notes.push(l10n.t('sparse_categorical_crossentropy has no label smoothing: the indices were one-hot encoded for categorical_crossentropy.'));
  }
  return notes;
}
