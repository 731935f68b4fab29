// The document writers of each loss, behind one shape, so an entry point that holds a
// LossDefinition (src/core/losses) can write its walkthrough in every format without knowing
// which loss it is. Every writer yields chunks: a caller streams them, or joins them.
import * as l10n from '@vscode/l10n';
import type { SoftmaxWalkthrough } from '../core/softmax/walkthrough';
import type { Walkthrough, WalkthroughOptions } from '../core/types';
import { renderDocumentHtmlPage, renderDocumentLatex, renderDocumentMarkdown, renderDocumentText, type DocumentPageOptions } from './document';
import { htmlPageChunks } from './html';
import { latexChunks } from './latex';
import { markdownChunks } from './markdown';
import type { MathRenderer } from './mathjax';
import type { WriterExtent } from './outline';
import { textChunks } from './text';

export interface DocumentWriteOptions {
  readonly title?: string;
  /** How many derivations and table rows to write (each at most the element count). */
  readonly extent: WriterExtent;
}

export interface LossWriters<Walk> {
  /** What a document could show one derivation and one table row for. */
  elementCount(w: Walk): number;
  /** What the walkthrough must hold for these writers to write `requested` (Infinity: everything). */
  buildOptions(requested: WriterExtent): WalkthroughOptions;
  text(w: Walk, options: DocumentWriteOptions): Iterable<string>;
  markdown(w: Walk, options: DocumentWriteOptions): Iterable<string>;
  latex(w: Walk, options: DocumentWriteOptions): Iterable<string>;
  htmlPage(w: Walk, math: MathRenderer, options: DocumentPageOptions & DocumentWriteOptions): Iterable<string>;
  /** One line for the terminal on how to act on the document's warning, if it has one. */
  advice(w: Walk): string | undefined;
}

/** The panel's own caps: BCE's walkthrough holds at most these, and its writers derive the rest as they reach them. */
const HELD_DERIVATIONS = 50;
const HELD_TABLE_ROWS = 5_000;

export const bceWriters: LossWriters<Walkthrough> = {
  elementCount: (w) => w.elementCount,
  buildOptions: (r) => ({ maxDerivations: Math.min(r.derivations, HELD_DERIVATIONS), maxTableRows: Math.min(r.tableRows, HELD_TABLE_ROWS) }),
  text: (w, o) => textChunks(w, o),
  markdown: (w, o) => markdownChunks(w, o),
  latex: (w, o) => latexChunks(w, o),
  htmlPage: (w, math, o) => htmlPageChunks(w, math, o),
  advice(w) {
    if (w.parsed.roleWarning === undefined) return undefined;
    return w.parsed.rolesSwapped === true
      ? l10n.t('the targets and predictions still look swapped; run again without --swap.')
      : l10n.t('the targets and predictions look swapped; run again with --swap to exchange them.');
  },
};

/** Softmax CE's walkthrough holds one card per sample it shows: its caps are applied as it is built, not by its writers. */
export const softmaxWriters: LossWriters<SoftmaxWalkthrough> = {
  elementCount: (w) => w.result.shape[0],
  buildOptions: (r) => ({ maxDerivations: r.derivations, maxTableRows: r.tableRows }),
  text: (w) => [renderDocumentText(w.document)],
  markdown: (w, o) => [renderDocumentMarkdown(w.document, o.title)],
  latex: (w, o) => [renderDocumentLatex(w.document, o.title)],
  htmlPage: (w, math, o) => [renderDocumentHtmlPage(w.document, math, o)],
  advice: () => undefined,
};
