// Context keys the Get Started walkthrough watches (`onContext:` completion events), so a step
// ticks when the user has actually done it, from the walkthrough's button or any other way.
// `onCommand:` alone would miss the panel's own buttons and commands run from the extension.
// VS Code ignores a key that was already true when it registered the walkthrough (it counts the
// event as seen without ticking the step), so steps 1 and 5 also tick on `onCommand:` events.
import * as vscode from 'vscode';
import type { Walkthrough } from '../../core/types';

export const ProgressKey = {
  explained: 'lossWalkthrough.learn.explained',
  explainedLogits: 'lossWalkthrough.learn.explainedLogits',
  explainedBatch: 'lossWalkthrough.learn.explainedBatch',
  /** Another preset than the default, or a log base other than e. */
  explainedOtherRules: 'lossWalkthrough.learn.explainedOtherRules',
  exported: 'lossWalkthrough.learn.exported',
} as const;
export type ProgressKey = (typeof ProgressKey)[keyof typeof ProgressKey];

/** Which steps a walkthrough on screen completes. */
export function progressOf(walkthrough: Walkthrough): ProgressKey[] {
  const keys: ProgressKey[] = [ProgressKey.explained];
  if (walkthrough.parsed.inputKind === 'logits') keys.push(ProgressKey.explainedLogits);
  if (walkthrough.result.shape.length > 1) keys.push(ProgressKey.explainedBatch);
  const { preset, logBase } = walkthrough.result.options;
  if (preset !== 'pytorch' || logBase !== 'e') keys.push(ProgressKey.explainedOtherRules);
  return keys;
}

export function recordProgress(keys: readonly ProgressKey[]): void {
  // Not awaited: progress is a side note and must never delay or fail the user's command.
  for (const key of keys) void vscode.commands.executeCommand('setContext', key, true);
}
