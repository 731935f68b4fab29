// The softmax cross entropy feature: its command, its panel, and the settings listener that keeps
// the panel current. Its exports are the title bar's, registered with BCE's (they act on either panel).
import * as vscode from 'vscode';
import { CommandId } from '../commands';
import { guarded, runGuarded } from '../log';
import { onDidChangeSettings } from '../settings';
import { explainSoftmaxCrossEntropy } from './explainCommand';
import { SoftmaxPanel } from './panel';

export function registerSoftmax(context: vscode.ExtensionContext): void {
  const extensionUri = context.extensionUri;
  context.subscriptions.push(
    vscode.commands.registerCommand(
      CommandId.explainSoftmaxCrossEntropy,
      guarded(vscode.l10n.t('Explain Softmax Cross Entropy'), (text?: unknown, options?: unknown) => explainSoftmaxCrossEntropy(extensionUri, text, options)),
    ),
    onDidChangeSettings(() => runGuarded(vscode.l10n.t('Refreshing the walkthrough'), () => SoftmaxPanel.active?.refresh())),
    { dispose: () => SoftmaxPanel.active?.dispose() },
  );
}
