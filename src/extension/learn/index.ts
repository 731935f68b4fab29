// Get Started: the command behind the walkthrough's buttons. The walkthrough itself is
// declared in package.json (`contributes.walkthroughs`) with its texts in media/walkthrough/.
import * as vscode from 'vscode';
import { CommandId } from '../commands';
import { guarded } from '../log';
import { openExample } from './examples';

export function registerLearn(context: vscode.ExtensionContext): void {
  const extensionUri = context.extensionUri;
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.openExample, guarded(vscode.l10n.t('Open Example'), (name?: unknown, options?: unknown) => openExample(extensionUri, name, options))),
  );
}
