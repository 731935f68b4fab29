// For the hover: which loss the targets under the pointer call for, and softmax cross entropy's
// value when it is that one. One parse and one loss pass, PyTorch's rule, bounded like the hover.
import { computeSoftmaxLoss } from './compute';
import { whichLossFits, type TargetPattern } from './fit';
import { parseSoftmaxInput } from './parse';
import type { InputKindOption } from '../types';

export interface LossCall {
  readonly calls: 'softmax-ce' | 'bce';
  readonly pattern: TargetPattern;
  /** The sentence that says which loss and why. */
  readonly reason: string;
  /** PyTorch's CrossEntropyLoss (mean, float32) on the same numbers. */
  readonly softmaxLoss: number;
  /** The text it was read from, for a link that explains it; null when longer than MAX_LINKED_SOURCE. */
  readonly source: string | null;
}

/** Text up to this long travels in a hover's link itself; a longer one is left to the command, which reads the editor. */
export const MAX_LINKED_SOURCE = 4000;

/** Null when the text is not a softmax pair (class indices or N×C rows against N×C predictions). */
export function lossCallFor(source: string, inputKind: InputKindOption, maxNumbers?: number): LossCall | null {
  const parsed = parseSoftmaxInput(source, { inputKind, ignoreIndex: -100, ...(maxNumbers !== undefined ? { maxNumbers } : {}) });
  if (!parsed.ok) return null;
  const p = parsed.value;
  const r = computeSoftmaxLoss(p.targets.values, p.predictions.values, p.predictions.shape, p.targetKind, { preset: 'pytorch', reduction: 'mean', input: p.inputKind, dtype: 'float32' });
  if (!r.ok) return null;
  const fit = whichLossFits(p.targets.values, p.targetKind, p.classes);
  return { calls: fit.calls, pattern: fit.pattern, reason: fit.sentence, softmaxLoss: r.value.loss, source: source.length <= MAX_LINKED_SOURCE ? source : null };
}
