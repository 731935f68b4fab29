// The one "BCE Walkthrough" panel: it owns its webview, its HTML and its state, is reused by
// every run, and is rebuilt from its saved state after a window reload (see serializer.ts).
// It keeps the text, not the results: every render recomputes with the settings of the moment,
// so a changed setting shows up in an open panel without running the command again.
import * as vscode from 'vscode';
import { inputError } from '../../core/errors';
import type { Result, Walkthrough } from '../../core/types';
import { softmaxCrossEntropyLoss } from '../../core/losses';
import { CommandId, PANEL_LIVE_CONTEXT_KEY, WALKTHROUGH_VIEW_TYPE } from '../commands';
import { bceExportDocument } from '../exports/exportDocument';
import { trackExportPanel, type ExportPanelTracking } from '../exports/exportPanels';
import { runExport, type ExportSubject } from '../exports/walkthroughExports';
import { progressOf, recordProgress } from '../learn/progress';
import { guarded, runGuarded } from '../log';
import { createPauser, yieldToHost } from '../schedule';
import { readSettings } from '../settings';
import { effectiveOptions, explainSource, type Extent } from './explain';
import { panelErrorContent, renderPanelErrorPage, renderPanelLoadingPage, renderPanelMain, renderPanelPage, type PageContent, type PageResources } from './html';
import { parsePanelState, parseWebviewMessage, type ExtensionMessage, type PanelAction, type PanelState } from './messages';
import type { WalkthroughOrigin } from './origin';
import type { LiveRequest } from '../debugger/liveData';

/** Larger texts are not written into the webview's saved state (the panel then does not survive a reload). */
export const MAX_PERSISTED_SOURCE_CHARS = 2_000_000;
const utf8 = new TextEncoder();
/**
 * The panel's table stops here: nobody reads further down a table, and a table is laid out
 * whole, so its rows were most of a large page's paint: with 5,000 rows Chromium painted a
 * 10,000-number page in 633 ms, with 1,000 in 129 ms and 200 in 52 ms (median of 8, the page as
 * `--format html` writes it). At 20,000 rows a million-number page was also 4.3 MB, and writing
 * it was the longest stretch the extension host was blocked (121 ms; at 5,000 rows, 50 ms).
 */
export const MAX_PANEL_TABLE_ROWS = 1_000;
/**
 * Cards typeset before the page is first written: at least one, and more while this lasts and
 * their HTML stays within FIRST_PAGE_CARD_CHARS. The rest follow by message, so the summary, the
 * table and the first cards show without waiting for all of them.
 */
const FIRST_PAGE_BUDGET_MS = 20;
/**
 * A warm run (every equation cached) once wrote all 50 cards into the first page: 3.2 MB with a
 * 10,000-number table, which code-server's webview took 2.6 s to paint, against 0.8 s for the
 * same page with a few cards (scripts/bench-live.mjs). Cards are about 36 KB each (45 KB before
 * MathJax's SVG was trimmed), so the first page holds five or six.
 */
const FIRST_PAGE_CARD_CHARS = 200_000;
/** Typesetting between two batches of cards sent to the page (and two yields to the host). */
const CARD_BATCH_MS = 15;
/**
 * A batch of cards also ends at this much HTML. Posting a message holds the extension host in
 * proportion to its size: as strings, 170 KB took 37 ms and 1.4 MB 150 ms in the typing test. So
 * messages go as bytes (messages.ts) and carry at most CARDS_MESSAGE_CHARS, one per task.
 */
const CARD_BATCH_CHARS = 60_000;
/**
 * The cards one message carries at most: what is ready when the page asks goes together, up to
 * this much HTML, one message per task.
 */
const CARDS_MESSAGE_CHARS = 400_000;
/** Typesetting between two yields: equations are typeset one at a time (a card is a dozen of them). */
export const TYPESET_SLICE_MS = 10;
/**
 * How long a render waits for a page the webview is loading, to send itself to that page by
 * message, before it writes a page of its own. A new panel's page took 0.5-1 s to load in the web
 * workbench on a busy machine (bench/workbench.ts); past this the page is taken for lost.
 */
const PAGE_LOAD_WAIT_MS = 3_000;

/** What the page of one render reported about its painting (extension host clock, `performance.now()`). */
export interface PaintReport {
  readonly run: number;
  /** When the page first reported a paint (with its first part, or complete). */
  readonly firstPaintAt: number;
  /** When the page reported a paint with every card. */
  readonly completeAt: number;
  /** When the loss first showed: a new panel's loading page shows it before the render's own page. */
  readonly answerAt: number;
  readonly cards: number;
  /** The summary's loss sentence as the page shows it ('' on an error page). */
  readonly answer: string;
}

/** The cards of a render that go to its page after the page is written, kept until the next render. */
interface CardStream {
  readonly run: number;
  readonly batches: { readonly from: number; readonly html: string; readonly done: boolean }[];
  /**
   * The page of this run has loaded. It asks again with the number of cards it holds when it is
   * loaded anew (a hidden panel shown again) or a batch did not reach it: it gets the batches from there.
   */
  ready: boolean;
  /** The batch to post next; set back when the page asks again from an earlier card. */
  next: number;
  /** The render loop or a task of `postPending` posts the batches as they come (one message per task). */
  posting: boolean;
}

export interface ShowOutcome {
  readonly reused: boolean;
  readonly result: Result<Walkthrough>;
}

export class WalkthroughPanel implements vscode.Disposable {
  private static current: WalkthroughPanel | undefined;

  /** The open panel, if any. */
  static get active(): WalkthroughPanel | undefined {
    return WalkthroughPanel.current;
  }

  /**
   * Shows `state` in the panel, creating it beside the editor or reusing the open one.
   * `computed` is the walkthrough the caller already built from the same state and settings.
   */
  static async show(extensionUri: vscode.Uri, state: PanelState, computed?: Walkthrough): Promise<ShowOutcome> {
    const existing = WalkthroughPanel.current;
    if (existing) {
      // The new page first, then reveal: a hidden panel then loads once, with the new page,
      // instead of loading the old one only to replace it a moment later.
      const result = await existing.update(state, computed);
      // Closed while it rendered: nothing to reveal (a disposed webview would throw).
      if (!existing.disposed) existing.panel.reveal(undefined, true);
      return { reused: true, result };
    }
    const webviewPanel = vscode.window.createWebviewPanel(
      WALKTHROUGH_VIEW_TYPE,
      panelTitle(state.documentName),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { ...webviewOptions(extensionUri), enableFindWidget: true },
    );
    const created = new WalkthroughPanel(webviewPanel, extensionUri, state);
    // The webview loads a page while the walkthrough is worked out, in parallel (it takes
    // hundreds of milliseconds either way); the walkthrough then goes to that page by message.
    await created.writeLoadingPage(computed);
    return { reused: false, result: await created.render(computed) };
  }

  /** Rebuilds a panel VS Code restored after a reload, from the state its webview saved. */
  static async revive(webviewPanel: vscode.WebviewPanel, extensionUri: vscode.Uri, rawState: unknown): Promise<void> {
    webviewPanel.webview.options = webviewOptions(extensionUri);
    const state = parsePanelState(rawState);
    if (!state) {
      // Nothing to rebuild from (an old version's state, or a text too large to keep).
      const resources = resourcesFor(webviewPanel.webview, extensionUri);
      webviewPanel.webview.html = renderPanelErrorPage(
        resources,
        webviewPanel.title,
        vscode.l10n.t('The text of this walkthrough was not kept. Run "Explain Binary Cross Entropy" again.'),
        null,
      );
      return;
    }
    WalkthroughPanel.current?.dispose();
    const revived = new WalkthroughPanel(webviewPanel, extensionUri, state);
    await revived.render();
  }

  private readonly disposables: vscode.Disposable[] = [];
  /** Makes this panel the title bar's and the palette's export target (with the softmax panel). */
  private readonly exportTracking: ExportPanelTracking;
  private latest: Walkthrough | undefined;
  /** Renders can overlap (settings change, follow-selection, runs in quick succession); only the newest may write the page. */
  private generation = 0;
  private stream: CardStream | undefined;
  private paint: { run: number; firstPaintAt: number; completeAt?: number; answerAt: number; cards: number; answer: string } | undefined;
  /** When a new panel's loading page showed the loss of render `run`, before that render's page. */
  private previewPaint: { run: number; at: number } | undefined;
  private paintWaiters: ((report: PaintReport | undefined) => void)[] = [];
  /**
   * The webview's page loads: each write of its HTML is one, and the page says which it is when
   * its script runs (`loaded`). A page that has loaded and is shown takes the next render by
   * message, which costs its content only; writing new HTML makes the webview load a new document.
   */
  private pageLoad = 0;
  private pageLive = false;
  /** Resolves when the page last written has loaded, the panel is hidden or closed, or PAGE_LOAD_WAIT_MS have passed. */
  private pageLoading: Promise<void> | undefined;
  private pageLoadingDone: (() => void) | undefined;
  /** The newest render's page, and whether the webview's HTML is that page (not when it went by message). */
  private currentPage: PageContent | undefined;
  private htmlIsCurrent = true;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private state: PanelState,
  ) {
    WalkthroughPanel.current = this;
    void vscode.commands.executeCommand('setContext', PANEL_LIVE_CONTEXT_KEY, state.live !== undefined);
    this.exportTracking = trackExportPanel(this, panel);
    this.disposables.push(
      this.exportTracking,
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        if (panel.visible) return;
        // A hidden webview drops its page; shown again, it loads the HTML it was last given.
        this.pageLive = false;
        this.endPageLoading();
        if (!this.htmlIsCurrent) this.writeHtml();
      }),
      panel.webview.onDidReceiveMessage(guarded(vscode.l10n.t('Walkthrough panel'), (raw: unknown) => this.onMessage(raw))),
    );
  }

  get origin(): WalkthroughOrigin {
    return { documentName: this.state.documentName, documentUri: this.state.documentUri ? vscode.Uri.parse(this.state.documentUri) : null };
  }

  /** How to read the panel's values again at another stop, when they came from a paused program. */
  get liveRequest(): LiveRequest | undefined {
    return this.state.live?.request;
  }

  /** Whether the panel already explains `source` from the document `documentUri`. */
  shows(source: string, documentUri: string | null): boolean {
    return this.state.source === source && this.state.documentUri === documentUri;
  }

  /** The walkthrough on screen, or undefined while the stored text gives an error. */
  get walkthrough(): Walkthrough | undefined {
    return this.latest;
  }

  get exportSubject(): ExportSubject | undefined {
    return this.latest ? { document: bceExportDocument(this.latest), origin: this.origin, extensionUri: this.extensionUri } : undefined;
  }

  /** Shows new text (a new run of the command). */
  update(state: PanelState, computed?: Walkthrough): Promise<Result<Walkthrough>> {
    this.state = state;
    this.exportTracking.shown();
    void vscode.commands.executeCommand('setContext', PANEL_LIVE_CONTEXT_KEY, state.live !== undefined);
    return this.render(computed);
  }

  /** Recomputes the current text, e.g. after a settings change. */
  refresh(): Promise<Result<Walkthrough>> {
    return this.render();
  }

  /**
   * Shows the same text again with the targets and the predictions swapped, or the swap undone:
   * the panel's answer to a role warning. The choice is kept in the state, so it survives a reload.
   */
  swapRoles(): Promise<Result<Walkthrough>> {
    const swapped = this.state.overrides.swapRoles === true;
    const { swapRoles: _previous, ...rest } = this.state.overrides;
    this.state = { ...this.state, overrides: swapped ? rest : { ...rest, swapRoles: true } };
    return this.render();
  }

  /** `target` (save actions only) is the file to write, instead of asking. */
  async runAction(action: PanelAction, target?: vscode.Uri): Promise<void> {
    const subject = this.exportSubject;
    if (!subject) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The panel shows no walkthrough to export.'));
      return;
    }
    await runExport(action, subject, target);
  }

  /**
   * A heatmap cell was chosen: renders that element's derivation (any element, also beyond the
   * rendered cards) and sends it to the page, which shows it under the heatmap. Returns the card
   * or the reason there is none, and whether the page took the message.
   */
  async showElement(flatIndex: number): Promise<{ readonly card: Result<string>; readonly delivered: boolean }> {
    const walkthrough = this.latest;
    if (!walkthrough) {
      const card: Result<string> = { ok: false, error: inputError('bad-option', vscode.l10n.t('The panel shows no walkthrough.')) };
      return { card, delivered: false };
    }
    const { getMathRenderer, renderDerivationCard } = await import('../../render');
    const card = renderDerivationCard(walkthrough, flatIndex, await getMathRenderer());
    // The page may have been redrawn for other text meanwhile: its cells would mean other elements.
    if (walkthrough !== this.latest || this.disposed) return { card, delivered: false };
    const message: ExtensionMessage = card.ok
      ? { type: 'elementCard', flatIndex, html: card.value }
      : { type: 'elementError', flatIndex, message: card.error.message };
    return { card, delivered: await this.panel.webview.postMessage(message) };
  }

  /**
   * The newest render's page as a whole document: the webview's HTML, or what it would be had the
   * render not gone to the loaded page by message. For tests, which cannot read the webview.
   */
  get pageHtml(): string | undefined {
    const content = this.currentPage;
    return content && renderPanelPage(resourcesFor(this.panel.webview, this.extensionUri), { ...content, pageLoad: this.pageLoad });
  }

  /**
   * The paint of the newest render's complete page, once its page reports it (at once if it
   * has); undefined if the panel closes first. For tests and the bench: what the person sees.
   */
  whenPainted(): Promise<PaintReport | undefined> {
    const paint = this.paint;
    if (paint && paint.run === this.generation && paint.completeAt !== undefined) {
      return Promise.resolve({ ...paint, completeAt: paint.completeAt });
    }
    if (this.disposed) return Promise.resolve(undefined);
    return new Promise((resolve) => this.paintWaiters.push(resolve));
  }

  private isStale(generation: number): boolean {
    return generation !== this.generation || this.disposed;
  }

  private async render(computed?: Walkthrough): Promise<Result<Walkthrough>> {
    const generation = ++this.generation;
    this.stream = undefined;
    const state = this.state;
    const settings = readSettings(this.origin.documentUri ?? undefined);
    const result: Result<Walkthrough> = computed
      ? { ok: true, value: computed }
      : explainSource(state.source, effectiveOptions(settings, state.overrides), panelExtent(state), state.live);
    const title = panelTitle(state.documentName);
    const persisted = state.source.length <= MAX_PERSISTED_SOURCE_CHARS ? state : null;
    if (!result.ok) {
      this.latest = undefined;
      const message = result.error.suggestion ? `${result.error.message} ${result.error.suggestion}` : result.error.message;
      this.panel.title = title;
      await this.writePage(generation, panelErrorContent(title, message, persisted, generation));
      return result;
    }
    const walkthrough = result.value;
    const started = performance.now();
    const { getMathRenderer, mathRequests, renderDerivationCards, renderHtmlFragment, typesetInTurn } = await import('../../render');
    const math = await getMathRenderer();
    if (this.isStale(generation)) return result;
    // The equations of what is written next, typeset a slice of a task at a time; then it is written from the cache.
    const pauser = createPauser(TYPESET_SLICE_MS);
    const typeset = (write: (m: typeof math) => unknown) =>
      typesetInTurn(mathRequests(write, math), math, () => pauser.pause(), () => this.isStale(generation));
    // A card can take tens of milliseconds to typeset (cold), so 50 cards in one go could block
    // the extension host for a second and keep the page blank as long: the page is written with
    // the cards typeset within a first budget, and the rest are typeset in tasks of their own and
    // sent to the page in batches.
    const derivations = walkthrough.derivations;
    let inPage = 0;
    let cardChars = 0;
    while (inPage < derivations.length && (inPage === 0 || (performance.now() - started < FIRST_PAGE_BUDGET_MS && cardChars < FIRST_PAGE_CARD_CHARS))) {
      const derivation = derivations[inPage]!;
      if (!(await typeset((m) => renderDerivationCards([derivation], m)))) return result;
      cardChars += renderDerivationCards([derivation], math).length;
      inPage++;
    }
    const inFragment = { ...walkthrough, derivations: derivations.slice(0, inPage) };
    if (!(await typeset((m) => renderHtmlFragment(inFragment, m, { swapButton: true })))) return result;
    // The summary, the table and the first cards' HTML in a task of their own.
    await yieldToHost();
    const fragment = renderHtmlFragment(inFragment, math, { swapButton: true });
    if (this.isStale(generation)) return result;
    // Writing the page in a task of its own too: in the typing test, at load 7, a 90 KB fragment took 31 ms to build and writing its page 30 ms more.
    await yieldToHost();
    if (this.isStale(generation)) return result;
    this.latest = walkthrough;
    recordProgress(progressOf(walkthrough));
    const stream: CardStream | undefined = inPage < derivations.length ? { run: generation, batches: [], ready: false, next: 0, posting: true } : undefined;
    this.stream = stream;
    this.panel.title = title;
    await this.writePage(generation, {
      title,
      mathStyleSheet: math.styleSheet(),
      fragment,
      renderedDerivations: derivations.length,
      totalDerivations: walkthrough.elementCount,
      tableRows: walkthrough.table.length,
      nextBatch: settings.maxRenderedLabels,
      state: persisted,
      run: generation,
      pendingCards: derivations.length - inPage,
      offerSoftmax: offersSoftmax(walkthrough, this.state.source),
    });
    if (!stream || this.isStale(generation)) return result;
    while (inPage < derivations.length) {
      await yieldToHost();
      if (this.isStale(generation)) return result;
      const from = inPage;
      const batchStarted = performance.now();
      let batchChars = 0;
      do {
        const derivation = derivations[inPage]!;
        if (!(await typeset((m) => renderDerivationCards([derivation], m)))) return result;
        batchChars += renderDerivationCards([derivation], math).length;
        inPage++;
      } while (inPage < derivations.length && performance.now() - batchStarted < CARD_BATCH_MS && batchChars < CARD_BATCH_CHARS);
      // Written again from the cache as one batch, with one set of glyphs.
      const batch = { from, html: renderDerivationCards(derivations.slice(from, inPage), math), done: inPage === derivations.length };
      stream.batches.push(batch);
      await this.postPending(stream);
    }
    stream.posting = false;
    return result;
  }

  /**
   * Shows render `generation`'s page: by message to the page the webview holds, once it has
   * loaded (waiting a bounded time for one it is loading), else as a new page.
   */
  private async writePage(generation: number, content: PageContent): Promise<void> {
    if (!this.pageLive && this.pageLoading && this.panel.visible) {
      await this.pageLoading;
      if (this.isStale(generation)) return;
    }
    // Only now: the page that loads meanwhile must not be sent this render as well as get it here.
    this.currentPage = content;
    if (this.pageLive && this.panel.visible) this.sendPage(content);
    else this.writeHtml();
  }

  /** Sends `content` to the loaded page; if the message cannot be delivered, the page is written anew. */
  private sendPage(content: PageContent): void {
    this.htmlIsCurrent = false;
    const message: ExtensionMessage = {
      type: 'page',
      run: content.run ?? 0,
      title: content.title,
      styleSheet: content.mathStyleSheet,
      main: utf8.encode(renderPanelMain(content)),
      pendingCards: content.pendingCards ?? 0,
      state: content.state,
    };
    void Promise.resolve(this.panel.webview.postMessage(message)).then(
      (delivered) => {
        if (!delivered && !this.disposed && this.currentPage === content) this.writeHtml();
      },
      () => undefined,
    );
  }

  /** Writes the newest render's page as the webview's HTML: the webview loads it as a new document. */
  private writeHtml(): void {
    const content = this.currentPage;
    if (!content || this.disposed) return;
    this.htmlIsCurrent = true;
    this.panel.webview.html = renderPanelPage(resourcesFor(this.panel.webview, this.extensionUri), { ...content, pageLoad: this.startPageLoad() });
  }

  /**
   * A new panel's first page, shown while its first walkthrough is worked out. With the
   * walkthrough already built it holds the summary and the table, which need no MathJax: the
   * answer shows as soon as the webview has loaded, while MathJax loads and typesets the steps.
   */
  private async writeLoadingPage(computed?: Walkthrough): Promise<void> {
    const title = panelTitle(this.state.documentName);
    const resources = resourcesFor(this.panel.webview, this.extensionUri);
    if (!computed) {
      this.panel.webview.html = renderPanelLoadingPage(resources, title, this.startPageLoad());
      return;
    }
    // The renderer's module without MathJax, which it loads on first use.
    const { renderHtmlPreview } = await import('../../render');
    if (this.disposed) return;
    const preview = {
      fragment: renderHtmlPreview(computed, { swapButton: true }),
      elementCount: computed.elementCount,
      tableRows: computed.table.length,
      // Deciding it parses the text again; the full page, a moment later, has the offer.
      offerSoftmax: false,
      state: this.state.source.length <= MAX_PERSISTED_SOURCE_CHARS ? this.state : null,
    };
    this.panel.webview.html = renderPanelLoadingPage(resources, title, this.startPageLoad(), preview);
  }

  /** Counts a new page load and returns its number; renders wait for it (bounded) to send themselves to it. */
  private startPageLoad(): number {
    this.endPageLoading();
    this.pageLive = false;
    const pageLoad = ++this.pageLoad;
    let timer: ReturnType<typeof setTimeout> | undefined;
    this.pageLoading = new Promise<void>((resolve) => {
      this.pageLoadingDone = () => {
        clearTimeout(timer);
        this.pageLoading = undefined;
        this.pageLoadingDone = undefined;
        resolve();
      };
      timer = setTimeout(this.pageLoadingDone, PAGE_LOAD_WAIT_MS);
    });
    return pageLoad;
  }

  private endPageLoading(): void {
    this.pageLoadingDone?.();
  }

  private onLoaded(message: { pageLoad: number; run: number }): void {
    if (message.pageLoad !== this.pageLoad) return; // a page written before the newest one
    this.pageLive = true;
    this.endPageLoading();
    // The webview loaded this page again with an older render than the newest (it reloads the
    // HTML it was last given, e.g. when the panel moves to another group): send it the newest.
    const current = this.currentPage;
    if (current && (current.run ?? 0) !== message.run && this.panel.visible) this.sendPage(current);
  }

  /**
   * Once the page is ready, posts the batches from `stream.next` on, each in a task of its own
   * (never in the task that typeset it): one loop at a time, so that no two tasks of ours run back
   * to back ahead of the host's other work.
   */
  private async postPending(stream: CardStream): Promise<void> {
    while (stream.ready && stream.next < stream.batches.length) {
      await yieldToHost();
      if (this.disposed || this.stream !== stream) return;
      // Every batch ready by now, up to a bound, in one message: the page lays out and paints
      // once for them (in the web workbench, 20 labels' cards in 8 messages took the page
      // 150-250 ms after the last was posted).
      const from = stream.next;
      let chars = 0;
      while (stream.next < stream.batches.length && (stream.next === from || chars + stream.batches[stream.next]!.html.length <= CARDS_MESSAGE_CHARS)) {
        chars += stream.batches[stream.next]!.html.length;
        stream.next++;
      }
      this.sendCards(stream, stream.batches.slice(from, stream.next));
    }
  }

  /** Sends `batches` (consecutive) as one message. */
  private sendCards(stream: CardStream, batches: CardStream['batches']): void {
    const first = batches[0];
    const last = batches[batches.length - 1];
    if (this.disposed || this.stream !== stream || !first || !last) return;
    const message: ExtensionMessage = { type: 'cards', run: stream.run, from: first.from, html: utf8.encode(batches.map((b) => b.html).join('')), done: last.done };
    // A page replaced meanwhile drops the message; its successor asks again with 'ready'.
    void Promise.resolve(this.panel.webview.postMessage(message)).catch(() => undefined);
  }

  private onPainted(message: { run: number; complete: boolean; cards: number; answer: string; at?: number }): void {
    // On the extension host's clock, when the page painted: the message may wait while the host is
    // busy (typesetting, at the first run), and the person saw the page before it was read.
    const now = performance.now() - (message.at === undefined ? 0 : Math.min(1_000, Math.max(0, Date.now() - message.at)));
    if (message.run === 0) {
      // A new panel's loading page: with the summary of the render under way, the loss shows now.
      if (message.answer !== '' && this.paint?.run !== this.generation) this.previewPaint = { run: this.generation, at: now };
      return;
    }
    if (message.run !== this.generation) return;
    const answerAt = this.previewPaint?.run === message.run ? this.previewPaint.at : now;
    const paint = this.paint?.run === message.run ? this.paint : { run: message.run, firstPaintAt: now, answerAt, cards: 0, answer: '' };
    paint.cards = message.cards;
    paint.answer = message.answer;
    if (message.complete && paint.completeAt === undefined) paint.completeAt = now;
    this.paint = paint;
    if (paint.completeAt === undefined) return;
    const report: PaintReport = { ...paint, completeAt: paint.completeAt };
    for (const resolve of this.paintWaiters.splice(0)) resolve(report);
  }

  private onMessage(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready': {
        const stream = this.stream;
        if (stream && stream.run === message.run) {
          stream.ready = true;
          const next = stream.batches.findIndex((b) => b.from >= message.have);
          stream.next = next < 0 ? stream.batches.length : next;
          if (!stream.posting) {
            stream.posting = true;
            runGuarded(vscode.l10n.t('Walkthrough panel'), () => this.postPending(stream).finally(() => (stream.posting = false)));
          }
        }
        return;
      }
      case 'painted':
        this.onPainted(message);
        return;
      case 'loaded':
        this.onLoaded(message);
        return;
      case 'showElement':
        runGuarded(vscode.l10n.t('Showing an element'), () => this.showElement(message.flatIndex));
        return;
      case 'swapRoles':
        runGuarded(vscode.l10n.t('Swapping targets and predictions'), () => this.swapRoles());
        return;
      case 'explainAsSoftmax':
        runGuarded(vscode.l10n.t('Explain Softmax Cross Entropy'), () =>
          vscode.commands.executeCommand(CommandId.explainSoftmaxCrossEntropy, this.state.source, { documentName: this.origin.documentName }),
        );
        return;
      case 'renderMore': {
        const step = readSettings(this.origin.documentUri ?? undefined).maxRenderedLabels;
        this.state = { ...this.state, renderedLabels: this.state.renderedLabels + step };
        runGuarded(vscode.l10n.t('Render more'), () => this.render());
        return;
      }
    }
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stream = undefined;
    this.endPageLoading();
    for (const resolve of this.paintWaiters.splice(0)) resolve(undefined);
    if (WalkthroughPanel.current === this) {
      WalkthroughPanel.current = undefined;
      void vscode.commands.executeCommand('setContext', PANEL_LIVE_CONTEXT_KEY, false);
    }
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** An N×C pair that softmax cross entropy can take too: the panel offers it in one click. */
function offersSoftmax(w: Walkthrough, source: string): boolean {
  return w.result.shape.length === 2 && (w.result.shape[1] as number) >= 2 && softmaxCrossEntropyLoss.parse(source).ok;
}

/** How much of the text the panel lays out for `state`. */
export function panelExtent(state: PanelState): Extent {
  return { maxDerivations: state.renderedLabels, maxTableRows: MAX_PANEL_TABLE_ROWS };
}

export function panelTitle(documentName: string): string {
  return vscode.l10n.t('BCE: {0}', documentName);
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

function resourcesFor(webview: vscode.Webview, extensionUri: vscode.Uri): PageResources {
  const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', name)).toString();
  return {
    cspSource: webview.cspSource,
    walkthroughCss: media('walkthrough.css'),
    panelCss: media('panel.css'),
    panelJs: media('panel.js'),
  };
}
