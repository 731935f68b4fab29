// The softmax cross entropy feature: its command and its panel.
import * as vscode from 'vscode';
import { CommandId } from '../commands';
import { guarded } from '../log';
import { explainSoftmaxCrossEntropy } from './explainCommand';
import { SoftmaxPanel } from './panel';

export function registerSoftmax(context: vscode.ExtensionContext): void {
  const extensionUri = context.extensionUri;
  context.subscriptions.push(
    vscode.commands.registerCommand(
      CommandId.explainSoftmaxCrossEntropy,
      guarded(vscode.l10n.t('Explain Softmax Cross Entropy'), (text?: unknown, options?: unknown) => explainSoftmaxCrossEntropy(extensionUri, text, options)),
    ),
    { dispose: () => SoftmaxPanel.active?.dispose() },
  );
}
