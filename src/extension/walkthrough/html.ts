// The HTML page of the walkthrough panel around the renderer's fragment. The page may run only
// `media/panel.js` (by nonce) and load only our own stylesheets; nothing the user typed reaches
// it except through the renderer (which escapes) or as JSON in a non-executable data block.
import * as vscode from 'vscode';
import { escapeHtml } from '../../render/escape';
import type { PanelState } from './messages';

export interface PageResources {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly walkthroughCss: string;
  readonly panelCss: string;
  readonly panelJs: string;
}

export interface PageContent {
  readonly title: string;
  /** MathJax's stylesheet: needed for centred display equations and hidden assistive MathML. */
  readonly mathStyleSheet: string;
  /** Trusted HTML from the renderer. */
  readonly fragment: string;
  readonly renderedDerivations: number;
  readonly totalDerivations: number;
  /** Rows in the table when it was capped below `totalDerivations` (the element count); default: all. */
  readonly tableRows?: number;
  /** How many more one press of "Render more" adds. */
  readonly nextBatch: number;
  readonly state: PanelState | null;
  /** The render this page belongs to (the panel counts them); its messages carry it. Default 0. */
  readonly run?: number;
  /** Cards still to come after the page, by message (see `cards` in messages.ts). Default 0. */
  readonly pendingCards?: number;
  /** Offer the same selection under softmax cross entropy (an N×C pair it can take). */
  readonly offerSoftmax?: boolean;
  /** Which of the panel's page loads this is (see `loaded` in messages.ts). Default 0. */
  readonly pageLoad?: number;
}

export function createNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** JSON that cannot close the `<script>` element it sits in, nor open a comment. */
export function jsonForScriptBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Only our stylesheets, nonce'd style blocks and panel.js; the renderer's SVGs carry no `style` attribute, so none is allowed. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    'img-src data:',
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/** The same selection under softmax cross entropy, offered at the top of the page when it can take it. */
function softmaxOffer(offerSoftmax = false): string {
  if (!offerSoftmax) return '';
  return `<p class="lw-offer"><button type="button" data-message="explainAsSoftmax">${escapeHtml(vscode.l10n.t('Explain as Softmax Cross Entropy'))}</button></p>\n`;
}

function tableIsCapped(content: PageContent): content is PageContent & { readonly tableRows: number } {
  return content.tableRows !== undefined && content.tableRows < content.totalDerivations;
}

/** Above the walkthrough: a capped table must say so before anyone reads it as complete. */
function tableCapNote(content: PageContent): string {
  if (!tableIsCapped(content)) return '';
  const note = vscode.l10n.t(
    'The table shows the first {0} of {1} elements; the loss covers all of them. Every element\'s loss is in the command line\'s output: loss-walkthrough --format json.',
    content.tableRows,
    content.totalDerivations,
  );
  return `<p class="lw-omitted" role="note">${escapeHtml(note)}</p>`;
}

function renderMoreBlock(content: PageContent): string {
  const remaining = content.totalDerivations - content.renderedDerivations;
  if (remaining <= 0) return '';
  const batch = Math.min(content.nextBatch, remaining);
  const shown = tableIsCapped(content)
    ? vscode.l10n.t(
        'Showing the derivations of {0} of {1} elements; the table lists the first {2}.',
        content.renderedDerivations,
        content.totalDerivations,
        content.tableRows,
      )
    : vscode.l10n.t('Showing the derivations of {0} of {1} elements; the table lists them all.', content.renderedDerivations, content.totalDerivations);
  const label = vscode.l10n.t('Render {0} more', batch);
  return `<section class="lw-more"><p>${escapeHtml(shown)}</p><button type="button" data-message="renderMore">${escapeHtml(label)}</button></section>`;
}

/** What goes inside the page's `<main>`: written into a new page, or sent to a loaded one (see `page` in messages.ts). */
export function renderPanelMain(content: PageContent): string {
  return `${softmaxOffer(content.offerSoftmax)}${tableCapNote(content)}${content.fragment}\n${renderMoreBlock(content)}`;
}

export function renderPanelPage(resources: PageResources, content: PageContent, nonce: string = createNonce()): string {
  const state = content.state ? `<script type="application/json" id="lw-state">${jsonForScriptBlock(content.state)}</script>` : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language || 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(resources.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(resources.walkthroughCss)}">
<link rel="stylesheet" href="${escapeHtml(resources.panelCss)}">
<style nonce="${nonce}" id="lw-math-style">${styleBlockText(content.mathStyleSheet)}</style>
<title>${escapeHtml(content.title)}</title>
</head>
<body data-lw-run="${content.run ?? 0}" data-lw-pending-cards="${content.pendingCards ?? 0}" data-lw-page-load="${content.pageLoad ?? 0}">
<main class="lw-content">
${renderPanelMain(content)}
</main>
${state}
<script nonce="${nonce}" src="${escapeHtml(resources.panelJs)}"></script>
</body>
</html>`;
}

/** CSS that cannot close the `<style>` element it sits in. */
export function styleBlockText(css: string): string {
  return css.replace(/<\//g, '<\\/');
}

/**
 * The page a new panel shows while its first walkthrough is computed and typeset: the webview
 * loads it meanwhile (hundreds of milliseconds in the web workbench), and the walkthrough then
 * arrives by message instead of making the webview load a second page.
 */
export function renderPanelLoadingPage(resources: PageResources, title: string, pageLoad: number, preview?: PagePreview, nonce: string = createNonce()): string {
  if (!preview) {
    const fragment = `<p class="lw-loading" role="status" aria-busy="true">${escapeHtml(vscode.l10n.t('Working out the walkthrough…'))}</p>`;
    return renderPanelPage(resources, { title, mathStyleSheet: '', fragment, renderedDerivations: 0, totalDerivations: 0, nextBatch: 0, state: null, pageLoad }, nonce);
  }
  const loading = `<p class="lw-loading" role="status" aria-busy="true">${escapeHtml(vscode.l10n.t('Typesetting the steps…'))}</p>`;
  const { fragment, elementCount, ...rest } = preview;
  return renderPanelPage(
    resources,
    // Every element counted as rendered: the page offers "Render more" only once its cards are there.
    { ...rest, title, mathStyleSheet: '', fragment: fragment + loading, renderedDerivations: elementCount, totalDerivations: elementCount, nextBatch: 0, pageLoad },
    nonce,
  );
}

/** What a new panel can show before MathJax has loaded: the renderer's summary, table and heatmap. */
export interface PagePreview {
  /** Trusted HTML from the renderer (`renderHtmlPreview`). */
  readonly fragment: string;
  readonly elementCount: number;
  readonly tableRows: number;
  readonly offerSoftmax: boolean;
  readonly state: PanelState | null;
}

/** The page shown when the stored text no longer gives a walkthrough (e.g. after a settings change). */
export function renderPanelErrorPage(resources: PageResources, title: string, message: string, state: PanelState | null, nonce: string = createNonce(), run = 0, pageLoad = 0): string {
  return renderPanelPage(resources, panelErrorContent(title, message, state, run, pageLoad), nonce);
}

/** The error page's content, for a new page or a loaded one. */
export function panelErrorContent(title: string, message: string, state: PanelState | null, run = 0, pageLoad = 0): PageContent {
  const fragment = `<div class="lw-error" role="alert"><h2>${escapeHtml(vscode.l10n.t('This input cannot be explained with the current settings'))}</h2><p>${escapeHtml(message)}</p></div>`;
  return { title, mathStyleSheet: '', fragment, renderedDerivations: 0, totalDerivations: 0, nextBatch: 0, state, run, pageLoad };
}
