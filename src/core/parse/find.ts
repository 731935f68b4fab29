// Every array in a selection with the role its name or its place in a call gives it. This is
// what a hover or a code lens needs: it works on one array alone, where parseInput would
// answer 'one-array'.

import * as l10n from '@vscode/l10n';
import type { InputError, ParseOptions, ParsedArray, Result } from '../types';
import { inputError } from '../errors';
import { isLabelNamesName, lossArgumentRoles, roleOfNumericName, type ArrayRole, type RoleStrength } from './names';
import { withValueRanges, type ValuePositions } from './ranges';
import { scanArrays, type RawArray } from './scanner';
import { quoteText } from './text';

export type { ArrayRole } from './names';

export interface FoundArray extends ParsedArray, ValuePositions {
  /**
   * 'words' for label lists such as `[car, cat, dog]` or `["car", "cat", "dog"]`: then `values`
   * is empty and `shape` is `[words.length]`.
   */
  readonly content: 'numbers' | 'words';
  readonly words: readonly string[] | null;
  /** Why this array cannot be used (ragged, nested too deep, an expression inside); reported only if it is needed. */
  readonly problem: InputError | null;
  readonly role: ArrayRole | null;
  /** 3: a descriptive name; 2: its place in a known loss call; 1: a one-letter name (`y`, `p`); 0: no role. */
  readonly roleStrength: 0 | RoleStrength;
  /** Why it has its role when the name does not say it, e.g. "the first argument of binary_cross_entropy". */
  readonly roleReason: string | null;
}

export const DEFAULT_MAX_NUMBERS = 1_000_000;

/** "the first argument of f": whole phrases per position, since ordinals do not translate word by word. */
function argumentReason(index: number, callee: string): string {
  const quoted = quoteText(callee);
  switch (index) {
    case 0:
      return l10n.t`the first argument of ${quoted}`;
    case 1:
      return l10n.t`the second argument of ${quoted}`;
    case 2:
      return l10n.t`the third argument of ${quoted}`;
    case 3:
      return l10n.t`the fourth argument of ${quoted}`;
    default:
      return l10n.t`the ${index + 1}th argument of ${quoted}`;
  }
}

function withRole(raw: RawArray): FoundArray {
  const { role, roleStrength, roleReason } = roleOf(raw);
  return withValueRanges(
    {
      values: raw.values,
      shape: raw.shape,
      range: raw.range,
      valueStarts: raw.valueStarts,
      valueEnds: raw.valueEnds,
      name: raw.name,
      content: raw.content,
      words: raw.words,
      problem: raw.problem,
      role,
      roleStrength,
      roleReason,
    },
    raw,
  );
}

function roleOf(raw: RawArray): Pick<FoundArray, 'role' | 'roleStrength' | 'roleReason'> {
  const name = raw.name;
  if (raw.content === 'words' && name !== null && isLabelNamesName(name)) {
    return { role: 'labels', roleStrength: 3, roleReason: null };
  }
  const named = name !== null ? roleOfNumericName(name, raw.nameIsKeyword) : null;
  if (named !== null) {
    const role = named.role === 'predictions' && raw.fromLogits ? 'logits' : named.role;
    if (role === named.role) return { role, roleStrength: named.strength, roleReason: null };
    const roleReason = raw.callee !== null ? l10n.t`from_logits=True in ${quoteText(raw.callee)}` : l10n.t('from_logits=True in the call');
    return { role, roleStrength: named.strength, roleReason };
  }
  if (raw.callee !== null && raw.argumentIndex >= 0) {
    const positional = lossArgumentRoles(raw.callee)?.[raw.argumentIndex];
    if (positional !== undefined) {
      const role = positional === 'predictions' && raw.fromLogits ? 'logits' : positional;
      return { role, roleStrength: 2, roleReason: argumentReason(raw.argumentIndex, raw.callee) };
    }
  }
  return { role: null, roleStrength: 0, roleReason: null };
}

export function checkMaxNumbers(options: ParseOptions | undefined): Result<number> {
  const max = options?.maxNumbers ?? DEFAULT_MAX_NUMBERS;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) {
    return { ok: false, error: inputError('bad-option', l10n.t`maxNumbers must be a positive whole number, not ${String(max).slice(0, 40)}.`) };
  }
  return { ok: true, value: max };
}

/**
 * All arrays in `text`, in order, with names and roles. Fails only when the text as a whole
 * cannot be read: unbalanced brackets, an unclosed string or comment, more than `maxNumbers`
 * numbers. Problems of single arrays are in their `problem`. `text` may be given as its lines.
 */
export function findArrays(text: string | readonly string[], options?: ParseOptions): Result<readonly FoundArray[]> {
  const max = checkMaxNumbers(options);
  if (!max.ok) return max;
  // Lines are the text joined by '\n' (see scanArrays), read without that copy.
  const scanned = scanArrays(Array.isArray(text) ? (text as readonly string[]) : String(text), max.value);
  if (!scanned.ok) return scanned;
  return { ok: true, value: scanned.value.map(withRole) };
}
