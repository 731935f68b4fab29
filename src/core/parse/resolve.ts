// Decides which found array holds the targets, which the predictions and which the label names:
// by name first, then by place in a known loss call, then, when nothing is named, by the values
// (an array of only 0s and 1s beside one that is not is the target) and last by order.

import * as l10n from '@vscode/l10n';
import { inputError } from '../errors';
import type { InputError, Result, TextRange } from '../types';
import type { FoundArray } from './find';
import { isNotDataName } from './names';
import { decideFromValues, decisionNote } from './roles';
import { quoteRange, quoteText, textOf, type SourceText } from './text';

export interface ResolvedArrays {
  readonly targets: FoundArray;
  readonly predictions: FoundArray;
  readonly labels: FoundArray | null;
  readonly orderAssumed: boolean;
  readonly notes: readonly string[];
  /** True when `swapRoles` exchanged the two after they were decided. */
  readonly swapped: boolean;
}

export interface ResolveOptions {
  /** Exchange the targets and the predictions once decided (the swap a role warning offers). */
  readonly swapRoles?: boolean;
}

function describe(source: SourceText, array: FoundArray): string {
  return array.name !== null ? quoteText(array.name) : quoteRange(textOf(source), array.range);
}

/** The strongest candidate; among equals the last, as running the code would leave it. Usable ones first. */
function pick(candidates: readonly FoundArray[]): FoundArray | null {
  let best: FoundArray | null = null;
  for (const candidate of candidates) {
    if (best === null) {
      best = candidate;
      continue;
    }
    const usable = candidate.problem === null;
    const bestUsable = best.problem === null;
    if (usable !== bestUsable) {
      if (usable) best = candidate;
      continue;
    }
    if (candidate.roleStrength >= best.roleStrength) best = candidate;
  }
  return best;
}

function isIgnorable(array: FoundArray): boolean {
  // `results = []` in code is not data anyone wants explained (an empty `targets` is still an error).
  if (array.content === 'words' || (array.name !== null && isNotDataName(array.name))) return true;
  return array.values.length === 0 && array.problem === null && array.role === null;
}

function problemOf(arrays: readonly FoundArray[]): InputError | null {
  for (const array of arrays) if (array.problem !== null) return array.problem;
  return null;
}

/** "a", "a and b", "a, b, c and 7 more": a big selection must not produce a note per array. */
function listOf(source: SourceText, arrays: readonly FoundArray[]): string {
  const shown = arrays.slice(0, 3).map((a) => describe(source, a));
  if (arrays.length > 3) return l10n.t`${shown.join(', ')} and ${arrays.length - 3} more`;
  if (shown.length === 1) return shown[0] as string;
  return l10n.t`${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] as string}`;
}

/** "x was read as the targets: it is the first argument of f.", one whole sentence per role. */
function readAsNote(what: string, noun: 'targets' | 'predictions' | 'logits', reason: string): string {
  switch (noun) {
    case 'targets':
      return l10n.t`${what} was read as the targets: it is ${reason}.`;
    case 'predictions':
      return l10n.t`${what} was read as the predictions: it is ${reason}.`;
    default:
      return l10n.t`${what} was read as the logits: it is ${reason}.`;
  }
}

function wholeText(source: SourceText): TextRange {
  return { start: 0, end: textOf(source).length };
}

export function resolveArrays(source: SourceText, found: readonly FoundArray[], options?: ResolveOptions): Result<ResolvedArrays> {
  const notes: string[] = [];
  // The sentence saying which rule made which array the targets: replaced when the user swaps them.
  const roleNotes: string[] = [];
  const targetCandidates = found.filter((a) => a.role === 'targets');
  const predictionCandidates = found.filter((a) => a.role === 'predictions' || a.role === 'logits');
  const labelCandidates = found.filter((a) => a.role === 'labels');
  const unassigned = found.filter((a) => a.role === null && !isIgnorable(a));

  let targets = pick(targetCandidates);
  let predictions = pick(predictionCandidates);
  const labels = labelCandidates.length > 0 ? (labelCandidates[labelCandidates.length - 1] as FoundArray) : null;
  let orderAssumed = false;

  for (const [chosen, candidates, noun] of [
    [targets, targetCandidates, 'targets'],
    [predictions, predictionCandidates, 'predictions'],
  ] as const) {
    const others = candidates.filter((other) => other !== chosen);
    if (chosen !== null && others.length > 0) {
      const list = listOf(source, others);
      const used = describe(source, chosen);
      notes.push(
        noun === 'targets'
          ? l10n.t`${list} could also be the targets; ${used} was used instead.`
          : l10n.t`${list} could also be the predictions; ${used} was used instead.`,
      );
    }
  }

  if (targets !== null && predictions !== null) {
    const unused = unassigned.filter((other) => other.name !== null);
    if (unused.length > 0) {
      const list = listOf(source, unused);
      notes.push(
        unused.length === 1
          ? l10n.t`${list} was not used: the names do not say whether they hold targets or predictions.`
          : l10n.t`${list} were not used: the names do not say whether they hold targets or predictions.`,
      );
    }
  } else if (targets !== null || predictions !== null) {
    const known = (targets ?? predictions) as FoundArray;
    const missing = targets === null ? 'targets' : 'predictions';
    if (unassigned.length === 1) {
      const other = unassigned[0] as FoundArray;
      if (targets === null) targets = other;
      else predictions = other;
      const taken = describe(source, other);
      roleNotes.push(
        missing === 'targets'
          ? l10n.t`${taken} was taken as the targets, being the only other array.`
          : l10n.t`${taken} was taken as the predictions, being the only other array.`,
      );
    } else if (unassigned.length === 0) {
      return {
        ok: false,
        error:
          known.problem ??
          inputError(
            'one-array',
            missing === 'targets'
              ? l10n.t`Found the predictions (${describe(source, known)}) but no targets.`
              : l10n.t`Found the targets (${describe(source, known)}) but no predictions.`,
            known.range,
            missing === 'targets'
              ? l10n.t('Select the targets too, or name them, e.g. targets = [1, 0, 1].')
              : l10n.t('Select the predictions too, or name them, e.g. predictions = [0.8, 0.3, 0.9].'),
          ),
      };
    } else {
      const second = unassigned[1] as FoundArray;
      return {
        ok: false,
        error: inputError(
          'ambiguous-arrays',
          missing === 'targets'
            ? l10n.t`Found the predictions and ${unassigned.length} other arrays without a known name, so it is unclear which holds the targets.`
            : l10n.t`Found the targets and ${unassigned.length} other arrays without a known name, so it is unclear which holds the predictions.`,
          second.range,
          missing === 'targets'
            ? l10n.t('Name it, e.g. targets = [...], or select only the arrays to explain.')
            : l10n.t('Name it, e.g. predictions = [...], or select only the arrays to explain.'),
        ),
      };
    }
  } else {
    if (unassigned.length === 0) {
      const words = found.find((a) => a.content === 'words');
      if (words !== undefined) {
        return {
          ok: false,
          error: inputError(
            'no-arrays',
            l10n.t`Found only words (${quoteRange(textOf(source), words.range)}), no arrays of numbers.`,
            words.range,
            l10n.t('Select the targets and the predictions too, e.g. targets = [1, 0, 1] and predictions = [0.8, 0.3, 0.9].'),
          ),
        };
      }
      return {
        ok: false,
        error: inputError(
          'no-arrays',
          l10n.t('No array of numbers was found in the selection.'),
          wholeText(source),
          l10n.t('Select the targets and the predictions, e.g. targets = [1, 0, 1] and predictions = [0.8, 0.3, 0.9].'),
        ),
      };
    }
    if (unassigned.length === 1) {
      const only = unassigned[0] as FoundArray;
      return {
        ok: false,
        error:
          only.problem ??
          inputError(
            'one-array',
            l10n.t`Found only one array (${describe(source, only)}); the loss needs the targets and the predictions.`,
            only.range,
            l10n.t('Select both arrays, or name them: targets = [...] and predictions = [...].'),
          ),
      };
    }
    if (unassigned.length > 2) {
      const third = unassigned[2] as FoundArray;
      return {
        ok: false,
        error: inputError(
          'ambiguous-arrays',
          l10n.t`Found ${unassigned.length} arrays and no names that tell which holds the targets and which the predictions.`,
          third.range,
          l10n.t('Name them (targets = [...], predictions = [...]) or select only two arrays.'),
        ),
      };
    }
    const pair = [unassigned[0] as FoundArray, unassigned[1] as FoundArray] as const;
    const decision = decideFromValues(pair[0], pair[1]);
    const targetsIndex = decision.rule === 'order' ? 0 : decision.targetsIndex;
    targets = pair[targetsIndex];
    predictions = pair[1 - targetsIndex] as FoundArray;
    orderAssumed = decision.rule === 'order';
    roleNotes.push(decisionNote(decision, describe(source, targets)));
  }

  const swapped = options?.swapRoles === true;
  const chosenTargets = (swapped ? predictions : targets) as FoundArray;
  const chosenPredictions = (swapped ? targets : predictions) as FoundArray;
  const problem = problemOf([chosenTargets, chosenPredictions]);
  if (problem !== null) return { ok: false, error: problem };
  for (const [array, noun] of [
    [chosenTargets, 'targets'],
    [chosenPredictions, 'predictions'],
  ] as const) {
    if (array.content === 'words') {
      return {
        ok: false,
        error:
          noun === 'targets'
            ? inputError('syntax', l10n.t`The targets (${describe(source, array)}) hold words, not numbers.`, array.range, l10n.t('Give the targets as numbers, e.g. [1, 0, 1].'))
            : inputError('syntax', l10n.t`The predictions (${describe(source, array)}) hold words, not numbers.`, array.range, l10n.t('Give the predictions as numbers, e.g. [1, 0, 1].')),
      };
    }
  }
  if (swapped) {
    notes.push(l10n.t`The targets and the predictions were swapped, as asked: ${describe(source, chosenTargets)} is used as the targets and ${describe(source, chosenPredictions)} as the predictions.`);
  } else {
    notes.push(...roleNotes);
    for (const [array, noun] of [
      [chosenTargets, 'targets'],
      [chosenPredictions, chosenPredictions.role === 'logits' ? 'logits' : 'predictions'],
    ] as const) {
      if (array.roleReason !== null) notes.push(readAsNote(describe(source, array), noun, array.roleReason));
    }
  }
  return { ok: true, value: { targets: chosenTargets, predictions: chosenPredictions, labels, orderAssumed, notes, swapped } };
}
