// Text a person selected → the targets and predictions to explain. Nothing here throws: every
// problem comes back as an InputError with the range of text it is about.
//
// Decisions a reader of the results should know:
// - Roles come from names first (see names.ts), then from the argument order of known loss
//   functions (PyTorch: prediction first; Keras, scikit-learn, TF: targets first), then, with
//   exactly two unnamed arrays, from the values (one all 0/1, or class indices, beside one that
//   is not: that one is the target, whatever the order), and last from order (targets first,
//   `orderAssumed`). A note says which rule decided (see roles.ts).
// - Soft targets beside all-0/1 predictions whose swap gives a lower loss get a `roleWarning`;
//   `swapRoles` exchanges the two once decided.
// - A flat list against a single row ([n] vs [1, n]) is accepted as one sample, with a note.
// - Label names whose count differs from the last axis are dropped with a note, not an error.
// - With 'auto', any prediction outside [0, 1] makes all predictions logits, with a note naming
//   the first such value; a logits name (`logits`, `scores`, `z`) overrides 'auto' and
//   'probabilities' alike.
// - Element indexes in messages are 0-based, as in Python and JavaScript: "Prediction 1",
//   "Target [0, 2]".
// - Backticks are not string quotes, so arrays in Markdown inline code are still read.

import * as l10n from '@vscode/l10n';
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
    return { ok: false, error: inputError('bad-option', l10n.t`The input kind must be auto, probabilities or logits, not ${String(kind).slice(0, 40)}.`) };
  }
  const source = String(text);
  const found = findArrays(source, options);
  if (!found.ok) return found;
  const resolved = resolveArrays(source, found.value, { swapRoles: options?.swapRoles === true });
  if (!resolved.ok) return resolved;
  return validateInput(source, resolved.value, kind);
}
