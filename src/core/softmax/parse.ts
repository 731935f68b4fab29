// Text a person selected → class-index or distribution targets and N×C predictions for softmax
// cross entropy. Finding the arrays and deciding which is which is BCE's parser, shared
// (../parse); what differs is the check of shapes and values, here. Nothing throws.
import * as l10n from '@vscode/l10n';
import { inputError } from '../errors';
import { findArrays } from '../parse/find';
import type { FoundArray } from '../parse/find';
import { valueRange, withValueRanges, type ValuePositions } from '../parse/ranges';
import { resolveArrays } from '../parse/resolve';
import { formatShape, quoteRange } from '../parse/text';
import type { InputKind, InputKindOption, ParseOptions, ParsedArray, Result } from '../types';
import type { SoftmaxInput, SoftmaxTargetKind } from './types';

export interface SoftmaxParseOptions extends ParseOptions {
  /** A class-index target equal to this is allowed (PyTorch's ignore_index). */
  readonly ignoreIndex?: number;
}

/** How far a row of probabilities may be from summing to 1 and still be read as probabilities. */
const ROW_SUM_TOLERANCE = 1e-3;

type Located = ParsedArray & ValuePositions;

function located(array: FoundArray, shape: readonly number[] = array.shape): Located {
  return withValueRanges({ values: array.values, shape, range: array.range, name: array.name, valueStarts: array.valueStarts, valueEnds: array.valueEnds }, array);
}

function at(shape: readonly number[], i: number): string {
  if (shape.length === 2) {
    const columns = shape[1] as number;
    return `[${Math.floor(i / columns)}, ${i % columns}]`;
  }
  return String(i);
}

function isIndexLike(values: Float64Array): boolean {
  for (const v of values) if (!Number.isInteger(v)) return false;
  return true;
}

/** The first row whose values do not sum to 1 (within the tolerance), or -1. */
export function firstRowNotSummingToOne(values: Float64Array, classes: number): number {
  for (let start = 0, row = 0; start < values.length; start += classes, row++) {
    let s = 0;
    for (let c = 0; c < classes; c++) s += values[start + c] as number;
    if (!(Math.abs(s - 1) <= ROW_SUM_TOLERANCE)) return row;
  }
  return -1;
}

function shapeError(targets: Located, predictions: Located): Result<never> {
  return {
    ok: false,
    error: inputError(
      'shape-mismatch',
      l10n.t`The targets have shape ${formatShape(targets.shape)} and the predictions ${formatShape(predictions.shape)}: softmax cross entropy wants predictions N×C (a row of class scores per sample) and targets that are N class indices or N×C distributions.`,
      targets.range,
      l10n.t('Give one class index per row of predictions ([2, 0, 1] for 3 rows), or one row of target probabilities per row of predictions.'),
    ),
  };
}

export function parseSoftmaxInput(text: string, options?: SoftmaxParseOptions): Result<SoftmaxInput> {
  const option: InputKindOption = options?.inputKind ?? 'auto';
  if (option !== 'auto' && option !== 'logits' && option !== 'probabilities') {
    return { ok: false, error: inputError('bad-option', l10n.t`The input kind must be auto, probabilities or logits, not ${String(option).slice(0, 40)}.`) };
  }
  const source = String(text);
  const found = findArrays(source, options);
  if (!found.ok) return found;
  const resolved = resolveArrays(source, found.value);
  if (!resolved.ok) return resolved;
  const r = resolved.value;
  const notes = [...r.notes];
  let targets = located(r.targets);
  let predictions = located(r.predictions);

  for (const [array, noun] of [
    [targets, 'targets'],
    [predictions, 'predictions'],
  ] as const) {
    if (array.values.length === 0) {
      return {
        ok: false,
        error: inputError('no-arrays', noun === 'targets' ? l10n.t('The targets are empty: there is nothing to compute a loss from.') : l10n.t('The predictions are empty: there is nothing to compute a loss from.'), array.range, l10n.t('Give at least one value.')),
      };
    }
    for (let i = 0; i < array.values.length; i++) {
      if (!Number.isFinite(array.values[i] as number)) {
        return {
          ok: false,
          error: inputError(
            'not-finite',
            noun === 'targets' ? l10n.t`Target ${at(array.shape, i)} is ${quoteRange(source, valueRange(array, i))}, not a finite number.` : l10n.t`Prediction ${at(array.shape, i)} is ${quoteRange(source, valueRange(array, i))}, not a finite number.`,
            valueRange(array, i),
            l10n.t('Replace it with a number: a single NaN or infinity makes the whole loss NaN or infinite.'),
          ),
        };
      }
    }
  }

  // Shapes: predictions N×C (one flat row is one sample); targets N indices, N×1 indices or N×C.
  const t = targets.shape;
  const p = predictions.shape;
  if (p.length === 1) {
    predictions = located(r.predictions, [1, p[0] as number]);
    notes.push(l10n.t`The predictions are one flat row, so they were read as one sample of ${p[0] as number} classes.`);
  }
  const samples = predictions.shape[0] as number;
  const classes = predictions.shape[1] as number;
  if (predictions.shape.length !== 2) return shapeError(targets, predictions);
  let targetKind: SoftmaxTargetKind;
  if (t.length === 2 && t[0] === samples && t[1] === classes && !(classes === 1)) {
    targetKind = 'distributions';
  } else if (t.length === 1 && t[0] === classes && samples === 1 && !(classes === 1)) {
    // One flat row against one row of predictions: a distribution, unless it cannot be one.
    if (isIndexLike(targets.values) && firstRowNotSummingToOne(targets.values, classes) === 0) {
      return {
        ok: false,
        error: inputError(
          'shape-mismatch',
          l10n.t`The targets ${quoteRange(source, targets.range)} look like ${classes} class indices, but the predictions are a single row: class indices need one row of predictions per sample (N×C).`,
          predictions.range,
          l10n.t('Give the predictions as a list of rows, one per sample, or the target as a one-hot row such as [0, 0, 1].'),
        ),
      };
    }
    targets = located(r.targets, [1, classes]);
    targetKind = 'distributions';
  } else if (t.length === 1 && t[0] === samples) {
    targetKind = 'indices';
  } else if (t.length === 2 && t[0] === samples && t[1] === 1) {
    targets = located(r.targets, [samples]);
    targetKind = 'indices';
    notes.push(l10n.t`The targets are a column of ${samples} (N×1), so they were read as ${samples} class indices.`);
  } else {
    return shapeError(targets, predictions);
  }
  if (classes < 2) {
    return { ok: false, error: inputError('shape-mismatch', l10n.t('Softmax over a single class is always 1, so the loss is always 0: give at least two classes.'), predictions.range, l10n.t('For one probability per sample, use binary cross entropy.')) };
  }

  if (targetKind === 'indices') {
    for (let i = 0; i < samples; i++) {
      const y = targets.values[i] as number;
      if (y === options?.ignoreIndex) continue;
      if (!(Number.isInteger(y) && y >= 0 && y < classes)) {
        return {
          ok: false,
          error: inputError(
            'target-out-of-range',
            l10n.t`Target ${i} is ${quoteRange(source, valueRange(targets, i))}, not a class index from 0 to ${classes - 1}.`,
            valueRange(targets, i),
            Number.isInteger(y) && y === classes
              ? l10n.t('Class indices count from 0: with C classes the largest is C - 1. Subtract 1 if yours count from 1.')
              : l10n.t`Each target is the index of the true class, a whole number from 0 to ${classes - 1}.`,
          ),
        };
      }
    }
  } else {
    for (let i = 0; i < targets.values.length; i++) {
      const y = targets.values[i] as number;
      if (!(y >= 0 && y <= 1)) {
        return {
          ok: false,
          error: inputError(
            'target-out-of-range',
            l10n.t`Target ${at(targets.shape, i)} is ${quoteRange(source, valueRange(targets, i))}, outside [0, 1].`,
            valueRange(targets, i),
            l10n.t('Each row of targets is a distribution over the classes: one-hot, or soft values that sum to 1.'),
          ),
        };
      }
    }
    const row = firstRowNotSummingToOne(targets.values, classes);
    if (row >= 0) notes.push(l10n.t`Target row ${row} does not sum to 1: the loss takes it as given, but softmax cross entropy expects one distribution per sample.`);
  }

  let inputKind: InputKind;
  if (r.predictions.role === 'logits') {
    inputKind = 'logits';
    if (option !== 'logits') notes.push(l10n.t('The predictions were read as logits (raw scores before the softmax) because of their name or their place in the call.'));
  } else if (option !== 'auto') {
    inputKind = option;
    if (option === 'probabilities') {
      for (let i = 0; i < predictions.values.length; i++) {
        const v = predictions.values[i] as number;
        if (!(v >= 0 && v <= 1)) {
          return {
            ok: false,
            error: inputError(
              'prediction-out-of-range',
              l10n.t`Prediction ${at(predictions.shape, i)} is ${quoteRange(source, valueRange(predictions, i))}, outside [0, 1].`,
              valueRange(predictions, i),
              l10n.t('If these are logits, set the input kind to logits (or auto).'),
            ),
          };
        }
      }
      const bad = firstRowNotSummingToOne(predictions.values, classes);
      if (bad >= 0) notes.push(l10n.t`Prediction row ${bad} does not sum to 1; the frameworks that take probabilities divide each row by its sum.`);
    }
  } else {
    let outside = -1;
    for (let i = 0; i < predictions.values.length && outside < 0; i++) {
      const v = predictions.values[i] as number;
      if (!(v >= 0 && v <= 1)) outside = i;
    }
    const badRow = outside < 0 ? firstRowNotSummingToOne(predictions.values, classes) : -1;
    if (outside >= 0) {
      inputKind = 'logits';
      notes.push(l10n.t`Prediction ${at(predictions.shape, outside)} is ${quoteRange(source, valueRange(predictions, outside))}, outside [0, 1], so the predictions were read as logits (raw scores before the softmax).`);
    } else if (badRow >= 0) {
      inputKind = 'logits';
      notes.push(l10n.t`Prediction row ${badRow} does not sum to 1, so the predictions were read as logits (raw scores before the softmax); set the input kind to probabilities if they are probabilities.`);
    } else {
      inputKind = 'probabilities';
    }
  }

  let labels: readonly string[] | null = null;
  if (r.labels !== null) {
    const words = r.labels.words ?? [];
    if (r.labels.problem === null && words.length === classes) labels = words;
    else notes.push(l10n.t`There are ${words.length} class names for ${classes} classes, so the names were not used.`);
  }

  return {
    ok: true,
    value: { source, targets, predictions, targetKind, inputKind, samples, classes, labels, orderAssumed: r.orderAssumed, notes },
  };
}
