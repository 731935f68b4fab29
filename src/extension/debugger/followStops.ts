// "Update at the current stop" (a button on a panel whose values came from a paused program),
// and, with `lossWalkthrough.debug.followStops` on, the same on every stop. Stepping must not
// slow down: an update waits until the focus has rested on a frame for a moment, and a newer
// stop makes any update still fetching stop asking the adapter and drop its result.
import * as vscode from 'vscode';
import { runGuarded } from '../log';
import { WalkthroughPanel } from '../walkthrough/panel';
import { rerunLive, type LiveExplainResult } from './liveExplain';

export const FOLLOW_STOPS_DELAY_MS = 400;
export const FOLLOW_STOPS_SETTING = 'debug.followStops';

let generation = 0;

/** The command: reads the open panel's values again in the focused frame. */
export async function updateAtCurrentStop(extensionUri: vscode.Uri): Promise<LiveExplainResult | undefined> {
  const request = WalkthroughPanel.active?.liveRequest;
  if (!request) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The open walkthrough did not come from a paused program: run "Explain Binary Cross Entropy" at a breakpoint first.'));
    return undefined;
  }
  const mine = ++generation;
  return rerunLive(extensionUri, request, 'interactive', () => mine === generation);
}

export function registerFollowStops(extensionUri: vscode.Uri): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const subscription = vscode.debug.onDidChangeActiveStackItem((item) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    // Any change makes a fetch in flight stale, whether or not a new one follows.
    const mine = ++generation;
    if (!(item instanceof vscode.DebugStackFrame)) return;
    const request = WalkthroughPanel.active?.liveRequest;
    if (!request || vscode.workspace.getConfiguration('lossWalkthrough').get(FOLLOW_STOPS_SETTING) !== true) return;
    timer = setTimeout(() => {
      timer = undefined;
      runGuarded(vscode.l10n.t('Following the program'), () => rerunLive(extensionUri, request, 'follow', () => mine === generation));
    }, FOLLOW_STOPS_DELAY_MS);
  });
  return { dispose: () => (timer !== undefined && clearTimeout(timer), subscription.dispose()) };
}
