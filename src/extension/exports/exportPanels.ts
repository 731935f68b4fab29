// The open panels the export commands can act on, one per loss (BCE's walkthrough panel, the
// softmax panel), in the order they were last active or shown a new walkthrough. A command from
// the title bar acts on the panel whose title bar it is (the active one); from the palette, on the
// panel last active or last run.
// The `panelOpen` context key, which enables the commands, is true while any of them is open.
import * as vscode from 'vscode';
import { PANEL_OPEN_CONTEXT_KEY } from '../commands';
import type { PanelAction } from '../walkthrough/messages';

export interface ExportPanel {
  /** `target` (save actions only) is the file to write, instead of asking. */
  runAction(action: PanelAction, target?: vscode.Uri): Promise<void>;
}

interface Tracked {
  readonly exportPanel: ExportPanel;
  readonly webviewPanel: vscode.WebviewPanel;
}

/** Most recently active first. */
const open: Tracked[] = [];

function setOpenContext(): void {
  void vscode.commands.executeCommand('setContext', PANEL_OPEN_CONTEXT_KEY, open.length > 0);
}

function moveToFront(entry: Tracked): void {
  const at = open.indexOf(entry);
  if (at > 0) open.splice(at, 1);
  if (at !== 0) open.unshift(entry);
}

export interface ExportPanelTracking extends vscode.Disposable {
  /** The panel shows a new walkthrough: it is the one the palette's exports act on now. */
  shown(): void;
}

/** Makes `exportPanel` a target of the export commands until the returned tracking is disposed. */
export function trackExportPanel(exportPanel: ExportPanel, webviewPanel: vscode.WebviewPanel): ExportPanelTracking {
  const entry: Tracked = { exportPanel, webviewPanel };
  open.unshift(entry);
  setOpenContext();
  const viewState = webviewPanel.onDidChangeViewState((event) => {
    if (event.webviewPanel.active && open.includes(entry)) moveToFront(entry);
  });
  return {
    shown() {
      if (open.includes(entry)) moveToFront(entry);
    },
    dispose() {
      viewState.dispose();
      const at = open.indexOf(entry);
      if (at < 0) return;
      open.splice(at, 1);
      setOpenContext();
    },
  };
}

/** The panel an export command acts on: the active one, else the one last active; undefined when none is open. */
export function exportPanel(): ExportPanel | undefined {
  return (open.find((entry) => isActive(entry.webviewPanel)) ?? open[0])?.exportPanel;
}

function isActive(panel: vscode.WebviewPanel): boolean {
  try {
    return panel.active;
  } catch {
    // A panel disposed a moment ago throws on every property.
    return false;
  }
}
