// The walkthrough feature: its command, its panel's palette commands, the serializer that
// restores the panel, and the settings and selection listeners that keep the panel current.
import * as vscode from 'vscode';
import { CommandId, PANEL_PAINTED_COMMAND } from '../commands';
import { exportPanel } from '../exports/exportPanels';
import { guarded, runGuarded } from '../log';
import { changesOnlyFollowSelection, onDidChangeSettings } from '../settings';
import type { PanelAction } from './messages';
import { explainBinaryCrossEntropy } from './explainCommand';
import { registerFollowSelection } from './followSelection';
import { WalkthroughPanel } from './panel';
import { registerWalkthroughSerializer } from './serializer';

const PANEL_ACTION_COMMANDS: readonly (readonly [string, PanelAction])[] = [
  [CommandId.copyLatex, 'copyLatex'],
  [CommandId.copyMarkdown, 'copyMarkdown'],
  [CommandId.saveMarkdown, 'saveMarkdown'],
  [CommandId.saveHtml, 'saveHtml'],
  [CommandId.openMarkdownPreview, 'openMarkdownPreview'],
];

export function registerWalkthrough(context: vscode.ExtensionContext): void {
  const extensionUri = context.extensionUri;
  context.subscriptions.push(
    vscode.commands.registerCommand(
      CommandId.explainBinaryCrossEntropy,
      guarded(vscode.l10n.t('Explain Binary Cross Entropy'), (text?: unknown, options?: unknown) => explainBinaryCrossEntropy(extensionUri, text, options)),
    ),
    ...PANEL_ACTION_COMMANDS.map(([id, action]) =>
      // A URI argument names the file for the save commands; menus pass other objects, ignored,
      // and the title bar passes the panel's own URI (scheme webview-panel), which is no file.
      vscode.commands.registerCommand(id, guarded(action, async (target?: unknown) => {
        // BCE's panel or the softmax panel, whichever the title bar belongs to (or was last active).
        const panel = exportPanel();
        if (!panel) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Run "Explain Binary Cross Entropy" or "Explain Softmax Cross Entropy" first: there is no walkthrough open.'));
          return;
        }
        const file = target instanceof vscode.Uri && vscode.workspace.fs.isWritableFileSystem(target.scheme) === true ? target : undefined;
        await panel.runAction(action, file);
      })),
    ),
    vscode.commands.registerCommand(PANEL_PAINTED_COMMAND, () => WalkthroughPanel.active?.whenPainted()),
    registerWalkthroughSerializer(extensionUri),
    registerFollowSelection(extensionUri),
    onDidChangeSettings((event) => {
      if (!changesOnlyFollowSelection(event)) runGuarded(vscode.l10n.t('Refreshing the walkthrough'), () => WalkthroughPanel.active?.refresh());
    }),
    { dispose: () => WalkthroughPanel.active?.dispose() },
  );
}
