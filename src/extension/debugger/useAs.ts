// "Use as Targets" and "Use as Predictions" in the Variables and Watch views' context menus.
// The first choice is remembered (with a message saying what to choose next); the walkthrough
// opens once both are chosen, in the focused frame, with the settings' preset and input kind.
import * as vscode from 'vscode';
import { readSettings } from '../settings';
import { chosenArraysCall, notPausedMessage, runLive, type LiveExplainResult } from './liveExplain';
import { focusedFrame, sessionLanguage } from './session';

interface Chosen {
  readonly sessionId: string;
  readonly expression: string;
}

const chosen: { targets?: Chosen; predictions?: Chosen } = {};

/**
 * The expression a menu argument names. The Variables view passes `{ variable: { evaluateName, name } }`;
 * the Watch view passes the watch expression in the same shape (or, in older versions, `{ name }`).
 */
export function expressionOfMenuArgument(arg: unknown): string | undefined {
  const record = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined);
  const a = record(arg);
  const variable = record(a?.variable) ?? record(a?.expression) ?? a;
  for (const key of ['evaluateName', 'expression', 'name']) {
    const value = variable?.[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return undefined;
}

/** The Use as command for `role`; the explicit `expression` argument (a string) serves tests and keybindings. */
export async function useAs(extensionUri: vscode.Uri, role: 'targets' | 'predictions', arg: unknown): Promise<LiveExplainResult | undefined> {
  const expression = typeof arg === 'string' ? arg.trim() : expressionOfMenuArgument(arg);
  if (!expression) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Choose a variable or a watch expression in the Run and Debug view.'));
    return undefined;
  }
  const frame = focusedFrame();
  if (!frame.ok) {
    void vscode.window.showErrorMessage(notPausedMessage(frame));
    return undefined;
  }
  chosen[role] = { sessionId: frame.session.id, expression };
  const other = role === 'targets' ? chosen.predictions : chosen.targets;
  if (!other || other.sessionId !== frame.session.id) {
    void vscode.window.showInformationMessage(
      role === 'targets'
        ? vscode.l10n.t('Targets: {0}. Now choose "Use as Predictions" on the predictions (or logits).', expression)
        : vscode.l10n.t('Predictions: {0}. Now choose "Use as Targets" on the targets.', expression),
    );
    return undefined;
  }
  const targets = chosen.targets!.expression;
  const predictions = chosen.predictions!.expression;
  chosen.targets = undefined;
  chosen.predictions = undefined;
  const language = sessionLanguage(frame.session);
  const job = {
    call: chosenArraysCall(targets, predictions, language),
    request: { kind: 'expressions', targets, predictions, language } as const,
    callPlace: frame.session.name,
    documentUri: null,
    overrides: {},
    inputKind: readSettings().inputKind,
  };
  // evaluateName is the adapter's own way to read a variable, but it can hold a call (a getter
  // written out): runLive checks it like any other expression and asks before evaluating a call.
  return runLive(extensionUri, job, frame, 'interactive');
}
