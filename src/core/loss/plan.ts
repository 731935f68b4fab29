// Checks the options and the numbers before any loss is computed, and settles everything that is
// the same for every element (the rule, the broadcast of the weights, the unit), so that the hot
// loop only reads fixed values.
import * as l10n from '@vscode/l10n';
import { inputError } from '../errors';
import type { DType, InputKind, LogBase, LossOptions, LossRule, Preset, Reduction, Result } from '../types';
import { PRESETS } from './presets';

export interface LossPlan {
  readonly rule: LossRule;
  /** Length of the last axis (labels per sample). */
  readonly columns: number;
  /** Samples: the first axis of a 2-D input, 1 for 1-D. */
  readonly rows: number;
  readonly count: number;
  readonly twoD: boolean;
  /** Weights of length `columns` (broadcast along the last axis) or `count`; null if none. */
  readonly weight: Float64Array | null;
  readonly posWeight: Float64Array | null;
  /** 0 when there is no label smoothing. */
  readonly smoothing: number;
  /** ln of the log base: the divisor that changes nats into the chosen unit. */
  readonly lnBase: number;
}

/** How a preset turns the weighted element losses into one number. */
export type Averaging = 'elements' | 'per-sample' | 'weight-sum' | 'nonzero-weights';

export function averagingOf(preset: Preset, weighted: boolean): Averaging {
  switch (preset) {
    case 'keras':
    case 'tf-keras':
      return 'per-sample';
    case 'sklearn':
      return 'weight-sum';
    case 'tfjs':
      // TF.js's losses reduce by SUM_BY_NONZERO_WEIGHTS: the element count without weights.
      return weighted ? 'nonzero-weights' : 'elements';
    default:
      return 'elements';
  }
}

const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];
const INPUTS: readonly InputKind[] = ['probabilities', 'logits'];
const BASES: readonly LogBase[] = ['e', '2', '10'];
const DTYPES: readonly DType[] = ['float64', 'float32'];

export const LN_BASE: Readonly<Record<LogBase, number>> = { e: 1, '2': Math.LN2, '10': Math.LN10 };

/** The formula a user of the preset's framework gets for this kind of input. */
export function resolveRule(preset: Preset, input: InputKind): LossRule {
  const logitInput = input === 'logits';
  switch (preset) {
    case 'pytorch':
    case 'pytorch-logits':
      return logitInput ? 'logits' : 'clamped-log';
    case 'keras':
      return logitInput ? 'tf-logits' : 'clip';
    case 'tf-keras':
      return logitInput ? 'tf-logits' : 'clip-plus-epsilon';
    case 'sklearn':
      return logitInput ? 'sigmoid-two-column-clip' : 'two-column-clip';
    case 'tfjs':
      return logitInput ? 'tf-logits' : 'clip-to-logit';
    case 'exact':
      return logitInput ? 'logits' : 'unguarded-log';
  }
}

/** "[4]" for 1-D, "[1, 2]" for 2-D. */
export function indexText(flatIndex: number, shape: readonly number[]): string {
  if (shape.length < 2) return `[${flatIndex}]`;
  const columns = shape[shape.length - 1] ?? 1;
  return `[${Math.floor(flatIndex / columns)}, ${flatIndex % columns}]`;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

function badOption(name: string, value: unknown, allowed: readonly string[]): Result<never> {
  return {
    ok: false,
    // String(): JSON.stringify(undefined) is undefined, which l10n.t would leave as a raw {1}.
    error: inputError(
      'bad-option',
      l10n.t`The ${name} option is ${String(JSON.stringify(value))}; it must be one of ${allowed.map((a) => `'${a}'`).join(', ')}.`,
    ),
  };
}

/**
 * Checks one weight vector: finite, non-negative, and of a length that broadcasts as PyTorch
 * broadcasts it: one value for all, one per column (label), or one per element. A single value
 * comes back repeated per column, so the hot loop only ever indexes by column or by element.
 */
function checkWeights(name: string, values: Float64Array | readonly number[], columns: number, count: number): Result<Float64Array> {
  if (values.length !== 1 && values.length !== columns && values.length !== count) {
    const lengths = columns === count ? l10n.t`1 or ${columns}` : l10n.t`1, ${columns} (one per label) or ${count} (one per element)`;
    return {
      ok: false,
      error: inputError('bad-option', l10n.t`The ${name} has ${values.length} values; it needs ${lengths}.`, undefined, l10n.t`Give one ${name} value per label.`),
    };
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v) || v < 0) {
      return {
        ok: false,
        error: inputError('bad-option', l10n.t`The ${name} at position ${i} is ${String(v)}; weights must be finite and not negative.`),
      };
    }
  }
  if (values.length === 1 && columns !== 1) return { ok: true, value: new Float64Array(columns).fill(values[0] as number) };
  return { ok: true, value: values instanceof Float64Array ? values : Float64Array.from(values) };
}

function frameworkWithoutPosWeight(preset: Preset): string {
  return PRESETS[preset].displayName;
}

/** Everything about the options and the shape; the values themselves are checked by `checkValues`. */
export function planLoss(
  targets: Float64Array,
  predictions: Float64Array,
  shape: readonly number[],
  options: LossOptions,
  labels: readonly string[] | null | undefined,
): Result<LossPlan> {
  if (typeof options.preset !== 'string' || !Object.prototype.hasOwnProperty.call(PRESETS, options.preset)) {
    return badOption('preset', options.preset, Object.keys(PRESETS));
  }
  if (!oneOf(options.reduction, REDUCTIONS)) return badOption('reduction', options.reduction, REDUCTIONS);
  if (!oneOf(options.input, INPUTS)) return badOption('input', options.input, INPUTS);
  if (!oneOf(options.logBase, BASES)) return badOption('logBase', options.logBase, BASES);
  if (!oneOf(options.dtype, DTYPES)) return badOption('dtype', options.dtype, DTYPES);

  if (targets.length !== predictions.length) {
    return {
      ok: false,
      error: inputError(
        'shape-mismatch',
        l10n.t`There are ${targets.length} targets but ${predictions.length} predictions; every label needs one of each.`,
      ),
    };
  }
  const count = targets.length;
  if (count === 0) {
    return { ok: false, error: inputError('shape-mismatch', l10n.t('There are no numbers: the targets and predictions are empty.')) };
  }
  const product = shape.reduce((a, b) => a * b, 1);
  if ((shape.length !== 1 && shape.length !== 2) || !shape.every((d) => Number.isInteger(d) && d > 0) || product !== count) {
    return {
      ok: false,
      error: inputError('shape-mismatch', l10n.t`The shape [${shape.join(', ')}] does not describe ${count} numbers as one row or a batch of rows.`),
    };
  }
  const columns = shape[shape.length - 1] as number;
  const rows = count / columns;

  if (labels != null && labels.length !== columns) {
    return {
      ok: false,
      error: inputError('shape-mismatch', l10n.t`There are ${labels.length} label names for ${columns} columns; give one name per column.`),
    };
  }

  const smoothing = options.labelSmoothing ?? 0;
  if (typeof smoothing !== 'number' || !Number.isFinite(smoothing) || smoothing < 0 || smoothing > 1) {
    return {
      ok: false,
      error: inputError(
        'bad-option',
        l10n.t`Label smoothing is ${String(smoothing)}; it must be a number from 0 to 1.`,
        undefined,
        smoothing > 1 && smoothing <= 100 ? l10n.t`For ${String(smoothing)} percent, give ${String(smoothing / 100)}.` : l10n.t('Common values are 0.1 or 0.2.'),
      ),
    };
  }

  const rule = resolveRule(options.preset, options.input);

  let weight: Float64Array | null = null;
  if (options.weight !== undefined) {
    const checked = checkWeights('weight', options.weight, columns, count);
    if (!checked.ok) return checked;
    weight = checked.value;
    if (options.reduction === 'mean') {
      const noWeight = weight.every((w) => w === 0);
      if (noWeight && (options.preset === 'sklearn' || options.preset === 'tfjs')) {
        return {
          ok: false,
          error: inputError('bad-option', l10n.t`Every weight is 0, so the weighted mean ${PRESETS[options.preset].displayName} computes divides by zero.`),
        };
      }
    }
  }

  let posWeight: Float64Array | null = null;
  if (options.posWeight !== undefined) {
    if (rule !== 'logits') {
      const message =
        options.input !== 'logits'
          ? l10n.t('pos_weight exists only for logits (PyTorch BCEWithLogitsLoss); these predictions are probabilities.')
          : l10n.t`${frameworkWithoutPosWeight(options.preset)} has no pos_weight; only PyTorch's BCEWithLogitsLoss (and the exact preset) have one.`;
      const suggestion =
        options.input !== 'logits'
          ? l10n.t('Give logits with the pytorch preset, or use weight to scale whole elements.')
          : l10n.t('Choose the pytorch preset, or use weight to scale whole elements.');
      return { ok: false, error: inputError('bad-option', message, undefined, suggestion) };
    }
    const checked = checkWeights('pos_weight', options.posWeight, columns, count);
    if (!checked.ok) return checked;
    posWeight = checked.value;
  }

  return {
    ok: true,
    value: {
      rule,
      columns,
      rows,
      count,
      twoD: shape.length === 2,
      weight,
      posWeight,
      smoothing,
      lnBase: LN_BASE[options.logBase],
    },
  };
}

/**
 * Targets must lie in [0, 1]; probabilities too; logits must be finite. Stricter than the
 * frameworks on purpose (Keras lets a target of 2 give a negative loss).
 */
export function checkValues(targets: Float64Array, predictions: Float64Array, shape: readonly number[], input: InputKind): Result<true> {
  const count = targets.length;
  for (let i = 0; i < count; i++) {
    const y = targets[i] as number;
    if (!(y >= 0 && y <= 1)) {
      const where = indexText(i, shape);
      if (Number.isNaN(y) || !Number.isFinite(y)) {
        return { ok: false, error: inputError('not-finite', l10n.t`The target at ${where} is ${String(y)}; targets must be numbers from 0 to 1.`) };
      }
      return {
        ok: false,
        error: inputError(
          'target-out-of-range',
          l10n.t`The target at ${where} is ${String(y)}, outside [0, 1].`,
          undefined,
          l10n.t('A target says how present a label is: 1 present, 0 absent, a soft label in between.'),
        ),
      };
    }
  }
  const probabilities = input === 'probabilities';
  for (let i = 0; i < count; i++) {
    const x = predictions[i] as number;
    if (probabilities ? x >= 0 && x <= 1 : Number.isFinite(x)) continue;
    const where = indexText(i, shape);
    if (!Number.isFinite(x)) {
      return {
        ok: false,
        error: inputError('not-finite', l10n.t`The prediction at ${where} is ${String(x)}; predictions must be finite numbers.`),
      };
    }
    return {
      ok: false,
      error: inputError(
        'prediction-out-of-range',
        l10n.t`The prediction at ${where} is ${String(x)}, outside [0, 1], so it cannot be a probability.`,
        undefined,
        l10n.t('Values outside [0, 1] are usually logits (raw scores before the sigmoid): set the input kind to logits.'),
      ),
    };
  }
  return { ok: true, value: true };
}
