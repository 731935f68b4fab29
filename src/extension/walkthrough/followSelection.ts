// With `lossWalkthrough.followSelection` on, an open panel explains whatever is selected, a
// moment after the selection stops changing. A half-made selection is normal while dragging,
// so input errors are not reported here: the panel simply keeps what it shows.
import * as vscode from 'vscode';
import { runGuarded } from '../log';
import { readSettings } from '../settings';
import { effectiveOptions, walkthroughFromParsed, parseSource } from './explain';
import type { PanelState } from './messages';
import { displayName } from './origin';
import { panelExtent, WalkthroughPanel } from './panel';

export const FOLLOW_SELECTION_DELAY_MS = 300;

export function registerFollowSelection(extensionUri: vscode.Uri): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const follow = (event: vscode.TextEditorSelectionChangeEvent) => {
    cancel();
    const document = event.textEditor.document;
    const selection = event.selections[0];
    if (!selection || selection.isEmpty || !WalkthroughPanel.active) return;
    if (!readSettings(document).followSelection) return;
    timer = setTimeout(() => runGuarded(vscode.l10n.t('Following the selection'), async () => {
      timer = undefined;
      const panel = WalkthroughPanel.active;
      if (!panel) return;
      const settings = readSettings(document);
      const options = effectiveOptions(settings, {});
      const source = document.getText(selection);
      // Re-selecting what is already shown (or moving the cursor back) need not redraw the panel.
      if (panel.shows(source, document.uri.toString())) return;
      const parsed = parseSource(source, options);
      if (!parsed.ok) return;
      const state: PanelState = {
        version: 1,
        source,
        documentName: displayName(document.uri),
        documentUri: document.uri.toString(),
        overrides: {},
        renderedLabels: settings.maxRenderedLabels,
      };
      const built = walkthroughFromParsed(parsed.value, options, panelExtent(state));
      if (built.ok) await WalkthroughPanel.show(extensionUri, state, built.value);
    }), FOLLOW_SELECTION_DELAY_MS);
  };
  const subscription = vscode.window.onDidChangeTextEditorSelection(follow);
  return { dispose: () => (cancel(), subscription.dispose()) };
}
