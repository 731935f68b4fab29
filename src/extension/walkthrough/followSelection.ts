// With `lossWalkthrough.followSelection` on, an open panel explains whatever is selected, a
// moment after the selection stops changing. A half-made selection is normal while dragging,
// so input errors are not reported here: the panel simply keeps what it shows. A person may be
// typing meanwhile: the work is bounded (selections up to MAX_FOLLOWED_CHARS; larger ones are the
// command's), cut into tasks, and dropped as soon as the selection changes again.
import * as vscode from 'vscode';
import { runGuarded } from '../log';
import { yieldToHost } from '../schedule';
import { readSettings } from '../settings';
import { effectiveOptions, walkthroughFromParsed, parseSource } from './explain';
import type { PanelState } from './messages';
import { displayName } from './origin';
import { panelExtent, WalkthroughPanel } from './panel';

export const FOLLOW_SELECTION_DELAY_MS = 300;
/**
 * Longer selections are not followed (Select All in a long file, say): parsing and laying out
 * a quarter of a megabyte would hold the extension host for longer than a keystroke may wait.
 * The command explains them.
 */
export const MAX_FOLLOWED_CHARS = 100_000;

export function registerFollowSelection(extensionUri: vscode.Uri): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts selection changes: work started for one is dropped once a later one comes. */
  let latest = 0;
  const cancel = () => {
    latest++;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const follow = (event: vscode.TextEditorSelectionChangeEvent) => {
    cancel();
    const document = event.textEditor.document;
    const selection = event.selections[0];
    if (!selection || selection.isEmpty || !WalkthroughPanel.active) return;
    if (document.offsetAt(selection.end) - document.offsetAt(selection.start) > MAX_FOLLOWED_CHARS) return;
    if (!readSettings(document).followSelection) return;
    const mine = latest;
    const superseded = () => mine !== latest || !WalkthroughPanel.active;
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
      // Parsing and computing each take a while on a long selection: keystrokes go in between.
      await yieldToHost();
      if (superseded()) return;
      const state: PanelState = {
        version: 1,
        source,
        documentName: displayName(document.uri),
        documentUri: document.uri.toString(),
        overrides: {},
        renderedLabels: settings.maxRenderedLabels,
      };
      const built = walkthroughFromParsed(parsed.value, options, panelExtent(state));
      await yieldToHost();
      if (built.ok && !superseded()) await WalkthroughPanel.show(extensionUri, state, built.value);
    }), FOLLOW_SELECTION_DELAY_MS);
  };
  const subscription = vscode.window.onDidChangeTextEditorSelection(follow);
  return { dispose: () => (cancel(), subscription.dispose()) };
}
