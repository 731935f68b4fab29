// What the export commands write, for any loss: each loss's panel hands them one of these, so the
// exports (copy, save, preview) never branch on which loss the walkthrough is. Each writer is
// imported on use: the HTML page needs MathJax, which must never load at activation.
import * as vscode from 'vscode';
import type { LossId } from '../../core/losses';
import type { SoftmaxWalkthrough } from '../../core/softmax/walkthrough';
import type { Walkthrough } from '../../core/types';

export interface ExportDocument {
  /** Which loss it explains: it names the saved files (`article.bce.md`, `batch.softmax-ce.html`). */
  readonly loss: LossId;
  /** The saved HTML page's title (and heading) for a walkthrough of `documentName`. */
  pageTitle(documentName: string): string;
  markdown(): Promise<string>;
  latex(): Promise<string>;
  /** A standalone page with `css` inlined, so the file works on its own. */
  htmlPage(title: string, css: string): Promise<string>;
}

/** The page is written in the display language: its sentences are translated to it. */
function pageLanguage(): string {
  return vscode.env.language || 'en';
}

/**
 * BCE's walkthrough as the panel holds it: its writers lay out what it holds (the panel's caps on
 * derivations and table rows) and say what they left out.
 */
export function bceExportDocument(walkthrough: Walkthrough): ExportDocument {
  return {
    loss: 'bce',
    pageTitle: (documentName) => vscode.l10n.t('Binary cross entropy: {0}', documentName),
    async markdown() {
      const { renderMarkdown } = await import('../../render');
      return renderMarkdown(walkthrough);
    },
    async latex() {
      const { renderLatex } = await import('../../render');
      return renderLatex(walkthrough);
    },
    async htmlPage(title, css) {
      const { getMathRenderer, renderHtmlPage } = await import('../../render');
      return renderHtmlPage(walkthrough, await getMathRenderer(), { title, css, lang: pageLanguage() });
    },
  };
}

/**
 * Softmax cross entropy's walkthrough: its document was capped as it was built (the derivations
 * and table rows the panel shows) and lists what it left out, which every writer prints.
 */
export function softmaxExportDocument(walkthrough: SoftmaxWalkthrough): ExportDocument {
  const doc = walkthrough.document;
  return {
    loss: 'softmax-ce',
    pageTitle: (documentName) => vscode.l10n.t('Softmax cross entropy: {0}', documentName),
    async markdown() {
      const { renderDocumentMarkdown } = await import('../../render/document');
      return renderDocumentMarkdown(doc);
    },
    async latex() {
      const { renderDocumentLatex } = await import('../../render/document');
      return renderDocumentLatex(doc);
    },
    async htmlPage(title, css) {
      const { getMathRenderer } = await import('../../render');
      const { renderDocumentHtmlPage } = await import('../../render/document');
      return renderDocumentHtmlPage(doc, await getMathRenderer(), { title, css, lang: pageLanguage() });
    },
  };
}
