// The softmax cross entropy panel: the same kind of page as BCE's (its stylesheets, its script,
// the same strict CSP), showing the walkthrough document, with one button to the same numbers
// under BCE over the classes. Its exports are the title bar's, shared with BCE's panel (see
// src/extension/exports). One panel, reused for the next walkthrough; it keeps the parsed input,
// so a changed setting shows up in it without running the command again.
import * as vscode from 'vscode';
import type { SoftmaxInput } from '../../core/softmax/types';
import type { SoftmaxWalkthrough } from '../../core/softmax/walkthrough';
import type { Result } from '../../core/types';
import { escapeHtml } from '../../render/escape';
import { CommandId, SOFTMAX_VIEW_TYPE } from '../commands';
import { softmaxExportDocument } from '../exports/exportDocument';
import { trackExportPanel, type ExportPanelTracking } from '../exports/exportPanels';
import { runExport } from '../exports/walkthroughExports';
import { runGuarded } from '../log';
import { readSettings } from '../settings';
import { contentSecurityPolicy, createNonce, renderPanelErrorPage } from '../walkthrough/html';
import type { PanelAction } from '../walkthrough/messages';
import { bceSourceFor } from '../../core/softmax/fit';
import { buildSoftmax } from './build';

/** What the softmax panel's page posts: its one button (media/panel.js). */
export const SOFTMAX_PANEL_MESSAGE_TYPES = ['explainAsBce'] as const;

export function softmaxPanelTitle(documentName: string): string {
  return vscode.l10n.t('Softmax CE: {0}', documentName);
}

/** What the panel shows: the parsed input (kept to recompute it), its walkthrough, and where it came from. */
export interface SoftmaxShown {
  readonly input: SoftmaxInput;
  readonly walkthrough: SoftmaxWalkthrough;
  readonly documentName: string;
  /** Its settings apply, and saved files go beside it; null for text passed to the command. */
  readonly documentUri: vscode.Uri | null;
}

export class SoftmaxPanel {
  static active: SoftmaxPanel | undefined;

  private shown: SoftmaxShown | null = null;
  /** Renders can overlap (a settings change while a run renders): only the newest may write the page. */
  private generation = 0;
  private disposed = false;
  /** Why the settings of the moment give no walkthrough of the input, while they do not. */
  private errorMessage: string | null = null;
  private readonly tracking: ExportPanelTracking;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.tracking = trackExportPanel(this, panel);
    panel.onDidDispose(() => {
      this.disposed = true;
      this.tracking.dispose();
      if (SoftmaxPanel.active === this) SoftmaxPanel.active = undefined;
    });
    panel.webview.onDidReceiveMessage((message: unknown) =>
      runGuarded(vscode.l10n.t('Softmax cross entropy panel'), async () => {
        const m = message as { type?: unknown };
        const shown = this.shown;
        if (shown === null) return;
        if (m.type === 'explainAsBce') {
          await vscode.commands.executeCommand(CommandId.explainBinaryCrossEntropy, bceSourceFor(shown.walkthrough.result), { documentName: shown.documentName });
        }
      }),
    );
  }

  static async show(extensionUri: vscode.Uri, shown: SoftmaxShown): Promise<{ reused: boolean }> {
    let target = SoftmaxPanel.active;
    const reused = target !== undefined;
    if (!target) {
      const panel = vscode.window.createWebviewPanel(SOFTMAX_VIEW_TYPE, softmaxPanelTitle(shown.documentName), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
      });
      target = new SoftmaxPanel(panel, extensionUri);
      SoftmaxPanel.active = target;
    }
    target.shown = shown;
    target.errorMessage = null;
    target.tracking.shown();
    await target.render();
    if (reused && !target.disposed) target.panel.reveal(undefined, true);
    return { reused };
  }

  /**
   * Recomputes the same input with the settings of the moment (a setting changed). A setting the
   * input cannot take (say, a preset that refuses these targets) shows why, in the panel.
   */
  async refresh(): Promise<Result<SoftmaxWalkthrough> | undefined> {
    const shown = this.shown;
    if (shown === null) return undefined;
    const built = buildSoftmax(shown.input, readSettings(shown.documentUri ?? undefined));
    if (this.shown !== shown || this.disposed) return built;
    if (!built.ok) {
      this.generation++;
      this.errorMessage = built.error.suggestion ? `${built.error.message} ${built.error.suggestion}` : built.error.message;
      const webview = this.panel.webview;
      const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
      const title = softmaxPanelTitle(shown.documentName);
      webview.html = renderPanelErrorPage({ cspSource: webview.cspSource, walkthroughCss: media('walkthrough.css'), panelCss: media('panel.css'), panelJs: media('panel.js') }, title, this.errorMessage, null);
      return built;
    }
    this.errorMessage = null;
    this.shown = { ...shown, walkthrough: built.value };
    await this.render();
    return built;
  }

  /** The title bar's exports (see src/extension/exports/exportPanels.ts); `target` (save actions only) skips the dialog. */
  async runAction(action: PanelAction, target?: vscode.Uri): Promise<void> {
    const shown = this.shown;
    if (shown === null || this.errorMessage !== null) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The panel shows no walkthrough to export.'));
      return;
    }
    await runExport(action, { document: softmaxExportDocument(shown.walkthrough), origin: { documentName: shown.documentName, documentUri: shown.documentUri }, extensionUri: this.extensionUri }, target);
  }

  private async render(): Promise<void> {
    const shown = this.shown;
    if (shown === null) return;
    const generation = ++this.generation;
    const w = shown.walkthrough;
    const documentName = shown.documentName;
    this.panel.title = softmaxPanelTitle(documentName);
    const { getMathRenderer } = await import('../../render');
    const { renderDocumentHtmlFragment } = await import('../../render/document');
    const math = await getMathRenderer();
    if (generation !== this.generation || this.disposed) return;
    const fragment = renderDocumentHtmlFragment(w.document, math);
    const webview = this.panel.webview;
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
    const nonce = createNonce();
    const fit = w.comparison?.fit;
    const toBce =
      fit?.calls === 'bce'
        ? vscode.l10n.t('Explain as Binary Cross Entropy (these targets call for it)')
        : vscode.l10n.t('Explain as Binary Cross Entropy (one sigmoid per class)');
    const offers = `<p class="lw-offer"><button type="button" data-message="explainAsBce">${escapeHtml(toBce)}</button></p>`;
    webview.html = `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language || 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(media('walkthrough.css'))}">
<link rel="stylesheet" href="${escapeHtml(media('panel.css'))}">
<style nonce="${nonce}">${math.styleSheet().replace(/<\//g, '<\\/')}</style>
<title>${escapeHtml(softmaxPanelTitle(documentName))}</title>
</head>
<body>
<main class="lw-content">
${offers}
${fragment}
</main>
<script nonce="${nonce}" src="${escapeHtml(media('panel.js'))}"></script>
</body>
</html>`;
  }

  /** For tests: the page as set. */
  get html(): string {
    return this.panel.webview.html;
  }

  dispose(): void {
    this.panel.dispose();
  }
}
