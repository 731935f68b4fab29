// The softmax cross entropy feature: its command, its panel, and the settings listener that keeps
// the panel current. Its exports are the title bar's, registered with BCE's (they act on either panel).
import * as vscode from 'vscode';
import { CommandId, SOFTMAX_VIEW_TYPE } from '../commands';
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
    // Brings the panel back after a window reload, from the state its page saved (panel.js saves `{ panelState, scrollY }`).
    vscode.window.registerWebviewPanelSerializer(SOFTMAX_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        const panelState = typeof state === 'object' && state !== null ? (state as { panelState?: unknown }).panelState : undefined;
        await guarded(vscode.l10n.t('Restoring the walkthrough'), () => SoftmaxPanel.revive(panel, extensionUri, panelState))();
      },
    }),
    { dispose: () => SoftmaxPanel.active?.dispose() },
  );
}
