// Brings the panel back after a window reload, from the state its webview saved.
import * as vscode from 'vscode';
import { WALKTHROUGH_VIEW_TYPE } from '../commands';
import { guarded } from '../log';
import { WalkthroughPanel } from './panel';

export function registerWalkthroughSerializer(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(WALKTHROUGH_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      // panel.js saves `{ panelState, scrollY }`; the panel itself only needs `panelState`.
      const panelState = typeof state === 'object' && state !== null ? (state as { panelState?: unknown }).panelState : undefined;
      await guarded(vscode.l10n.t('Restoring the walkthrough'), () => WalkthroughPanel.revive(panel, extensionUri, panelState))();
    },
  });
}
