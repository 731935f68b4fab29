// Text a person selected → the targets and predictions to explain. Nothing here throws: every
// problem comes back as an InputError with the range of text it is about.

import { inputError } from '../errors';
import type { InputKindOption, ParseOptions, ParsedInput, Result } from '../types';
import { findArrays } from './find';
import { resolveArrays } from './resolve';
import { validateInput } from './validate';

export { findArrays, DEFAULT_MAX_NUMBERS, type FoundArray, type ArrayRole } from './find';
export { inputError } from '../errors';
export { lineColumn } from './text';

const INPUT_KINDS: readonly InputKindOption[] = ['auto', 'probabilities', 'logits'];

export function parseInput(text: string, options?: ParseOptions): Result<ParsedInput> {
  const kind = options?.inputKind ?? 'auto';
  if (!INPUT_KINDS.includes(kind)) {
    return { ok: false, error: inputError('bad-option', `The input kind must be auto, probabilities or logits, not ${String(kind).slice(0, 40)}.`) };
  }
  const source = String(text);
  const found = findArrays(source, options);
  if (!found.ok) return found;
  const resolved = resolveArrays(source, found.value);
  if (!resolved.ok) return resolved;
  return validateInput(source, resolved.value, kind);
}
