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
import { renderPanelErrorPage, renderPanelLoadingPage } from '../walkthrough/html';
import { MAX_PERSISTED_SOURCE_CHARS, TYPESET_SLICE_MS, webviewOptions } from '../walkthrough/panel';
import { createPauser, yieldToHost } from '../schedule';
import { softmaxCrossEntropyLoss } from '../../core/losses';
import { parseSoftmaxPanelState, type SoftmaxPanelState } from './panelState';
import type { PanelAction } from '../walkthrough/messages';
import { bceSourceFor } from '../../core/softmax/fit';
import { buildSoftmax } from './build';

/** What the softmax panel's page posts: its one button (media/panel.js). */
export const SOFTMAX_PANEL_MESSAGE_TYPES = ['explainAsBce'] as const;

export function softmaxPanelTitle(documentName: string): string {
  return vscode.l10n.t('Softmax CE: {0}', documentName);
}

/** What the panel shows: the text and its parsed input (kept to recompute it), its walkthrough, and where it came from. */
export interface SoftmaxShown {
  /** The text explained: kept in the page for a window reload. */
  readonly source: string;
  readonly input: SoftmaxInput;
  readonly walkthrough: SoftmaxWalkthrough;
  readonly documentName: string;
  /** Its settings apply, and saved files go beside it; null for text passed to the command. */
  readonly documentUri: vscode.Uri | null;
}

/** What the panel's page shows: the renderer's HTML for its `<main>` (every text escaped), and what it keeps for a reload. */
export interface SoftmaxPage {
  readonly run: number;
  readonly title: string;
  readonly styleSheet: string;
  readonly main: string;
  readonly state: SoftmaxPanelState | null;
}

const utf8 = new TextEncoder();

export class SoftmaxPanel {
  static active: SoftmaxPanel | undefined;

  private shown: SoftmaxShown | null = null;
  /** Renders can overlap (a settings change while a run renders): only the newest may write the page. */
  private generation = 0;
  private disposed = false;
  /** Why the settings of the moment give no walkthrough of the input, while they do not. */
  private errorMessage: string | null = null;
  private readonly tracking: ExportPanelTracking;
  /** The newest render's page. */
  private page: SoftmaxPage | undefined;
  /** Each write of the webview's HTML is a page load; its script says which when it runs ('loaded'). */
  private pageLoad = 0;
  /** The webview's HTML is the panel's page (not an error page), and it has loaded and is shown. */
  private shellWritten = false;
  private pageLive = false;

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
    // A hidden webview drops its page, and loads its HTML again when shown.
    panel.onDidChangeViewState(() => {
      if (!panel.visible) this.pageLive = false;
    });
    panel.webview.onDidReceiveMessage((message: unknown) =>
      runGuarded(vscode.l10n.t('Softmax cross entropy panel'), async () => {
        const m = message as { type?: unknown; pageLoad?: unknown };
        if (m.type === 'loaded') {
          this.onLoaded(m.pageLoad);
          return;
        }
        const shown = this.shown;
        if (shown === null) return;
        if (m.type === 'explainAsBce') {
          await vscode.commands.executeCommand(CommandId.explainBinaryCrossEntropy, bceSourceFor(shown.walkthrough.result), { documentName: shown.documentName });
        }
      }),
    );
  }

  /**
   * After a window reload: VS Code hands back the panel and the state its page saved, and the
   * walkthrough is built again from the text, with the settings of the moment.
   */
  static async revive(webviewPanel: vscode.WebviewPanel, extensionUri: vscode.Uri, rawState: unknown): Promise<void> {
    webviewPanel.webview.options = webviewOptions(extensionUri);
    const state = parseSoftmaxPanelState(rawState);
    const parsed = state ? softmaxCrossEntropyLoss.parse(state.source) : undefined;
    const documentUri = state?.documentUri ? vscode.Uri.parse(state.documentUri) : null;
    const built = parsed?.ok ? buildSoftmax(parsed.value, readSettings(documentUri ?? undefined)) : undefined;
    if (!state || !parsed?.ok || !built?.ok) {
      // Nothing to rebuild from (an old version's state, a text too large to keep), or the text no longer gives a walkthrough.
      const reason = built && !built.ok ? built.error.message : parsed && !parsed.ok ? parsed.error.message : vscode.l10n.t('The text of this walkthrough was not kept.');
      webviewPanel.webview.html = renderPanelErrorPage(resourcesFor(webviewPanel.webview, extensionUri), webviewPanel.title, `${reason} ${vscode.l10n.t('Run "Explain Softmax Cross Entropy" again.')}`, null);
      return;
    }
    SoftmaxPanel.active?.dispose();
    const revived = new SoftmaxPanel(webviewPanel, extensionUri);
    SoftmaxPanel.active = revived;
    revived.writeShell(softmaxPanelTitle(state.documentName));
    revived.shown = { source: state.source, input: parsed.value, walkthrough: built.value, documentName: state.documentName, documentUri };
    revived.tracking.shown();
    await revived.render();
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
      // Loaded while the walkthrough is typeset.
      target.writeShell(softmaxPanelTitle(shown.documentName));
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
      const title = softmaxPanelTitle(shown.documentName);
      this.page = undefined;
      this.shellWritten = false;
      this.pageLive = false;
      this.panel.webview.html = renderPanelErrorPage(resourcesFor(this.panel.webview, this.extensionUri), title, this.errorMessage, null);
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
    const { getMathRenderer, mathRequests, typesetInTurn } = await import('../../render');
    const { renderDocumentHtmlFragment } = await import('../../render/document');
    const math = await getMathRenderer();
    const stale = () => generation !== this.generation || this.disposed;
    if (stale()) return;
    // Fifty cards typeset in one go held the extension host for a second (cold, in the web
    // workbench): the equations are typeset a slice at a time, then the page is written from the cache.
    const write = (m: typeof math) => renderDocumentHtmlFragment(w.document, m);
    const pauser = createPauser(TYPESET_SLICE_MS);
    if (!(await typesetInTurn(mathRequests(write, math), math, () => pauser.pause(), stale))) return;
    await yieldToHost();
    if (stale()) return;
    const fragment = write(math);
    const state: SoftmaxPanelState | null =
      shown.source.length <= MAX_PERSISTED_SOURCE_CHARS
        ? { version: 1, loss: 'softmax-ce', source: shown.source, documentName, documentUri: shown.documentUri?.toString() ?? null }
        : null;
    const fit = w.comparison?.fit;
    const toBce =
      fit?.calls === 'bce'
        ? vscode.l10n.t('Explain as Binary Cross Entropy (these targets call for it)')
        : vscode.l10n.t('Explain as Binary Cross Entropy (one sigmoid per class)');
    const offers = `<p class="lw-offer"><button type="button" data-message="explainAsBce">${escapeHtml(toBce)}</button></p>`;
    this.page = { run: generation, title: softmaxPanelTitle(documentName), styleSheet: math.styleSheet(), main: `${offers}\n${fragment}`, state };
    this.showPage();
  }

  /**
   * Shows the newest page: by message to the page the webview holds once it has loaded, else it
   * writes the panel's small page (BCE's loading page) and sends it the walkthrough when it says
   * it has loaded. Setting the whole walkthrough as the webview's HTML held the extension host
   * 133 ms for 50 samples (the HTML crosses to the workbench JSON-encoded); as a message it goes as bytes.
   */
  private showPage(): void {
    const page = this.page;
    if (!page || this.disposed) return;
    if (this.pageLive && this.panel.visible) {
      // The page keeps `state` for a window reload (panel.js saves it; the serializer gets it back).
      const message = { type: 'page', run: page.run, title: page.title, styleSheet: page.styleSheet, main: utf8.encode(page.main), pendingCards: 0, state: page.state };
      void Promise.resolve(this.panel.webview.postMessage(message)).then(
        (delivered) => {
          if (delivered || this.disposed || this.page !== page) return;
          this.shellWritten = false;
          this.showPage();
        },
        () => undefined,
      );
      return;
    }
    // Else the page written is loading (a hidden one loads again when shown): it asks with 'loaded'.
    if (!this.shellWritten) this.writeShell(page.title);
  }

  /** Writes the panel's page, which says "Working out the walkthrough…" until a walkthrough comes by message. */
  private writeShell(title: string): void {
    this.shellWritten = true;
    this.pageLive = false;
    this.panel.webview.html = renderPanelLoadingPage(resourcesFor(this.panel.webview, this.extensionUri), title, ++this.pageLoad);
  }

  private onLoaded(pageLoad: unknown): void {
    if (pageLoad !== this.pageLoad || !this.shellWritten) return;
    this.pageLive = true;
    this.showPage();
  }

  /** For tests: what the page shows, or is about to (the panel's own page receives it by message). */
  get currentPage(): SoftmaxPage | undefined {
    return this.page;
  }

  dispose(): void {
    this.panel.dispose();
  }
}

function resourcesFor(webview: vscode.Webview, extensionUri: vscode.Uri) {
  const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', name)).toString();
  return { cspSource: webview.cspSource, walkthroughCss: media('walkthrough.css'), panelCss: media('panel.css'), panelJs: media('panel.js') };
}
