// Decides which found array holds the targets, which the predictions and which the label names:
// by name first, then by place in a known loss call, then by order when nothing is named.

import { inputError } from '../errors';
import type { InputError, Result, TextRange } from '../types';
import type { FoundArray } from './find';
import { isNotDataName } from './names';
import { quoteRange, quoteText } from './text';

export interface ResolvedArrays {
  readonly targets: FoundArray;
  readonly predictions: FoundArray;
  readonly labels: FoundArray | null;
  readonly orderAssumed: boolean;
  readonly notes: readonly string[];
}

function describe(source: string, array: FoundArray): string {
  return array.name !== null ? quoteText(array.name) : quoteRange(source, array.range);
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
function listOf(source: string, arrays: readonly FoundArray[]): string {
  const shown = arrays.slice(0, 3).map((a) => describe(source, a));
  if (arrays.length > 3) return `${shown.join(', ')} and ${arrays.length - 3} more`;
  if (shown.length === 1) return shown[0] as string;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] as string}`;
}

function wholeText(source: string): TextRange {
  return { start: 0, end: source.length };
}

export function resolveArrays(source: string, found: readonly FoundArray[]): Result<ResolvedArrays> {
  const notes: string[] = [];
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
      notes.push(`${listOf(source, others)} could also be the ${noun}; ${describe(source, chosen)} was used instead.`);
    }
  }

  if (targets !== null && predictions !== null) {
    const unused = unassigned.filter((other) => other.name !== null);
    if (unused.length > 0) {
      notes.push(`${listOf(source, unused)} ${unused.length === 1 ? 'was' : 'were'} not used: the names do not say whether they hold targets or predictions.`);
    }
  } else if (targets !== null || predictions !== null) {
    const known = (targets ?? predictions) as FoundArray;
    const missing = targets === null ? 'targets' : 'predictions';
    if (unassigned.length === 1) {
      const other = unassigned[0] as FoundArray;
      if (targets === null) targets = other;
      else predictions = other;
      notes.push(`${describe(source, other)} was taken as the ${missing}, being the only other array.`);
    } else if (unassigned.length === 0) {
      return {
        ok: false,
        error:
          known.problem ??
          inputError(
            'one-array',
            `Found the ${targets === null ? 'predictions' : 'targets'} (${describe(source, known)}) but no ${missing}.`,
            known.range,
            `Select the ${missing} too, or name them, e.g. ${missing === 'targets' ? 'targets = [1, 0, 1]' : 'predictions = [0.8, 0.3, 0.9]'}.`,
          ),
      };
    } else {
      const second = unassigned[1] as FoundArray;
      return {
        ok: false,
        error: inputError(
          'ambiguous-arrays',
          `Found the ${targets === null ? 'predictions' : 'targets'} and ${unassigned.length} other arrays without a known name, so it is unclear which holds the ${missing}.`,
          second.range,
          `Name it, e.g. ${missing === 'targets' ? 'targets = [...]' : 'predictions = [...]'}, or select only the arrays to explain.`,
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
            `Found only words (${quoteRange(source, words.range)}), no arrays of numbers.`,
            words.range,
            'Select the targets and the predictions too, e.g. targets = [1, 0, 1] and predictions = [0.8, 0.3, 0.9].',
          ),
        };
      }
      return {
        ok: false,
        error: inputError(
          'no-arrays',
          'No array of numbers was found in the selection.',
          wholeText(source),
          'Select the targets and the predictions, e.g. targets = [1, 0, 1] and predictions = [0.8, 0.3, 0.9].',
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
            `Found only one array (${describe(source, only)}); the loss needs the targets and the predictions.`,
            only.range,
            'Select both arrays, or name them: targets = [...] and predictions = [...].',
          ),
      };
    }
    if (unassigned.length > 2) {
      const third = unassigned[2] as FoundArray;
      return {
        ok: false,
        error: inputError(
          'ambiguous-arrays',
          `Found ${unassigned.length} arrays and no names that tell which holds the targets and which the predictions.`,
          third.range,
          'Name them (targets = [...], predictions = [...]) or select only two arrays.',
        ),
      };
    }
    targets = unassigned[0] as FoundArray;
    predictions = unassigned[1] as FoundArray;
    orderAssumed = true;
    notes.push('No names were given, so the first array was taken as the targets and the second as the predictions.');
  }

  const chosenTargets = targets as FoundArray;
  const chosenPredictions = predictions as FoundArray;
  const problem = problemOf([chosenTargets, chosenPredictions]);
  if (problem !== null) return { ok: false, error: problem };
  for (const [array, noun] of [
    [chosenTargets, 'targets'],
    [chosenPredictions, 'predictions'],
  ] as const) {
    if (array.content === 'words') {
      return {
        ok: false,
        error: inputError('syntax', `The ${noun} (${describe(source, array)}) hold words, not numbers.`, array.range, `Give the ${noun} as numbers, e.g. [1, 0, 1].`),
      };
    }
  }
  for (const [array, noun] of [
    [chosenTargets, 'targets'],
    [chosenPredictions, chosenPredictions.role === 'logits' ? 'logits' : 'predictions'],
  ] as const) {
    if (array.roleReason !== null) notes.push(`${describe(source, array)} was read as the ${noun}: it is ${array.roleReason}.`);
  }
  return { ok: true, value: { targets: chosenTargets, predictions: chosenPredictions, labels, orderAssumed, notes } };
}
