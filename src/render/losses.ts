// The writers of each loss, behind one shape, so an entry point that holds a LossDefinition
// (src/core/losses) can write its walkthrough in every format without knowing which loss it is.
import type { SoftmaxWalkthrough } from '../core/softmax/walkthrough';
import type { Walkthrough } from '../core/types';
import { renderDocumentHtmlFragment, renderDocumentHtmlPage, renderDocumentLatex, renderDocumentMarkdown, renderDocumentText, type DocumentPageOptions } from './document';
import { renderHtmlFragment, renderHtmlPage } from './html';
import { renderLatex } from './latex';
import { renderMarkdown } from './markdown';
import type { MathRenderer } from './mathjax';
import { renderText } from './text';

export interface LossWriters<Walk> {
  text(w: Walk): string;
  markdown(w: Walk, title?: string): string;
  latex(w: Walk, title?: string): string;
  htmlFragment(w: Walk, math: MathRenderer): string;
  htmlPage(w: Walk, math: MathRenderer, options?: DocumentPageOptions): string;
}

export const bceWriters: LossWriters<Walkthrough> = {
  text: renderText,
  markdown: renderMarkdown,
  latex: renderLatex,
  htmlFragment: (w, math) => renderHtmlFragment(w, math),
  htmlPage: renderHtmlPage,
};

export const softmaxWriters: LossWriters<SoftmaxWalkthrough> = {
  text: (w) => renderDocumentText(w.document),
  markdown: (w, title) => renderDocumentMarkdown(w.document, title),
  latex: (w, title) => renderDocumentLatex(w.document, title),
  htmlFragment: (w, math) => renderDocumentHtmlFragment(w.document, math),
  htmlPage: (w, math, options) => renderDocumentHtmlPage(w.document, math, options),
};
