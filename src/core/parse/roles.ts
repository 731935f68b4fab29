// What the values alone say about which array is the target: when nothing named settles the
// roles, an array of only 0s and 1s (or of class indices) beside one that is not is the target,
// whatever the order; and when names or order forced the roles, a pair that looks swapped is
// flagged. Both rules look at the values only, never at the preset: the parser does not know it.

import * as l10n from '@vscode/l10n';
import { formatNumber } from '../derivation/format';
import type { RoleWarning } from '../types';
import type { FoundArray } from './find';

/**
 * 'binary': every value is 0 or 1; 'indices': every value is a non-negative whole number, some
 * above 1 (class indices, which binary cross entropy does not take, but which are targets);
 * 'other': anything else; 'unknown': nothing to judge by (empty, unreadable, words).
 */
export type ValueClass = 'binary' | 'indices' | 'other' | 'unknown';

export function valueClass(array: FoundArray): ValueClass {
  if (array.content !== 'numbers' || array.problem !== null || array.values.length === 0) return 'unknown';
  return classOf(array.values);
}

export function classOf(values: Float64Array): ValueClass {
  if (values.length === 0) return 'unknown';
  let binary = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v === 0 || v === 1) continue;
    // Not a whole number ≥ 0 (NaN and infinities included): neither binary nor class indices.
    if (!(v >= 0 && Number.isSafeInteger(v))) return 'other';
    binary = false;
  }
  return binary ? 'binary' : 'indices';
}

/** Which rule chose the targets of an unnamed pair. */
export type ValueDecision =
  | { readonly rule: 'binary'; readonly targetsIndex: 0 | 1 }
  | { readonly rule: 'indices'; readonly targetsIndex: 0 | 1 }
  | { readonly rule: 'order'; readonly why: 'both-binary' | 'neither' | 'unknown' };

/**
 * For two unnamed arrays in the order written: exactly one all 0/1 is the target; else, with
 * neither binary, exactly one of class indices is; else the first (the order rule).
 */
export function decideFromValues(first: FoundArray, second: FoundArray): ValueDecision {
  const a = valueClass(first);
  const b = valueClass(second);
  if (a === 'unknown' || b === 'unknown') return { rule: 'order', why: 'unknown' };
  if (a === 'binary' && b === 'binary') return { rule: 'order', why: 'both-binary' };
  if (a === 'binary') return { rule: 'binary', targetsIndex: 0 };
  if (b === 'binary') return { rule: 'binary', targetsIndex: 1 };
  if (a === 'indices' && b !== 'indices') return { rule: 'indices', targetsIndex: 0 };
  if (b === 'indices' && a !== 'indices') return { rule: 'indices', targetsIndex: 1 };
  return { rule: 'order', why: 'neither' };
}

/** The note saying which rule decided; `targets` is how the array taken as the targets is described. */
export function decisionNote(decision: ValueDecision, targets: string): string {
  switch (decision.rule) {
    case 'binary':
      return l10n.t`No names were given, so the values decided: ${targets} holds only 0s and 1s and the other array does not, so it was taken as the targets and the other as the predictions, whatever their order.`;
    case 'indices':
      return l10n.t`No names were given, so the values decided: ${targets} holds only whole numbers from 0 up (class indices) and the other array does not, so it was taken as the targets and the other as the predictions, whatever their order.`;
    case 'order':
      switch (decision.why) {
        case 'both-binary':
          return l10n.t('No names were given and both arrays hold only 0s and 1s, so the values do not tell which is which: by the order rule, the first array was taken as the targets and the second as the predictions.');
        case 'neither':
          return l10n.t('No names were given and neither array holds only 0s and 1s, so the values do not tell which is which: by the order rule, the first array was taken as the targets and the second as the predictions.');
        case 'unknown':
          return l10n.t('No names were given, so the first array was taken as the targets and the second as the predictions.');
      }
  }
}

/** PyTorch's BCELoss, mean, in nats: each log clamped at -100, so a 0 where a 1 belongs costs 100, not ∞. */
export function referenceLoss(targets: Float64Array, predictions: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < targets.length; i++) {
    const y = targets[i] as number;
    const p = predictions[i] as number;
    const positive = y === 0 ? 0 : y * Math.max(Math.log(p), -100);
    const negative = y === 1 ? 0 : (1 - y) * Math.max(Math.log(1 - p), -100);
    sum -= positive + negative;
  }
  return targets.length > 0 ? sum / targets.length : NaN;
}

function isSoft(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v > 0 && v < 1) return true;
  }
  return false;
}

/**
 * The warning owed when the targets are soft (some value strictly between 0 and 1), the
 * predictions (probabilities) are all 0 or 1, and the pair swapped gives a lower loss; null when
 * none is. Both arrays must have the same length and hold values in [0, 1] (validated before).
 */
export function roleWarning(targets: Float64Array, predictions: Float64Array): RoleWarning | null {
  if (targets.length !== predictions.length || targets.length === 0) return null;
  if (classOf(predictions) !== 'binary' || !isSoft(targets)) return null;
  const loss = referenceLoss(targets, predictions);
  const swappedLoss = referenceLoss(predictions, targets);
  if (!(swappedLoss < loss)) return null;
  const message = l10n.t`The targets and the predictions look swapped: the targets hold soft values between 0 and 1 while every prediction is 0 or 1. Swapped, the loss would be ${formatNumber(swappedLoss)} instead of ${formatNumber(loss)} (PyTorch's BCELoss, mean, natural log).`;
  return { message, loss, swappedLoss };
}
