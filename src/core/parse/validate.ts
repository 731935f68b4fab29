// Checks the chosen arrays against what BCE accepts and settles the input kind. Stricter and
// clearer than the frameworks: every error says which element, what it holds and what was
// probably meant.

import * as l10n from '@vscode/l10n';
import { inputError } from '../errors';
import type { InputKind, InputKindOption, ParsedArray, ParsedInput, Result, RoleWarning, TextRange } from '../types';
import type { FoundArray } from './find';
import type { ResolvedArrays } from './resolve';
import { valueRange, withValueRanges, type ValuePositions } from './ranges';
import { roleWarning } from './roles';
import { elementLabel, formatShape, quoteRange, quoteText, textOf, type SourceText } from './text';

/** The contract's ParsedArray, without the finder's extra fields (they would not survive JSON anyway). */
function plainArray(array: FoundArray, shape: readonly number[] = array.shape): ParsedArray & ValuePositions {
  return withValueRanges({ values: array.values, shape, range: array.range, name: array.name, valueStarts: array.valueStarts, valueEnds: array.valueEnds }, array);
}

function valueText(source: SourceText, array: ValuePositions, index: number): string {
  return quoteRange(textOf(source), valueRange(array, index));
}

function firstNonFinite(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i] as number)) return i;
  return -1;
}

function firstOutsideUnit(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!(v >= 0 && v <= 1)) return i;
  }
  return -1;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

type Located = ParsedArray & ValuePositions;

function shapeMismatchRange(targets: Located, predictions: Located): TextRange {
  // For two flat lists, point at the values the shorter one lacks.
  if (targets.shape.length === 1 && predictions.shape.length === 1) {
    const longer = targets.values.length > predictions.values.length ? targets : predictions;
    const shorterLength = Math.min(targets.values.length, predictions.values.length);
    return { start: longer.valueStarts[shorterLength] as number, end: longer.valueEnds[longer.values.length - 1] as number };
  }
  return predictions.range;
}

function targetSuggestion(value: number): string {
  if (value === -1) return l10n.t('Labels of -1 and 1 (as for an SVM) are 0 and 1 for binary cross entropy: replace -1 with 0.');
  if (Number.isInteger(value) && value > 1) {
    return l10n.t`A ${value} looks like a class index; binary cross entropy wants one 0/1 target per label (one-hot or multi-hot), e.g. [0, 0, 1].`;
  }
  return l10n.t('Each target is 0 (label absent), 1 (present) or a soft label between them.');
}

/** Whole sentences for each noun, with and without the array's own name, so that each can be translated as a unit. */
function emptyMessage(noun: 'targets' | 'predictions', name: string | null): string {
  if (noun === 'targets') {
    return name !== null ? l10n.t`The targets (${quoteText(name)}) are empty: there is nothing to compute a loss from.` : l10n.t('The targets are empty: there is nothing to compute a loss from.');
  }
  return name !== null ? l10n.t`The predictions (${quoteText(name)}) are empty: there is nothing to compute a loss from.` : l10n.t('The predictions are empty: there is nothing to compute a loss from.');
}

export function validateInput(source: SourceText, resolved: ResolvedArrays, option: InputKindOption): Result<ParsedInput> {
  const notes = [...resolved.notes];
  let targets = plainArray(resolved.targets);
  let predictions = plainArray(resolved.predictions);

  for (const [array, noun] of [
    [targets, 'targets'],
    [predictions, 'predictions'],
  ] as const) {
    if (array.values.length === 0) {
      return {
        ok: false,
        error: inputError('no-arrays', emptyMessage(noun, array.name !== null && array.name !== noun ? array.name : null), array.range, l10n.t('Give at least one value.')),
      };
    }
  }

  for (const [array, noun] of [
    [targets, 'Target'],
    [predictions, 'Prediction'],
  ] as const) {
    const index = firstNonFinite(array.values);
    if (index >= 0) {
      return {
        ok: false,
        error: inputError(
          'not-finite',
          l10n.t`${elementLabel(noun, array.shape, index)} is ${valueText(source, array, index)}, not a finite number.`,
          valueRange(array, index),
          l10n.t('Replace it with a number: a single NaN or infinity makes the whole loss NaN or infinite.'),
        ),
      };
    }
  }

  if (!sameShape(targets.shape, predictions.shape)) {
    const t = targets.shape;
    const p = predictions.shape;
    if (t.length === 1 && p.length === 2 && p[0] === 1 && p[1] === t[0]) {
      targets = plainArray(resolved.targets, p);
      const n = t[0] as number;
      notes.push(l10n.t`The targets are a flat list and the predictions one row of ${n}, so both were read as one sample of ${n} labels.`);
    } else if (p.length === 1 && t.length === 2 && t[0] === 1 && t[1] === p[0]) {
      predictions = plainArray(resolved.predictions, t);
      const n = p[0] as number;
      notes.push(l10n.t`The targets are one row of ${n} and the predictions a flat list, so both were read as one sample of ${n} labels.`);
    } else {
      return {
        ok: false,
        error: inputError(
          'shape-mismatch',
          l10n.t`The targets have shape ${formatShape(t)} but the predictions have shape ${formatShape(p)}.`,
          shapeMismatchRange(targets, predictions),
          l10n.t('Give exactly one prediction per target, in the same layout.'),
        ),
      };
    }
  }

  const badTarget = firstOutsideUnit(targets.values);
  if (badTarget >= 0) {
    const value = targets.values[badTarget] as number;
    return {
      ok: false,
      error: inputError(
        'target-out-of-range',
        l10n.t`${elementLabel('Target', targets.shape, badTarget)} is ${valueText(source, targets, badTarget)}, outside [0, 1].`,
        valueRange(targets, badTarget),
        targetSuggestion(value),
      ),
    };
  }

  let inputKind: InputKind;
  if (resolved.predictions.role === 'logits') {
    inputKind = 'logits';
    if (option !== 'logits') {
      const why = resolved.predictions.roleReason ?? l10n.t`named ${quoteText(resolved.predictions.name ?? 'logits')}`;
      notes.push(l10n.t`The predictions were read as logits (raw scores before the sigmoid) because they are ${why}.`);
    }
  } else if (option === 'logits') {
    inputKind = 'logits';
  } else {
    const bad = firstOutsideUnit(predictions.values);
    if (bad < 0) {
      inputKind = 'probabilities';
    } else {
      const value = predictions.values[bad] as number;
      const element = elementLabel('Prediction', predictions.shape, bad);
      const text = valueText(source, predictions, bad);
      if (option === 'probabilities') {
        return {
          ok: false,
          error: inputError(
            'prediction-out-of-range',
            value > 1
              ? l10n.t`${element} is ${text}, outside [0, 1]. A value above 1 usually means these are logits (raw scores before the sigmoid).`
              : l10n.t`${element} is ${text}, outside [0, 1]. A value below 0 usually means these are logits (raw scores before the sigmoid).`,
            valueRange(predictions, bad),
            l10n.t('If these are logits, set the input kind to logits (or auto); otherwise apply the sigmoid first.'),
          ),
        };
      }
      inputKind = 'logits';
      notes.push(l10n.t`${element} is ${text}, outside [0, 1], so the predictions were read as logits (raw scores before the sigmoid).`);
    }
  }

  let labels: readonly string[] | null = null;
  const labelArray = resolved.labels;
  if (labelArray !== null) {
    const columns = targets.shape[targets.shape.length - 1] as number;
    const words = labelArray.words ?? [];
    if (labelArray.problem !== null) {
      notes.push(l10n.t`The label names were not used: ${labelArray.problem.message}`);
    } else if (words.length !== columns) {
      notes.push(
        columns === 1
          ? l10n.t`There are ${words.length} label names for ${columns} label per sample, so the names were not used.`
          : l10n.t`There are ${words.length} label names for ${columns} labels per sample, so the names were not used.`,
      );
    } else {
      labels = words;
    }
  }

  // Logits of 0 and 1 are ordinary scores, not hard predictions: only probabilities can look swapped.
  const warning: RoleWarning | null =
    inputKind === 'probabilities'
      ? roleWarning(targets.values, predictions.values)
      : null;

  const rest = {
    targets,
    predictions,
    inputKind,
    labels,
    orderAssumed: resolved.orderAssumed,
    notes,
    ...(warning !== null ? { roleWarning: warning } : {}),
    ...(resolved.swapped ? { rolesSwapped: true } : {}),
  };
  if (typeof source === 'string') return { ok: true, value: { source, ...rest } };
  // Lines stay lines: the walkthrough slices the numbers it quotes, and only a reader of the whole text joins them.
  const lines = source;
  return {
    ok: true,
    value: {
      get source(): string {
        return lines.text;
      },
      sliceSource: (start: number, end: number): string => lines.slice(start, end),
      ...rest,
    },
  };
}
