// Live values from a debug session: the adapter-capability tracker, the Variables and Watch
// menu commands, and "Update at the current stop" with its follow-stops setting. The explain
// command itself reaches the debugger through explainAtBreakpoint (see liveExplain.ts).
import * as vscode from 'vscode';
import { CommandId } from '../commands';
import { guarded } from '../log';
import { registerFollowStops, updateAtCurrentStop } from './followStops';
import { registerCapabilityTracker } from './session';
import { useAs } from './useAs';

export function registerDebugger(context: vscode.ExtensionContext): void {
  const extensionUri = context.extensionUri;
  context.subscriptions.push(
    registerCapabilityTracker(),
    vscode.commands.registerCommand(CommandId.useAsTargets, guarded(vscode.l10n.t('Use as Targets'), (arg?: unknown) => useAs(extensionUri, 'targets', arg))),
    vscode.commands.registerCommand(CommandId.useAsPredictions, guarded(vscode.l10n.t('Use as Predictions'), (arg?: unknown) => useAs(extensionUri, 'predictions', arg))),
    vscode.commands.registerCommand(CommandId.updateAtCurrentStop, guarded(vscode.l10n.t('Update at the current stop'), () => updateAtCurrentStop(extensionUri))),
    registerFollowStops(extensionUri),
  );
}
