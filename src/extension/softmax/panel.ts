// The softmax cross entropy panel: the same kind of page as BCE's (its stylesheets, its script,
// the same strict CSP), showing the walkthrough document, with one button to the same numbers
// under BCE over the classes. One panel, reused for the next walkthrough.
import * as vscode from 'vscode';
import type { SoftmaxWalkthrough } from '../../core/softmax/walkthrough';
import { escapeHtml } from '../../render/escape';
import { CommandId, SOFTMAX_VIEW_TYPE } from '../commands';
import { runGuarded } from '../log';
import { contentSecurityPolicy, createNonce } from '../walkthrough/html';
import { bceSourceFor } from '../../core/softmax/fit';

/** What the softmax panel's page posts: its two buttons (media/panel.js). */
export const SOFTMAX_PANEL_MESSAGE_TYPES = ['explainAsBce', 'copyMarkdown'] as const;

export function softmaxPanelTitle(documentName: string): string {
  return vscode.l10n.t('Softmax CE: {0}', documentName);
}

export class SoftmaxPanel {
  static active: SoftmaxPanel | undefined;

  private walkthrough: SoftmaxWalkthrough | null = null;
  private documentName = '';

  private constructor(private readonly panel: vscode.WebviewPanel) {
    panel.onDidDispose(() => {
      if (SoftmaxPanel.active === this) SoftmaxPanel.active = undefined;
    });
    panel.webview.onDidReceiveMessage((message: unknown) =>
      runGuarded(vscode.l10n.t('Softmax cross entropy panel'), async () => {
        const m = message as { type?: unknown };
        if (this.walkthrough === null) return;
        if (m.type === 'explainAsBce') {
          await vscode.commands.executeCommand(CommandId.explainBinaryCrossEntropy, bceSourceFor(this.walkthrough.result), { documentName: this.documentName });
        } else if (m.type === 'copyMarkdown') {
          const { renderDocumentMarkdown } = await import('../../render/document');
          await vscode.env.clipboard.writeText(renderDocumentMarkdown(this.walkthrough.document));
        }
      }),
    );
  }

  static async show(extensionUri: vscode.Uri, w: SoftmaxWalkthrough, documentName: string): Promise<{ reused: boolean }> {
    let target = SoftmaxPanel.active;
    const reused = target !== undefined;
    if (!target) {
      const panel = vscode.window.createWebviewPanel(SOFTMAX_VIEW_TYPE, softmaxPanelTitle(documentName), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
      });
      target = new SoftmaxPanel(panel);
      SoftmaxPanel.active = target;
    }
    await target.render(extensionUri, w, documentName);
    return { reused };
  }

  private async render(extensionUri: vscode.Uri, w: SoftmaxWalkthrough, documentName: string): Promise<void> {
    this.walkthrough = w;
    this.documentName = documentName;
    this.panel.title = softmaxPanelTitle(documentName);
    const { getMathRenderer } = await import('../../render');
    const { renderDocumentHtmlFragment } = await import('../../render/document');
    const math = await getMathRenderer();
    const fragment = renderDocumentHtmlFragment(w.document, math);
    const webview = this.panel.webview;
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', name)).toString();
    const nonce = createNonce();
    const fit = w.comparison?.fit;
    const toBce =
      fit?.calls === 'bce'
        ? vscode.l10n.t('Explain as Binary Cross Entropy (these targets call for it)')
        : vscode.l10n.t('Explain as Binary Cross Entropy (one sigmoid per class)');
    const offers =
      `<p class="lw-offer">` +
      `<button type="button" data-message="explainAsBce">${escapeHtml(toBce)}</button> ` +
      `<button type="button" data-message="copyMarkdown">${escapeHtml(vscode.l10n.t('Copy Markdown'))}</button></p>`;
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
